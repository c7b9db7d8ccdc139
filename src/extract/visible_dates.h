// Dates a page prints for readers: "10.06.2018", "3. Dezember 2011",
// "March 11, 2020", "15 de Abril de 2020", "2020年07月03日". Pages without
// date metadata often show the day only in an element whose class names a
// date ("entry-date", "datum", "post-meta"); this reads such text. Internal
// to src/extract; pure.
#pragma once

#include <optional>
#include <string_view>

#include "core/date.h"

namespace newsfuse::extract_internal {

// The first full calendar date (day, month and year all stated) written in
// `text`, at day precision. Numeric "a/b/yyyy" and "a-b-yyyy" are read day
// first unless `month_first` (US English) and the numbers allow it; a number
// above 12 settles the order either way. "dd.mm.yyyy" is always day first.
// Relative dates ("4 hours ago") and dates without a year are not read.
std::optional<DateTime> FirstDateInText(std::string_view text, bool month_first);

// Month number from a month name or abbreviation in English, German, French,
// Spanish, Portuguese, Italian or Dutch, lower case ("märz", "août", "abril",
// "okt"); 0 when not a month.
int MonthFromAnyName(std::string_view lower_word);

}  // namespace newsfuse::extract_internal
