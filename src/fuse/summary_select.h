// Summary selection by concept coverage.
//
// A concept is a pair of adjacent index terms ("prisoner swap", "hun sen"),
// worth the number of distinct outlets whose candidate sentences state it:
// what several independent reports say is what the story is about, and a
// pair of words pins content down far better than either word alone. The
// summary is the set of sentences that covers the most concept weight within
// its length, each concept counted once, so redundancy costs without a
// separate penalty (Gillick & Favre's concept model, ICSISumm, solved greedily
// by gain per word rather than by ILP: trying the ten best openings, a
// closer approximation of the optimum, did not raise ROUGE on DUC 2004).
//
// Measured on DUC 2004 Task 2 with bench/summary/summary_eval (see the README
// for the figures and the halves the constants were chosen on).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include "text/tokens.h"

namespace newsfuse::fuse {

struct SummaryCandidate {
  uint32_t outlet = 0;    // dense voice id (fuse/voices.h): support counts voices
  uint32_t position = 0;  // sentence index within its article
  int words = 0;
  int support = 1;              // voices that state the same content
  double relevance = 0;         // support/centrality/lead score (fuse/relevance.h), in [0, 1]
  bool eligible = true;         // false: off-topic, may not be chosen
  std::vector<uint32_t> terms;  // index terms in text order
  std::vector<uint32_t> cites;  // outlet ids of every source that states it
};

struct SelectionLimits {
  size_t min_sentences = 5;
  size_t max_sentences = 8;
  // Word budget; 0 = none (the sentence bounds alone). The last sentence may
  // run past it when at least kOverflowWords of the budget are left, so the
  // budget is filled rather than left short (ROUGE's -l cut does the same).
  int max_words = 0;
};

// Without a word budget, once coverage is done, an outlet no chosen sentence
// cites yet gets its most useful sentence in (room permitting): a fused story
// draws on every report that has something the others confirm or add.
//
// Indices into `cands`, in the order chosen. `same_content(i, j)` says two
// candidates state the same thing; never both are chosen.
std::vector<size_t> SelectByCoverage(const std::vector<SummaryCandidate>& cands,
                                     const SelectionLimits& limits,
                                     const std::function<bool(size_t, size_t)>& same_content);

// Why a line of a page cannot stand as a headline or a summary sentence.
enum class LineFault {
  kNone,
  kFurniture,        // page furniture: a player embed, a script notice, a credit, a footer
  kFragment,         // not a sentence: too short, no ending, title-cased like a caption
  kSpeakerlessQuote  // all in quotation marks: someone's words with nobody saying them
};

// A headline need not end like a sentence and may be title-cased; it must
// not be furniture or a word or two. A summary line must be a sentence of
// the report's own that says who speaks.
LineFault JudgeHeadline(std::string_view line);
LineFault JudgeSummaryLine(std::string_view line);
// The same, reading a scan already made: REQUIRES `tokens` [begin, end) to be
// the scan of exactly `line` (a sentence's range of its article's scan).
LineFault JudgeSummaryLine(std::string_view line, const text::Tokens& tokens, size_t begin,
                           size_t end);

}  // namespace newsfuse::fuse
