#include "analyze/time/time_tokens.h"

#include <cstdlib>

#include "core/strings.h"

namespace newsfuse::analyze::time {
namespace {

// The leading digits of s as a number, saturating: no date field needs more
// than four digits, and a long digit run must not overflow.
int ParseInt(std::string_view s) {
  int v = 0;
  for (char c : s) {
    if (!IsAsciiDigit(c)) break;
    if (v > 99999999) return v;
    v = v * 10 + (c - '0');
  }
  return v;
}

bool IsGluedSymbol(const text::Tokens& b, size_t i, std::string_view sym) {
  return b.Glued(i) && b[i + 1].IsSymbol() && b.Text(i + 1) == sym && b.Glued(i + 1);
}

// A word the rules may read glued to a number: ASCII letters only ("th",
// "am", "s"), not "p.m." or "km's".
bool IsPlainSuffix(const text::Tokens& b, size_t i) {
  if (!b[i].IsWord() || b[i].Has(text::kDotted) || b[i].Has(text::kInnerApostrophe)) return false;
  for (char c : b.Text(i))
    if (!IsAsciiLetter(c)) return false;
  return true;
}

// One past the last base token of the number token starting at base token i:
// an ISO date ("2026-02-05"), a slashed date ("2/5/2026"), digit groups
// joined by [.,:] ("10:30", "3:07:35"), and letters glued on ("5th",
// "1990s", "10am", "10:30pm"). These are the special cuts of text/tokens.h,
// read as views over the base tokens.
size_t NumberEnd(const text::Tokens& b, size_t i) {
  if (size_t e = text::IsoDateAt(b, i); e != i) return e;
  if (text::IsNumberOf(b, i, 1, 2) && IsGluedSymbol(b, i, "/") &&
      text::IsNumberOf(b, i + 2, 1, 2) && IsGluedSymbol(b, i + 2, "/") &&
      (text::IsNumberOf(b, i + 4, 4, 4) || text::IsNumberOf(b, i + 4, 2, 2)))
    return i + 5;
  size_t j = i;
  while ((IsGluedSymbol(b, j, ".") || IsGluedSymbol(b, j, ",") || IsGluedSymbol(b, j, ":")) &&
         b[j + 2].IsNumber())
    j += 2;
  if (b.Glued(j) && IsPlainSuffix(b, j + 1)) ++j;
  return j + 1;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!IsAsciiDigit(c)) return false;
  return true;
}

void AddFeature(TokenizedText& out, Token& t, WordClass cls, int num, std::string_view text) {
  out.features.push_back(Feature{cls, num, text});
  ++t.feature_count;
}

// "10:30", "10:30pm", "10am", "3:07:35" -> minutes past midnight as hhmm, or -1.
int ClockValue(std::string_view s) {
  size_t i = 0;
  int h = 0, m = 0;
  size_t hd = 0;
  while (i < s.size() && IsAsciiDigit(s[i]) && hd <= 2) h = h * 10 + (s[i++] - '0'), ++hd;
  if (hd == 0 || hd > 2) return -1;
  bool colon = false;
  if (i < s.size() && s[i] == ':') {
    colon = true;
    ++i;
    size_t md = 0;
    while (i < s.size() && IsAsciiDigit(s[i]) && md <= 2) m = m * 10 + (s[i++] - '0'), ++md;
    if (md != 2) return -1;
    if (i < s.size() && s[i] == ':') return -1;  // h:mm:ss is a race time, not a clock
  }
  std::string_view rest = s.substr(i);
  if (rest == "am" || rest == "pm") {
    if (h < 1 || h > 12) return -1;
    if (rest == "pm" && h != 12) h += 12;
    if (rest == "am" && h == 12) h = 0;
  } else if (!rest.empty() || !colon) {
    return -1;
  }
  if (h > 24 || m > 59) return -1;
  return h * 100 + m;
}

void ClassifyNumber(TokenizedText& out, Token& t) {
  std::string_view s = t.lower;
  size_t digits = 0;
  while (digits < s.size() && IsAsciiDigit(s[digits])) ++digits;
  std::string_view head = s.substr(0, digits), tail = s.substr(digits);
  if (s.size() == 10 && s[4] == '-') {
    AddFeature(out, t, WordClass::kIsoDate, 0, s);
    return;
  }
  if (s.find('/') != std::string_view::npos) {
    int m = ParseInt(s), d = ParseInt(s.substr(s.find('/') + 1));
    int y = ParseInt(s.substr(s.rfind('/') + 1));
    if (s.size() - s.rfind('/') - 1 == 2) y += y < 50 ? 2000 : 1900;
    if (m >= 1 && m <= 12 && d >= 1 && d <= 31)
      AddFeature(out, t, WordClass::kSlashDate, y * 10000 + m * 100 + d, s);
    return;
  }
  if (int clock = ClockValue(s); clock >= 0) AddFeature(out, t, WordClass::kClock, clock, s);
  if (tail.empty()) {
    if (AllDigits(s)) {
      int v = ParseInt(s);
      if (digits <= 2 && v >= 1 && v <= 31) AddFeature(out, t, WordClass::kDay, v, s);
      if (digits <= 2 && v <= 24) AddFeature(out, t, WordClass::kHour, v, s);
      if (digits == 4 && v >= 1000 && v <= 2199) AddFeature(out, t, WordClass::kYear, v, s);
      AddFeature(out, t, WordClass::kDigits, v, s);
    } else if (s.find(',') == std::string_view::npos && s.find(':') == std::string_view::npos) {
      AddFeature(out, t, WordClass::kDigits, 0, s);  // a decimal: "1.5 years"
    }
    return;
  }
  int v = ParseInt(head);
  if (tail == "st" || tail == "nd" || tail == "rd" || tail == "th") {
    if (v >= 1 && v <= 31) AddFeature(out, t, WordClass::kDayOrd, v, head);
    if (v >= 1 && v <= 30) AddFeature(out, t, WordClass::kCentOrd, v, head);
  } else if (tail == "s" && digits == 4 && v % 10 == 0) {
    AddFeature(out, t, WordClass::kDecade, v / 10, head);
  } else if (tail == "s" && digits == 2 && v % 10 == 0) {
    AddFeature(out, t, WordClass::kDecade, 190 + v / 10, head);  // "the 70s": last century
  }
}

// Month and day names that are also words or names ("May", "March", "Sun")
// count only beside a number or after a temporal preposition.
bool InTemporalContext(const TokenizedText& out, const WordTable& words, size_t index) {
  const auto& toks = out.tokens;
  auto is_number = [&](size_t k) { return k < toks.size() && IsAsciiDigit(toks[k].lower[0]); };
  if (is_number(index + 1)) return true;
  if (index + 2 < toks.size() && toks[index + 1].lower == "." && is_number(index + 2)) return true;
  if (index + 2 < toks.size() && toks[index + 1].lower == "," && is_number(index + 2)) return true;
  if (index > 0) {
    std::string_view prev = toks[index - 1].lower;
    if (prev == "-" && index > 1) prev = toks[index - 2].lower;  // "mid-March"
    if (IsAsciiDigit(prev[0])) return true;                      // "5 May"
    if (const WordEntry* w = words.Find(prev))
      for (const LexiconEntry& e : w->entries)
        if (e.cls == WordClass::kMonthCtx) return true;
  }
  return false;
}

}  // namespace

