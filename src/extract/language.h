// The language a page's body is written in. Internal to src/extract.
#pragma once

#include <string>
#include <vector>

namespace newsfuse::extract_internal {

// The ISO 639-1 code ("en", "de") CLD2 gives for the first ~8 KB of the
// paragraphs; "" when CLD2 is not sure (a few words, mixed scripts) or finds
// no language. Never fails otherwise.
std::string GuessLanguage(const std::vector<std::string>& paragraphs);

}  // namespace newsfuse::extract_internal
