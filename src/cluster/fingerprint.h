// Near-duplicate fingerprints: MinHash over word shingles (internal to cluster).
//
// Wire copies, reprints and re-crawls differ by a headline, a dateline, a
// credit line or a trimmed paragraph; their term 3-shingles are mostly shared
// (Jaccard 0.8 and up), while two outlets' own reports of one event share
// words but few 3-shingles (Jaccard under 0.1 on the seed corpus). MinHash
// (Broder 1997) estimates that Jaccard from kMinHashes minima; SimHash was
// tried first and, at the 3 bits of Manku et al., missed a reprint with a
// credit line added to a 110-word story (about 10 bits apart).
//
// Lookup is locality-sensitive hashing: kBands bands of kRows minima each; a
// pair with Jaccard 0.8 shares a band with probability 1 - (1 - 0.8^4)^16,
// above 0.9997 (0.988 at Jaccard 0.7), so candidates come from a hash table, never a scan, and are
// then checked against the threshold on all minima. The index keeps a bounded
// number of the most recent fingerprints (first in, first out).
//
// The hash table is built only once it pays: the first lookups scan the
// entries (a load of a kept state, issue 13, is followed by as few as one
// lookup, and building the table for 50,000 kept fingerprints cost more than
// a thousand scans of them). A scan finds what the table would: the oldest
// similar entry that shares all kRows minima of a band.
#pragma once

#include <absl/container/flat_hash_map.h>

#include <array>
#include <cstdint>
#include <deque>
#include <string>
#include <vector>

namespace newsfuse::cluster {

inline constexpr int kMinHashes = 64;
inline constexpr int kRows = 4;
inline constexpr int kBands = kMinHashes / kRows;
// Lookups answered by a scan before FingerprintIndex builds its table.
inline constexpr size_t kScansBeforeIndex = 32;

struct MinHash {
  std::array<uint32_t, kMinHashes> mins{};
  bool empty = true;  // too short a text to fingerprint
};

// MinHash of a text's term hashes, over shingles of `width` terms; empty when
// the text has fewer than `min_shingles` shingles.
MinHash Fingerprint(const std::vector<uint64_t>& term_hashes, int width, int min_shingles);

// Share of equal minima: an estimate of the shingle sets' Jaccard similarity.
double Similarity(const MinHash& a, const MinHash& b);

class FingerprintIndex {
 public:
  struct Entry {
    MinHash fingerprint;
    uint32_t story = 0;  // clusterer's story slot
    std::string article_id;
  };

  explicit FingerprintIndex(size_t capacity, size_t scans_before_index = kScansBeforeIndex)
      : capacity_(capacity), scans_before_index_(scans_before_index) {}

  // The oldest entry (the original, not a copy of a copy) whose estimated
  // Jaccard similarity with `fingerprint` is at least `min_similarity` and
  // that shares a band with it. Not const: it may build the table.
  const Entry* FindNear(const MinHash& fingerprint, double min_similarity);
  void Insert(const MinHash& fingerprint, uint32_t story, std::string article_id);
  size_t size() const { return entries_.size(); }
  bool indexed() const { return indexed_; }  // the table is built

  // For saving and loading the index (cluster/snapshot.h): the entries by
  // sequence number, first_seq() <= seq < end_seq().
  uint64_t first_seq() const { return first_seq_; }
  uint64_t end_seq() const { return first_seq_ + entries_.size(); }
  const Entry& At(uint64_t seq) const { return entries_[seq - first_seq_]; }
  // Empties the index; the next Insert gets sequence number `first_seq`.
  void Reset(uint64_t first_seq) {
    entries_.clear();
    links_.clear();
    bands_.clear();
    indexed_ = false;
    scans_ = 0;
    first_seq_ = first_seq;
  }

 private:
  static uint64_t BandKey(const MinHash& f, int band);
  const Entry* Scan(const MinHash& fingerprint, double min_similarity) const;
  void BuildTable();
  void Link(uint64_t seq);  // puts entry `seq` (the newest) at the head of its chains
  void EvictOldest();

  static constexpr uint64_t kNone = UINT64_MAX;

  size_t capacity_;
  size_t scans_before_index_;
  size_t scans_ = 0;
  bool indexed_ = false;       // bands_ and links_ cover every entry
  uint64_t first_seq_ = 0;     // sequence number of entries_.front()
  std::deque<Entry> entries_;  // by arrival; index = seq - first_seq_
  // Per band, a chain of the entries with one band key, newest first: bands_
  // holds the newest's sequence number, links_ (parallel to entries_) each
  // entry's next older one with the same key. A chain ends at kNone or at a
  // number below first_seq_ (evicted), so evicting the oldest entry touches
  // nothing but its own keys. Flat arrays, not a multimap: loading a kept
  // state of 50,000 fingerprints inserted 800,000 multimap nodes, most of
  // the load's time (bench/store/README.md). Both empty until indexed_.
  absl::flat_hash_map<uint64_t, uint64_t> bands_;
  std::deque<std::array<uint64_t, kBands>> links_;
};

}  // namespace newsfuse::cluster
