// The progress line long commands (ingest, digest) rewrite in place on
// stderr: formatting and throttling only, so both can be tested without a
// terminal.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace newsfuse::cli {

struct ProgressFigures {
  int64_t articles = 0;     // pages read so far
  int64_t stories = 0;      // distinct stories those articles landed in
  double elapsed_s = 0;     // since the run started
  uint64_t bytes_read = 0;  // input bytes consumed so far
  // Sum of the input file sizes; nullopt when unknown (stdin), and then no
  // ETA is shown.
  std::optional<uint64_t> total_bytes;
};

// "1200 articles, 340 articles/s, 85 stories, 42% of input, ETA 0:07".
std::string FormatProgressLine(const ProgressFigures& f);

// Says whether an update at `now_s` (seconds since start) should be drawn:
// at most one per `interval_s`, so a fast run does not spend its time
// redrawing the terminal.
class ProgressThrottle {
 public:
  explicit ProgressThrottle(double interval_s = 0.25) : interval_s_(interval_s) {}
  bool Due(double now_s) {
    if (drawn_ && now_s - last_s_ < interval_s_) return false;
    drawn_ = true;
    last_s_ = now_s;
    return true;
  }

 private:
  double interval_s_;
  double last_s_ = 0;
  bool drawn_ = false;
};

}  // namespace newsfuse::cli
