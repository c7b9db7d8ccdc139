// The curated word lists of data/text/, compiled into the library.
//
// Each list is the file's text; Lines() yields its entries without comments
// or blank lines. Internal to newsfuse_text and the stages that build on it.
#pragma once

#include <string_view>
#include <vector>

namespace newsfuse::word_lists {

// data/text/stopwords_<language>.txt for an ISO 639-1 code ("en", "de"),
// empty for a language without a list.
std::string_view StopWords(std::string_view language);
std::string_view StopWordsEn();  // StopWords("en")
// Whether `lower_word` (lowercase) is on the English stop list.
bool IsStopWordEn(std::string_view lower_word);
std::string_view AbbreviationsEn();     // data/text/abbreviations_en.txt
std::string_view SentenceStartersEn();  // data/text/sentence_starters_en.txt

// The non-empty lines of a list, trimmed, with '#' comment lines dropped.
// The views point into `data`, which for the lists above is static.
std::vector<std::string_view> Lines(std::string_view data);

}  // namespace newsfuse::word_lists
