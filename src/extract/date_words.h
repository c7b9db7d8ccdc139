// Date words: the numbers, month and weekday names, times and separators a
// page writes its dates with. The pieces the timestamp, machine-date and
// dateline readers share. Internal to src/extract; each function is pure.
#pragma once

#include <cstddef>
#include <string_view>

#include "core/date.h"

namespace newsfuse::extract_internal {

// Reads `min_digits`..`max_digits` ASCII digits at s[pos] and advances past
// them; -1 (pos unchanged) when there are fewer.
int ReadNumber(std::string_view s, size_t& pos, size_t max_digits, size_t min_digits = 1);

// 0-23 hours, 0-59 minutes, 0-60 seconds (a leap second).
bool ValidTime(int h, int m, int s);

// "09:30", "9:30am", "06:34:49", "9:30 p.m." glued ("9:30p.m."); "9.30pm" is
// not a time (it reads as a decimal). false, outputs untouched, otherwise.
bool ParseTimeToken(std::string_view w, int* h, int* m, int* sec, bool* has_sec);

// "2026-02-06", "2026.02.06", "2026/02/06" at the start of `w` (a valid
// calendar day); *consumed is its length, so a fused "T04:04" can follow.
bool ParseNumericDate(std::string_view w, DateTime* out, size_t* consumed);

// "-", "|", "/", "*", ":", em/en dash, bullet, middle dot standing alone.
bool IsSeparatorWord(std::string_view w);

// An English weekday or its abbreviation, lower case ("tue", "thursday").
bool IsWeekday(std::string_view lower_word);

// `w` without the brackets, dashes, stars and bars that decorate a token and
// the commas, semicolons and colons after it. A view into `w`.
std::string_view StripDecor(std::string_view w);

// A day of the month, "5", "05", "5th", "(5,": 1-31, else -1.
int DayNumber(std::string_view w);

// A four-digit year 1900-2100, decorations aside; else -1.
int YearNumber(std::string_view w);

// Month number from an English month name or abbreviation ("Feb", "Feb.",
// "February", "Sept."); 0 when not a month.
int MonthFromName(std::string_view word);

}  // namespace newsfuse::extract_internal
