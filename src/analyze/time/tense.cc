#include "analyze/time/tense.h"

#include <cstdlib>

namespace newsfuse::analyze::time {
namespace {

// Reporting verbs frame the report, and date an expression only when they
// stand right beside it ("said Friday", "announced on Friday"); further away
// the event's own verb is the better guide ("announced that talks will resume
// on Friday").
constexpr uint32_t kReportReach = 2;
// A regular "-ed" word may be an adjective or a reduced relative ("located
// in", "the proposed deal"); it counts only close to the expression.
constexpr uint32_t kRegularPastReach = 4;

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// A regular past form: lowercase "-ed" word, not "need", "speed", "hundred".
bool LooksRegularPast(const Token& t) {
  std::string_view w = t.lower;
  if (t.capitalised || w.size() < 5 || !EndsWith(w, "ed")) return false;
  if (EndsWith(w, "eed") && w != "agreed") return false;
  return w != "hundred";
}

bool AfterAuxiliary(const TokenizedText& text, uint32_t k, uint32_t sentence_begin) {
  for (uint32_t back = 1; back <= 2 && k >= sentence_begin + back; ++back)
    if (text.Has(text.tokens[k - back], WordClass::kModal)) return true;
  return false;
}

}  // namespace

Tense SentenceTense(const TokenizedText& text, uint32_t sentence_begin, uint32_t sentence_end,
                    uint32_t expr_begin, uint32_t expr_end) {
  Tense best = Tense::kUnknown;
  uint32_t best_distance = UINT32_MAX;
  bool reported = false;
  for (uint32_t k = sentence_begin; k < sentence_end; ++k) {
    if (k >= expr_begin && k < expr_end) continue;
    const Token& t = text.tokens[k];
    uint32_t distance = k < expr_begin ? expr_begin - k : k - expr_end + 1;
    Tense tense = Tense::kUnknown;
    if (text.Has(t, WordClass::kFuture) || EndsWith(t.lower, "'ll")) {
      tense = Tense::kFuture;
    } else if (text.Has(t, WordClass::kReport)) {
      reported = true;
      if (distance > kReportReach) continue;
      tense = Tense::kPast;
    } else if (text.Has(t, WordClass::kPast) ||
               (LooksRegularPast(t) && distance <= kRegularPastReach)) {
      // "will be held", "is to be signed": a participle after an auxiliary
      // speaks of what is to come.
      tense = AfterAuxiliary(text, k, sentence_begin) ? Tense::kFuture : Tense::kPast;
    } else {
      continue;
    }
    if (distance < best_distance) best_distance = distance, best = tense;
  }
  // Nothing closer: a sentence that reports speech reports the past.
  if (best == Tense::kUnknown && reported) best = Tense::kPast;
  return best;
}

}  // namespace newsfuse::analyze::time
