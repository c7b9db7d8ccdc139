#include "cli/progress_line.h"

#include <fmt/format.h>

#include <algorithm>

namespace newsfuse::cli {
namespace {

std::string Clock(double seconds) {
  const auto s = static_cast<int64_t>(seconds + 0.5);
  if (s >= 3600) return fmt::format("{}:{:02}:{:02}", s / 3600, (s / 60) % 60, s % 60);
  return fmt::format("{}:{:02}", s / 60, s % 60);
}

}  // namespace

std::string FormatProgressLine(const ProgressFigures& f) {
  const double rate = f.elapsed_s > 0 ? static_cast<double>(f.articles) / f.elapsed_s : 0.0;
  std::string line = fmt::format("{} articles, {:.0f} articles/s, {} {}", f.articles, rate,
                                 f.stories, f.stories == 1 ? "story" : "stories");
  if (!f.total_bytes || *f.total_bytes == 0) return line;
  const double done =
      std::min(1.0, static_cast<double>(f.bytes_read) / static_cast<double>(*f.total_bytes));
  line += fmt::format(", {:.0f}% of input", done * 100);
  // The bytes read so far set the pace; before any are read there is none.
  if (done > 0 && f.elapsed_s > 0) line += ", ETA " + Clock(f.elapsed_s * (1 - done) / done);
  return line;
}

}  // namespace newsfuse::cli
