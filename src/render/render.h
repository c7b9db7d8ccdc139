// Render: a StoryReport as JSON (the contract), Markdown or HTML.
//
// The JSON schema is documented in docs/report-schema.md and versioned by its
// "schema_version" field; renderers only draw what the report holds.
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

}  // namespace newsfuse

namespace newsfuse {

// One extracted article with the source of each metadata field (for
// `newsfuse extract`). Not part of the story report contract.
std::string RenderArticleJson(const Article& article);

}  // namespace newsfuse
