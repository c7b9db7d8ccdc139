#include "extract/visible_dates.h"

#include <cctype>
#include <string>
#include <unordered_map>
#include <vector>

#include "extract/text_util.h"

namespace newsfuse::extract_internal {
namespace {

struct Token {
  std::string text;  // lower case (ASCII folded; other letters as written)
  bool digits = false;
  size_t end = 0;  // byte offset after the token in the normalised text
};

bool IsWordByte(unsigned char c) { return IsAsciiDigit(c) || std::isalpha(c) || c >= 0x80; }

// Words and numbers; punctuation and spaces split. A no-break space (C2 A0)
// is a space. Digits and letters are separate tokens ("5th" -> "5", "th").
std::vector<Token> Tokenize(std::string_view s) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < s.size() && out.size() < 200) {
    const unsigned char c = s[i];
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      i += 2;
      continue;
    }
    if (!IsWordByte(c)) {
      ++i;
      continue;
    }
    Token t;
    t.digits = IsAsciiDigit(c);
    while (i < s.size()) {
      const unsigned char d = s[i];
      if (d == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) break;
      if (!IsWordByte(d) || IsAsciiDigit(d) != t.digits) break;
      t.text += static_cast<char>(d >= 'A' && d <= 'Z' ? d - 'A' + 'a' : d);
      ++i;
    }
    t.end = i;
    out.push_back(std::move(t));
  }
  return out;
}

int Number(const Token& t, size_t min_len, size_t max_len) {
  if (!t.digits || t.text.size() < min_len || t.text.size() > max_len) return -1;
  return std::stoi(t.text);
}

std::optional<DateTime> Make(int y, int m, int d) {
  if (y < 1990 || y > 2100 || !IsValidDate(y, m, d)) return std::nullopt;
  return DateTime::Day(y, m, d);
}

// Past one space at `p`: ASCII, no-break (U+00A0), thin (U+2009), hair
// (U+200A) or narrow no-break (U+202F).
size_t SkipDateSpace(std::string_view s, size_t p) {
  if (p < s.size() && s[p] == ' ') return p + 1;
  if (s.substr(p, 2) == "\xC2\xA0") return p + 2;
  for (std::string_view thin : {"\xE2\x80\x89", "\xE2\x80\x8A", "\xE2\x80\xAF"})
    if (s.substr(p, 3) == thin) return p + 3;
  return p;
}

// Numeric dates at position i of the raw text: "2018-06-10", "10.06.2018",
// "06/10/2018", "2020年07月03日". `i` starts a run of digits.
std::optional<DateTime> NumericAt(std::string_view s, size_t i, bool month_first, size_t* end) {
  auto read = [&](size_t& p, size_t lo, size_t hi) {
    size_t st = p;
    while (p < s.size() && IsAsciiDigit(s[p]) && p - st < hi) ++p;
    if (p - st < lo || (p < s.size() && IsAsciiDigit(s[p]))) return -1;
    return std::stoi(std::string(s.substr(st, p - st)));
  };
  size_t p = i;
  const int a = read(p, 1, 4);
  if (a < 0 || p >= s.size()) return std::nullopt;
  const size_t a_len = p - i;
  // CJK: 2020年07月03日 (年 E5 B9 B4, 月 E6 9C 88, 日 E6 97 A5).
  if (a_len == 4 && s.substr(p, 3) == "\xE5\xB9\xB4") {
    size_t q = p + 3;
    const int m = read(q, 1, 2);
    if (m < 0 || s.substr(q, 3) != "\xE6\x9C\x88") return std::nullopt;
    q += 3;
    const int d = read(q, 1, 2);
    if (d < 0 || s.substr(q, 3) != "\xE6\x97\xA5") return std::nullopt;
    *end = q + 3;
    return Make(a, m, d);
  }
  const char sep = s[p];
  if (sep != '-' && sep != '.' && sep != '/') return std::nullopt;
  ++p;
  // German typesetting spaces a dotted date ("4. 2. 2022"), often with a thin
  // or no-break space; no other separator is written spaced.
  auto skip_space = [&] {
    if (sep == '.') p = SkipDateSpace(s, p);
  };
  skip_space();
  const size_t b_start = p;
  const int b = read(p, 1, 2);
  if (b < 0 || p >= s.size() || s[p] != sep) return std::nullopt;
  const size_t b_len = p - b_start;
  ++p;
  skip_space();
  const size_t c_start = p;
  const int c = read(p, 1, 4);
  if (c < 0) return std::nullopt;
  const size_t c_len = p - c_start;
  *end = p;
  if (a_len == 4 && c_len <= 2) return Make(a, b, c);  // year first
  // "02.12.19": a dotted day and month with a two-digit year, as German,
  // Swiss and Austrian sites print short dates; this century only, and not a
  // run of numbers ("1.2.19.4" is a version or an address).
  if (sep == '.' && a_len <= 2 && c_len == 2 && b_len == 2 &&
      !(p + 1 < s.size() && s[p] == '.' && IsAsciiDigit(s[p + 1])))
    return Make(2000 + c, b, a);
  if (a_len > 2 || c_len != 4) return std::nullopt;
  if (sep == '.') return Make(c, b, a);
  // a/b/yyyy: a number above 12 can only be the day.
  if (a > 12) return Make(c, b, a);
  if (b > 12) return Make(c, a, b);
  return month_first ? Make(c, a, b) : Make(c, b, a);
}

