#include "fuse/claims/compound_durations.h"

#include <cctype>
#include <string>
#include <string_view>

namespace newsfuse::fuse {
namespace {

// Seconds per unit word as the annotator leaves it in `stated_unit`
// ("hour", "minutes"); 0 for a word that is no unit of time.
double UnitSeconds(std::string_view stated) {
  std::string w;
  for (char c : stated)
    if (std::isalpha(static_cast<unsigned char>(c)))
      w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (!w.empty() && w.back() == 's') w.pop_back();
  if (w == "year") return 31556952;
  if (w == "month") return 2629746;
  if (w == "week") return 604800;
  if (w == "day") return 86400;
  if (w == "hour" || w == "hr") return 3600;  // "1 hr 35 min" as a listing writes it
  if (w == "minute" || w == "min") return 60;
  if (w == "second" || w == "sec") return 1;
  return 0;
}

// Only spaces, one comma and at most one "and" lie between the two parts.
bool JoinedByNothingOrAnd(std::string_view between) {
  std::string words;
  int commas = 0;
  for (char c : between) {
    if (c == ',') {
      ++commas;
    } else if (std::isalpha(static_cast<unsigned char>(c))) {
      words += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!std::isspace(static_cast<unsigned char>(c))) {
      return false;
    }
  }
  return commas <= 1 && (words.empty() || words == "and");
}

bool IsDuration(const Quantity& q) { return q.unit == "s" && !q.distributive; }

}  // namespace

std::vector<Quantity> JoinCompoundDurations(const AnnotatedArticle& a) {
  std::vector<Quantity> out;
  const std::string_view body = a.body;
  for (const Quantity& q : a.quantities) {
    if (!out.empty() && IsDuration(out.back()) && IsDuration(q) &&
        out.back().span.end <= q.span.begin && q.span.begin <= body.size()) {
      Quantity& first = out.back();
      const double big = UnitSeconds(first.stated_unit), small = UnitSeconds(q.stated_unit);
      // Exact parts only: "about 2 hours 10 minutes" hedges the whole, and
      // the annotator's interval for the first part would not say so.
      const bool exact = first.low == first.high && q.low == q.high;
      // "a 10-year sentence and 6 months' probation": an adjective's
      // duration belongs to its noun, not to the next duration.
      const bool adjective =
          body.substr(first.span.begin, first.span.end - first.span.begin).find('-') !=
          std::string_view::npos;
      if (exact && !adjective && big > small && small > 0 &&
          JoinedByNothingOrAnd(body.substr(first.span.end, q.span.begin - first.span.end))) {
        first.span.end = q.span.end;
        first.value += q.value;
        first.total = first.value;
        first.low = first.high = first.value;
        first.stated_unit = q.stated_unit;
        continue;
      }
    }
    out.push_back(q);
  }
  return out;
}

}  // namespace newsfuse::fuse
