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
#include "text/word_lists.h"

namespace newsfuse::fuse {
namespace {

// Near-paraphrases: the sentences share most of their words.
constexpr double kSameSentence = 0.5;
// The date's own clause: what is dated, in nearly the same words.
constexpr double kSameClause = 0.75;
// Words of the date's clause read on either side of it.
constexpr int kClauseWords = 6;

// The date names its year in digits ("in 1988", "Oct. 9, 1998").
bool WrittenWithYear(std::string_view text) {
  for (size_t i = 0; i + 4 <= text.size(); ++i) {
    bool digits = true;
    for (size_t k = 0; k < 4 && digits; ++k)
      digits = std::isdigit(static_cast<unsigned char>(text[i + k])) != 0;
    const bool alone =
        (i == 0 || !std::isalnum(static_cast<unsigned char>(text[i - 1]))) &&
        (i + 4 == text.size() || !std::isalnum(static_cast<unsigned char>(text[i + 4])));
    if (digits && alone) return true;
  }
  return false;
}

// A clock time ("12:45", ECB-style "12: 45") within a few bytes of `span`.
bool ClockTimeNear(std::string_view body, Span span) {
  constexpr size_t kNear = 24;
  const size_t from = span.begin > kNear ? span.begin - kNear : 0;
  const size_t to = std::min<size_t>(body.size(), span.end + kNear);
  auto digit = [&](size_t i) {
    return i < to && std::isdigit(static_cast<unsigned char>(body[i])) != 0;
  };
  for (size_t i = from; i < to; ++i) {
    if (body[i] != ':' || i == 0 || !digit(i - 1)) continue;
    size_t j = i + 1;
    if (j < to && body[j] == ' ') ++j;
    if (digit(j) && digit(j + 1) && !digit(j + 2)) return true;
  }
  return false;
}

// The date stamps the report rather than anything in it: a dateline at the
// head of the text ("Published at 12:45, Wednesday, 12 June 2013", "Posted:
// Thursday, July 29, 2004", "17 September 2013 - 21:29") or the article's
// own publication day there. Two outlets that wrote on different days do
// not disagree about anything, however alike the headlines around the dates.
bool StampsTheReport(const AnnotatedArticle& a, size_t sentence, const Timex& t) {
  constexpr size_t kHeadSentences = 2;
  if (sentence >= kHeadSentences) return false;
  if (ClockTimeNear(a.body, t.span)) return true;
  if (const auto& p = a.article.published;
      p && p->precision >= DatePrecision::kDay && t.value.size() == 10 &&
      t.value == p->ToIso().substr(0, 10))
    return true;
  // "Published", "Posted", "Last updated" in the few words before the date.
  constexpr size_t kBefore = 32;
  const size_t from = t.span.begin > kBefore ? t.span.begin - kBefore : 0;
  const std::string before = AsciiLower(std::string_view(a.body).substr(from, t.span.begin - from));
  for (std::string_view stamp : {"published", "posted", "updated"})
    if (before.find(stamp) != std::string::npos) return true;
  return false;
}

// Words that say what is dated: letters only, three or more, no stop word
// ("… at 5" names nothing; a comment's stamp "April 4, 2011 at 10:32 am |
// Reply" against another's is two posts, not two accounts of one date).
size_t ContentWords(std::string_view text) {
  static const std::set<std::string, std::less<>> kStop = [] {
    std::set<std::string, std::less<>> words;
    for (std::string_view w : word_lists::Lines(word_lists::StopWordsEn()))
      words.insert(std::string(w));
    return words;
  }();
  size_t n = 0;
  for (size_t i = 0; i < text.size();) {
    if (!IsAsciiLetter(text[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < text.size() && IsAsciiLetter(text[j])) ++j;
    const bool word_alone = j == text.size() || !IsAsciiDigit(text[j]);
    if (j - i >= 3 && word_alone && !kStop.count(AsciiLower(text.substr(i, j - i)))) ++n;
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
      if (StampsTheReport(a, k, t)) continue;
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
