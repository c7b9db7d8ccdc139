#include "cluster/fingerprint.h"

#include <algorithm>

namespace newsfuse::cluster {
namespace {

// splitmix64's finaliser: a fast, well-mixed 64-bit hash.
uint64_t Mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

}  // namespace

MinHash Fingerprint(const std::vector<uint64_t>& term_hashes, int width, int min_shingles) {
  MinHash f;
  const int n = static_cast<int>(term_hashes.size()) - width + 1;
  if (n < min_shingles || n <= 0) return f;
  f.mins.fill(UINT32_MAX);
  f.empty = false;
  for (int i = 0; i < n; ++i) {
    uint64_t shingle = 0;
    for (int k = 0; k < width; ++k) shingle = Mix(shingle ^ term_hashes[i + k]);
    // Two 32-bit minima per 64-bit hash: half the mixing for the same count.
    for (int h = 0; h < kMinHashes; h += 2) {
      const uint64_t v = Mix(shingle + 0x9e3779b97f4a7c15ULL * (h + 1));
      f.mins[h] = std::min(f.mins[h], static_cast<uint32_t>(v));
      f.mins[h + 1] = std::min(f.mins[h + 1], static_cast<uint32_t>(v >> 32));
    }
  }
  return f;
}

double Similarity(const MinHash& a, const MinHash& b) {
  if (a.empty || b.empty) return 0;
  int equal = 0;
  for (int h = 0; h < kMinHashes; ++h) equal += a.mins[h] == b.mins[h];
  return static_cast<double>(equal) / kMinHashes;
}

uint64_t FingerprintIndex::BandKey(const MinHash& f, int band) {
  uint64_t key = Mix(static_cast<uint64_t>(band) + 1);
  for (int r = 0; r < kRows; ++r) key = Mix(key ^ f.mins[band * kRows + r]);
  return key;
}

FingerprintIndex::FingerprintIndex(size_t capacity)
    : capacity_(capacity),
      buckets_(kBandBuckets),
      held_(kBandBuckets, 1),
      changed_(kBandBuckets, 0) {}

void FingerprintIndex::Reset(uint64_t first_seq, uint64_t end_seq, std::unique_ptr<Rows> rows) {
  first_seq_ = first_seq;
  end_seq_ = rows ? end_seq : first_seq;
  entries_.clear();
  buckets_.assign(kBandBuckets, Bucket{});
  held_.assign(kBandBuckets, rows ? 0 : 1);
  changed_.assign(kBandBuckets, 0);
  rows_ = std::move(rows);
  read_failed_ = false;
}

bool FingerprintIndex::Hold(const std::array<uint32_t, kBands>& ids) {
  std::vector<uint32_t> missing;
  for (uint32_t id : ids) {
    if (!held_[id] && std::find(missing.begin(), missing.end(), id) == missing.end()) {
      missing.push_back(id);
    }
  }
  if (missing.empty()) return true;
  std::vector<Bucket> read;
  if (read_failed_ || !rows_->Buckets(missing, read) || read.size() != missing.size()) {
    read_failed_ = true;
    return false;
  }
  for (size_t i = 0; i < missing.size(); ++i) {
    buckets_[missing[i]] = std::move(read[i]);
    held_[missing[i]] = 1;
  }
  return true;
}

const FingerprintIndex::Entry* FingerprintIndex::FindNear(const MinHash& fingerprint,
                                                          double min_similarity) {
  if (fingerprint.empty || size() == 0) return nullptr;
  std::array<uint64_t, kBands> keys{};
  std::array<uint32_t, kBands> ids{};
  for (int band = 0; band < kBands; ++band) {
    keys[band] = BandKey(fingerprint, band);
    ids[band] = BucketOf(keys[band]);
  }
  if (!Hold(ids)) return nullptr;
  std::vector<uint64_t> candidates;
  for (int band = 0; band < kBands; ++band) {
    for (const BandEntry& e : buckets_[ids[band]]) {
      if (e.key == keys[band] && e.seq >= first_seq_ && e.seq < end_seq_) {
        candidates.push_back(e.seq);
      }
    }
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  std::vector<uint64_t> missing;
  for (uint64_t seq : candidates) {
    if (!entries_.contains(seq)) missing.push_back(seq);
  }
  if (!missing.empty()) {
    std::vector<Entry> read;
    if (!rows_ || read_failed_ || !rows_->Entries(missing, read) || read.size() != missing.size()) {
      read_failed_ = true;
      return nullptr;
    }
    for (size_t i = 0; i < missing.size(); ++i) entries_.emplace(missing[i], std::move(read[i]));
  }
  // Oldest first: the original, not a copy of it.
  for (uint64_t seq : candidates) {
    const Entry& e = entries_.at(seq);
    if (Similarity(e.fingerprint, fingerprint) >= min_similarity) return &e;
  }
  return nullptr;
}

void FingerprintIndex::Insert(const MinHash& fingerprint, uint32_t story, std::string article_id) {
  if (capacity_ == 0 || fingerprint.empty) return;
  std::array<uint64_t, kBands> keys{};
  std::array<uint32_t, kBands> ids{};
  for (int band = 0; band < kBands; ++band) {
    keys[band] = BandKey(fingerprint, band);
    ids[band] = BucketOf(keys[band]);
  }
  // Unread buckets could not be rewritten whole; the decision that follows a
  // failed read is thrown away with the clusterer (read_failed()).
  if (!Hold(ids)) return;
  if (size() >= capacity_) {
    entries_.erase(first_seq_);
    ++first_seq_;
  }
  const uint64_t seq = end_seq_++;
  entries_.emplace(seq, Entry{fingerprint, story, std::move(article_id)});
  for (int band = 0; band < kBands; ++band) {
    Bucket& bucket = buckets_[ids[band]];
    // Evicted entries leave a bucket when it is next written.
    auto kept = std::find_if(bucket.begin(), bucket.end(),
                             [&](const BandEntry& e) { return e.seq >= first_seq_; });
    bucket.erase(bucket.begin(), kept);
    if (bucket.empty() || bucket.back().seq != seq || bucket.back().key != keys[band]) {
      bucket.push_back(BandEntry{keys[band], seq});
    }
    changed_[ids[band]] = 1;
  }
}

const FingerprintIndex::Entry* FingerprintIndex::Inserted(uint64_t seq) const {
  auto it = entries_.find(seq);
  return it == entries_.end() ? nullptr : &it->second;
}

std::vector<std::pair<uint32_t, FingerprintIndex::Bucket>> FingerprintIndex::TakeChangedBuckets(
    bool all) {
  std::vector<std::pair<uint32_t, Bucket>> out;
  for (uint32_t id = 0; id < kBandBuckets; ++id) {
    if (!(all ? held_[id] != 0 : changed_[id] != 0)) continue;
    changed_[id] = 0;
    // As they are: pruned only by an insert, so the kept bytes depend on the
    // stream, not on when it was saved.
    if (all && buckets_[id].empty()) continue;
    out.emplace_back(id, buckets_[id]);
  }
  return out;
}

}  // namespace newsfuse::cluster
