// The publication day most of a page's independent statements agree on.
// Internal to src/extract; pure.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"

namespace newsfuse::extract_internal {

struct DateStatement {
  std::string source;  // "json-ld", "meta:article:published_time", ...
  DateTime when;
};

// A statement to take instead of `chosen` when two or more of `others`
// (independent places on the page: JSON-LD, a publication meta, a generic
// date meta, itemprop, the <time> element, the printed date) name one
// calendar day and none of them names `chosen`'s day. A content system that
// fills one field wrongly (a JSON-LD date two days early, an og: date from a
// template) is outvoted; a lone disagreement is left to the ranking. The
// first statement naming the agreed day is returned (the list's order is
// the caller's ranking). nullopt when nothing outvotes `chosen`.
std::optional<DateStatement> OutvotingDate(const DateStatement& chosen,
                                           const std::vector<DateStatement>& others);

}  // namespace newsfuse::extract_internal
