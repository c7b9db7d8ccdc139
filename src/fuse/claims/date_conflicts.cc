// Date conflicts: one outlet has Lahoud "appointed army commander in 1988",
// another, in nearly the same words, "appointed army commander in 1989".
//
// Only dates written out with their year: a relative date ("on Monday") is
// resolved against each article's own publication day, so two wire updates
// of one sentence would differ by a day without disagreeing. Two dates
// conflict when their sentences are near-paraphrases and the words right
// around each date are nearly the same (what is dated is written next to
// the date), no outlet states both, and neither sentence also holds the
// other date ("ruled from 1973 until 1990" against a copy of itself).
#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string>
#include <string_view>

#include "core/strings.h"
#include "fuse/claims/builders.h"
#include "fuse/claims/report_stamps.h"
#include "text/word_lists.h"

namespace newsfuse::fuse {
namespace {

// Near-paraphrases: the sentences share most of their words.
constexpr double kSameSentence = 0.5;
// The date's own clause: what is dated, in nearly the same words.
constexpr double kSameClause = 0.75;
// Words of the date's clause read on either side of it.
constexpr int kClauseWords = 6;

// Words that say what is dated: letters only, three or more, no stop word
// ("… at 5" names nothing; a comment's stamp "April 4, 2011 at 10:32 am |
// Reply" against another's is two posts, not two accounts of one date).
size_t ContentWords(std::string_view text) {
  size_t n = 0;
  for (size_t i = 0; i < text.size();) {
    if (!IsAsciiLetter(text[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < text.size() && IsAsciiLetter(text[j])) ++j;
    const bool word_alone = j == text.size() || !IsAsciiDigit(text[j]);
    if (j - i >= 3 && word_alone && !word_lists::IsStopWordEn(AsciiLower(text.substr(i, j - i))))
      ++n;
    i = j;
  }
  return n;
}
constexpr size_t kMinContentWords = 2;

struct Dated {
  size_t source, sentence;
  const Timex* timex;
  TermVector clause;
};

}  // namespace

std::vector<Conflict> DateConflicts(ClaimContext& ctx) {
  std::vector<Dated> dated;
  // Per (source, sentence): every date value it holds.
  std::map<std::pair<size_t, size_t>, std::set<std::string>> values_in;
  for (size_t s = 0; s < ctx.size(); ++s) {
    const AnnotatedArticle& a = ctx.article(s);
    for (const Timex& t : a.timexes) {
      if (t.type != Timex::Type::kDate) continue;
      const size_t k = ctx.SentenceOf(s, t.span);
      values_in[{s, k}].insert(t.value);
      if (t.value.find('/') != std::string::npos || !WrittenWithYear(a.Text(t.span))) continue;
      // A dated headline on the day the article came out is its stamp too.
      if (StampsTheReport(a, k, t) || OnItsOwnDay(a, k, t)) continue;
      dated.push_back({s, k, &t,
                       ctx.Vector(s, ClauseAround(a, ctx.SentenceSpan(s, k), t.span, kClauseWords,
                                                  kClauseWords))});
    }
  }
  // One conflict per pair of values about one thing: the side's outlets.
  struct Pair {
    Conflict conflict;
    std::set<std::string> outlets[2];
  };
  std::map<std::pair<std::string, std::string>, Pair> found;
  for (size_t i = 0; i < dated.size(); ++i) {
    for (size_t j = 0; j < dated.size(); ++j) {
      const Dated& x = dated[i];
      const Dated& y = dated[j];
      if (!(x.timex->value < y.timex->value) || x.timex->precision != y.timex->precision) continue;
      if (ctx.outlet_key(x.source) == ctx.outlet_key(y.source)) continue;
      if (values_in[{x.source, x.sentence}].count(y.timex->value) ||
          values_in[{y.source, y.sentence}].count(x.timex->value))
        continue;
      if (Cosine(x.clause, y.clause) < kSameClause) continue;
      const double sentence = Cosine(ctx.SentenceVector(x.source, x.sentence),
                                     ctx.SentenceVector(y.source, y.sentence));
      if (sentence < kSameSentence) continue;
      auto [it, fresh] = found.try_emplace({x.timex->value, y.timex->value});
      Pair& p = it->second;
      if (fresh) {
        p.conflict.subject =
            ClauseAround(ctx.article(x.source), ctx.SentenceSpan(x.source, x.sentence),
                         x.timex->span, kClauseWords, kClauseWords, "\u2026");
        p.conflict.hard = true;
        p.conflict.sides.resize(2);
        p.conflict.sides[0].value = x.timex->value;
        p.conflict.sides[1].value = y.timex->value;
      }
      p.conflict.confidence = std::max(p.conflict.confidence, sentence);
      const Dated* sides[2] = {&x, &y};
      for (int k = 0; k < 2; ++k) {
        const Dated& d = *sides[k];
        Conflict::Side& side = p.conflict.sides[k];
        p.outlets[k].insert(ctx.outlet_key(d.source));
        if (std::find(side.sources.begin(), side.sources.end(), ctx.source_id(d.source)) !=
            side.sources.end())
          continue;
        const Span span = ctx.SentenceSpan(d.source, d.sentence);
        side.sources.push_back(ctx.source_id(d.source));
        side.wording.push_back(
            {ctx.source_id(d.source), SpanText(ctx.article(d.source), span), span});
      }
    }
  }
  std::vector<Conflict> out;
  for (auto& [values, p] : found) {
    if (ContentWords(p.conflict.subject) < kMinContentWords) continue;
    // An outlet on both sides states both dates of this thing: two events.
    bool shared = false;
    for (const auto& o : p.outlets[0]) shared |= p.outlets[1].count(o) > 0;
    if (!shared) out.push_back(std::move(p.conflict));
  }
  return out;
}

}  // namespace newsfuse::fuse
