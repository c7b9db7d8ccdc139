// Text helpers both stores' search paths share, private to the store.
#pragma once

#include <string>
#include <string_view>

namespace newsfuse::store_internal {

// Snippets cross paragraph breaks; one line reads better in a result list.
std::string CollapseWhitespace(std::string_view text);

// `text` as SQLite's unicode61 tokenizer (remove_diacritics) reads it:
// combining marks removed ("Zelenský" -> "Zelensky") and every character
// that is not a letter or a number made a space ("al-Sharaa" -> "al Sharaa",
// "c.1998" -> "c 1998"). PostgreSQL's parser keeps diacritics and reads
// hosts, paths and hyphenated words as tokens of their own, so the
// PostgreSQL store indexes and queries this text instead: both stores then
// see the same words.
std::string SearchWords(std::string_view text);

// "[Abu] [Dhabi]" -> "[Abu Dhabi]": PostgreSQL marks each word of a phrase,
// FTS5 the phrase; both read the same once marks only a space apart merge.
std::string MergeAdjacentMarks(std::string_view snippet);

}  // namespace newsfuse::store_internal
