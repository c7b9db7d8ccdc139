#include "analyze/time/tense.h"

#include <algorithm>

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

// What token k marks, before distance is known. Classes are tried in this
// order: a future word, then a reporting verb, then a past form.
enum class Cue : uint8_t { kNone, kFuture, kReport, kPast, kRegularPast };

Cue CueOf(const TokenizedText& text, const Token& t) {
  if (text.Has(t, WordClass::kFuture) || EndsWith(t.lower, "'ll")) return Cue::kFuture;
  if (text.Has(t, WordClass::kReport)) return Cue::kReport;
  if (text.Has(t, WordClass::kPast)) return Cue::kPast;
  if (LooksRegularPast(t)) return Cue::kRegularPast;
  return Cue::kNone;
}

// The nearest candidate so far; ties go to the lower token index, which
// is the one before the expression.
struct Best {
  uint32_t distance = UINT32_MAX;
  uint32_t token = UINT32_MAX;
  Tense tense = Tense::kUnknown;
  void Offer(uint32_t d, uint32_t k, Tense t) {
    if (d < distance || (d == distance && k < token)) distance = d, token = k, tense = t;
  }
};

}  // namespace

void SentenceTenses::Reset(const TokenizedText& text, uint32_t sentence_begin,
                           uint32_t sentence_end) {
  text_ = &text;
  begin_ = sentence_begin;
  end_ = sentence_end;
  markers_.clear();
  reports_.clear();
  for (uint32_t k = begin_; k < end_; ++k) {
    switch (CueOf(text, text.tokens[k])) {
      case Cue::kFuture:
        markers_.push_back({k, Tense::kFuture});
        break;
      case Cue::kReport:
        reports_.push_back(k);
        break;
      case Cue::kPast:
        // "will be held", "is to be signed": a participle after an auxiliary
        // speaks of what is to come.
        markers_.push_back({k, AfterAuxiliary(text, k, begin_) ? Tense::kFuture : Tense::kPast});
        break;
      case Cue::kNone:
      case Cue::kRegularPast:
        break;  // depends on distance: see Nearest
    }
  }
}

Tense SentenceTenses::Nearest(uint32_t expr_begin, uint32_t expr_end) const {
  const TokenizedText& text = *text_;
  auto distance = [&](uint32_t k) { return k < expr_begin ? expr_begin - k : k - expr_end + 1; };
  auto outside = [&](uint32_t k) { return k < expr_begin || k >= expr_end; };
  Best best;
  // Markers that hold at any distance: the last before, the first after.
  auto after = std::lower_bound(markers_.begin(), markers_.end(), expr_end,
                                [](const Marker& m, uint32_t k) { return m.token < k; });
  if (after != markers_.end()) best.Offer(distance(after->token), after->token, after->tense);
  auto before = std::lower_bound(markers_.begin(), markers_.end(), expr_begin,
                                 [](const Marker& m, uint32_t k) { return m.token < k; });
  if (before != markers_.begin()) {
    --before;
    best.Offer(distance(before->token), before->token, before->tense);
  }
  // Markers with a reach, within it on either side.
  const uint32_t reach = std::max(kReportReach, kRegularPastReach);
  const uint32_t lo = std::max(begin_, expr_begin > reach ? expr_begin - reach : 0);
  const uint32_t hi = std::min(end_, expr_end + reach);
  for (uint32_t k = lo; k < hi; ++k) {
    if (!outside(k)) continue;
    const uint32_t d = distance(k);
    switch (CueOf(text, text.tokens[k])) {
      case Cue::kReport:
        if (d <= kReportReach) best.Offer(d, k, Tense::kPast);
        break;
      case Cue::kRegularPast:
        if (d <= kRegularPastReach)
          best.Offer(d, k, AfterAuxiliary(text, k, begin_) ? Tense::kFuture : Tense::kPast);
        break;
      default:
        break;
    }
  }
  if (best.tense != Tense::kUnknown) return best.tense;
  // Nothing closer: a sentence that reports speech reports the past.
  auto inside = [&](uint32_t from) {
    return static_cast<size_t>(std::lower_bound(reports_.begin(), reports_.end(), from) -
                               reports_.begin());
  };
  const size_t reports_inside = inside(expr_end) - inside(expr_begin);
  return reports_.size() > reports_inside ? Tense::kPast : Tense::kUnknown;
}

Tense SentenceTense(const TokenizedText& text, uint32_t sentence_begin, uint32_t sentence_end,
                    uint32_t expr_begin, uint32_t expr_end) {
  SentenceTenses tenses;
  tenses.Reset(text, sentence_begin, sentence_end);
  return tenses.Nearest(expr_begin, expr_end);
}

}  // namespace newsfuse::analyze::time