void Tokenize(const text::Tokens& base, const WordTable& words, TokenizedText& out) {
  const std::string_view text = base.text;
  out.lower.assign(text);
  AsciiLowerInPlace(out.lower);
  out.tokens.clear();
  out.features.clear();
  for (size_t i = 0; i < base.size();) {
    const size_t next = base[i].IsNumber() ? NumberEnd(base, i) : i + 1;
    Token t;
    t.begin = base[i].begin;
    t.end = base[next - 1].end;
    t.lower = std::string_view(out.lower).substr(t.begin, t.end - t.begin);
    // The rules' words are English: an ASCII capital, as the lexicon spells them.
    t.capitalised = text[t.begin] >= 'A' && text[t.begin] <= 'Z';
    out.tokens.push_back(t);
    i = next;
  }
  // Classes, once the neighbours of every token are known.
  for (size_t k = 0; k < out.tokens.size(); ++k) {
    Token& t = out.tokens[k];
    t.first_feature = static_cast<uint32_t>(out.features.size());
    if (IsAsciiDigit(t.lower[0])) {
      ClassifyNumber(out, t);
      continue;
    }
    const WordEntry* w = words.Find(t.lower);
    if (!w) continue;
    t.word = w->id;
    for (const LexiconEntry& e : w->entries) {
      if (e.needs_capital && !t.capitalised) continue;
      if (e.needs_context && !InTemporalContext(out, words, k)) continue;
      AddFeature(out, t, e.cls, 0, e.value);
    }
  }
}

}  // namespace newsfuse::analyze::time

namespace newsfuse::analyze::time {

void Tokenize(std::string_view text, const WordTable& words, TokenizedText& out) {
  thread_local text::Tokens base;
  text::Tokenize(text, base);
  Tokenize(base, words, out);
}

}  // namespace newsfuse::analyze::time
