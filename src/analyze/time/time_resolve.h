// Completing a rule's value template into a TIMEX3 value.
//
// Rules write what the words say; what they mean often depends on when the
// article was written and whether the sentence looks back or ahead. "on
// Thursday" in a past-tense report dated Friday 6 Feb 2026 is 2026-02-05; in
// a future-tense one, 2026-02-12. The forms are listed in data/analyze/time/rules.txt.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"

namespace newsfuse::analyze::time {

enum class Tense : uint8_t { kUnknown, kPast, kFuture };

struct ResolvedValue {
  std::string value;
  bool used_anchor = false;  // the value depends on the anchor date
};

// Resolves every UNDEF-, DUR-, HOUR- and CENTURY- form in `raw`. Without an
// anchor, relative dates keep TIMEX3's unknown digits ("XXXX-02-05",
// "XXXX-WXX-4") or become PAST_REF / FUTURE_REF. Returns nullopt when a form
// is malformed or the date does not exist (30 February).
std::optional<ResolvedValue> ResolveValue(std::string_view raw,
                                          const std::optional<DateTime>& anchor, Tense tense);

// The precision of a TIMEX3 date value: "2026" year, "2026-02" month (and
// weeks, quarters, seasons: coarser than a day), "2026-02-05" day, "...T10:30" minute.
DatePrecision ValuePrecision(std::string_view value);

// ISO 8601 week "2026-W06" of a day.
std::string IsoWeek(const DateTime& day);

}  // namespace newsfuse::analyze::time
