// Whether a sentence looks back or ahead, as far as dating one of its
// expressions needs: "talks were held on Thursday" (past) against "talks
// will resume on Thursday" (future).
#pragma once

#include <cstdint>
#include <vector>

#include "analyze/time/time_resolve.h"
#include "analyze/time/time_tokens.h"

namespace newsfuse::analyze::time {

// The tense markers of one sentence, found once, so that dating each of its
// expressions costs O(log n) rather than a scan of the sentence: a sentence
// full of date words otherwise costs O(n^2) (issue 11).
//
// Nearest() gives the tense nearest to tokens [expr_begin, expr_end). The
// closest marker wins: a future auxiliary ("will", "'ll", "expected"), or a
// past form (a listed irregular verb, a regular "-ed" verb, "ago", "last").
// A participle after an auxiliary ("will be held", "is to be signed") reads as
// future; reporting verbs ("said") count only right beside the expression,
// since they date the report, not the event, or when the sentence has no
// other marker at all. On equal distance the marker before the expression
// wins.
//
// Holds a pointer to `text`, which must outlive it and stay unchanged until
// the next Reset. Not thread-safe; reuse one per thread.
class SentenceTenses {
 public:
  // Indexes the sentence's tokens [sentence_begin, sentence_end): O(n).
  void Reset(const TokenizedText& text, uint32_t sentence_begin, uint32_t sentence_end);

  // REQUIRES: Reset was called; expr_begin < expr_end.
  Tense Nearest(uint32_t expr_begin, uint32_t expr_end) const;

 private:
  struct Marker {
    uint32_t token;
    Tense tense;
  };
  const TokenizedText* text_ = nullptr;
  uint32_t begin_ = 0, end_ = 0;
  std::vector<Marker> markers_;    // valid at any distance, in token order
  std::vector<uint32_t> reports_;  // reporting verbs, in token order
};

// One expression's tense with a fresh index: O(sentence) per call, for
// callers that date a single expression.
Tense SentenceTense(const TokenizedText& text, uint32_t sentence_begin, uint32_t sentence_end,
                    uint32_t expr_begin, uint32_t expr_end);

}  // namespace newsfuse::analyze::time