// "March 11, 2020", "11 March 2020", "3. Dezember 2011", "15 de abril de
// 2020", "28 April, 2017", "jeudi 27 juin 2019": a month name with a day
// number just before or after it and a year within the next two tokens.
std::optional<DateTime> WordsAt(const std::vector<Token>& t, size_t k) {
  const int month = t[k].digits ? 0 : MonthFromAnyName(t[k].text);
  if (month == 0) return std::nullopt;
  auto is_filler = [](const Token& x) {
    return x.text == "de" || x.text == "del" || x.text == "th" || x.text == "st" ||
           x.text == "nd" || x.text == "rd" || x.text == "er";
  };
  auto year_after = [&](size_t j) -> int {
    for (size_t n = 0; j < t.size() && n < 3; ++j, ++n) {
      if (t[j].digits) return Number(t[j], 4, 4);
      if (!is_filler(t[j])) return -1;
    }
    return -1;
  };
  // Day before: "11 March", "3. Dezember", "15 de abril", "1er mai".
  for (size_t back = 1; back <= 2 && back <= k; ++back) {
    const Token& d = t[k - back];
    if (d.digits) {
      const int day = Number(d, 1, 2);
      if (day > 0) {
        const int y = year_after(k + 1);
        if (y > 0) return Make(y, month, day);
      }
      break;
    }
    if (!is_filler(d)) break;
  }
  // Day after: "March 11, 2020", "Nov 23, 2020", "Mar 5th 2020".
  size_t j = k + 1;
  if (j < t.size() && t[j].digits) {
    const int day = Number(t[j], 1, 2);
    if (day > 0) {
      const int y = year_after(j + 1);
      if (y > 0) return Make(y, month, day);
    }
  }
  return std::nullopt;
}

}  // namespace

int MonthFromAnyName(std::string_view w) {
  static const std::unordered_map<std::string_view, int> kMonths = [] {
    std::unordered_map<std::string_view, int> m;
    const std::vector<std::pair<int, std::vector<std::string_view>>> names = {
        {1,
         {"january", "jan", "januar", "jänner", "janvier", "janv", "enero", "ene", "janeiro",
          "gennaio", "gen", "januari"}},
        {2,
         {"february", "feb", "februar", "février", "fév", "févr", "fevrier", "febrero", "fevereiro",
          "fev", "febbraio", "februari"}},
        {3, {"march", "mar", "märz", "mär", "maerz", "mars", "marzo", "março", "marco", "maart"}},
        {4, {"april", "apr", "avril", "avr", "abril", "abr", "aprile"}},
        {5, {"may", "mai", "mayo", "maio", "maggio", "mag", "mei"}},
        {6, {"june", "jun", "juni", "juin", "junio", "junho", "giugno", "giu"}},
        {7, {"july", "jul", "juli", "juillet", "juil", "julio", "julho", "luglio", "lug"}},
        {8, {"august", "aug", "août", "aout", "agosto", "ago", "augustus"}},
        {9,
         {"september", "sep", "sept", "septembre", "septiembre", "setiembre", "setembro", "set",
          "settembre"}},
        {10,
         {"october", "oct", "oktober", "okt", "octobre", "octubre", "outubro", "out", "ottobre",
          "ott"}},
        {11, {"november", "nov", "novembre", "noviembre", "novembro"}},
        {12,
         {"december", "dec", "dezember", "dez", "décembre", "déc", "decembre", "diciembre", "dic",
          "dezembro", "dicembre"}},
    };
    for (const auto& [num, list] : names)
      for (std::string_view n : list) m.emplace(n, num);
    return m;
  }();
  const auto it = kMonths.find(w);
  return it == kMonths.end() ? 0 : it->second;
}

std::optional<DateTime> FirstDateInText(std::string_view text, bool month_first) {
  text = text.substr(0, 400);
  // Numeric forms, scanned at each start of a digit run.
  size_t numeric_at = std::string_view::npos;
  std::optional<DateTime> numeric;
  for (size_t i = 0; i < text.size(); ++i) {
    if (!IsAsciiDigit(text[i]) || (i > 0 && IsAsciiDigit(text[i - 1]))) continue;
    size_t end = 0;
    if (auto d = NumericAt(text, i, month_first, &end)) {
      numeric = d;
      numeric_at = i;
      break;
    }
  }
  // Word forms; the earlier of the two in the text wins.
  const std::vector<Token> tokens = Tokenize(text);
  for (size_t k = 0; k < tokens.size(); ++k) {
    if (numeric && tokens[k].end > numeric_at) break;
    if (auto d = WordsAt(tokens, k)) return d;
  }
  return numeric;
}

}  // namespace newsfuse::extract_internal
