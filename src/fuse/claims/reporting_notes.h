// A reporter's note on the reporting itself ("Zeidan was not immediately
// available for comment", "the ministry declined to comment"): true of the
// newsroom's day, not of the story's event, and repeated word for word by
// every outlet that runs one wire's copy, so it would look corroborated.
// Internal to src/fuse/claims.
#pragma once

#include <cstddef>
#include <string_view>

#include "text/tokens.h"

namespace newsfuse::fuse {

// Whether sentence `sentence` of `tokens` (a scan of `body`) is such a note:
// it asks for, awaits or refuses a comment ("for comment", "to comment",
// "seeking comment", "for a comment").
bool IsReportingNote(std::string_view body, const text::Tokens& tokens, size_t sentence);

}  // namespace newsfuse::fuse
