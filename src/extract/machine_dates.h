// Machine-written dates: HTML metadata, JSON-LD, URL paths, and a month/day
// completed with its year. Internal to src/extract; each function is pure.
#pragma once

#include <optional>
#include <string_view>

#include "core/date.h"

namespace newsfuse::extract_internal {

// Machine-readable dates from HTML metadata and JSON-LD: ISO 8601 with
// optional fractional seconds and "+0000" offsets, "YYYY/MM/DD", or an
// RFC 2822-like "Thu, 05 Feb 2026 10:00:00 GMT". nullopt when not a full date.
std::optional<DateTime> ParseMachineDate(std::string_view text);

// "/2026/02/05/", "2026-02-05" or "/20260205/" inside a URL path or file
// name (the eight-digit form only as a whole path segment or file-name part,
// not inside a longer number such as an archive's 14-digit timestamp); last,
// a whole segment "/29-10-2021" when only one of day-first and month-first
// reads it as a date.
std::optional<DateTime> DateFromPath(std::string_view path);

// True when `instant` (time and UTC offset stated) falls on the calendar day
// `day` in some time zone between UTC-12 and UTC+14: "2023-11-09T03:28Z" is
// the evening of 8 November in New York.
bool FallsOnDaySomewhere(const DateTime& instant, const DateTime& day);

// True when both state a time and a UTC offset and name the same minute:
// "2019-10-18T22:04Z" and "Sat, 19 Oct 2019 00:04 +0200".
bool SameInstant(const DateTime& a, const DateTime& b);

// Completes a month/day (year 0) with the year that puts it nearest to
// `reference` (so "Dec. 31" seen on 2026-01-01 is 2025). nullopt when the
// result would be more than 120 days from the reference: then the reference
// is not evidence for that date.
std::optional<DateTime> CompleteYear(const DateTime& month_day, const DateTime& reference);

}  // namespace newsfuse::extract_internal
