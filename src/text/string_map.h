// A hash map keyed by std::string and probed with a std::string_view, so a
// lookup builds no string: the word tables of the annotators (gazetteer,
// cue lexicon, quantity words) are asked about nearly every token.
//
// absl's open-addressing table rather than std::unordered_map: a node-based
// map costs a cache miss on the bucket and another on the node per lookup,
// which made the entity gazetteer's lookups the top cost of Analyze() (perf,
// session 15). The Debian build of absl has its own string_view type, hence
// the explicit transparent hash and equality.
//
// Entries do not move once the map stops growing: a pointer to a value is
// valid until the next insertion (build the table, then hand out pointers).
#pragma once

#include <absl/container/flat_hash_map.h>
#include <absl/hash/hash.h>

#include <string>
#include <string_view>

namespace newsfuse::text {

struct ViewHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return absl::Hash<std::string_view>{}(s); }
};
struct ViewEq {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const { return a == b; }
};

template <typename T>
using StringMap = absl::flat_hash_map<std::string, T, ViewHash, ViewEq>;

}  // namespace newsfuse::text
