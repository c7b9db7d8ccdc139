#include "extract/metadata.h"

#include <cld2/public/compact_lang_det.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <set>

#include "extract/rules.h"
#include "extract/text_util.h"

namespace newsfuse::extract_internal {
namespace {

// Reads 1..max_digits digits at s[pos]; -1 if none.
int ReadNumber(std::string_view s, size_t& pos, size_t max_digits, size_t min_digits = 1) {
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

}  // namespace

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

TimestampScan ScanTimestamps(std::string_view line_in) {
  const Rules& rules = GetRules();
  TimestampScan scan;
  std::string line = CollapseSpace(line_in);
  // Split "At:06:17" into "At:" and "06:17" so the label and the time are seen.
  std::vector<std::string> words;
  for (std::string_view w : SplitWords(line)) {
    size_t colon = w.find(':');
    if (colon != std::string_view::npos && colon > 0 && colon + 1 < w.size() &&
        IsAsciiDigit(w[colon + 1]) && !IsAsciiDigit(w[colon - 1])) {
      words.emplace_back(w.substr(0, colon + 1));
      words.emplace_back(w.substr(colon + 1));
    } else {
      words.emplace_back(w);
    }
  }
  bool updated_mode = false;
  auto add_time = [&](int h, int m, int s, bool has_sec) {
    // A time right after a date without one completes that date.
    if (!scan.stamps.empty() && scan.stamps.back().has_date && !scan.stamps.back().has_time &&
        scan.stamps.back().updated == updated_mode) {
      auto& st = scan.stamps.back();
      st.when.hour = h;
      st.when.minute = m;
      st.when.second = s;
      st.when.precision = has_sec ? DatePrecision::kSecond : DatePrecision::kMinute;
      st.has_time = true;
      return;
    }
    TimestampScan::Stamp st;
    st.when.hour = h;
    st.when.minute = m;
    st.when.second = s;
    st.when.precision = has_sec ? DatePrecision::kSecond : DatePrecision::kMinute;
    st.has_time = true;
    st.updated = updated_mode;
    scan.stamps.push_back(st);
  };
  auto add_date = [&](const DateTime& d) {
    TimestampScan::Stamp st;
    st.when = d;
    st.has_date = true;
    st.updated = updated_mode;
    scan.stamps.push_back(st);
  };

  for (size_t i = 0; i < words.size(); ++i) {
    std::string_view raw = words[i];
    if (IsSeparatorWord(raw)) continue;
    std::string_view w = StripDecor(raw);
    if (w.empty()) continue;
    const std::string lw = AsciiLower(w);
    DateTime d;
    size_t used = 0;
    int h, m, s;
    bool has_sec;
    if (ParseNumericDate(w, &d, &used)) {
      add_date(d);
      if (used < w.size() && (w[used] == 'T' || w[used] == 't') &&
          ParseTimeToken(w.substr(used + 1, 8), &h, &m, &s, &has_sec))
        add_time(h, m, s, has_sec);
      continue;
    }
    if (ParseTimeToken(w, &h, &m, &s, &has_sec)) {
      add_time(h, m, s, has_sec);
      continue;
    }
    // "Feb. 5, 2026" and "5 February 2026".
    if (int mo = MonthFromName(w); mo > 0 && lw.size() >= 3) {
      int day = i + 1 < words.size() ? DayNumber(words[i + 1]) : -1;
      if (day > 0) {
        int year = i + 2 < words.size() ? YearNumber(words[i + 2]) : -1;
        i += year > 0 ? 2 : 1;
        DateTime dt = DateTime::Day(year > 0 ? year : 0, mo, day);
        if (year <= 0 || IsValidDate(year, mo, day)) add_date(dt);
        continue;
      }
      int year = i + 1 < words.size() ? YearNumber(words[i + 1]) : -1;
      if (year > 0) {  // "February 2026": month precision
        ++i;
        DateTime dt;
        dt.year = year;
        dt.month = mo;
        dt.precision = DatePrecision::kMonth;
        add_date(dt);
        continue;
      }
    }
    if (int day = DayNumber(w);
        day > 0 && i + 1 < words.size() && MonthFromName(words[i + 1]) > 0) {
      int mo = MonthFromName(words[i + 1]);
      int year = i + 2 < words.size() ? YearNumber(words[i + 2]) : -1;
      i += year > 0 ? 2 : 1;
      if (year <= 0 || IsValidDate(year, mo, day))
        add_date(DateTime::Day(year > 0 ? year : 0, mo, day));
      continue;
    }
    // "5 hours ago": a small count before a label word is part of the label.
    if (DayNumber(w) > 0 && i + 1 < words.size() &&
        rules.label.count(AsciiLower(StripDecor(words[i + 1])))) {
      ++scan.label_tokens;
      continue;
    }
    if (rules.label.count(lw) || IsWeekday(lw) ||
        (lw.size() > 1 && lw.back() == '.' && IsWeekday(lw.substr(0, lw.size() - 1)))) {
      ++scan.label_tokens;
      if (rules.updated.count(lw)) {
        updated_mode = true;
        scan.has_updated_label = true;
      }
      continue;
    }
    ++scan.other_tokens;
  }
  return scan;
}

std::optional<DateTime> ParseMachineDate(std::string_view text) {
  std::string_view s = Trim(text);
  DateTime d;
  size_t pos = 0;
  if (ParseNumericDate(s, &d, &pos)) {
    // CMS placeholders for "no date" ("0001-01-01T00:00:00Z", the Unix epoch)
    // are not publication dates; nothing was published on the web before 1990.
    if (d.year < 1990) return std::nullopt;
    if (pos < s.size() && (s[pos] == 'T' || s[pos] == ' ')) {
      size_t p = pos + 1;
      int h = ReadNumber(s, p, 2, 2);
      if (h >= 0 && p < s.size() && s[p] == ':') {
        ++p;
        int mi = ReadNumber(s, p, 2, 2);
        if (mi >= 0) {
          int sec = 0;
          bool has_sec = false;
          if (p < s.size() && s[p] == ':') {
            ++p;
            sec = ReadNumber(s, p, 2, 2);
            has_sec = sec >= 0;
            if (sec < 0) sec = 0;
          }
          if (p < s.size() && (s[p] == '.' || s[p] == ',')) {  // fractional seconds
            ++p;
            while (p < s.size() && IsAsciiDigit(s[p])) ++p;
          }
          if (ValidTime(h, mi, sec)) {
            d.hour = h;
            d.minute = mi;
            d.second = sec;
            d.precision = has_sec ? DatePrecision::kSecond : DatePrecision::kMinute;
            if (p < s.size() && (s[p] == 'Z' || s[p] == 'z')) {
              d.utc_offset_minutes = 0;
            } else if (p < s.size() && (s[p] == '+' || s[p] == '-')) {
              const int sign = s[p] == '-' ? -1 : 1;
              ++p;
              int oh = ReadNumber(s, p, 2, 2);
              int om = 0;
              if (p < s.size() && s[p] == ':') ++p;
              if (oh >= 0) {
                int v = ReadNumber(s, p, 2, 2);
                if (v >= 0) om = v;
                if (oh <= 14 && om < 60) d.utc_offset_minutes = sign * (oh * 60 + om);
              }
            }
          }
        }
      }
    }
    return d;
  }
  // Human forms ("Thu, 05 Feb 2026 10:00:00 GMT", "February 5, 2026").
  TimestampScan scan = ScanTimestamps(Utf8Prefix(s, 200));
  for (const auto& st : scan.stamps)
    if (st.has_date && st.when.year > 0 && st.when.precision != DatePrecision::kMonth)
      return st.when;
  return std::nullopt;
}

std::optional<DateTime> DateFromPath(std::string_view path) {
  for (size_t i = 0; i + 10 <= path.size(); ++i) {
    if (!IsAsciiDigit(path[i]) || (i > 0 && IsAsciiDigit(path[i - 1]))) continue;
    size_t pos = i;
    int y = ReadNumber(path, pos, 4, 4);
    if (y < 1990 || y > 2100 || pos >= path.size()) continue;
    char sep = path[pos];
    if (sep != '/' && sep != '-' && sep != '_') continue;
    ++pos;
    int m = ReadNumber(path, pos, 2, 2);
    if (m < 0 || pos >= path.size() || path[pos] != sep) continue;
    ++pos;
    int d = ReadNumber(path, pos, 2, 2);
    if (d < 0 || (pos < path.size() && IsAsciiDigit(path[pos]))) continue;
    if (IsValidDate(y, m, d)) return DateTime::Day(y, m, d);
  }
  return std::nullopt;
}

std::optional<DateTime> CompleteYear(const DateTime& md, const DateTime& ref) {
  if (md.month < 1 || md.day < 1 || ref.year < 1) return std::nullopt;
  std::optional<DateTime> best;
  int64_t best_gap = 0;
  for (int y = ref.year - 1; y <= ref.year + 1; ++y) {
    if (!IsValidDate(y, md.month, md.day)) continue;
    DateTime c = md;
    c.year = y;
    int64_t gap = std::llabs(c.DaysSinceEpoch() - ref.DaysSinceEpoch());
    if (!best || gap < best_gap) {
      best = c;
      best_gap = gap;
    }
  }
  if (!best || best_gap > 120) return std::nullopt;
  return best;
}

namespace {

// Length of a dash (em, en, "--", "-") at s[pos], 0 if none.
size_t DashAt(std::string_view s, size_t pos) {
  if (StartsWith(s.substr(pos), "\xE2\x80\x94") || StartsWith(s.substr(pos), "\xE2\x80\x93"))
    return 3;
  if (StartsWith(s.substr(pos), "--")) return 2;
  if (pos < s.size() && s[pos] == '-') return 1;
  return 0;
}

void SkipSpaces(std::string_view s, size_t& pos) {
  while (pos < s.size() && s[pos] == ' ') ++pos;
}

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

std::optional<SignOff> ParseSignOff(std::string_view p) {
  p = Trim(p);
  const size_t n = p.size();
  const size_t floor = n > 60 ? n - 60 : 0;
  for (size_t k = n; k-- > floor;) {
    char c = p[k];
    if (c != '.' && c != '!' && c != '?') continue;
    size_t cut = k + 1;
    // Keep closing quotes with the sentence.
    while (cut < n && (p[cut] == '"' || p[cut] == '\'')) ++cut;
    if (StartsWith(p.substr(cut), "\xE2\x80\x9D")) cut += 3;
    if (cut >= n || p[cut] != ' ') continue;
    std::string_view rest = Trim(p.substr(cut));
    if (size_t d = DashAt(rest, 0)) rest = Trim(rest.substr(d));
    if (!rest.empty() && rest.front() == '(' && rest.back() == ')')
      rest = Trim(rest.substr(1, rest.size() - 2));
    if (rest.size() < 2 || rest.size() > 40) return std::nullopt;
    const bool caps = IsAllCaps(rest, 2) && SplitWords(rest).size() <= 4;
    bool all_credit_chars = true;
    for (char ch : rest)
      all_credit_chars &= IsAsciiUpper(ch) || IsAsciiLower(ch) || ch == ' ' || ch == '/' ||
                          ch == '&' || ch == '.' || ch == '-';
    if (!all_credit_chars || !(caps || GetRules().IsWire(rest))) return std::nullopt;
    return SignOff{std::string(rest), cut};
  }
  return std::nullopt;
}

namespace {
bool IsNameWord(std::string_view w) {
  if (w.empty()) return false;
  unsigned char c = static_cast<unsigned char>(w[0]);
  if (!(IsAsciiUpper(w[0]) || c >= 0x80)) return false;
  for (char ch : w)
    if (IsAsciiDigit(ch) || ch == '@' || ch == '/' || ch == ':') return false;
  return true;
}

std::string CleanName(std::string_view name) {
  const Rules& rules = GetRules();
  std::vector<std::string_view> keep;
  for (std::string_view w : SplitWords(name)) {
    std::string_view bare = StripDecor(w);
    if (rules.role.count(AsciiLower(bare))) continue;
    if (!IsNameWord(bare)) return "";
    keep.push_back(bare);
  }
  if (keep.empty() || keep.size() > 5) return "";
  std::string out;
  for (auto w : keep) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  if (IsAllCaps(out, 3)) out = TitleCaseWords(out);
  return out;
}
}  // namespace

std::vector<std::string> ParseByline(std::string_view line) {
  std::string s = CollapseSpace(line);
  if (!(StartsWith(s, "By ") || StartsWith(s, "BY ") || StartsWith(s, "by "))) return {};
  if (s.size() > 120 || SplitWords(s).size() > 16) return {};
  std::string rest = s.substr(3);
  // Cut trailing credits: "By Jane Doe | Reuters", "By Jane Doe in Kyiv", "..., Staff Writer".
  for (std::string_view stop :
       {" | ", " - ", " \xE2\x80\x94 ", " in ", " for ", " on ", " at ", " -- "}) {
    size_t at = rest.find(stop);
    if (at != std::string::npos) rest.resize(at);
  }
  std::vector<std::string> parts;
  std::string cur;
  std::vector<std::string_view> words = SplitWords(rest);
  for (size_t i = 0; i < words.size(); ++i) {
    std::string_view w = words[i];
    if (w == "and" || w == "&" || w == "AND") {
      parts.push_back(cur);
      cur.clear();
      continue;
    }
    bool comma = !w.empty() && w.back() == ',';
    if (comma) w.remove_suffix(1);
    if (!cur.empty()) cur += ' ';
    cur += w;
    if (comma) {
      parts.push_back(cur);
      cur.clear();
    }
  }
  parts.push_back(cur);
  std::vector<std::string> names;
  for (const auto& p : parts) {
    if (GetRules().IsWire(p)) continue;
    std::string n = CleanName(p);
    if (!n.empty()) names.push_back(n);
  }
  return names;
}

std::optional<EmailByline> ParseEmailByline(std::string_view line) {
  std::string s = CollapseSpace(line);
  std::vector<std::string_view> words = SplitWords(s);
  if (s.size() > 160 || words.empty() || words.size() > 12) return std::nullopt;
  EmailByline out;
  std::string name;
  bool found = false;
  for (std::string_view w : words) {
    std::string_view bare = StripDecor(w);
    if (StartsWith(AsciiLower(bare), "mailto:")) bare.remove_prefix(7);
    size_t at = bare.find('@');
    if (at != std::string_view::npos && at > 0) {
      size_t dot = bare.find('.', at);
      if (dot != std::string_view::npos && dot + 1 < bare.size()) {
        std::string domain = AsciiLower(bare.substr(at + 1));
        while (!domain.empty() && domain.back() == '.') domain.pop_back();
        out.domain = domain;
        found = true;
        continue;
      }
    }
    if (w == "By" || w == "by" || w == "BY") continue;
    if (!name.empty()) name += ' ';
    name += bare;
  }
  if (!found) return std::nullopt;
  out.name = CleanName(name);
  return out;
}

std::string StripTitleSite(std::string_view title_in, std::string_view outlet, std::string* site) {
  std::string title = CollapseSpace(title_in);
  const std::string lo = AsciiLower(CollapseSpace(outlet));
  auto same = [&](std::string_view a) {
    std::string la = AsciiLower(Trim(a));
    if (lo.empty() || la.empty()) return false;
    return la == lo ||
           (lo.size() >= 4 && la.find(lo) != std::string::npos && la.size() <= lo.size() + 12) ||
           (la.size() >= 4 && lo.find(la) != std::string::npos);
  };
  static const std::array<std::string_view, 7> kSeps = {
      " | ", " - ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", " :: ", " \xC2\xB7 ", " \xC2\xBB "};
  for (std::string_view sep : kSeps) {
    size_t at = title.rfind(sep);
    if (at == std::string::npos) continue;
    std::string left = title.substr(0, at), right = title.substr(at + sep.size());
    const bool strong_sep = sep == " | " || sep == " :: " || sep == " \xC2\xB7 ";
    // A dash also joins headline clauses ("War in Sudan \xE2\x80\x93 live updates"), so
    // with no outlet known it counts only before a short capitalised name
    // after a headline-length left side.
    const bool dash_site = (sep == " \xE2\x80\x94 " || sep == " \xE2\x80\x93 ") &&
                           SplitWords(right).size() <= 3 && SplitWords(left).size() >= 4 &&
                           !right.empty() && right[0] >= 'A' && right[0] <= 'Z';
    if (same(right) || (lo.empty() && ((strong_sep && SplitWords(right).size() <= 5 &&
                                        SplitWords(left).size() >= 3) ||
                                       dash_site))) {
      if (site) *site = std::string(Trim(right));
      return std::string(Trim(left));
    }
    size_t first = title.find(sep);
    if (same(title.substr(0, first))) {
      if (site) *site = title.substr(0, first);
      return std::string(Trim(title.substr(first + sep.size())));
    }
  }
  return title;
}

std::string GuessLanguage(const std::vector<std::string>& paragraphs) {
  // CLD2 (Chrome's detector, a Debian package) over the first ~8 KB of
  // body: enough for a reliable call, and a page's language does not change
  // half way. Unreliable calls (a few words, mixed scripts) give "".
  constexpr size_t kSample = 8192;
  std::string sample;
  for (const auto& p : paragraphs) {
    sample += Utf8Prefix(p, kSample - std::min(kSample, sample.size()));
    sample += '\n';
    if (sample.size() >= kSample) break;
  }
  bool reliable = false;
  const CLD2::Language language = CLD2::DetectLanguage(
      sample.data(), static_cast<int>(sample.size()), /*is_plain_text=*/true, &reliable);
  if (!reliable || language == CLD2::UNKNOWN_LANGUAGE) return "";
  return CLD2::LanguageCode(language);
}

}  // namespace newsfuse::extract_internal
