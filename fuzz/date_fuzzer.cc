// Fuzzes DateTime::ParseIso (core/date.cc) and the calendar arithmetic behind
// it. Whatever parses must be a real date that ToIso writes back in a form
// ParseIso reads as the same value, and day arithmetic must round-trip.
#include <cstddef>
#include <cstdint>

#include "core/date.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace newsfuse;
  auto parsed = DateTime::ParseIso(fuzz::AsText(data, size));
  if (!parsed) return 0;
  const DateTime& t = *parsed;
  if (t.precision >= DatePrecision::kDay) {
    fuzz::Check(IsValidDate(t.year, t.month, t.day), "ParseIso accepted an impossible date");
    const DateTime back = DateFromDaysSinceEpoch(t.DaysSinceEpoch());
    fuzz::Check(back.year == t.year && back.month == t.month && back.day == t.day,
                "DaysSinceEpoch does not round-trip");
    const int weekday = t.Weekday();
    fuzz::Check(weekday >= 0 && weekday <= 6, "Weekday out of range");
  }
  auto again = DateTime::ParseIso(t.ToIso());
  fuzz::Check(again.has_value(), "ParseIso rejects what ToIso wrote");
  fuzz::Check(*again == t, "ToIso/ParseIso do not round-trip");
  return 0;
}
