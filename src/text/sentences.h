// Sentence boundaries in news text.
//
// ICU's rule-based sentence break iterator, corrected for what news prose
// trips it on: abbreviations ("U.S.", "Feb.", "Adm.", "No."), initials
// ("J. R. Smith") and paragraph breaks, which always end a sentence.
#pragma once

#include <string_view>
#include <vector>

#include "core/records.h"

namespace newsfuse {

// Byte spans of the sentences of `text` (UTF-8), trimmed of surrounding
// whitespace, in order. Empty text gives no sentences.
std::vector<Span> SplitSentences(std::string_view text);

}  // namespace newsfuse
