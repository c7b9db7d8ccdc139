// Markdown for terminals and notes: the summary first (what a reader wants),
// each sentence followed by its citation keys, then the sources those keys
// name. Citation keys are the report's own ("S1"), so the Markdown, the JSON
// and the HTML of one report agree on them.
#include <fmt/format.h>

#include <string>

#include "render/render.h"

namespace newsfuse {
namespace {

std::string Citations(const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) out += fmt::format("[{}]", id);
  return out;
}

std::string SourceLine(const ReportSource& s) {
  std::string line = fmt::format("- **[{}]** {}", s.id, s.outlet.empty() ? "(unknown outlet)" : s.outlet);
  if (!s.title.empty()) line += fmt::format(" — *{}*", s.title);
  if (!s.published.empty()) line += fmt::format(", {}", s.published);
  if (!s.authors.empty()) {
    std::string names;
    for (const auto& a : s.authors) names += (names.empty() ? "" : ", ") + a;
    line += fmt::format(", by {}", names);
  }
  if (!s.url.empty()) line += fmt::format(" <{}>", s.url);
  return line + "\n";
}

}  // namespace

std::string RenderMarkdown(const StoryReport& report) {
  std::string out = fmt::format("# {}\n\n", report.headline.empty() ? "(untitled story)" : report.headline);
  out += fmt::format("Story `{}` · {} source{}", report.story_id, report.sources.size(),
                     report.sources.size() == 1 ? "" : "s");
  if (!report.first_seen.empty()) {
    out += fmt::format(" · {}", report.first_seen);
    if (!report.last_updated.empty() && report.last_updated != report.first_seen)
      out += fmt::format(" to {}", report.last_updated);
  }
  out += "\n\n## Summary\n\n";
  for (const auto& s : report.summary) out += fmt::format("- {} {}\n", s.text, Citations(s.citations));
  out += "\n## Sources\n\n";
  for (const auto& s : report.sources) out += SourceLine(s);
  return out;
}

}  // namespace newsfuse
