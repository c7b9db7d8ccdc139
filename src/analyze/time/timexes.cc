#include "analyze/time/timexes.h"

#include <cstdio>
#include <tuple>
#include <utility>

#include "analyze/time/tense.h"
#include "analyze/time/time_resolve.h"
#include "analyze/time/time_rules.h"
#include "analyze/time/time_tokens.h"

namespace newsfuse::analyze {
namespace {

using time::Capture;
using time::Feature;
using time::RuleMatch;
using time::TokenizedText;
using time::WordClass;

void AppendNumber(std::string& out, const char* fmt, int v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, fmt, v);
  out += buf;
}

// The normalised value of what one pattern element captured.
void AppendCapture(std::string& out, const TokenizedText& text, const Capture& c) {
  if (c.token < 0) return;
  const time::Token& t = text.tokens[static_cast<size_t>(c.token)];
  if (!c.alternative->is_class) {
    out += c.alternative->literal;
    return;
  }
  const Feature* f = text.Find(t, c.alternative->cls);
  switch (f->cls) {
    case WordClass::kDay:
    case WordClass::kDayOrd:
      AppendNumber(out, "%02d", f->num);
      break;
    case WordClass::kYear:
      AppendNumber(out, "%04d", f->num);
      break;
    case WordClass::kHour:
    case WordClass::kCentOrd:
    case WordClass::kDecade:
      AppendNumber(out, "%d", f->num);
      break;
    case WordClass::kClock:
      AppendNumber(out, "%02d", f->num / 100);
      AppendNumber(out, ":%02d", f->num % 100);
      break;
    case WordClass::kSlashDate:
      AppendNumber(out, "%04d", f->num / 10000);
      AppendNumber(out, "-%02d", f->num / 100 % 100);
      AppendNumber(out, "-%02d", f->num % 100);
      break;
    default:
      out += f->text;
      break;
  }
}

// "$5-$1-$3" with the captures filled in.
void Substitute(std::string_view tmpl, const TokenizedText& text, const RuleMatch& m,
                std::string& out) {
  out.clear();
  for (size_t i = 0; i < tmpl.size(); ++i) {
    if (tmpl[i] == '$' && i + 1 < tmpl.size() && tmpl[i + 1] >= '1' && tmpl[i + 1] <= '9') {
      size_t n = static_cast<size_t>(tmpl[++i] - '0');
      if (i + 1 < tmpl.size() && tmpl[i + 1] >= '0' && tmpl[i + 1] <= '9' &&
          n * 10 + (tmpl[i + 1] - '0') <= m.rule->elements.size())
        n = n * 10 + static_cast<size_t>(tmpl[++i] - '0');
      if (n <= m.rule->elements.size()) AppendCapture(out, text, m.captures[n - 1]);
      continue;
    }
    out += tmpl[i];
  }
}

// The template prefix of a clock time on the publication day ("UNDEF-this-D"
// then "T10:30").
constexpr std::string_view kClockOfPublicationDay = "UNDEF-this-DT";

bool IsTrimmable(std::string_view tok) {
  return tok == "." || tok == "," || tok == "-" || tok == "\u2013";
}

bool InClass(const TokenizedText& text, uint32_t k, WordClass cls) {
  return k < text.tokens.size() && text.Has(text.tokens[k], cls);
}

// A four-digit number alone is a year only where a year reads naturally:
// not after a hedge or currency ("about 2000", "$2026"), not before a unit or
// a counted noun ("2000 troops", and any lowercase plural but those that
// follow years: "2009 levels"), and outside 1900-2100 only after "in",
// "since" and the like.
bool PassesYearGuard(const TokenizedText& text, uint32_t tok) {
  const Feature* year = text.Find(text.tokens[tok], WordClass::kYear);
  if (!year) return false;
  bool prev_ctx = tok > 0 && InClass(text, tok - 1, WordClass::kMonthCtx);
  if (tok > 0 && InClass(text, tok - 1, WordClass::kNotYear)) return false;
  if (InClass(text, tok + 1, WordClass::kNotYearAfter)) return false;
  if (tok + 1 < text.tokens.size()) {
    const time::Token& next = text.tokens[tok + 1];
    if (next.lower == "%") return false;
    std::string_view w = next.lower;
    // "-ss", "-is", "-us" end singulars: "2008 crisis", "2009 analysis", "2010 census".
    const char before_s = w.size() >= 2 ? w[w.size() - 2] : ' ';
    bool lowercase_plural = !next.capitalised && w.size() >= 4 && w.back() == 's' &&
                            before_s != 's' && before_s != 'i' && before_s != 'u' &&
                            w.find('\'') == std::string_view::npos;
    if (lowercase_plural && !InClass(text, tok + 1, WordClass::kYearPlural)) return false;
  }
  if (year->num < 1900 || year->num > 2100) return prev_ctx;
  return true;
}

// The tokens [first, last] an expression covers: what the rule captured,
// less context elements and edge punctuation. first < 0 when nothing is left.
std::pair<int, int> Extent(const TokenizedText& text, const RuleMatch& m) {
  int first = -1, last = -1;
  for (size_t e = 0; e < m.rule->elements.size(); ++e) {
    if (m.rule->elements[e].context || m.captures[e].token < 0) continue;
    if (first < 0) first = m.captures[e].token;
    last = m.captures[e].token;
  }
  while (last > first && IsTrimmable(text.tokens[static_cast<size_t>(last)].lower)) --last;
  while (first >= 0 && first < last && IsTrimmable(text.tokens[static_cast<size_t>(first)].lower))
    ++first;
  return {first, last};
}

// Sentence of each token, as token ranges: [begin, end) per sentence.
void SentenceRanges(const AnnotatedArticle& article, const TokenizedText& text,
                    std::vector<std::pair<uint32_t, uint32_t>>& out) {
  out.clear();
  const auto& toks = text.tokens;
  if (article.sentences.empty()) {
    // No sentence split given: end at sentence punctuation.
    uint32_t begin = 0;
    for (uint32_t k = 0; k < toks.size(); ++k) {
      std::string_view w = toks[k].lower;
      if (w == "." || w == "!" || w == "?") {
        out.emplace_back(begin, k + 1);
        begin = k + 1;
      }
    }
    if (begin < toks.size()) out.emplace_back(begin, static_cast<uint32_t>(toks.size()));
    return;
  }
  uint32_t k = 0;
  for (const Sentence& s : article.sentences) {
    while (k < toks.size() && toks[k].begin < s.span.begin) ++k;
    uint32_t begin = k;
    while (k < toks.size() && toks[k].end <= s.span.end) ++k;
    if (k > begin) out.emplace_back(begin, k);
  }
}

}  // namespace

