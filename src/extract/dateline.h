// Datelines and lead tags: what opens a wire story's first paragraph before
// its own text. Internal to src/extract; each function is pure.
//
// Wire style opens the first paragraph with the place in capitals, an
// optional date, an optional credit in parentheses and a dash:
//   "KYIV, Feb. 5 (GeokHub) — Ukraine and ..."   "WASHINGTON (Reuters) - ..."
// Some outlets open with a bracketed tag instead: "[Financial News] Russia ...".
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"

namespace newsfuse::extract_internal {

struct Dateline {
  std::string place;             // "KYIV" as written
  std::string credit;            // text inside the parentheses, "" if none
  std::optional<DateTime> date;  // day precision; year 0 when not stated
  size_t body_offset = 0;        // where the paragraph's own text begins
};
// nullopt when the paragraph does not open with one.
std::optional<Dateline> ParseDateline(std::string_view paragraph);

struct LeadTag {
  std::string name;  // "Financial News"
  size_t body_offset = 0;
};
// "[Name]" (up to 6 words, at most 60 bytes), an optional dash, then text.
std::optional<LeadTag> ParseLeadTag(std::string_view paragraph);

}  // namespace newsfuse::extract_internal
