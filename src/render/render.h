// Render: a StoryReport as JSON (the contract), Markdown or HTML.
//
// The JSON schema is documented in docs/report-schema.md and versioned by its
// "schema_version" field; renderers only draw what the report holds.
//
// Output safety (the report's text all comes from strangers' pages):
//   - only http and https URLs become links (HTML <a href>, Markdown
//     autolinks); any other scheme (javascript:, data:) is shown as text;
//   - HTML escapes every piece of input text; Markdown escapes the characters
//     that would start raw HTML, a link, an image, code or emphasis, and joins
//     line breaks, so a Markdown viewer runs no HTML from the input;
//   - Markdown and HTML drop control characters and escape sequences
//     (core/terminal_text.h), so printing a report to a terminal is safe.
//     JSON escapes C0 controls by itself.
#pragma once

#include <string>

#include "core/records.h"
#include "core/status.h"

namespace newsfuse {

std::string RenderJson(const StoryReport& report);
Result<StoryReport> ParseReportJson(const std::string& json);
std::string RenderMarkdown(const StoryReport& report);
// One self-contained page (inline CSS and SVG, no script, no network).
std::string RenderHtml(const StoryReport& report);

// True when the report has sources and none of them states a publication
// date: its timeline cannot be anchored in time, and every renderer says so
// (with kUndatedNotice in Markdown and HTML, "undated" in JSON).
bool StoryUndated(const StoryReport& report);
extern const char kUndatedNotice[];

}  // namespace newsfuse

namespace newsfuse {

// One extracted article with the source of each metadata field (for
// `newsfuse extract`). Not part of the story report contract.
std::string RenderArticleJson(const Article& article);

}  // namespace newsfuse
