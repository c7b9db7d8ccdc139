// Numbers with hedges, units and the thing counted; fills quantities.
#pragma once

#include "core/records.h"

namespace newsfuse::analyze {

// Reads article.body, sentences (and what earlier annotators filled);
// appends to article.quantities in body order.
void AnnotateQuantities(AnnotatedArticle& article);

}  // namespace newsfuse::analyze
