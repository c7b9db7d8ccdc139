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
// The table is bucketed by band key (kBandBuckets buckets of (key, entry)
// pairs) so it can be kept as rows (cluster/snapshot.h) and read a bucket at
// a time: an index loaded from a kept state (issue 13) holds nothing at
// first and reads, through FingerprintIndex::Rows, the kBands buckets of each
// fingerprint it looks up and the entries those name. Loading 50,000 kept
// fingerprints to look up one was most of a one-article ingest into a large
// store.
#pragma once

#include <absl/container/flat_hash_map.h>

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace newsfuse::cluster {

inline constexpr int kMinHashes = 64;
inline constexpr int kRows = 4;
inline constexpr int kBands = kMinHashes / kRows;
// Buckets of the band table. Each fingerprint added rewrites the kBands rows
// of its buckets: at 4096 buckets, 50,000 kept fingerprints made them ~1.9 KB
// each, 2.5 MB written per 100 articles into a 100k store (bench/store/README.md).
inline constexpr uint32_t kBandBuckets = 65536;

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
  // One fingerprint's key in one band, and the entry's sequence number.
  struct BandEntry {
    uint64_t key = 0;
    uint64_t seq = 0;
  };
  using Bucket = std::vector<BandEntry>;  // by sequence number, oldest first

  // Where an index reset onto kept entries reads them (cluster.cc reads the
  // store's rows). False when something cannot be read or does not decode.
  class Rows {
   public:
    virtual ~Rows() = default;
    // The entries of `seqs`, in that order; each must be kept.
    virtual bool Entries(const std::vector<uint64_t>& seqs, std::vector<Entry>& out) = 0;
    // The buckets `ids`, in that order; one never kept is empty.
    virtual bool Buckets(const std::vector<uint32_t>& ids, std::vector<Bucket>& out) = 0;
  };

  explicit FingerprintIndex(size_t capacity);

  // The oldest entry (the original, not a copy of a copy) whose estimated
  // Jaccard similarity with `fingerprint` is at least `min_similarity` and
  // that shares a band key with it; valid until the next call. Null also
  // when the kept rows cannot be read (read_failed()).
  const Entry* FindNear(const MinHash& fingerprint, double min_similarity);
  void Insert(const MinHash& fingerprint, uint32_t story, std::string article_id);
  size_t size() const { return end_seq_ - first_seq_; }
  // A read through Rows failed: answers since are not to be trusted.
  bool read_failed() const { return read_failed_; }

  // For saving and loading the index (cluster/snapshot.h): the entries by
  // sequence number, first_seq() <= seq < end_seq().
  uint64_t first_seq() const { return first_seq_; }
  uint64_t end_seq() const { return end_seq_; }
  // An entry inserted since the last Reset (null for one only kept).
  const Entry* Inserted(uint64_t seq) const;
  // The buckets changed since the last call (with `all`, every bucket held
  // but the empty ones), by id. An evicted entry leaves its buckets when one
  // of them is next inserted into; until then a lookup skips it.
  std::vector<std::pair<uint32_t, Bucket>> TakeChangedBuckets(bool all);
  // Empties the index onto kept entries first_seq <= seq < end_seq, read
  // through `rows` when needed (none without rows: then end_seq must be
  // first_seq).
  void Reset(uint64_t first_seq, uint64_t end_seq, std::unique_ptr<Rows> rows);

 private:
  static uint64_t BandKey(const MinHash& f, int band);
  static uint32_t BucketOf(uint64_t key) { return static_cast<uint32_t>(key >> 48); }
  // Reads the buckets of `ids` not held yet; false when a read failed.
  bool Hold(const std::array<uint32_t, kBands>& ids);

  size_t capacity_;
  uint64_t first_seq_ = 0;  // the oldest entry kept
  uint64_t end_seq_ = 0;    // the next entry's number
  // The entries held: all of them, unless the index was reset onto kept
  // ones (then those read or inserted since).
  absl::flat_hash_map<uint64_t, Entry> entries_;
  std::vector<Bucket> buckets_;
  std::vector<uint8_t> held_;     // by bucket: buckets_ has it
  std::vector<uint8_t> changed_;  // by bucket: changed since TakeChangedBuckets
  std::unique_ptr<Rows> rows_;
  bool read_failed_ = false;
};

}  // namespace newsfuse::cluster
