// Quantity facts: "314 prisoners of war", "157 prisoners of war each" and
// "a prisoner swap of 314" are one fact; "1,200 km (746 miles)" and "a
// roughly 750-mile front" are one fact.
//
// Each quantity with a known thing counted (or a unit) becomes a claim with
// an interval: the hedge's interval for the stated value, and for a
// distributive form ("157 each" between two parties) also the total's. Claims
// about the same thing agree when any of their intervals overlap; agreement
// is transitive (union-find), so a chain of hedged values forms one fact.
// Which rows disagree is quantity_conflicts.cc's.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <map>
#include <optional>
#include <set>

#include "core/strings.h"
#include "fuse/claims/builders.h"
#include "fuse/claims/compound_durations.h"
#include "fuse/claims/modality.h"
#include "fuse/claims/quantity_conflicts.h"
#include "text/word_lists.h"

namespace newsfuse::fuse {
namespace quantity {
namespace {

// Measures written in nearly the same words ("the first prisoner exchange
// in [five months]", "their first large-scale prisoner exchange in [nearly
// five months]") are about one thing though the rest of their sentences
// differ; a clause that is merely alike ("percent of [children]") is not
// enough, nor is a shared clause in sentences about something else.
constexpr double kSameClause = 0.75;
constexpr double kClauseSentenceFloor = 0.25;
// A measure's row is named by this much of its own clause around the figure.
constexpr int kSubjectWordsBefore = 8;
constexpr int kSubjectWordsAfter = 6;
constexpr size_t kMinSubjectWords = 2;

// Seconds in the unit a duration was written in ("days", "-year"), 0 when unknown.
double SecondsPer(std::string_view stated) {
  const std::string w = AsciiLower(stated);
  struct Unit {
    const char* stem;
    double seconds;
  };
  for (const Unit& u : {Unit{"year", 31556952}, Unit{"month", 2629746}, Unit{"week", 604800},
                        Unit{"day", 86400}, Unit{"hour", 3600}, Unit{"minute", 60},
                        Unit{"second", 1}, Unit{"hr", 3600}, Unit{"min", 60}, Unit{"sec", 1}}) {
    if (w.find(u.stem) != std::string::npos) return u.seconds;
  }
  return 0;
}

// The unit word a duration is shown with: as written, abbreviations spelled
// out ("1 hr 35 min" is shown as "95 minutes", not "95 mins").
std::string DurationWord(std::string_view stated) {
  std::string w = AsciiLower(stated);
  if (!w.empty() && w.front() == '-') w.erase(0, 1);  // "17-year rule"
  std::string bare = w;
  if (!bare.empty() && bare.back() == 's') bare.pop_back();
  if (bare == "hr") return "hour";
  if (bare == "min") return "minute";
  if (bare == "sec") return "second";
  return w;
}

// Three significant figures: a converted length is no more precise than that.
double ThreeFigures(double v) {
  if (v == 0) return 0;
  const double scale = std::pow(10.0, std::floor(std::log10(std::fabs(v))) - 2);
  return std::round(v / scale) * scale;
}

}  // namespace

bool Agree(const Claim& a, const Claim& b) {
  return a.stated.Overlaps(b.stated) || a.total.Overlaps(b.total) || a.stated.Overlaps(b.total) ||
         a.total.Overlaps(b.stated);
}

// One number for an interval: its middle, or its finite end when open.
double Representative(const Interval& i) {
  if (std::isinf(i.high)) return i.low;
  if (std::isinf(i.low) || i.low <= 0) return i.high;
  return (i.low + i.high) / 2;
}

double RelativeGap(const Interval& a, const Interval& b) {
  const double gap = std::max(a.low, b.low) - std::min(a.high, b.high);
  const double scale = std::max({std::fabs(a.high), std::fabs(b.high), 1e-9});
  return std::max(0.0, gap) / scale;
}

// The row's name from the figure's own clause (see Figure in quantity_conflicts.h).
std::string MeasureSubject(ClaimContext& ctx, const Claim& c, const std::string& bare_name,
                           Figure figure_in_name) {
  const AnnotatedArticle& a = ctx.article(c.source);
  const Span clause = ClauseSpan(a, ctx.SentenceSpan(c.source, c.sentence), c.q->span,
                                 kSubjectWordsBefore, kSubjectWordsAfter);
  std::string_view around = std::string_view(a.body).substr(clause.begin, clause.size());
  const std::string_view figure = a.Text(c.q->span);
  auto words = [](std::string_view s) {
    size_t n = 0;
    for (size_t i = 0; i < s.size(); ++i)
      if (IsAsciiLetter(s[i]) && (i == 0 || !IsAsciiLetter(s[i - 1]))) ++n;
    return n;
  };
  if (words(around) < words(figure) + kMinSubjectWords) return bare_name;
  // The window cuts mid-phrase ("that would most", "on the New York"): the
  // function words at its ends are dropped, never the figure's own words.
  const bool english = a.article.language.empty() || a.article.language.starts_with("en");
  auto droppable = [&](std::string_view w) {
    return w.find_first_not_of("_-`'") == std::string_view::npos ||
           (english && word_lists::IsStopWordEn(AsciiLower(w)));
  };
  const size_t fig_begin = c.q->span.begin - clause.begin;
  const size_t fig_end = c.q->span.end - clause.begin;
  size_t b = 0, e = around.size();
  while (b < fig_begin) {
    const size_t sp = around.find(' ', b);
    if (sp == std::string_view::npos || sp > fig_begin || !droppable(around.substr(b, sp - b)))
      break;
    b = sp + 1;
  }
  while (e > fig_end) {
    const size_t sp = around.rfind(' ', e - 1);
    if (sp == std::string_view::npos || sp < fig_end ||
        !droppable(around.substr(sp + 1, e - sp - 1)))
      break;
    e = sp;
  }
  around = around.substr(b, e - b);
  std::string out(around);
  if (figure_in_name == Figure::kElided)
    out = std::string(around.substr(0, fig_begin - b)) + "\u2026" +
          std::string(around.substr(fig_end - b));
  for (char& ch : out)
    if (ch == '\n') ch = ' ';
  return out;
}

// A hedge shown as the source meant it (intervals as the quantity
// annotator makes them): "at least five" is >= 5, "up to 40" is <= 40,
// "nearly 40" stays nearly 40; only a two-sided hedge ("about 110") is "about".
std::string WithHedge(const std::string& shown, double value, double low, double high) {
  if (low == high) return shown;
  const bool open_above = high == std::numeric_limits<double>::infinity();
  const bool open_below = low <= 0 || low == -std::numeric_limits<double>::infinity();
  if (low >= value && open_above) return "\u2265 " + shown;
  if (high <= value && open_below) return "\u2264 " + shown;
  if (high <= value) return "nearly " + shown;
  if (low >= value) return "just over " + shown;
  return "about " + shown;
}

std::string DisplayValue(double value, const std::string& unit, const std::string& stated_unit) {
  if (unit.empty()) return FormatNumber(value);
  if (unit == "m") {
    if (std::fabs(value) >= 1000)
      return FormatNumber(ThreeFigures(value / 1000)) + " km (" +
             FormatNumber(ThreeFigures(value / 1609.344)) + " miles)";
    return FormatNumber(value) + " m";
  }
  if (unit == "s") {
    // A duration keeps the unit its source wrote: "40 days" is not "1.3
    // months", "24 hours" not "1 days". Only a duration with no stated unit
    // is shown in the largest unit that fits.
    if (const double per = SecondsPer(stated_unit); per > 0) {
      const double n = std::round(value / per * 10) / 10;
      std::string word = DurationWord(stated_unit);
      if (n != 1 && word.back() != 's') word += 's';
      if (n == 1 && word.back() == 's') word.pop_back();
      return FormatNumber(n) + " " + word;
    }
    struct Step {
      double seconds;
      const char* name;
    };
    for (const Step& step : {Step{365.2425 * 86400, "years"}, Step{30.436875 * 86400, "months"},
                             Step{7 * 86400, "weeks"}, Step{86400, "days"}, Step{3600, "hours"}}) {
      if (std::fabs(value) >= step.seconds * 0.95) {
        return FormatNumber(std::round(value / step.seconds * 10) / 10) + " " + step.name;
      }
    }
    return FormatNumber(value) + " s";
  }
  if (unit == "%") return FormatNumber(value) + "%";
  // A price in cents is no rougher than its source ("$11.86 a barrel", not 11.9).
  const bool currency = unit.size() == 3 && std::all_of(unit.begin(), unit.end(), IsAsciiUpper);
  if (currency && value != std::floor(value) && std::fabs(value) < 1e6) {
    char cents[64];
    std::snprintf(cents, sizeof cents, "%.2f %s", value, unit.c_str());
    return cents;
  }
  if (unit == "degC")
    return FormatNumber(value) +
           " \xC2\xB0"
           "C";
  return FormatNumber(value) + " " + unit;
}

// A bound one way only: "more than two years", "at least 4,000", "up to 40".
// Any value on its side satisfies it, so it disagrees with none of them.
bool OneSidedBound(const Quantity& q) {
  return q.low != q.high && (q.low >= q.value || q.high <= q.value);
}

// A length or a mass in the unit its source wrote ("86 yards (78.6 m)", "13
// miles (20.9 km)", "2.8 million tons"), as durations
// keep theirs: "1,098 yards" shown as "1 km (0.624 miles)" or "2.8 million
// tons" as "2,540,117,272 kg" is a figure no outlet gave. Metric figures and
// figures whose number is not written in digits keep the metric display
// (empty result).
std::string MeasureAsWritten(const AnnotatedArticle& a, const Quantity& q) {
  // A long compound duration ("two days, 14 hours, seven minutes and 10
  // seconds") is joined into its smallest unit, where it reads as "223,630
  // seconds": it is shown as written. A short one stays in its smaller unit
  // ("1 hour 35 minutes" as 95 minutes), which is how a reader compares it
  // with another outlet's "106 minutes".
  constexpr double kUnreadableCount = 1000;
  if (q.unit == "s" && q.low == q.high && q.span.end <= a.body.size()) {
    const double per = SecondsPer(q.stated_unit);
    const std::string_view text = a.Text(q.span);
    if (per > 0 && q.value / per >= kUnreadableCount && text.find(' ') != std::string_view::npos &&
        SecondsPer(text.substr(0, text.find(' ', text.find(' ') + 1))) > per) {
      std::string shown(text);
      for (char& ch : shown)
        if (ch == '\n') ch = ' ';
      return shown;
    }
    return {};
  }
  const bool length = q.unit == "m", mass = q.unit == "kg";
  if (!(length || mass) || !(q.value > 0) || q.span.end > a.body.size()) return {};
  std::string unit = AsciiLower(q.stated_unit);
  if (!unit.empty() && unit.front() == '-') unit.erase(0, 1);
  const bool metric = length ? unit == "m" || unit == "km" || unit == "kms" || unit == "cm" ||
                                   unit == "mm" || unit.find("metre") != std::string::npos ||
                                   unit.find("meter") != std::string::npos
                             : unit == "kg" || unit.starts_with("kilo");
  if (unit.empty() || metric) return {};
  const std::string_view text = a.Text(q.span);
  size_t b = 0;
  while (b < text.size() && !IsAsciiDigit(text[b])) ++b;
  size_t e = b;
  while (e < text.size() && (IsAsciiDigit(text[e]) || text[e] == ',' || text[e] == '.')) ++e;
  while (e > b && !IsAsciiDigit(text[e - 1])) --e;
  if (e == b) return {};
  std::string digits;
  for (size_t i = b; i < e; ++i)
    if (text[i] != ',') digits += text[i];
  const double written = std::atof(digits.c_str());
  if (!(written > 0)) return {};
  // "2.8 million tons": the scale word belongs to the figure.
  std::string scale;
  for (std::string_view word : {" thousand", " million", " billion", " trillion"})
    if (text.substr(e).starts_with(word)) scale = word;
  // Plural as a reader writes it; symbols ("ft", "mi") stay as they are.
  constexpr size_t kSymbolLetters = 3;
  if ((written != 1 || !scale.empty()) && unit.size() > kSymbolLetters) {
    if (unit == "foot")
      unit = "feet";
    else if (unit.back() != 's' && unit != "feet")
      unit += 's';
  }
  const std::string shown = std::string(text.substr(b, e - b)) + scale + " " + unit;
  // A mass stays as written only: "tons" are short tons in one outlet and
  // metric in another, so a converted figure could be one no outlet meant.
  if (mass) return shown;
  const std::string converted = q.value >= 1000 ? FormatNumber(ThreeFigures(q.value / 1000)) + " km"
                                                : FormatNumber(ThreeFigures(q.value)) + " m";
  return shown + " (" + converted + ")";
}

// A range shown as written ("35,000 to 60,000"), never as "about" its middle.
std::string RangeValue(const Quantity& q) {
  return DisplayValue(q.low, q.unit, q.stated_unit) + " to " +
         DisplayValue(q.high, q.unit, q.stated_unit);
}

// How surely two claims speak of the same thing: their sentences alike,
// or, for measures, their own clauses nearly the same (then as sure as a
// conflict between measures needs).
double SameEventLikeness(ClaimContext& ctx, const Claim& x, const Claim& y) {
  const double sentence =
      Cosine(ctx.SentenceVector(x.source, x.sentence), ctx.SentenceVector(y.source, y.sentence));
  if (sentence >= kClauseSentenceFloor && Cosine(x.clause, y.clause) >= kSameClause)
    return std::max(sentence, kConflictContextUnit);
  return sentence;
}

namespace {

// Sentences that share this much vocabulary speak of the same event, so
// their numbers about the same thing are comparable. Lower for counts (the
// thing counted already matches) than for bare units (any two distances).
constexpr double kSameContextCount = 0.20;
constexpr double kSameContextUnit = 0.30;
constexpr int kModalWordsBefore = 3;
// Voices a small exact count needs before it is a fact of the story.
constexpr size_t kSmallCountVoices = 3;
// Lengths below this (metres) are sizes of things, not of the event.
constexpr double kShortLength = 10;

std::string DimensionName(const std::string& unit) {
  if (unit == "m") return "length";
  if (unit == "s") return "duration";
  if (unit == "%") return "share";
  if (unit == "degC") return "temperature";
  if (unit == "kg") return "mass";
  if (unit.size() == 3 && std::isupper(static_cast<unsigned char>(unit[0]))) return "amount";
  return "quantity";
}

// The number is joined to the next word by a hyphen: an adjective. A
// number word joined to its unit ("a six-year term", "a four-day trip") is
// one too, which the digit test below cannot see ("twenty-five" is no unit).
bool Adjectival(const AnnotatedArticle& a, const Quantity& q) {
  const std::string_view body = a.body;
  if (!q.stated_unit.empty() && q.span.end <= body.size()) {
    const std::string text = AsciiLower(body.substr(q.span.begin, q.span.end - q.span.begin));
    const std::string unit = AsciiLower(q.stated_unit);
    if (text.find(unit.front() == '-' ? unit : "-" + unit) != std::string::npos) return true;
  }
  for (uint32_t i = q.span.begin; i < q.span.end && i + 1 < body.size(); ++i) {
    if (body[i] == '-' && i > q.span.begin &&
        std::isdigit(static_cast<unsigned char>(body[i - 1])) &&
        std::isalpha(static_cast<unsigned char>(body[i + 1])))
      return true;
  }
  return q.span.end < body.size() && body[q.span.end] == '-';
}

// The noun an adjectival number describes: "note" in "a 5-page note",
// "visit" in "a three-day visit" (the word after the unit or the thing
// counted), stemmed; empty when no word follows.
std::string ModifiedStem(ClaimContext& ctx, const AnnotatedArticle& a, const Quantity& q) {
  const std::string_view body = a.body;
  size_t at = std::max(q.span.end, q.counted_span.end);
  while (at < body.size() && (body[at] == ' ' || body[at] == '-')) ++at;
  size_t end = at;
  while (end < body.size() && std::isalpha(static_cast<unsigned char>(body[end]))) ++end;
  return end > at ? ctx.HeadStem(body.substr(at, end - at)) : std::string();
}

// A distance that places somewhere rather than measures something: "380
// kilometers (235 miles) west of Goma", "two miles away", "100 kilometers off
// the coast", "125 miles above the Earth". Over the 40 DUC topics without
// gold every length row that several outlets gave was of this kind: where a
// place is, which is background, not what happened there. The word after the
// figure (and after a bracketed conversion) says so; a length that measures
// ("a three-kilometer runway", "a 750-mile front") has its noun there.
bool GivesALocation(const AnnotatedArticle& a, const Quantity& q) {
  const std::string_view body = a.body;
  size_t at = std::max(q.span.end, q.counted_span.end);
  auto skip_spaces = [&] {
    while (at < body.size() && (body[at] == ' ' || body[at] == '\n')) ++at;
  };
  skip_spaces();
  // The conversion itself may lead the row: "two miles (three kilometers) away".
  if (at < body.size() && body[at] == ')') {
    ++at;
    skip_spaces();
  }
  if (at < body.size() && body[at] == '(') {
    const size_t close = body.find(')', at);
    if (close == std::string_view::npos || close - at > 40) return false;
    at = close + 1;
    skip_spaces();
  }
  size_t end = at;
  while (end < body.size() && IsAsciiLetter(body[end])) ++end;
  const std::string word = AsciiLower(body.substr(at, end - at));
  for (std::string_view compass : {"north", "south", "east", "west"})
    if (word.starts_with(compass)) return true;
  static const std::set<std::string, std::less<>> kPlacing = {
      "away", "off", "from", "above", "below", "offshore", "inland", "outside"};
  return kPlacing.count(word) > 0;
}

// A number that tells a reader nothing about the event on its own. One
// voice's number is an aside far more often than a claim about the event:
// over the 40 DUC topics without gold two rows in three were one voice's
// ("share: 90%", "amount: $500", "hairdresser: 20", "member: 25"), and on
// the dev topics most of them were background or the size of something
// else. It stays out of the fact table (the value still takes part in
// conflicts, where one voice against others is what a reader needs). A
// count of one is an article, not a count ("one corner", "a Boeing"), and a
// count of a pronoun ("themselves") names nothing. A small exact count
// ("side: 2", "leader: 2", "official: 3") recurs in any story about other
// groups, so it is kept only once several voices give it, or when its
// sources bound it ("at least five governments"), which they do only to
// make a point of the size. A short length ("1.22 m") is a height or a
// width, background. A duration ("40 years", "18 months") is mostly an
// aside unless three voices give it: over the dev topics every duration
// fewer gave was background.
bool ContextFree(const Fact& f, size_t voices) {
  static const std::set<std::string> kPronouns = {
      "themselve", "themselves", "them",    "they", "it",   "itself", "him",
      "himself",   "her",        "herself", "one",  "ones", "other",  "others"};
  if (voices < 2) return true;
  // An exact pair ("the two leaders", "the two key parties") points back
  // at people or groups the story already named; it is no count either.
  if (f.unit.empty() && f.low == f.high && f.high <= 2) return true;
  if (f.unit.empty() && kPronouns.count(AsciiLower(f.subject))) return true;
  if (f.unit == "m" && f.high < kShortLength) return true;
  if (f.unit == "s") return voices < 3;
  if (!f.unit.empty()) return false;
  const bool bound =
      f.low != f.high && (f.high == std::numeric_limits<double>::infinity() || f.low <= 0);
  return f.high < kDistinctiveCount && !bound && voices < kSmallCountVoices;
}

// The wording a reader checks a fact against: the number with the thing it
// counts ("157 prisoners of war from each side"), or the number alone.
Span ClaimSpan(const Quantity& q) {
  Span s = q.span;
  if (q.counted_span.end > q.counted_span.begin) {
    s.begin = std::min(s.begin, q.counted_span.begin);
    s.end = std::max(s.end, q.counted_span.end);
  }
  return s;
}

// Whether the figure is written as two numbers, a range of estimates
// ("35,000-60,000 barrels", "35,000 to 60,000"): the annotator's interval is
// then the range itself, not a hedge around its middle.
bool WrittenAsRange(const AnnotatedArticle& a, const Quantity& q) {
  if (q.low == q.high || q.span.end > a.body.size()) return false;
  const std::string_view text = a.Text(q.span);
  int runs = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const bool digit = IsAsciiDigit(text[i]);
    const bool joined =
        i > 0 && (text[i - 1] == ',' || text[i - 1] == '.') && i > 1 && IsAsciiDigit(text[i - 2]);
    if (digit && (i == 0 || (!IsAsciiDigit(text[i - 1]) && !joined))) ++runs;
  }
  return runs >= 2;
}

// The few words before a figure in its clause hold a word that leaves it
// unasserted (fuse/claims/modality.h): "an expected eight percent", "would
// reach 50", "expected to top 300". Only the nearest words: a modal further
// off governs another verb as often as the figure ("could be broadened to
// include some 3,000 people who were killed", "the 95 members present were
// asked whether ...": both figures stated as so).
bool ClauseIsModal(const AnnotatedArticle& a, Span sentence, Span figure) {
  const std::string clause = ClauseAround(a, sentence, figure, kModalWordsBefore, 0);
  size_t i = 0;
  while (i < clause.size()) {
    while (i < clause.size() && !IsAsciiLetter(clause[i])) ++i;
    size_t j = i;
    while (j < clause.size() && IsAsciiLetter(clause[j])) ++j;
    if (j > i && IsModalWord(Modality::kUnasserted, AsciiLower(clause.substr(i, j - i))))
      return true;
    i = j;
  }
  return false;
}

// The counted form of a stated unit's last word: "percentage points" ->
// "point", "square miles" -> "mile"; "" for a unit of one word or none.
std::string UnitHead(const std::string& stated_unit) {
  const size_t space = stated_unit.rfind(' ');
  if (space == std::string::npos) return {};
  std::string head = AsciiLower(std::string_view(stated_unit).substr(space + 1));
  if (head.size() > 1 && head.back() == 's') head.pop_back();
  return head;
}

// The days a sentence dates what it reports ("Sunday", "on Nov. 22", "Dec.
// 14-15"), as [from, to] TIMEX3 values: resolved days, or an unresolved
// weekday ("XXXX-WXX-7") when the article has no date. Months, years and
// durations are left out: they frame a story, not one report of a figure.
std::vector<std::pair<std::string, std::string>> DaysOf(const AnnotatedArticle& a, Span sentence) {
  std::vector<std::pair<std::string, std::string>> days;
  for (const Timex& t : a.timexes) {
    if (t.type != Timex::Type::kDate || t.span.begin < sentence.begin ||
        t.span.begin >= sentence.end)
      continue;
    const size_t slash = t.value.find('/');
    std::string from = t.value.substr(0, slash);
    std::string to = slash == std::string::npos ? from : t.value.substr(slash + 1);
    const bool day = from.size() == 10 && to.size() == 10 && from[4] == '-' && from[7] == '-';
    const bool weekday = from.rfind("XXXX-WXX-", 0) == 0 && from == to;
    if (day || weekday) days.emplace_back(std::move(from), std::move(to));
  }
  return days;
}
// A duration the time annotator reads as part of a date ("eight days ago",
// "two weeks later") places something in time; it measures nothing.
// Against "four days of riots" it is no rival figure: a story reported over
// days says "eight days ago" of its start while an earlier report counted four.
bool PlacesInTime(const AnnotatedArticle& a, const Quantity& q) {
  if (q.unit != "s") return false;
  for (const Timex& t : a.timexes)
    if (t.type == Timex::Type::kDate && t.span.begin <= q.span.begin && q.span.end <= t.span.end)
      return true;
  return false;
}

// A measure in brackets right after another figure is its source's
// conversion of it ("13 nautical miles (about 24km)"): arithmetic, not a
// claim, and when the first figure's unit went unread it stands for the wrong
// value ("some 13 miles away" is no rival of "about 24km").
bool InConversionBrackets(const AnnotatedArticle& a, const Quantity& q) {
  if (q.unit.empty() || q.span.begin == 0 || q.span.begin > a.body.size()) return false;
  const std::string_view body = a.body;
  const size_t open = body.rfind('(', q.span.begin - 1);
  constexpr size_t kHedgeBytes = 12;  // "(about 24km)", "(some 3 miles)"
  if (open == std::string_view::npos || q.span.begin - open > kHedgeBytes) return false;
  constexpr size_t kLookBack = 32;  // "13 nautical miles ("
  const size_t from = open > kLookBack ? open - kLookBack : 0;
  const std::string_view before = body.substr(from, open - from);
  return std::any_of(before.begin(), before.end(), [](char c) { return IsAsciiDigit(c); });
}

}  // namespace
}  // namespace quantity

