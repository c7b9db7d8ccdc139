// Step 1 of the scanner: the number itself, in digits or in words.
#include <cmath>
#include <cstdlib>
#include <string>

#include "analyze/quantity/scanner.h"

namespace newsfuse::analyze::quantity {

bool Scanner::ReadNumber(size_t i, NumberReading& n) {
  n = NumberReading{};
  n.first = n.last = i;
  bool ok = false;
  if (tokens_[i].kind == TokenKind::kNumber)
    ok = ReadDigits(i, n);
  else if (tokens_[i].kind == TokenKind::kWord &&
           tokens_[i].end - tokens_[i].begin <= lex_.longest_number_word &&
           (NumberWordAt(i) || Is(i, "a") || Is(i, "an") || Is(i, "one")))
    // Both readers start at a number word or at the article or "one" before
    // one: any other word, nearly every word of a text, is none.
    ok = ReadShare(i, n) || ReadWords(i, n);
  if (!ok || n.share || n.scaled || !Is(n.last + 1, "in")) return ok;
  // "one in five": a share. The second number is small and plain, so "1 in
  // 2024" stays a count followed by a year.
  const size_t k = n.last + 2;
  double of = 0;
  if (const NumberWord* w = NumberWordAt(k);
      w && (w->cls == NumberClass::kUnit || w->cls == NumberClass::kTens)) {
    of = w->value;
  } else if (k < Size() && tokens_[k].kind == TokenKind::kNumber && Text(k).size() <= 3 &&
             !Glued(k + 1)) {
    of = std::strtod(std::string(Text(k)).c_str(), nullptr);
  }
  if (of < 2 || of < n.value) return ok;
  n.value = 100 * n.value / of;
  n.share = true;
  n.last = k;
  return ok;
}

bool Scanner::ReadDigits(size_t i, NumberReading& n) {
  const std::string_view text = Text(i);
  char buf[64];
  size_t len = 0;
  bool plain = true;  // no comma, no decimal point
  for (char c : text) {
    if (c == ',') {
      plain = false;
      continue;
    }
    if (c == '.') plain = false;
    if (len + 1 >= sizeof buf) return false;
    buf[len++] = c;
  }
  buf[len] = '\0';
  n.digits = true;
  n.value = std::strtod(buf, nullptr);
  n.year_like = plain && text.size() == 4 && n.value >= 1000 && n.value <= 2100;
  n.leading_zero = text.size() > 1 && text[0] == '0' && text[1] != '.';
  // A sign belongs to the number only when it is glued to it and not to a
  // word or number before it ("-5C", but not "23-24" or "F-16").
  if (i > 0 && Glued(i) && (IsSymbol(i - 1, "-") || IsSymbol(i - 1, "\u2212")) &&
      (i == 1 || !Glued(i - 1))) {
    n.value = -n.value;
    n.first = i - 1;
  } else if (i > 0 && Is(i - 1, "minus")) {
    n.value = -n.value;
    n.first = i - 1;
  }
  return true;
}

// "twenty-five", "three hundred and twelve", "a dozen", "two million",
// "two-thirds". Capitalised number words inside a sentence are names
// ("World War Two", "Formula One") and are left alone.
bool Scanner::ReadWords(size_t i, NumberReading& n) {
  size_t j = i;
  double total = 0, group = 0;
  bool any = false;
  if (Is(i, "a") || Is(i, "an")) {
    const NumberWord* next = NumberWordAt(i + 1);
    if (!next || (next->cls != NumberClass::kHundred && next->cls != NumberClass::kScale &&
                  next->cls != NumberClass::kDozen))
      return false;
    group = 1;
    j = i + 1;
  }
  const NumberWord* first_word = NumberWordAt(j);
  if (!first_word || first_word->cls == NumberClass::kSuffix ||
      first_word->cls == NumberClass::kFraction || first_word->cls == NumberClass::kFractions)
    return false;
  if (tokens_[i].capital && !AtSentenceStart(i)) return false;
  NumberClass prev = NumberClass::kUnit;
  for (;;) {
    const NumberWord* w = NumberWordAt(j);
    if (!w) break;
    switch (w->cls) {
      case NumberClass::kUnit:
      case NumberClass::kTens:
        group += w->value;
        break;
      case NumberClass::kHundred:
        group = (group == 0 ? 1 : group) * 100;
        break;
      case NumberClass::kScale:
        total += (group == 0 ? 1 : group) * w->value;
        group = 0;
        n.scaled = true;
        break;
      case NumberClass::kDozen:
        group = (group == 0 ? 1 : group) * 12;
        break;
      default:
        return false;
    }
    any = true;
    prev = w->cls;
    n.last = j;
    // Continue over "twenty-five" and "three hundred and twelve".
    if (Glued(j + 1) && IsSymbol(j + 1, "-") && Glued(j + 2) && NumberWordAt(j + 2) &&
        NumberWordAt(j + 2)->cls == NumberClass::kUnit && prev == NumberClass::kTens) {
      j += 2;
    } else if (Is(j + 1, "and") && (prev == NumberClass::kHundred || prev == NumberClass::kScale) &&
               NumberWordAt(j + 2) &&
               (NumberWordAt(j + 2)->cls == NumberClass::kUnit ||
                NumberWordAt(j + 2)->cls == NumberClass::kTens)) {
      j += 2;
    } else if (NumberWordAt(j + 1) && NumberWordAt(j + 1)->cls != NumberClass::kSuffix &&
               NumberWordAt(j + 1)->cls != NumberClass::kFraction &&
               NumberWordAt(j + 1)->cls != NumberClass::kFractions && !tokens_[j + 1].capital) {
      ++j;
    } else {
      break;
    }
  }
  if (!any) return false;
  n.value = total + group;
  // "two-thirds", "three quarters": a cardinal times a plural fraction word.
  size_t f = n.last + 1;
  if (Glued(f) && IsSymbol(f, "-")) ++f;
  if (const NumberWord* frac = NumberWordAt(f); frac && frac->cls == NumberClass::kFractions) {
    n.value *= frac->value * 100;
    n.share = true;
    n.last = f;
  }
  return true;
}

// "a third of", "one quarter of", "half of", "half the": shares of a whole,
// read as percentages. "a third round" and "half an hour" are not shares.
bool Scanner::ReadShare(size_t i, NumberReading& n) {
  size_t j = i;
  if (Is(i, "a") || Is(i, "one")) j = i + 1;
  const NumberWord* w = NumberWordAt(j);
  if (!w || w->cls != NumberClass::kFraction) return false;
  const bool half = Is(j, "half");
  if (j == i && !half) return false;
  // "the second half of the year", "the first half of the game": a stretch
  // of time or of play, not a share of anything.
  if (half && j == i && i > 0 &&
      (Is(i - 1, "first") || Is(i - 1, "second") || Is(i - 1, "latter") || Is(i - 1, "last") ||
       Is(i - 1, "final") || Is(i - 1, "back") || Is(i - 1, "front")))
    return false;
  if (!(Is(j + 1, "of") || (half && (Is(j + 1, "the") || Is(j + 1, "its") || Is(j + 1, "their")))))
    return false;
  n.value = w->value * 100;
  n.share = true;
  n.last = j;
  return true;
}

}  // namespace newsfuse::analyze::quantity
