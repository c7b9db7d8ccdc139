#include "rouge_porter.h"

#include <string_view>

namespace newsfuse::bench {
namespace {

bool IsVowelLetter(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// Porter's consonant: not a vowel letter, and 'y' only when it starts the
// word or follows a vowel. An initial 'y' is upper-cased by the caller, so it
// is a consonant whatever follows.
bool IsConsonant(std::string_view w, size_t i) {
  const char c = w[i];
  if (IsVowelLetter(c)) return false;
  if (c != 'y') return true;
  return i == 0 || !IsConsonant(w, i - 1);
}

// m in [C](VC)^m[V].
int Measure(std::string_view w) {
  int m = 0;
  size_t i = 0;
  while (i < w.size() && IsConsonant(w, i)) ++i;
  while (i < w.size()) {
    while (i < w.size() && !IsConsonant(w, i)) ++i;
    if (i == w.size()) break;
    while (i < w.size() && IsConsonant(w, i)) ++i;
    ++m;
  }
  return m;
}

bool HasVowel(std::string_view w) {
  for (size_t i = 0; i < w.size(); ++i) {
    if (!IsConsonant(w, i)) return true;
  }
  return false;
}

// ROUGE tests the whole stem against consonant-run, one vowel, one final
// consonant other than w, x, y (not just its last three letters).
bool IsShortCvc(std::string_view w) {
  const size_t n = w.size();
  if (n < 3) return false;
  const char last = w[n - 1], mid = w[n - 2];
  if (IsVowelLetter(last) || last == 'w' || last == 'x' || last == 'y') return false;
  if (!IsVowelLetter(mid) && mid != 'y') return false;
  if (IsVowelLetter(w[0])) return false;
  for (size_t i = 1; i + 2 < n; ++i) {
    if (IsVowelLetter(w[i]) || w[i] == 'y') return false;
  }
  return true;
}

bool EndsWith(std::string_view w, std::string_view s) {
  return w.size() >= s.size() && w.substr(w.size() - s.size()) == s;
}

// The longest listed suffix `w` ends with; replaced when the stem's m > min_m.
struct Rule {
  std::string_view suffix, replacement;
};

template <size_t N>
void ApplyLongest(std::string& w, const Rule (&rules)[N], int min_m) {
  const Rule* best = nullptr;
  for (const Rule& r : rules) {
    if (EndsWith(w, r.suffix) && (!best || r.suffix.size() > best->suffix.size())) best = &r;
  }
  if (!best) return;
  const std::string_view stem(w.data(), w.size() - best->suffix.size());
  if (Measure(stem) > min_m) w = std::string(stem) + std::string(best->replacement);
}

constexpr Rule kStep2[] = {
    {"ational", "ate"}, {"tional", "tion"}, {"enci", "ence"}, {"anci", "ance"}, {"izer", "ize"},
    {"bli", "ble"},     {"alli", "al"},     {"entli", "ent"}, {"eli", "e"},     {"ousli", "ous"},
    {"ization", "ize"}, {"ation", "ate"},   {"ator", "ate"},  {"alism", "al"},  {"iveness", "ive"},
    {"fulness", "ful"}, {"ousness", "ous"}, {"aliti", "al"},  {"iviti", "ive"}, {"biliti", "ble"},
    {"logi", "log"}};
constexpr Rule kStep3[] = {{"icate", "ic"}, {"ative", ""}, {"alize", "al"}, {"iciti", "ic"},
                           {"ical", "ic"},  {"ful", ""},   {"ness", ""}};
constexpr Rule kStep4[] = {{"al", ""},    {"ance", ""}, {"ence", ""}, {"er", ""},
                           {"ic", ""},    {"able", ""}, {"ible", ""}, {"ant", ""},
                           {"ement", ""}, {"ou", ""},   {"ism", ""},  {"ate", ""},
                           {"iti", ""},   {"ous", ""},  {"ive", ""},  {"ize", ""}};

void DropIfLong(std::string& w, std::string_view suffix) {
  if (!EndsWith(w, suffix)) return;
  const std::string_view stem(w.data(), w.size() - suffix.size());
  if (Measure(stem) > 1) w.resize(stem.size());
}

}  // namespace

std::string RougePorterStem(std::string w) {
  if (w.size() < 3) return w;
  const bool initial_y = w[0] == 'y';
  if (initial_y) w[0] = 'Y';

  // Step 1a.
  if (EndsWith(w, "sses") || EndsWith(w, "ies"))
    w.resize(w.size() - 2);
  else if (w.size() >= 2 && w.back() == 's' && w[w.size() - 2] != 's')
    w.pop_back();
  // Step 1b.
  if (EndsWith(w, "eed")) {
    if (Measure(std::string_view(w).substr(0, w.size() - 3)) > 0) w.pop_back();
  } else if (EndsWith(w, "ed") || EndsWith(w, "ing")) {
    const size_t cut = EndsWith(w, "ed") ? 2 : 3;
    const std::string_view stem = std::string_view(w).substr(0, w.size() - cut);
    if (HasVowel(stem)) {
      w.resize(stem.size());
      const size_t n = w.size();
      if (EndsWith(w, "at") || EndsWith(w, "bl") || EndsWith(w, "iz")) {
        w += 'e';
      } else if (n >= 2 && w[n - 1] == w[n - 2] && !IsVowelLetter(w[n - 1]) && w[n - 1] != 'y' &&
                 w[n - 1] != 'l' && w[n - 1] != 's' && w[n - 1] != 'z') {
        w.pop_back();
      } else if (IsShortCvc(w)) {
        w += 'e';
      }
    }
  }
  // Step 1c.
  if (w.size() >= 2 && w.back() == 'y' && HasVowel(std::string_view(w).substr(0, w.size() - 1)))
    w.back() = 'i';
  // Steps 2 and 3.
  ApplyLongest(w, kStep2, 0);
  ApplyLongest(w, kStep3, 0);
  // Step 4, ROUGE's order: the listed suffixes, then "ment", then "ent" or
  // else "(s|t)ion", each on what the previous left.
  ApplyLongest(w, kStep4, 1);
  DropIfLong(w, "ment");
  if (EndsWith(w, "ent")) {
    DropIfLong(w, "ent");
  } else if (EndsWith(w, "sion") || EndsWith(w, "tion")) {
    const std::string_view stem = std::string_view(w).substr(0, w.size() - 3);
    if (Measure(stem) > 1) w.resize(stem.size());
  }
  // Step 5.
  if (!w.empty() && w.back() == 'e') {
    const std::string_view stem = std::string_view(w).substr(0, w.size() - 1);
    const int m = Measure(stem);
    if (m > 1 || (m == 1 && !IsShortCvc(stem))) w.pop_back();
  }
  if (EndsWith(w, "ll") && Measure(w) > 1) w.pop_back();

  if (initial_y) w[0] = 'y';
  return w;
}

}  // namespace newsfuse::bench
