// Render: the index of a folder of story reports (`newsfuse digest` writes
// index.html and index.md beside the story-<id>.{json,md,html} it wrote).
//
// Output safety as in render.h: every piece of report text is escaped (HTML)
// or made inert (Markdown) and stripped of control sequences. The index links
// only to the report files beside it, by relative path with every byte
// outside [A-Za-z0-9._-] percent-encoded, so no entry can become a link to
// another scheme or folder; it prints no URL from the input.
#pragma once

#include <string>
#include <vector>

#include "core/records.h"

namespace newsfuse {

struct ReportIndexEntry {
  std::string file_stem;  // "story-<id>": the index links file_stem + ".html", ".md", ".json"
  StoryReport report;     // headline, dates and sources are shown
};

// Entries are shown in the order given. An empty list gives a page that says
// the folder holds no report.
std::string RenderIndexHtml(const std::vector<ReportIndexEntry>& entries);
std::string RenderIndexMarkdown(const std::vector<ReportIndexEntry>& entries);

}  // namespace newsfuse
