// An analysed article as JSON, for `newsfuse analyze` and for tools that
// inspect what the analyzer found. Not part of the story report contract
// (docs/report-schema.md); field names follow core/records.h.
//
// Every annotation carries its byte span ("begin", "end") into "body" and the
// text it covers, so a reader can check each one against the article without
// recomputing offsets. Unbounded interval ends ("more than 5" -> [5, inf))
// are written as null, since JSON has no infinity.
#pragma once

#include <string>

#include "core/records.h"

namespace newsfuse {

std::string RenderAnnotationsJson(const AnnotatedArticle& article);

// The same annotations as aligned plain text, one line per annotation, for a
// terminal: control characters and escape sequences from the page are
// stripped (core/terminal_text.h).
std::string RenderAnnotationsText(const AnnotatedArticle& article);

}  // namespace newsfuse
