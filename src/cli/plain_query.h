// `newsfuse search` takes what a newcomer types (al-Sharaa, U.S., don't,
// "a quoted phrase", -excluded) and turns it into an FTS5 query that cannot
// be a syntax error. Raw FTS5 syntax stays available behind --fts.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace newsfuse::cli {

// Builds the FTS5 query for plain words:
//   - each word becomes one FTS5 string ("al-Sharaa" -> "al-Sharaa"), which
//     FTS5 tokenizes itself, so punctuation inside a word makes a phrase of
//     its parts (al Sharaa, U S) instead of operator syntax;
//   - "a quoted phrase" stays one phrase; an unclosed quote runs to the end;
//   - a word that starts with '-' (after a blank or at the start) is excluded:
//     (all other words) NOT (excluded1 OR excluded2);
//   - FTS5 keywords typed as words (OR, NOT, NEAR) are searched as words.
//   - a bare word for which `variants` gives other spellings (index words,
//     cli/name_aliases.h) matches any of them: ("Zelensky" OR "zelenskii").
// Returns kUsage naming `words` when nothing is left to search for (empty,
// only punctuation, or only excluded words: FTS5 cannot match "not X" alone).
using WordVariants = std::function<std::vector<std::string>(std::string_view word)>;
Result<std::string> PlainWordsToFts(std::string_view words, const WordVariants& variants = {});

}  // namespace newsfuse::cli
