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

const FingerprintIndex::Entry* FingerprintIndex::FindNear(const MinHash& fingerprint,
                                                          double min_similarity) {
  if (fingerprint.empty) return nullptr;
  if (!indexed_) {
    if (scans_ < scans_before_index_) {
      ++scans_;
      return Scan(fingerprint, min_similarity);
    }
    BuildTable();
  }
  uint64_t best_seq = kNone;
  for (int band = 0; band < kBands; ++band) {
    auto head = bands_.find(BandKey(fingerprint, band));
    if (head == bands_.end()) continue;
    // Newest first: once below best_seq every older one is too, yet an older
    // match is what is wanted (the original), so walk the whole chain.
    for (uint64_t seq = head->second; seq != kNone && seq >= first_seq_;
         seq = links_[seq - first_seq_][band]) {
      if (seq >= best_seq) continue;
      if (Similarity(entries_[seq - first_seq_].fingerprint, fingerprint) >= min_similarity) {
        best_seq = seq;
      }
    }
  }
  return best_seq == kNone ? nullptr : &entries_[best_seq - first_seq_];
}

const FingerprintIndex::Entry* FingerprintIndex::Scan(const MinHash& fingerprint,
                                                      double min_similarity) const {
  // Oldest first, so the first found is the one the table gives. Equal
  // minima are what the table's equal band keys stand for (its keys differ
  // from them only by a 64-bit hash collision).
  for (const Entry& e : entries_) {
    if (Similarity(e.fingerprint, fingerprint) < min_similarity) continue;
    for (int band = 0; band < kBands; ++band) {
      const auto* a = e.fingerprint.mins.data() + band * kRows;
      if (std::equal(a, a + kRows, fingerprint.mins.data() + band * kRows)) return &e;
    }
  }
  return nullptr;
}

void FingerprintIndex::BuildTable() {
  bands_.clear();
  links_.clear();
  bands_.reserve(entries_.size() * kBands);
  indexed_ = true;
  for (uint64_t seq = first_seq_; seq < end_seq(); ++seq) Link(seq);
}

void FingerprintIndex::Link(uint64_t seq) {
  const MinHash& fingerprint = entries_[seq - first_seq_].fingerprint;
  auto& links = links_.emplace_back();
  for (int band = 0; band < kBands; ++band) {
    auto [it, inserted] = bands_.try_emplace(BandKey(fingerprint, band), seq);
    // Links point to older entries only (a key repeated across bands of one
    // fingerprint would loop), so every walk ends.
    links[band] = inserted || it->second == seq ? kNone : it->second;
    it->second = seq;
  }
}

void FingerprintIndex::Insert(const MinHash& fingerprint, uint32_t story, std::string article_id) {
  if (capacity_ == 0 || fingerprint.empty) return;
  if (entries_.size() >= capacity_) EvictOldest();
  const uint64_t seq = first_seq_ + entries_.size();
  entries_.push_back(Entry{fingerprint, story, std::move(article_id)});
  if (indexed_) Link(seq);
}

void FingerprintIndex::EvictOldest() {
  const Entry& e = entries_.front();
  if (indexed_) {
    // Newer entries' links to it end their chains once first_seq_ passes it;
    // only a key whose newest entry it is must go.
    for (int band = 0; band < kBands; ++band) {
      auto head = bands_.find(BandKey(e.fingerprint, band));
      if (head != bands_.end() && head->second == first_seq_) bands_.erase(head);
    }
    links_.pop_front();
  }
  entries_.pop_front();
  ++first_seq_;
}

}  // namespace newsfuse::cluster
