// Alias-aware search: a name typed one way finds the articles that spell it
// another (Zelensky finds Zelenskiy and Zelenskyy, Gadhafi finds Qaddafi).
//
// The variants are words of the store's own full-text index that the
// analysis recognised as names: a word is a variant of the typed one when
//   - its entity key (analyze/entity/name_key.h: the analysis's
//     transliteration folds) equals the typed word's, or
//   - for keys of six letters or more, their consonant skeletons are equal
//     (vowels, y and h dropped, c/g/k/q one sound, doubled letters one:
//     gadhafi, qaddafi and gaddafi are all "kdf"), the way Arabic and Slavic
//     names reach English through several transliterations;
// and, either way, some stored article's analysis names an entity with the
// variant's key (Store::HasEntityKey), so ordinary words that happen to share
// a skeleton ("codify") are never added. No list of aliases is kept.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "store/store.h"

namespace newsfuse::cli {

// The consonant skeleton of an entity key ("qaddafi" -> "kdf"); exposed for
// tests.
std::string NameSkeleton(std::string_view key);

// Index words (as the index holds them) that spell `word` another way; empty
// for a word with none, or when the store cannot tell (no index, an error).
std::vector<std::string> NameVariants(Store& store, std::string_view word);

}  // namespace newsfuse::cli
