// Candidate sentences: every sentence of every source that could stand in the
// summary, as a TF-IDF vector over terms stemmed in the article's language. IDF is taken over the
// story's own candidates: what every sentence of the story says ("Ukraine",
// "talks") weighs little, what tells sentences apart weighs much. Internal to
// src/fuse.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/records.h"
#include "fuse/story_words.h"
#include "fuse/term_vector.h"

namespace newsfuse::fuse {

struct Candidate {
  size_t source = 0;      // index into the story's members (and report.sources)
  uint32_t position = 0;  // sentence index within its article
  Span span;
  std::string_view text;        // views the member's body: the member must outlive it
  TermVector vec;               // TF-IDF, normalised
  std::vector<uint32_t> terms;  // in text order, for concept pairs
  int words = 0;
  double centrality = 0;           // relative to the most central candidate (fuse/relevance.h)
  double relevance = 0;            // fuse/relevance.h
  int support = 0;                 // distinct voices (fuse/support.h)
  std::vector<size_t> supporters;  // source indices, sorted, own included
};

// The story's term weights over its words (fuse/story_words.h: one
// dictionary for candidates, titles and claims, each article read in its own
// language): each term's candidate count for IDF.
struct StoryTerms {
  explicit StoryTerms(StoryWords& story_words) : words(story_words) {}
  StoryWords& words;         // must outlive this object
  std::vector<uint32_t> df;  // candidates holding each term id
  size_t candidates = 0;

  // ln((candidates + 1) / (df + 1)) + 1; a term no candidate holds (a
  // title's own word) weighs the most.
  double Idf(uint32_t term) const;
};

// The candidates of `members`, in member then sentence order. Sentences that
// cannot stand alone (fuse/sentence_shape.h) or are page furniture
// (JudgeSummaryLine) are left out before they weigh in term weights.
// Fills `terms`, which must be fresh and read `members`.
std::vector<Candidate> CollectCandidates(const std::vector<const AnnotatedArticle*>& members,
                                         StoryTerms& terms);

}  // namespace newsfuse::fuse
