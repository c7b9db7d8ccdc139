#include "render/index_page.h"

#include <fmt/format.h>

#include <string_view>

#include "core/terminal_text.h"
#include "render/html_text.h"
#include "render/render.h"

namespace newsfuse {
namespace {

std::string HtmlText(std::string_view text) {
  return render_internal::HtmlEscape(TerminalSafeLine(text));
}

// Backslash before every character that could start Markdown syntax or raw
// HTML (CommonMark lets any ASCII punctuation be escaped so).
std::string MarkdownText(std::string_view text) {
  std::string out;
  for (char c : TerminalSafeLine(text)) {
    if (std::string_view("\\`*_~[]<>&#|!()").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

// A relative link to a file beside the index: percent-encoding ':' and '/'
// keeps it from naming a scheme or another folder whatever the stem holds.
std::string FileLink(std::string_view stem, std::string_view ext) {
  std::string out;
  for (unsigned char c : stem) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '.' || c == '_' || c == '-';
    out += plain ? std::string(1, static_cast<char>(c)) : fmt::format("%{:02X}", c);
  }
  return out + std::string(ext);
}

std::string Dates(const StoryReport& report) {
  if (StoryUndated(report) || report.first_seen.empty()) return "undated";
  const std::string first = report.first_seen.substr(0, 10);
  const std::string last = report.last_updated.substr(0, 10);
  return last.empty() || last == first ? first : first + " to " + last;
}

std::string Headline(const StoryReport& report) {
  return report.headline.empty() ? "(no headline)" : report.headline;
}

}  // namespace

std::string RenderIndexHtml(const std::vector<ReportIndexEntry>& entries) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8>"
      "<title>newsfuse stories</title><style>body{font-family:sans-serif;max-width:60em;"
      "margin:auto;padding:1em}li{margin:.5em 0}.meta{color:#555;font-size:.9em}</style>"
      "</head><body>\n<h1>Stories</h1>\n";
  if (entries.empty()) return out + "<p>No story report in this folder.</p>\n</body></html>\n";
  out += fmt::format("<p>{} {}</p>\n<ul>\n", entries.size(),
                     entries.size() == 1 ? "story" : "stories");
  for (const auto& e : entries) {
    out += fmt::format(
        "<li><a href=\"{}\">{}</a><br><span class=meta>{} · {} {} · <a href=\"{}\">md</a> · "
        "<a href=\"{}\">json</a></span></li>\n",
        HtmlText(FileLink(e.file_stem, ".html")), HtmlText(Headline(e.report)),
        HtmlText(Dates(e.report)), e.report.sources.size(),
        e.report.sources.size() == 1 ? "source" : "sources", HtmlText(FileLink(e.file_stem, ".md")),
        HtmlText(FileLink(e.file_stem, ".json")));
  }
  return out + "</ul>\n</body></html>\n";
}

std::string RenderIndexMarkdown(const std::vector<ReportIndexEntry>& entries) {
  std::string out = "# Stories\n\n";
  if (entries.empty()) return out + "No story report in this folder.\n";
  out += fmt::format("{} {}\n\n", entries.size(), entries.size() == 1 ? "story" : "stories");
  for (const auto& e : entries) {
    out += fmt::format("- [{}]({}) — {}, {} {} ([html]({}), [json]({}))\n",
                       MarkdownText(Headline(e.report)), FileLink(e.file_stem, ".md"),
                       MarkdownText(Dates(e.report)), e.report.sources.size(),
                       e.report.sources.size() == 1 ? "source" : "sources",
                       FileLink(e.file_stem, ".html"), FileLink(e.file_stem, ".json"));
  }
  return out;
}

}  // namespace newsfuse