std::vector<Fact> QuantityFacts(ClaimContext& ctx, std::vector<Conflict>& conflicts) {
  using namespace quantity;  // NOLINT(google-build-using-namespace): the rows' own types
  std::vector<Claim> claims;
  // Claims point into these, so they are all built before the first claim.
  std::vector<std::vector<Quantity>> quantities;
  for (size_t s = 0; s < ctx.size(); ++s)
    quantities.push_back(JoinCompoundDurations(ctx.article(s)));
  // Every figure each sentence states, bare numbers too ("about 32 million
  // people tuning in, compared with 55.3 million a decade ago").
  FiguresBySentence figures_in;
  for (size_t s = 0; s < ctx.size(); ++s) {
    for (const Quantity& q : quantities[s]) {
      std::vector<double>& figures = figures_in[{s, ctx.SentenceOf(s, q.span)}];
      figures.push_back(q.value);
      if (q.total != 0 && q.total != q.value) figures.push_back(q.total);
      if (PlacesInTime(ctx.article(s), q)) continue;
      // Counts are keyed by the head of what they count ("|prison"); measures
      // by their unit alone ("m"), since "front line", "front" and "a 1,200 km
      // line" name one length: for them the sentence context decides.
      std::string key = q.unit;
      if (q.unit.empty()) {
        const std::string head = q.counted.empty() ? std::string() : ctx.HeadStem(q.counted);
        if (head.empty()) continue;  // a bare number says nothing comparable
        key = "|" + head;
      }
      Claim c{s,
              ctx.SentenceOf(s, q.span),
              key,
              &q,
              {q.low, q.high},
              {q.low, q.high},
              q.low != q.high,
              ClaimSpan(q),
              {},
              {q.low, q.high},
              {},
              std::nullopt};
      c.range = WrittenAsRange(ctx.article(s), q);
      c.conversion = InConversionBrackets(ctx.article(s), q);
      if (q.distributive && q.value != 0) {
        const double parties = q.total / q.value;
        c.total = {q.low * parties, q.high * parties};
      }
      if (!q.unit.empty())
        c.clause = ctx.Vector(s, ClauseAround(ctx.article(s), ctx.SentenceSpan(s, c.sentence),
                                              q.span, kClauseWordsBefore, kClauseWordsAfter));
      claims.push_back(std::move(c));
    }
  }

  std::map<std::string, std::vector<size_t>> by_key;
  for (size_t i = 0; i < claims.size(); ++i) by_key[claims[i].key].push_back(i);
  for (Claim& c : claims) {
    c.spread = c.stated;
    const Span sentence = ctx.SentenceSpan(c.source, c.sentence);
    c.days = DaysOf(ctx.article(c.source), sentence);
    if (const auto& p = ctx.article(c.source).article.published;
        p && p->precision >= DatePrecision::kDay)
      c.published = p->DaysSinceEpoch();
    // A figure of a sentence that proposes or offers is a position in a
    // negotiation ("has proposed financing the departments only for five
    // months"), however far the verb is from it: against another side's
    // figure ("would accept a deal for six months") it is no disagreement.
    c.asserted = !ClauseIsModal(ctx.article(c.source), sentence, c.q->span) &&
                 !SentenceIsModal(Modality::kProposal, ctx.article(c.source).body,
                                  ctx.tokens(c.source), c.sentence);
  }
  for (const auto& [key, members] : by_key) {
    for (size_t a : members) {
      for (size_t b : members) {
        Claim& x = claims[a];
        const Claim& y = claims[b];
        if (x.source != y.source || x.sentence != y.sentence) continue;
        x.spread = {std::min(x.spread.low, y.stated.low), std::max(x.spread.high, y.stated.high)};
      }
    }
  }
  // A spread that names its unit once: "by 10 percentage points in some polls
  // and as much as 18 points in others" writes the second figure as a count
  // of the unit's last word.
  // Both figures take the spread: each is one end of the same range.
  for (Claim& x : claims) {
    const std::string head = UnitHead(x.q->stated_unit);
    if (head.empty()) continue;
    for (Claim& y : claims) {
      if (y.source != x.source || y.sentence != x.sentence || !y.q->unit.empty() ||
          y.q->counted != head)
        continue;
      const Interval both{std::min(x.spread.low, y.spread.low),
                          std::max(x.spread.high, y.spread.high)};
      x.spread = y.spread = both;
    }
  }
  UnionFind uf(claims.size());
  for (const auto& [key, members] : by_key) {
    const double context = key.front() == '|' ? kSameContextCount : kSameContextUnit;
    for (size_t a = 0; a < members.size(); ++a) {
      for (size_t b = a + 1; b < members.size(); ++b) {
        const Claim& x = claims[members[a]];
        const Claim& y = claims[members[b]];
        if (Agree(x, y) && (x.source == y.source || SameEventLikeness(ctx, x, y) >= context))
          uf.Union(members[a], members[b]);
        // "two miles (three kilometers)": a measure and its conversion in one
        // sentence are one claim, though rounding keeps their intervals apart.
        else if (key.front() != '|' && x.source == y.source && x.sentence == y.sentence &&
                 RelativeGap(x.stated, y.stated) <= kConversionGap)
          uf.Union(members[a], members[b]);
      }
    }
  }
  // Outlets name one thing differently ("prisoners of war", "POWs",
  // "detainees"): a distinctive exact count in sentences about the same event
  // is the same fact whatever noun follows it. Small numbers (2 sides, 3
  // countries) are too common to identify anything.
  for (size_t a = 0; a < claims.size(); ++a) {
    for (size_t b = a + 1; b < claims.size(); ++b) {
      const Claim& x = claims[a];
      const Claim& y = claims[b];
      if (x.key == y.key || x.key.front() != '|' || y.key.front() != '|' || x.hedged || y.hedged)
        continue;
      const bool same = x.total.low == y.total.low || x.stated.low == y.stated.low ||
                        x.total.low == y.stated.low || x.stated.low == y.total.low;
      const double shared =
          std::max(std::min(x.total.low, y.total.low), std::min(x.stated.low, y.stated.low));
      if (same && shared >= kDistinctiveCount && SameEventLikeness(ctx, x, y) >= kSameContextCount)
        uf.Union(a, b);
    }
  }
  std::map<size_t, std::vector<size_t>> groups;  // root -> claims, in source order
  for (size_t i = 0; i < claims.size(); ++i) groups[uf.Find(i)].push_back(i);

  auto SetValue = [&ctx](Row& b) {
    const Quantity& q = *b.lead->q;
    b.fact.unit = q.unit;
    b.total = b.lead->total;
    b.fact.low = b.lead->total.low;
    b.fact.high = b.lead->total.high;
    if (b.lead->range) {
      b.fact.value = RangeValue(q);
    } else if (std::string written = b.lead->conversion
                                         ? std::string()
                                         : MeasureAsWritten(ctx.article(b.lead->source), q);
               !written.empty()) {
      // A lead that is its source's bracketed conversion ("1,200 km (746
      // miles)") is not what the source wrote first: the metric display stays.
      b.fact.value = b.hedged ? WithHedge(written, q.value, q.low, q.high) : written;
    } else {
      b.fact.value = DisplayValue(q.total != 0 ? q.total : q.value, q.unit, q.stated_unit);
      if (q.distributive) b.fact.value += " (" + FormatNumber(q.value) + " each)";
      if (b.hedged) b.fact.value = WithHedge(b.fact.value, q.value, q.low, q.high);
    }
  };
  // A fact row shows one value and the outlets that state it. Agreement
  // joined its claims transitively, so a bound or a hedge between them can
  // hold values that differ: "up to seven astronauts" joins "six astronauts"
  // and "two astronauts". The row shows the stated value most outlets meet,
  // and only the outlets whose own figure meets it; the others are no
  // support for that value (the grouping, and so the conflicts, stay as they are).
  // A bound far from the value ("above $18 million" beside "$800 million")
  // is true of it but says something else: support only within the factor
  // under which two figures are one thing (kMaxConflictRatio).
  auto supports = [](const Claim& c, const Claim& lead) {
    if (!Agree(c, lead)) return false;
    if (!OneSidedBound(*c.q)) return true;
    const double x = Representative(c.total), y = Representative(lead.total);
    return x > 0 && y > 0 && std::max(x, y) / std::min(x, y) <= kMaxConflictRatio;
  };
  auto NarrowToStatedValue = [&](Row& b) {
    auto outlets_meeting = [&](const Claim& lead) {
      std::set<std::string> met;
      for (size_t i : b.claims)
        if (supports(claims[i], lead)) met.insert(ctx.outlet_key(claims[i].source));
      return met.size();
    };
    const Claim* best = b.lead;
    size_t best_met = outlets_meeting(*best);
    for (size_t i : b.claims) {
      const Claim& c = claims[i];
      if (c.hedged) continue;
      const size_t met = outlets_meeting(c);
      if (met > best_met) best = &c, best_met = met;
    }
    b.lead = best;
    b.fact.sources.clear();
    b.fact.wording.clear();
    b.outlets.clear();
    b.hedged = true;
    std::set<size_t> seen;
    for (size_t i : b.claims) {
      const Claim& c = claims[i];
      if (!supports(c, *b.lead)) continue;
      b.hedged &= c.hedged;
      if (!seen.insert(c.source).second) continue;
      b.fact.sources.push_back(ctx.source_id(c.source));
      b.fact.wording.push_back(
          {ctx.source_id(c.source), SpanText(ctx.article(c.source), c.span), c.span});
      b.outlets.insert(ctx.outlet_key(c.source));
    }
    SetValue(b);
  };
  std::vector<Row> built;
  for (auto& [root, group] : groups) {
    Row b;
    b.hedged = true;
    std::set<size_t> seen;
    std::map<std::string, int> subjects;
    const Claim* exact = nullptr;
    for (size_t i : group) {
      const Claim& c = claims[i];
      b.keys.insert(c.key);
      if (!c.q->counted.empty()) ++subjects[c.q->counted], b.counted.insert(c.q->counted);
      if (Adjectival(ctx.article(c.source), *c.q)) {
        b.adjectival = true;
        if (std::string m = ModifiedStem(ctx, ctx.article(c.source), *c.q); !m.empty())
          b.modifies.insert(std::move(m));
      }
      if (!c.hedged) {
        b.hedged = false;
        if (!exact || (c.q->distributive && !exact->q->distributive)) exact = &c;
      }
      if (!seen.insert(c.source).second) continue;
      b.fact.sources.push_back(ctx.source_id(c.source));
      b.fact.wording.push_back(
          {ctx.source_id(c.source), SpanText(ctx.article(c.source), c.span), c.span});
      b.outlets.insert(ctx.outlet_key(c.source));
    }
    const Claim& lead = exact ? *exact : claims[group.front()];
    b.fact.kind = Fact::Kind::kQuantity;
    // The name most sources give the thing; a measure with none is named by its dimension.
    int best = 0;
    for (const auto& [name, n] : subjects) {
      if (n > best) {
        best = n;
        b.fact.subject = name;
      }
    }
    if (b.fact.subject.empty()) {
      b.fact.subject = MeasureSubject(ctx, lead, DimensionName(lead.q->unit));
      b.named_by_clause = true;
    }
    b.claims = group;
    b.lead = &lead;
    SetValue(b);
    built.push_back(std::move(b));
  }

  QuantityConflicts(ctx, claims, built, figures_in, conflicts);

  std::vector<Fact> facts;
  for (auto& b : built) {
    NarrowToStatedValue(b);
    if (ContextFree(b.fact, b.outlets.size())) continue;
    if (b.fact.unit == "m" && GivesALocation(ctx.article(b.lead->source), *b.lead->q)) continue;
    // "the 124-member council", "his 17-year rule", "a six-year term": the
    // number is a property of another noun (its size, a tenure), shown as a
    // count of "member" or a bare duration it misleads, however many voices
    // repeat it; it is background, not the event. A measure written so ("a
    // 750-mile front", "a $5-million deal") is still the thing's own size.
    if (b.adjectival && (b.fact.unit.empty() || b.fact.unit == "s")) continue;
    // The row shows its lead's value, so it is named by the lead's clause. A
    // count too: "tribe: 400" or "person: 213" leaves a reader to guess what
    // was counted and why ("divisions among Congo's 400 tribes", "213 people
    // were killed"); the counted noun alone names a row only when the clause
    // adds nothing to it.
    const std::string bare = b.named_by_clause ? DimensionName(b.fact.unit) : b.fact.subject;
    b.fact.subject = MeasureSubject(ctx, *b.lead, bare);
    // A measure whose lead's clause is the bare figure ("(three kilometers)")
    // is named by another supporter's clause; when none names it ("Just two
    // weeks.", "just over $200") it says nothing a reader can place:
    // "amount: 200 USD" is no fact. It still takes part in conflicts above.
    if (b.named_by_clause && b.fact.subject == bare) {
      for (size_t i : b.claims) {
        std::string named = MeasureSubject(ctx, claims[i], bare);
        if (named != bare) {
          b.fact.subject = std::move(named);
          break;
        }
      }
      if (b.fact.subject == bare) continue;
    }
    facts.push_back(std::move(b.fact));
  }
  return facts;
}

}  // namespace newsfuse::fuse
