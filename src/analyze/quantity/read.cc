// Scanner::Read: from a number to a Quantity, or to nothing when the
// surroundings show it is a date, a year, a time, a score or part of a name.
#include <cctype>
#include <cmath>
#include <string>
#include <string_view>

#include "analyze/quantity/scanner.h"

namespace newsfuse::analyze::quantity {
namespace {

// Words read back from a number for a word of weight ("a mass of [1 million]").
constexpr size_t kWeightLookback = 3;

bool IsOne(const NumberReading& n) { return !n.digits && !n.share && !n.scaled && n.value == 1; }

// After a number word and a hyphen, a plain noun counts things ("eight-page",
// "three-room"); a fixed compound does not ("three-way talks", "one-sided",
// "a two-state solution", "one-on-one", "a one-man show"), nor an
// adjective or participle ("two-faced", "three-pronged", "one-time").
bool PlainNounAfterNumberWord(std::string_view word) {
  std::string w;
  for (char c : word) w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static constexpr std::string_view kCompounds[] = {
      "way",   "ways",   "sided",  "fold",        "time",  "times", "star", "man", "woman", "state",
      "party", "on",     "of",     "to",          "and",   "in",    "by",   "up",  "off",   "out",
      "some",  "handed", "legged", "dimensional", "horse", "liner", "shot", "stop"};
  for (std::string_view c : kCompounds)
    if (w == c) return false;
  for (std::string_view end : {"ed", "ing", "ly", "al", "ful", "ish", "ic"})
    if (w.size() > end.size() + 1 && w.compare(w.size() - end.size(), end.size(), end) == 0)
      return false;
  return true;
}

bool Reject(Expression& e, size_t skip_to) {
  e.skip_to = skip_to;
  return false;
}

}  // namespace

size_t Scanner::Read(const NumberReading& num, std::vector<Quantity>& out) {
  Expression e;
  e.n = num;
  e.first = num.first;
  e.last = num.last;
  e.value = e.value2 = num.value;
  if (!RejectCodesAndCompounds(e)) return e.skip_to;
  // Currency before: "$", "US$", "€", "USD".
  if (size_t f = 0; const std::string* c = MatchBefore(lex_.currency_before, e.first, f)) {
    e.currency = *c;
    e.currency_first = f;
    e.currency_last = e.first - 1;
    e.first = f;
  }
  if (!ReadScale(e) || !ReadUnitAfter(e) || !ReadRange(e)) return e.skip_to;
  ReadHedges(e);
  if (!RejectByContext(e)) return e.skip_to;
  Quantity q = Build(e, out);
  if (IsOne(e.n) && q.unit.empty() && q.counted.empty()) return e.last;
  out.push_back(std::move(q));
  return e.last;
}

// "2026-02-05", "10:30", "9/11", "24/7": dates, times and codes. Letters
// glued on: "21st", "G7", "MH17", "F-16", "mum-of-three". And an age after a
// name: "Sarah, 41, said" (ages are not amounts of things).
bool Scanner::RejectCodesAndCompounds(Expression& e) {
  const NumberReading& n = e.n;
  const size_t a = n.last + 1;
  if (n.digits) {
    if (Glued(a) && (IsSymbol(a, ":") || IsSymbol(a, "/") || IsSymbol(a, ".")) && Glued(a + 1) &&
        a + 1 < Size() && tokens_[a + 1].kind == TokenKind::kNumber)
      return Reject(e, a + 1);
    if (Glued(a) && IsSymbol(a, "-") && Glued(a + 1) && a + 3 < Size() &&
        tokens_[a + 1].kind == TokenKind::kNumber && Glued(a + 2) && IsSymbol(a + 2, "-"))
      return Reject(e, a + 3);
    if (n.first >= 2 && Glued(n.first) &&
        (IsSymbol(n.first - 1, ":") || IsSymbol(n.first - 1, "/")))
      return Reject(e, n.last);
    if (Glued(n.first) && n.first > 0 && IsWord(n.first - 1)) return Reject(e, n.last);
    if (n.first >= 2 && IsSymbol(n.first - 1, ",") && IsWord(n.first - 2) &&
        tokens_[n.first - 2].capital && (IsSymbol(a, ",") || a >= Size()))
      return Reject(e, n.last);
  }
  if (n.first >= 2 && Glued(n.first) && IsSymbol(n.first - 1, "-") && Glued(n.first - 1) &&
      IsWord(n.first - 2))
    return Reject(e, n.last);
  return true;
}

// "1.2 million", "$5bn", "3m people". "m", "k" and "b" are scales only where
// money or a plural noun makes them so: "100m" alone is a distance.
bool Scanner::ReadScale(Expression& e) {
  if (!e.n.digits || e.n.share) return true;
  if (const NumberWord* w = NumberWordAt(e.last + 1)) {
    bool take = w->cls == NumberClass::kScale;
    if (w->cls == NumberClass::kSuffix) {
      const size_t s = e.last + 1;
      if (Is(s, "b")) {
        take = !e.currency.empty();
      } else if (Is(s, "m") || Is(s, "k")) {
        take = !e.currency.empty() ||
               (Glued(s) && IsWord(s + 1) && !tokens_[s + 1].capital &&
                !lex_.counted_stops.Find(Key(s + 1, s + 1)) && !lex_.units.Find(Key(s + 1, s + 1)));
        // A capital M glued to digits and no scale is a model name ("GeForce
        // GT 650M", "9600M GT"): the metre's symbol is a small m.
        if (!take && Is(s, "m") && Glued(s) && tokens_[s].capital) return Reject(e, s);
      } else {
        take = true;
      }
    }
    if (take) {
      e.value *= w->value;
      e.value2 = e.value;
      e.n.scaled = true;
      ++e.last;
    }
  }
  // A glued word that is neither scale nor unit: "21st", "1990s", "5G".
  if (e.last == e.n.last && Glued(e.last + 1) && IsWord(e.last + 1)) {
    size_t end = 0;
    if (!MatchAt(lex_.units, e.last + 1, end) && !MatchAt(lex_.hedges_after, e.last + 1, end))
      return Reject(e, e.last + 1);
  }
  return true;
}

// "a mass of 1 million pounds", "weighing 2 million pounds": a scaled
// "pounds" after a word of weight is weight, not sterling. The words are the
// few English ones that name weight itself; a wider list would guess.
bool Scanner::WeightBefore(size_t first) const {
  static constexpr std::string_view kWeightWords[] = {"mass",    "weight",   "weighs",
                                                      "weighed", "weighing", "weigh"};
  for (size_t k = first, words = 0; k > 0 && words < kWeightLookback; --k) {
    if (!IsWord(k - 1)) continue;
    ++words;
    for (std::string_view w : kWeightWords)
      if (Is(k - 1, w)) return true;
  }
  return false;
}

// "1,200 km", "750-mile", "-5C", "20%", "5 million dollars".
bool Scanner::ReadUnitAfter(Expression& e) {
  if (e.n.share) return true;
  size_t k = e.last + 1;
  bool hyphen = false;
  if (Glued(k) && IsSymbol(k, "-") && Glued(k + 1) && IsWord(k + 1) && !Is(k + 1, "plus") &&
      !Is(k + 1, "odd")) {
    hyphen = true;
    ++k;
  }
  size_t end = 0;
  if (e.currency.empty() && !hyphen) {
    if (const std::string* c = MatchAt(lex_.currency_after, k, end)) {
      e.currency = *c;
    } else if (e.n.scaled && (Is(k, "pounds") || Is(k, "pound")) && !WeightBefore(e.first)) {
      e.currency = "GBP";  // "5 million pounds" is money; "500 pounds" is weight
      end = k;
    }
    if (!e.currency.empty()) {
      e.currency_first = k;
      e.currency_last = e.last = end;
    }
  }
  if (e.currency.empty()) {
    if (const Unit* u = MatchAt(lex_.units, k, end); u && (!Is(k, "c") || Glued(k))) {
      e.unit = u;
      e.unit_first = k;
      e.unit_last = e.last = end;
    }
  }
  // "three-way talks", "a 20-strong force": compound adjectives, not counts;
  // but "a 1,500-page report" and "an eight-page note" count pages (the
  // word is a noun).
  if (hyphen && !e.unit) {
    if (Is(k, "strong") || Is(k, "odd") || Is(k, "year") || Is(k, "old") ||
        (!e.n.digits && !PlainNounAfterNumberWord(Text(k))))
      return Reject(e, k);
    e.hyphen_noun = k;
  }
  // "a 55-year-old man": an age, not an amount of time.
  if (hyphen && Glued(e.last + 1) && IsSymbol(e.last + 1, "-") && Is(e.last + 2, "old"))
    return Reject(e, e.last + 2);
  return true;
}

// "10 to 15 km", "between 5 and 8", "1.2-1.5 million", "two or three". A
// unit already read before "to" makes it a change, not a range: "rose 2% to
// 5%", "by 50 basis points to 5.25%".
bool Scanner::ReadRange(Expression& e) {
  const size_t k = e.last + 1;
  const bool between = e.first > 0 && (Is(e.first - 1, "between") || Is(e.first - 1, "from"));
  const bool dash = IsSymbol(k, "-") || IsSymbol(k, "\u2013");
  const bool link =
      (dash || Is(k, "to") || (between && Is(k, "and")) || (!e.n.digits && Is(k, "or"))) &&
      !e.measured();
  NumberReading m;
  if (!link || e.n.share || k + 1 >= Size() || !ReadNumber(k + 1, m) || m.first != k + 1 ||
      m.digits != e.n.digits || m.share)
    return true;
  size_t l2 = m.last;
  e.value2 = m.value;
  if (const NumberWord* w = NumberWordAt(l2 + 1); m.digits && w && w->cls == NumberClass::kScale) {
    e.value2 *= w->value;
    if (!e.n.scaled) e.value *= w->value;
    ++l2;
  }
  if (e.n.year_like && m.year_like) return Reject(e, l2);  // "2022-2024", "from 2019 to 2021"
  // Scores, votes and odds: "won 3-1", "a 52-48 vote", "a 33-1 outsider".
  if (dash && (ContextAt(e.first - 1, Context::kScore) || ContextAt(l2 + 1, Context::kScore) ||
               e.value2 <= e.value))
    return Reject(e, l2);
  if (IsDate(m)) {  // "10 to 12 March"
    last_date_ = m.last;
    return Reject(e, l2);
  }
  size_t end = 0;
  if (const Unit* u = MatchAt(lex_.units, l2 + 1, end)) {
    e.unit = u;
    e.unit_first = l2 + 1;
    e.unit_last = end;
    l2 = end;
  }
  if (IsDate(e.n)) {  // "Jan 23 to 24"
    last_date_ = m.last;
    return Reject(e, l2);
  }
  e.range = true;
  e.last = l2;
  return true;
}

// "about", "more than" before; "or more", "-plus" after.
void Scanner::ReadHedges(Expression& e) {
  if (size_t f = 0; const Hedge* h = MatchBefore(lex_.hedges_before, e.first, f)) {
    // "handed over 95 prisoners" and "over five years" (during) are not "more than".
    const bool particle = *h == Hedge::kOver && f == e.first - 1 && Is(f, "over") &&
                          (ContextAt(f - 1, Context::kPhrasal) || (e.unit && e.unit->unit == "s"));
    if (!particle) {
      e.hedge = *h;
      e.hedge_first = f;
    }
  }
  size_t k = e.last + 1;
  if (Glued(k) && IsSymbol(k, "-")) ++k;
  if (size_t end = 0; const Hedge* h = MatchAt(lex_.hedges_after, k, end)) {
    if (e.hedge == Hedge::kNone) e.hedge = *h;
    e.last = end;
  }
}

// Days of the month, years, clock times, names and labels, and "one" as a
// pronoun ("one of the", "no one").
bool Scanner::RejectByContext(Expression& e) {
  const NumberReading& n = e.n;
  if (IsDate(n)) {
    last_date_ = n.last;
    return Reject(e, e.last);
  }
  if (n.leading_zero && !e.measured()) return Reject(e, e.last);
  if (n.year_like && !e.measured() && !n.scaled &&
      (e.hedge == Hedge::kNone || ContextAt(e.first - 1, Context::kYear)))
    return Reject(e, e.last);
  if (!e.measured()) {
    size_t end = 0;
    if (const Context* c = MatchAt(lex_.context, e.last + 1, end); c && *c == Context::kClock)
      return Reject(e, end);
  }
  if (e.hedge == Hedge::kNone && !e.measured() && IsNameOrLabel(e.first)) return Reject(e, e.last);
  const size_t p = e.first - 1;
  if (IsOne(n) && (Is(n.last + 1, "of") || Is(n.last + 1, "another") || Is(p, "the") ||
                   Is(p, "no") || Is(p, "any") || Is(p, "every") || Is(p, "each") ||
                   Is(p, "this") || Is(p, "that") || Is(p, "which") || Is(p, "at")))
    return Reject(e, e.last);
  return true;
}

// The Quantity: normalised value and interval, then what is counted, then
// whether it is given to each of several parties. Only counts and hyphenated
// units have a noun after them that they measure ("750-mile front line");
// after "20 km" or "-5C" comes the rest of the sentence ("20 km north").
Quantity Scanner::Build(const Expression& e, const std::vector<Quantity>& out) {
  Quantity q;
  const size_t span_first = e.hedge_first != kNoToken ? e.hedge_first : e.first;
  q.span = Span{tokens_[span_first].begin, tokens_[e.last].end};
  auto text = [&](size_t a, size_t b) {
    return std::string(body_.substr(tokens_[a].begin, tokens_[b].end - tokens_[a].begin));
  };
  if (e.n.share) {
    q.unit = "%";
    q.stated_unit = text(e.n.first, e.n.last);
  } else if (!e.currency.empty()) {
    q.unit = e.currency;
    q.stated_unit = text(e.currency_first, e.currency_last);
  } else if (e.unit) {
    q.unit = e.unit->unit;
    q.stated_unit = text(e.unit_first, e.unit_last);
  }
  auto normalise = [&](double x) { return e.unit ? x * e.unit->factor + e.unit->offset : x; };
  const double a = normalise(e.value), b = normalise(e.value2);
  if (e.range) {
    q.value = (a + b) / 2;
    q.low = std::min(a, b);
    q.high = std::max(a, b);
  } else {
    q.value = a;
    ApplyHedgeInterval(e.hedge, a, a < 0 || (e.unit && e.unit->unit == "degC"), q);
  }

  size_t np_last = e.last;
  const bool noun_follows =
      !e.measured() || (e.unit && e.unit_first > 0 && IsSymbol(e.unit_first - 1, "-"));
  if (e.hyphen_noun != kNoToken) {
    // The noun is the hyphenated word itself ("1,500-page report" -> "page").
    counted_last_ = e.hyphen_noun;
    AppendSingular(Text(e.hyphen_noun), q.counted);
    q.counted_span = Span{tokens_[e.hyphen_noun].begin, tokens_[e.hyphen_noun].end};
    np_last = e.hyphen_noun;
  } else if (noun_follows && !Is(e.last + 1, "of") && ReadCounted(e.last + 1, false, q)) {
    np_last = counted_last_;
  } else if (Is(e.last + 1, "of")) {
    ReadPartitive(e.last + 1, q, out);
    np_last = std::max(counted_last_, e.last);
  }
  q.total = q.value;
  if (!e.n.share && (q.unit.empty() || !e.currency.empty()) &&
      IsDistributive(e.first, np_last + 1)) {
    q.distributive = true;
    q.total = q.value * Parties(e.first, out);
  }
  return q;
}

}  // namespace newsfuse::analyze::quantity
