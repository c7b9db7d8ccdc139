// Span precision, recall and F1 for attribution parts, exact and overlap.
//
// Both sides are first normalised the same way: spaces, quote marks and the
// punctuation at either end (". , ; :") are trimmed, because PolNeAR's
// content spans take the quote marks and the comma before the cue
// ("“We endorse her,”") while ours stop inside the marks, and a leading
// "that" is dropped (PolNeAR's reported clauses keep it, ours start after it). Matching is one to
// one: exact pairs equal normalised spans; overlap pairs each prediction
// with the unmatched gold span it overlaps most (greedy, largest overlap
// first), so one long prediction cannot be credited with several gold spans.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "polnear_corpus.h"

namespace newsfuse::bench {

struct Tally {
  uint64_t predicted = 0;
  uint64_t gold = 0;
  uint64_t matched = 0;
  void Add(const Tally& o) {
    predicted += o.predicted;
    gold += o.gold;
    matched += o.matched;
  }
  double Precision() const { return predicted ? double(matched) / double(predicted) : 0; }
  double Recall() const { return gold ? double(matched) / double(gold) : 0; }
  double F1() const {
    const double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

CpSpan Normalise(const std::u32string& text, CpSpan s);
// Sorted, de-duplicated, normalised, empty spans dropped.
std::vector<CpSpan> Prepare(const std::u32string& text, std::vector<CpSpan> spans);

Tally ScoreExact(const std::vector<CpSpan>& predicted, const std::vector<CpSpan>& gold);
Tally ScoreOverlap(const std::vector<CpSpan>& predicted, const std::vector<CpSpan>& gold);
// Head match, for sources: our span names the speaker (a mention, "Donald
// Trump") and PolNeAR's is the whole noun phrase ("Republican presidential
// nominee Donald Trump", "Priorities USA, the main pro-Clinton super PAC").
// A prediction inside a gold span that ends where it ends, or right before
// the comma of an appositive, counts.
Tally ScoreHead(const std::u32string& text, const std::vector<CpSpan>& predicted,
                const std::vector<CpSpan>& gold);

}  // namespace newsfuse::bench
