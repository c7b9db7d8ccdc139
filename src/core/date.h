// Calendar dates and times with an explicit precision.
//
// News states time at many grains: "2026" (year), "October 2025" (month),
// "Feb. 5" (day, year implied), "2026-02-06 04:04" (minute). A DateTime keeps
// what was said and no more, so later stages never mistake an inferred
// midnight for a stated one. The UTC offset is kept only when the source gave
// it. ISO 8601 text is the interchange form ("2026-02-06", "2026-02",
// "2026-02-06T04:04", "2026-02-06T04:04:00+09:00").
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace newsfuse {

enum class DatePrecision : uint8_t { kYear, kMonth, kDay, kMinute, kSecond };

// "year", "month", "day", "minute", "second": the name reports and JSON use.
const char* DatePrecisionName(DatePrecision p);

struct DateTime {
  int year = 0;
  int month = 0;  // 1..12, 0 when precision is kYear
  int day = 0;    // 1..31, 0 when precision is coarser than kDay
  int hour = 0;
  int minute = 0;
  int second = 0;
  DatePrecision precision = DatePrecision::kYear;
  std::optional<int> utc_offset_minutes;  // only when stated

  static DateTime Day(int y, int m, int d) {
    DateTime t;
    t.year = y;
    t.month = m;
    t.day = d;
    t.precision = DatePrecision::kDay;
    return t;
  }

  // ISO 8601 text at the stored precision.
  std::string ToIso() const;
  // Parses the forms ToIso() writes plus "YYYY-MM-DD HH:MM[:SS]" and a
  // trailing "Z" or "+HH:MM". Returns nullopt on anything else or on an
  // impossible calendar date.
  static std::optional<DateTime> ParseIso(std::string_view text);

  // Days since 1970-01-01 of the (year, month, day) part; month/day of 0 count as 1.
  int64_t DaysSinceEpoch() const;
  // Day of week, 0 = Monday .. 6 = Sunday; requires day precision.
  int Weekday() const;

  // Orders by calendar position first, then by precision, so sorting is stable.
  auto operator<=>(const DateTime&) const = default;
};

// True if (y, m, d) is a real Gregorian calendar date.
bool IsValidDate(int year, int month, int day);
int DaysInMonth(int year, int month);
DateTime DateFromDaysSinceEpoch(int64_t days);

}  // namespace newsfuse
