// Spelling-insensitive keys for names.
//
// The same person reaches English news through several transliterations
// (Zelensky, Zelenskiy, Zelenskyy) and with or without diacritics (Zaporizhzhia,
// Zaporižžja). A key folds case and diacritics to ASCII and then applies the
// ordered spelling folds of data/analyze/entity/curated.tsv ("translit"), so
// the variants share one key across articles.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace newsfuse::analyze::entity {

// Appends `text` lower-cased with Latin diacritics removed ("Ž" -> "z");
// characters with no ASCII base are kept as they are.
void AppendAsciiFolded(std::string_view text, std::string& out);

// The key of one word or a space-joined phrase: ASCII-folded, then each fold
// applied to each word. Punctuation other than spaces and hyphens is dropped.
std::string NameKey(std::string_view text,
                    const std::vector<std::pair<std::string, std::string>>& folds);

}  // namespace newsfuse::analyze::entity
