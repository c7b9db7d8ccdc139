// Text helpers both stores' search paths share, private to the store.
#pragma once

#include <string>
#include <string_view>

namespace newsfuse::store_internal {

// Snippets cross paragraph breaks; one line reads better in a result list.
std::string CollapseWhitespace(std::string_view text);

// `text` with its combining marks removed ("Zelenský" -> "Zelensky"), as
// SQLite's unicode61 tokenizer folds diacritics: PostgreSQL's parser keeps
// them, so the PostgreSQL store indexes and queries the folded text.
std::string FoldDiacritics(std::string_view text);

// "[Abu] [Dhabi]" -> "[Abu Dhabi]": PostgreSQL marks each word of a phrase,
// FTS5 the phrase; both read the same once marks only a space apart merge.
std::string MergeAdjacentMarks(std::string_view snippet);

}  // namespace newsfuse::store_internal
