// A story as the clusterer holds it (internal to cluster).
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "core/records.h"

namespace newsfuse::cluster {

using TermWeights = std::vector<std::pair<uint32_t, double>>;  // sorted by term id
// Term id -> summed weight, sorted by term id. A sorted vector rather than a
// hash map: a comparison walks it once, contiguously (see cluster.cc's
// ArticleWeights), and its order never depends on the hash or the history of
// the table, so sums over it come out the same on every run.
using Centroid = TermWeights;

inline constexpr size_t kAnchorTerms = 64;  // terms kept of an anchor article
inline constexpr size_t kMaxAnchors = 4;    // anchors kept per story (merges add theirs)

inline constexpr double kNoDay = std::numeric_limits<double>::quiet_NaN();

// Adds `tf` into `c`; appends the terms new to `c` to `new_terms` when given.
void AddInto(Centroid& c, const TermWeights& tf, std::vector<uint32_t>* new_terms);
// The k heaviest terms of `c` (ties by term id, so deterministic).
std::vector<uint32_t> TopTerms(const Centroid& c, size_t k);
// Keeps the k heaviest terms of `c`; returns the dropped ones, sorted.
std::vector<uint32_t> Trim(Centroid& c, size_t k);

struct StoryState {
  enum class Status : uint8_t { kLive, kDormant, kArchived, kMerged };

  Story story;
  Status status = Status::kLive;
  // Sums of the members' unit-length tf vectors: words (index terms), names
  // (capitalised words) and entity keys. IDF is applied when comparing, with
  // the IDF of that moment.
  Centroid words, names, entities, titles;
  Centroid actors;  // entity keys of people and named things (event_evidence.h)
  // The word vectors of the story's first article and of the first articles
  // of stories merged into it (at most kMaxAnchors; each its kAnchorTerms
  // heaviest TF-IDF terms on arrival, with unit tf weights; IDF is applied
  // when comparing), and their squared norms, refreshed with norm2. A join
  // must resemble one of them (ScoreWeights::anchor_min_cosine), so a story
  // cannot drift away from what it began as one chained article at a time.
  std::vector<TermWeights> anchors;
  std::vector<double> anchor_norms2;
  // The calendar days members name (DayKey -> members naming it).
  TermWeights days;
  TermWeights years;          // members' LatestYear -> how many members have it
  double dated_by_year = 0;   // members with a year
  double first_day = kNoDay;  // publication span of the dated members
  double last_day = kNoDay;
  uint64_t last_seq = 0;  // arrival number of the latest member
  // Squared norms of the centroids under the IDF of norm_docs; refreshed when
  // the story changes or the stream has grown by a tenth since.
  double norm2 = 0, names_norm2 = 0, entities_norm2 = 0, titles_norm2 = 0, actors_norm2 = 0;
  uint64_t norm_docs = 0;
  bool norm_dirty = true;
  uint32_t merged_into = 0;             // when status == kMerged
  uint32_t dormant_generation = 0;      // tells stale dormant-queue entries apart
  std::vector<uint32_t> dormant_terms;  // its keys in the dormant index

  void AddDay(double day);
  // Absorbs another story's centroids, dates and members; appends word terms
  // new to this story to `new_terms`.
  void Absorb(StoryState& other, std::vector<uint32_t>& new_terms);
  // Days from `day` to the story's publication span (0 inside it), or NaN.
  double GapDays(double day) const;
  void Release();  // frees everything but the id
};

}  // namespace newsfuse::cluster
