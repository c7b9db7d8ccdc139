#include "core/date.h"

#include <cstdio>

namespace newsfuse {

const char* DatePrecisionName(DatePrecision p) {
  switch (p) {
    case DatePrecision::kYear:
      return "year";
    case DatePrecision::kMonth:
      return "month";
    case DatePrecision::kDay:
      return "day";
    case DatePrecision::kMinute:
      return "minute";
    case DatePrecision::kSecond:
      return "second";
  }
  return "day";
}
namespace {

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// Reads exactly `n` digits at `pos`; advances pos. -1 when not digits.
int ReadDigits(std::string_view s, size_t& pos, size_t n) {
  if (pos + n > s.size()) return -1;
  int v = 0;
  for (size_t i = 0; i < n; ++i) {
    char c = s[pos + i];
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  pos += n;
  return v;
}

}  // namespace

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && IsLeap(year) ? 29 : kDays[month - 1];
}

bool IsValidDate(int year, int month, int day) {
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
         day <= DaysInMonth(year, month);
}

// Howard Hinnant's days_from_civil: exact for the proleptic Gregorian calendar.
int64_t DateTime::DaysSinceEpoch() const {
  int y = year;
  const int m = month ? month : 1;
  const int d = day ? day : 1;
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

DateTime DateFromDaysSinceEpoch(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int y = static_cast<int>(yoe + era * 400 + (m <= 2));
  return DateTime::Day(y, m, d);
}

int DateTime::Weekday() const {
  // 1970-01-01 was a Thursday (index 3 when Monday is 0).
  int64_t w = (DaysSinceEpoch() + 3) % 7;
  return static_cast<int>(w < 0 ? w + 7 : w);
}

std::string DateTime::ToIso() const {
  char buf[40];
  switch (precision) {
    case DatePrecision::kYear:
      std::snprintf(buf, sizeof buf, "%04d", year);
      return buf;
    case DatePrecision::kMonth:
      std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
      return buf;
    case DatePrecision::kDay:
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
      return buf;
    case DatePrecision::kMinute:
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d", year, month, day, hour, minute);
      break;
    case DatePrecision::kSecond:
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", year, month, day, hour,
                    minute, second);
      break;
  }
  std::string out = buf;
  if (utc_offset_minutes) {
    const int off = *utc_offset_minutes;
    if (off == 0) {
      out += 'Z';
    } else {
      const int a = off < 0 ? -off : off;
      std::snprintf(buf, sizeof buf, "%c%02d:%02d", off < 0 ? '-' : '+', a / 60, a % 60);
      out += buf;
    }
  }
  return out;
}

std::optional<DateTime> DateTime::ParseIso(std::string_view s) {
  DateTime t;
  size_t pos = 0;
  t.year = ReadDigits(s, pos, 4);
  if (t.year < 1) return std::nullopt;
  t.precision = DatePrecision::kYear;
  if (pos == s.size()) return t;
  if (s[pos++] != '-') return std::nullopt;
  t.month = ReadDigits(s, pos, 2);
  if (t.month < 1 || t.month > 12) return std::nullopt;
  t.precision = DatePrecision::kMonth;
  if (pos == s.size()) return t;
  if (s[pos++] != '-') return std::nullopt;
  t.day = ReadDigits(s, pos, 2);
  if (!IsValidDate(t.year, t.month, t.day)) return std::nullopt;
  t.precision = DatePrecision::kDay;
  if (pos == s.size()) return t;
  if (s[pos] != 'T' && s[pos] != ' ') return std::nullopt;
  ++pos;
  t.hour = ReadDigits(s, pos, 2);
  if (t.hour < 0 || t.hour > 23 || pos >= s.size() || s[pos++] != ':') return std::nullopt;
  t.minute = ReadDigits(s, pos, 2);
  if (t.minute < 0 || t.minute > 59) return std::nullopt;
  t.precision = DatePrecision::kMinute;
  if (pos < s.size() && s[pos] == ':') {
    ++pos;
    t.second = ReadDigits(s, pos, 2);
    if (t.second < 0 || t.second > 60) return std::nullopt;
    t.precision = DatePrecision::kSecond;
    // Fractional seconds are read and dropped: no news source needs them.
    if (pos < s.size() && s[pos] == '.') {
      ++pos;
      while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
    }
  }
  if (pos == s.size()) return t;
  if (s[pos] == 'Z' && pos + 1 == s.size()) {
    t.utc_offset_minutes = 0;
    return t;
  }
  if (s[pos] != '+' && s[pos] != '-') return std::nullopt;
  const int sign = s[pos++] == '-' ? -1 : 1;
  const int oh = ReadDigits(s, pos, 2);
  if (oh < 0 || oh > 14) return std::nullopt;
  if (pos < s.size() && s[pos] == ':') ++pos;
  int om = 0;
  if (pos < s.size()) om = ReadDigits(s, pos, 2);
  if (om < 0 || om > 59 || pos != s.size()) return std::nullopt;
  t.utc_offset_minutes = sign * (oh * 60 + om);
  return t;
}

}  // namespace newsfuse