void AnnotateTime(AnnotatedArticle& article) {
  thread_local text::Tokens base;
  text::Tokenize(article.body, article.sentences, base);
  AnnotateTime(article, base);
}

void AnnotateTime(AnnotatedArticle& article, const text::Tokens& base) {
  const time::TimeRules& rules = time::TimeRules::Get();
  thread_local TokenizedText text;
  thread_local std::vector<std::pair<uint32_t, uint32_t>> sentences;
  thread_local std::string raw_value;
  time::Tokenize(base, rules.words(), text);
  SentenceRanges(article, text, sentences);
  const std::optional<DateTime>& anchor = article.article.published;

  size_t sentence = 0;
  // The tense markers of one sentence at a time, indexed once for all its
  // expressions.
  thread_local time::SentenceTenses tenses;
  size_t tenses_sentence = SIZE_MAX;
  std::string last_date;  // the last day-precision date, and its sentence
  size_t last_date_sentence = SIZE_MAX;
  RuleMatch m, alt;
  for (uint32_t i = 0; i < text.tokens.size();) {
    if (!rules.MatchAt(text, i, m)) {
      ++i;
      continue;
    }
    auto [first, last] = Extent(text, m);
    // A rule that opens with context ("since the fall") must not hide a longer
    // expression starting after it ("the fall of 2021").
    if (first > static_cast<int>(i) && rules.MatchAt(text, static_cast<uint32_t>(first), alt) &&
        alt.end_token > m.end_token) {
      m = alt;
      std::tie(first, last) = Extent(text, m);
    }
    const time::TimeRule& rule = *m.rule;
    bool ok = first >= 0;
    if (ok && rule.guard == time::RuleGuard::kYear)
      ok = PassesYearGuard(text, static_cast<uint32_t>(first));
    if (!ok) {
      ++i;
      continue;
    }
    while (sentence + 1 < sentences.size() &&
           sentences[sentence].second <= static_cast<uint32_t>(first))
      ++sentence;
    time::Tense tense = time::Tense::kUnknown;
    if (sentence < sentences.size()) {
      if (sentence != tenses_sentence) {
        tenses.Reset(text, sentences[sentence].first, sentences[sentence].second);
        tenses_sentence = sentence;
      }
      tense = tenses.Nearest(static_cast<uint32_t>(first), static_cast<uint32_t>(last + 1));
    }
    Substitute(rule.value, text, m, raw_value);
    // A clock time belongs to the day its sentence has just named ("flew on
    // Tuesday at 18:00 UTC"), not to the publication day.
    bool previous_date = false;
    if (sentence == last_date_sentence && raw_value.starts_with(kClockOfPublicationDay)) {
      raw_value.replace(0, kClockOfPublicationDay.size() - 1, last_date);
      previous_date = true;
    }
    auto resolved = time::ResolveValue(raw_value, anchor, tense);
    if (!resolved) {
      // "Feb. 30, 2026" names no day; its parts ("2026") are no safer to keep.
      i = m.end_token;
      continue;
    }
    Timex t;
    t.span = Span{text.tokens[static_cast<size_t>(first)].begin,
                  text.tokens[static_cast<size_t>(last)].end};
    t.type = rule.type;
    t.value = std::move(resolved->value);
    t.precision = time::ValuePrecision(t.value);
    if (previous_date)
      t.anchor = "previous-date";
    else if (resolved->used_anchor)
      t.anchor = "published";
    if (t.type == Timex::Type::kDate && t.precision == DatePrecision::kDay &&
        t.value.size() == 10) {
      last_date = t.value;
      last_date_sentence = sentence;
    }
    article.timexes.push_back(std::move(t));
    i = m.end_token;
  }
}

}  // namespace newsfuse::analyze
