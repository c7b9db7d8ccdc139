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

#include <bitset>
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

// A word table's keys, each known by its length and first two bytes folded
// into one bit of 4096 (512 bytes, in cache beside the scan). Nearly every
// word an annotator asks about is in no table; a signature no key has turns
// the word away before it is hashed and the table probed. MayHold is never
// false for a key that was added.
class KeySignatures {
 public:
  void Add(std::string_view key) { bits_.set(Of(key.size(), Byte(key, 0), Byte(key, 1))); }
  bool MayHold(std::string_view key) const {
    return bits_.test(Of(key.size(), Byte(key, 0), Byte(key, 1)));
  }
  // For a key not built yet: its length and first two bytes (0 past its end).
  bool MayHold(size_t size, unsigned char first, unsigned char second) const {
    return bits_.test(Of(size, first, second));
  }

 private:
  static unsigned char Byte(std::string_view key, size_t k) {
    return k < key.size() ? static_cast<unsigned char>(key[k]) : 0;
  }
  static size_t Of(size_t size, unsigned char first, unsigned char second) {
    return (size * 1031 + first * 37u + second) & 4095;
  }
  std::bitset<4096> bits_;
};

}  // namespace newsfuse::text
