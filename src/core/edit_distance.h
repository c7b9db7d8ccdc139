// Levenshtein distance between two byte strings: the one copy for the stages
// that tell a typo or a second spelling from another word (the CLI's "did
// you mean", the claims' given-name conflicts).
#pragma once

#include <cstddef>
#include <string_view>

namespace newsfuse {

// Insertions, deletions and substitutions of single bytes that turn `a` into
// `b`. Bytes, not code points: a non-ASCII letter costs up to its UTF-8
// length, which callers comparing ASCII words or command names never see.
// O(|a|·|b|) time and O(|b|) memory; meant for words, not documents.
size_t EditDistance(std::string_view a, std::string_view b);

}  // namespace newsfuse
