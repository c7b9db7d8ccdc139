// Metadata that a page states in its visible text: dates and timestamps,
// datelines, lead tags, bylines, wire sign-offs; and date/title helpers shared
// with the HTML path. Internal to src/extract; each function is pure.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"

namespace newsfuse::extract_internal {

// Month number from an English month name or abbreviation ("Feb", "Feb.",
// "February", "Sept."); 0 when not a month.
int MonthFromName(std::string_view word);

// ---- Timestamps in visible text -------------------------------------------
//
// A scraped page shows its dates as short runs of tokens: "2026-02-06 04:04",
// "- Updated", "Feb. 5, 2026 9:30 am EST", "Last Updated At:06:17". We read a
// line token by token; each token is a date, a time, a label word from
// furniture.txt ("updated", "posted", "at", "GMT"), a separator, or "other".

struct TimestampScan {
  struct Stamp {
    DateTime when;  // year == 0 when the text gave no year (time-only: month == 0 too)
    bool has_date = false;
    bool has_time = false;
    bool updated = false;  // an "updated"-kind label came before it on the line
  };
  std::vector<Stamp> stamps;
  int other_tokens = 0;  // words that are neither date, time, label nor separator
  int label_tokens = 0;
  bool has_updated_label = false;
  // Only dates, times, labels and separators, with at least one date or time:
  // the line is a timestamp, page furniture.
  bool IsTimestampLine() const { return other_tokens == 0 && !stamps.empty(); }
  // Only labels ("- Input", "Updated"): announces the next line's timestamp.
  bool IsLabelLine() const { return other_tokens == 0 && stamps.empty() && label_tokens > 0; }
};
TimestampScan ScanTimestamps(std::string_view line);

// Machine-readable dates from HTML metadata and JSON-LD: ISO 8601 with
// optional fractional seconds and "+0000" offsets, "YYYY/MM/DD", or an
// RFC 2822-like "Thu, 05 Feb 2026 10:00:00 GMT". nullopt when not a full date.
std::optional<DateTime> ParseMachineDate(std::string_view text);

// "/2026/02/05/" or "2026-02-05" inside a URL path or file name.
std::optional<DateTime> DateFromPath(std::string_view path);

// Completes a month/day (year 0) with the year that puts it nearest to
// `reference` (so "Dec. 31" seen on 2026-01-01 is 2025). nullopt when the
// result would be more than 120 days from the reference: then the reference
// is not evidence for that date.
std::optional<DateTime> CompleteYear(const DateTime& month_day, const DateTime& reference);

// ---- Datelines and lead tags ----------------------------------------------
//
// Wire style opens the first paragraph with the place in capitals, an
// optional date, an optional credit in parentheses and a dash:
//   "KYIV, Feb. 5 (GeokHub) — Ukraine and ..."   "WASHINGTON (Reuters) - ..."
// Some outlets open with a bracketed tag instead: "[Financial News] Russia ...".
struct Dateline {
  std::string place;             // "KYIV" as written
  std::string credit;            // text inside the parentheses, "" if none
  std::optional<DateTime> date;  // day precision; year 0 when not stated
  size_t body_offset = 0;        // where the paragraph's own text begins
};
std::optional<Dateline> ParseDateline(std::string_view paragraph);

struct LeadTag {
  std::string name;  // "Financial News"
  size_t body_offset = 0;
};
std::optional<LeadTag> ParseLeadTag(std::string_view paragraph);

// A wire credit after the last sentence: "... since early 2024. REUTERS",
// "... on Thursday. (Reuters)", "... end. — AFP". Returns the credit and the
// offset at which the paragraph should be cut.
struct SignOff {
  std::string credit;
  size_t cut = 0;
};
std::optional<SignOff> ParseSignOff(std::string_view paragraph);

// ---- Bylines ----------------------------------------------------------------

// "By Jane Doe and John Roe" / "BY JANE DOE, Reuters" -> names. Empty when the
// line is not a byline.
std::vector<std::string> ParseByline(std::string_view line);

// "km@fnnews.com Kim Kyung-min Reporter": the name (capitalised words, role
// words dropped) and the e-mail domain. nullopt when the line is not a short
// line carrying an e-mail address.
struct EmailByline {
  std::string name;    // may be empty when only an address is given
  std::string domain;  // "fnnews.com"
};
std::optional<EmailByline> ParseEmailByline(std::string_view line);

// Splits "Headline | Site" / "Headline - Site" / "Site | Headline". When
// `outlet` is known the suffix must equal it (case-insensitive); otherwise
// only " | " and " :: " separators with a short (<= 5 words) side count.
// Returns the headline and sets *site to the removed part.
std::string StripTitleSite(std::string_view title, std::string_view outlet, std::string* site);

// The ISO 639-1 code ("en", "de") CLD2 gives for the first ~8 KB of the
// paragraphs; "" when CLD2 is not sure (a few words, mixed scripts) or finds
// no language. Never fails otherwise.
std::string GuessLanguage(const std::vector<std::string>& paragraphs);

}  // namespace newsfuse::extract_internal
