#include "extract/date_agreement.h"

#include <cstdint>
#include <map>

namespace newsfuse::extract_internal {

std::optional<DateStatement> OutvotingDate(const DateStatement& chosen,
                                           const std::vector<DateStatement>& others) {
  const int64_t chosen_day = chosen.when.DaysSinceEpoch();
  std::map<int64_t, int> votes;
  for (const DateStatement& s : others) {
    if (s.when.precision < DatePrecision::kDay) continue;
    const int64_t day = s.when.DaysSinceEpoch();
    if (day == chosen_day) return std::nullopt;  // the chosen day is not alone
    ++votes[day];
  }
  for (const DateStatement& s : others)
    if (s.when.precision >= DatePrecision::kDay && votes[s.when.DaysSinceEpoch()] >= 2) return s;
  return std::nullopt;
}

}  // namespace newsfuse::extract_internal
