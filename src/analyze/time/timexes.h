// Temporal expressions normalised to TIMEX3 values, anchored on the
// publication date; fills timexes.
#pragma once

#include "core/records.h"

namespace newsfuse::analyze {

// Reads article.body, sentences (and what earlier annotators filled);
// appends to article.timexes in body order.
void AnnotateTime(AnnotatedArticle& article);

}  // namespace newsfuse::analyze
