// "1 hour 35 minutes" is one duration that the quantity annotator reads as
// two ("1 hour", "35 minutes"). Compared one by one, each half disagrees
// with an outlet's "106 minutes" and neither agrees with "95 minutes".
// Internal to src/fuse/claims.
#pragma once

#include <vector>

#include "core/records.h"

namespace newsfuse::fuse {

// The article's quantities with each written-out compound duration joined
// into one: "1 hour 35 minutes", "one hour and 35 minutes", "2 hours, 10
// minutes" (a larger unit, then a smaller one, nothing between them but a
// comma or "and"). The joined quantity spans both parts, holds their sum and
// keeps the smaller unit as its stated unit; other quantities are unchanged.
std::vector<Quantity> JoinCompoundDurations(const AnnotatedArticle& a);

}  // namespace newsfuse::fuse
