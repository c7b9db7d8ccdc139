#include "extract/dateline.h"

#include "extract/date_words.h"
#include "extract/text_util.h"

namespace newsfuse::extract_internal {

namespace {

// A word in capitals: ASCII capitals, '.', '\'', '-' and non-ASCII bytes, with
// at least one ASCII capital and no ASCII lowercase letter.
bool IsCapsWord(std::string_view w) {
  bool upper = false;
  for (char c : w) {
    if (IsAsciiUpper(c))
      upper = true;
    else if (c == '.' || c == '\'' || c == '-' || static_cast<unsigned char>(c) >= 0x80)
      continue;
    else
      return false;
  }
  return upper;
}

// "Feb. 5" / "February 5, 2026" at pos; advances on success.
std::optional<DateTime> ReadMonthDay(std::string_view s, size_t& pos) {
  size_t p = pos;
  size_t e = p;
  while (e < s.size() && s[e] != ' ' && s[e] != ',') ++e;
  int mo = MonthFromName(s.substr(p, e - p));
  if (mo == 0) return std::nullopt;
  p = e;
  SkipSpaces(s, p);
  int day = ReadNumber(s, p, 2);
  if (day < 1 || day > 31) return std::nullopt;
  int year = 0;
  size_t q = p;
  if (q < s.size() && s[q] == ',') {
    ++q;
    SkipSpaces(s, q);
    int y = ReadNumber(s, q, 4, 4);
    if (y >= 1900 && y <= 2100) {
      year = y;
      p = q;
    }
  }
  if (year && !IsValidDate(year, mo, day)) return std::nullopt;
  pos = p;
  return DateTime::Day(year, mo, day);
}

}  // namespace

std::optional<Dateline> ParseDateline(std::string_view s) {
  s = Utf8Prefix(s, 2000);
  Dateline dl;
  size_t pos = 0;
  // 1. The place: one to four words in capitals.
  int words = 0;
  while (pos < s.size() && words < 4) {
    size_t e = pos;
    while (e < s.size() && s[e] != ' ' && s[e] != ',' && s[e] != '(') ++e;
    std::string_view w = s.substr(pos, e - pos);
    if (w.empty() || !IsCapsWord(w) || DashAt(w, 0) == w.size()) break;
    if (!dl.place.empty()) dl.place += ' ';
    dl.place += w;
    ++words;
    pos = e;
    if (pos < s.size() && s[pos] == ' ' && pos + 1 < s.size() && IsAsciiUpper(s[pos + 1])) {
      size_t next_e = pos + 1;
      while (next_e < s.size() && s[next_e] != ' ' && s[next_e] != ',' && s[next_e] != '(')
        ++next_e;
      if (IsCapsWord(s.substr(pos + 1, next_e - pos - 1))) {
        ++pos;
        continue;
      }
    }
    break;
  }
  int caps = 0;
  for (char c : dl.place) caps += IsAsciiUpper(c);
  if (caps < 2) return std::nullopt;
  // 2. ", Region" and/or ", Feb. 5[, 2026]".
  for (int round = 0; round < 2 && pos < s.size() && s[pos] == ','; ++round) {
    size_t p = pos + 1;
    SkipSpaces(s, p);
    if (auto d = ReadMonthDay(s, p)) {
      dl.date = d;
      pos = p;
      break;
    }
    // A region in title case ("Ukraine", "Calif."): one or two words.
    size_t e = p;
    int n = 0;
    while (e < s.size() && n < 2 && IsAsciiUpper(s[e])) {
      while (e < s.size() && s[e] != ' ' && s[e] != ',' && s[e] != '(') ++e;
      ++n;
      if (e < s.size() && s[e] == ' ' && e + 1 < s.size() && IsAsciiUpper(s[e + 1]) && n < 2)
        ++e;
      else
        break;
    }
    if (n == 0) return std::nullopt;
    pos = e;
  }
  SkipSpaces(s, pos);
  // 3. "(Credit)".
  if (pos < s.size() && s[pos] == '(') {
    size_t close = s.find(')', pos);
    if (close == std::string_view::npos || close - pos > 50) return std::nullopt;
    dl.credit = std::string(Trim(s.substr(pos + 1, close - pos - 1)));
    pos = close + 1;
    SkipSpaces(s, pos);
  }
  // 4. The dash, then the paragraph's own text.
  size_t dash = DashAt(s, pos);
  if (dash == 0) return std::nullopt;
  pos += dash;
  if (dash == 1 && (pos >= s.size() || s[pos] != ' ')) return std::nullopt;  // "KYIV-BASED"
  SkipSpaces(s, pos);
  if (pos >= s.size()) return std::nullopt;
  dl.body_offset = pos;
  return dl;
}

std::optional<LeadTag> ParseLeadTag(std::string_view s) {
  if (s.empty() || s.front() != '[') return std::nullopt;
  size_t close = s.find(']');
  if (close > 60) return std::nullopt;  // npos included
  std::string_view inner = Trim(s.substr(1, close - 1));
  if (inner.size() < 2 || SplitWords(inner).size() > 6) return std::nullopt;
  bool letter = false;
  for (char c : inner) letter |= IsAsciiUpper(c) || static_cast<unsigned char>(c) >= 0x80;
  if (!letter) return std::nullopt;
  size_t pos = close + 1;
  SkipSpaces(s, pos);
  if (size_t d = DashAt(s, pos)) {  // "[Outlet] - text"
    pos += d;
    SkipSpaces(s, pos);
  }
  if (pos >= s.size()) return std::nullopt;
  return LeadTag{std::string(inner), pos};
}

}  // namespace newsfuse::extract_internal
