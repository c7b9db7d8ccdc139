#include "extract/date_words.h"

#include <array>
#include <cstdlib>
#include <set>
#include <string>

#include "extract/text_util.h"

namespace newsfuse::extract_internal {

// Reads 1..max_digits digits at s[pos]; -1 if none.
int ReadNumber(std::string_view s, size_t& pos, size_t max_digits, size_t min_digits) {
  size_t start = pos, n = 0;
  int v = 0;
  while (pos < s.size() && n < max_digits && IsAsciiDigit(s[pos])) {
    v = v * 10 + (s[pos] - '0');
    ++pos;
    ++n;
  }
  if (n < min_digits) {
    pos = start;
    return -1;
  }
  return v;
}

bool ValidTime(int h, int m, int s) {
  return h >= 0 && h <= 23 && m >= 0 && m <= 59 && s >= 0 && s <= 60;
}

// "09:30", "9:30am", "06:34:49", "9.30pm" is not accepted (ambiguous with decimals).
bool ParseTimeToken(std::string_view w, int* h, int* m, int* sec, bool* has_sec) {
  size_t pos = 0;
  int hh = ReadNumber(w, pos, 2);
  if (hh < 0 || pos >= w.size() || w[pos] != ':') return false;
  ++pos;
  int mm = ReadNumber(w, pos, 2, 2);
  if (mm < 0) return false;
  int ss = 0;
  *has_sec = false;
  if (pos < w.size() && w[pos] == ':') {
    ++pos;
    ss = ReadNumber(w, pos, 2, 2);
    if (ss < 0) return false;
    *has_sec = true;
  }
  std::string rest = AsciiLower(w.substr(pos));
  if (rest == "am" || rest == "a.m." || rest == "a.m") {
    if (hh == 12) hh = 0;
  } else if (rest == "pm" || rest == "p.m." || rest == "p.m") {
    if (hh < 12) hh += 12;
  } else if (!rest.empty()) {
    return false;
  }
  if (!ValidTime(hh, mm, ss)) return false;
  *h = hh;
  *m = mm;
  *sec = ss;
  return true;
}

// "2026-02-06", "2026.02.06", "2026/02/06", optionally fused with "T04:04[:05]".
bool ParseNumericDate(std::string_view w, DateTime* out, size_t* consumed) {
  size_t pos = 0;
  int y = ReadNumber(w, pos, 4, 4);
  if (y < 0 || pos >= w.size()) return false;
  char sep = w[pos];
  if (sep != '-' && sep != '.' && sep != '/') return false;
  ++pos;
  int mo = ReadNumber(w, pos, 2);
  if (mo < 0 || pos >= w.size() || w[pos] != sep) return false;
  ++pos;
  int d = ReadNumber(w, pos, 2);
  if (d < 0 || !IsValidDate(y, mo, d)) return false;
  *out = DateTime::Day(y, mo, d);
  *consumed = pos;
  return true;
}

bool IsSeparatorWord(std::string_view w) {
  static const std::array<std::string_view, 10> kSeps = {
      "-", "--", "|", "/", "*", "\xE2\x80\x94", "\xE2\x80\x93", "\xE2\x80\xA2", "\xC2\xB7", ":"};
  for (auto s : kSeps)
    if (w == s) return true;
  return false;
}

bool IsWeekday(std::string_view lw) {
  static const std::set<std::string, std::less<>> kDays = {
      "mon", "tue",    "tues",    "wed",       "thu",      "thur",   "thurs",    "fri",   "sat",
      "sun", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  return kDays.count(lw) > 0;
}

// Strips characters that decorate a token but carry no meaning here.
std::string_view StripDecor(std::string_view w) {
  while (!w.empty() && (w.front() == '(' || w.front() == '[' || w.front() == '-' ||
                        w.front() == '*' || w.front() == '|'))
    w.remove_prefix(1);
  while (!w.empty() && (w.back() == ',' || w.back() == ';' || w.back() == ')' || w.back() == ']' ||
                        w.back() == '|' || w.back() == ':'))
    w.remove_suffix(1);
  return w;
}

int DayNumber(std::string_view w) {
  std::string lw = AsciiLower(StripDecor(w));
  for (std::string_view suf : {"st", "nd", "rd", "th"})
    if (lw.size() > suf.size() && EndsWith(lw, suf)) lw.resize(lw.size() - suf.size());
  if (lw.empty() || lw.size() > 2) return -1;
  for (char c : lw)
    if (!IsAsciiDigit(c)) return -1;
  int d = std::atoi(lw.c_str());
  return d >= 1 && d <= 31 ? d : -1;
}

int YearNumber(std::string_view w) {
  w = StripDecor(w);
  if (w.size() != 4) return -1;
  for (char c : w)
    if (!IsAsciiDigit(c)) return -1;
  int y = std::atoi(std::string(w).c_str());
  return y >= 1900 && y <= 2100 ? y : -1;
}

int MonthFromName(std::string_view word) {
  std::string w = AsciiLower(StripDecor(word));
  if (!w.empty() && w.back() == '.') w.pop_back();
  static const std::array<std::string_view, 12> kFull = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  for (int i = 0; i < 12; ++i) {
    if (w == kFull[i]) return i + 1;
    if (w.size() == 3 && kFull[i].substr(0, 3) == w) return i + 1;
  }
  if (w == "sept") return 9;
  return 0;
}
}  // namespace newsfuse::extract_internal
