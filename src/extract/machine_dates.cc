#include "extract/machine_dates.h"

#include <algorithm>
#include <cstdlib>
#include <string>

#include "extract/date_words.h"
#include "extract/text_util.h"
#include "extract/timestamps.h"

namespace newsfuse::extract_internal {
namespace {

// The zone closing an RFC 2822 date: "+0200", "-05:00", "GMT", "UTC",
// "GMT+0000". nullopt when the text ends otherwise (the zone is unknown).
std::optional<int> TrailingOffset(std::string_view s) {
  s = Trim(s);
  if (s.size() >= 5) {
    std::string_view t = s.substr(s.size() - 5);
    if (t[2] == ':' && s.size() >= 6) t = s.substr(s.size() - 6);
    const char sign = t[0];
    std::string digits;
    for (char c : t.substr(1))
      if (c != ':') digits += c;
    if ((sign == '+' || sign == '-') && digits.size() == 4 &&
        std::all_of(digits.begin(), digits.end(), [](char c) { return IsAsciiDigit(c); })) {
      const int h = std::stoi(digits.substr(0, 2)), m = std::stoi(digits.substr(2));
      if (h <= 14 && m < 60) return (sign == '-' ? -1 : 1) * (h * 60 + m);
      return std::nullopt;
    }
  }
  if (s.size() >= 4) {
    const std::string_view z = s.substr(s.size() - 4);
    if (z == " GMT" || z == " UTC") return 0;
  }
  return std::nullopt;
}

}  // namespace

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
  for (const auto& st : scan.stamps) {
    if (!st.has_date || st.when.year <= 0 || st.when.precision == DatePrecision::kMonth) continue;
    DateTime when = st.when;
    if (when.precision >= DatePrecision::kMinute) when.utc_offset_minutes = TrailingOffset(s);
    return when;
  }
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
  // "/20260205/", "/20260205-story", "_20260205.html": eight digits standing
  // alone between separators.
  auto separator = [](char c) { return c == '/' || c == '-' || c == '_' || c == '.'; };
  for (size_t i = 0; i + 8 <= path.size(); ++i) {
    if (!IsAsciiDigit(path[i]) || i == 0 || !separator(path[i - 1])) continue;
    size_t pos = i;
    const int y = ReadNumber(path, pos, 4, 4), m = ReadNumber(path, pos, 2, 2),
              d = ReadNumber(path, pos, 2, 2);
    if (pos != i + 8 || (pos < path.size() && !separator(path[pos]))) continue;
    if (y >= 1990 && y <= 2100 && IsValidDate(y, m, d)) return DateTime::Day(y, m, d);
  }
  // "/meldungen/29-10-2021": a day and month before the year, as a whole path
  // segment. Day first in most of the world, month first in the US, so only
  // when one reading alone is a date ("05-04-2021" says nothing).
  for (size_t i = 1; i + 10 <= path.size(); ++i) {
    if (path[i - 1] != '/' || !IsAsciiDigit(path[i])) continue;
    size_t pos = i;
    const int a = ReadNumber(path, pos, 2, 2);
    if (a < 0 || pos >= path.size() || (path[pos] != '-' && path[pos] != '.')) continue;
    const char sep = path[pos++];
    const int b = ReadNumber(path, pos, 2, 2);
    if (b < 0 || pos >= path.size() || path[pos] != sep) continue;
    ++pos;
    const int y = ReadNumber(path, pos, 4, 4);
    if (y < 1990 || y > 2100 || (pos < path.size() && path[pos] != '/')) continue;
    const bool day_first = IsValidDate(y, b, a), month_first = IsValidDate(y, a, b);
    if (day_first != month_first)
      return day_first ? DateTime::Day(y, b, a) : DateTime::Day(y, a, b);
  }
  return std::nullopt;
}

namespace {

// Minutes since the epoch in UTC; the caller checks offset and precision.
int64_t UtcMinutes(const DateTime& when) {
  return (when.DaysSinceEpoch() * 24 * 60) + when.hour * 60 + when.minute -
         *when.utc_offset_minutes;
}

bool IsInstant(const DateTime& when) {
  return when.utc_offset_minutes && when.precision >= DatePrecision::kMinute;
}

}  // namespace

bool SameInstant(const DateTime& a, const DateTime& b) {
  return IsInstant(a) && IsInstant(b) && UtcMinutes(a) == UtcMinutes(b);
}

bool FallsOnDaySomewhere(const DateTime& when, const DateTime& day) {
  if (!IsInstant(when)) return false;
  const int64_t utc = UtcMinutes(when);
  const int64_t day_start = day.DaysSinceEpoch() * 24 * 60;
  // Local day D in zone z covers UTC [D - z, D + 24h - z), z in [-12h, +14h].
  return utc >= day_start - 14 * 60 && utc < day_start + 24 * 60 + 12 * 60;
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

}  // namespace newsfuse::extract_internal
