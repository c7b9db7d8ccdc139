// Direct and reported speech with speakers resolved to entities; fills
// quotes. Runs after AnnotateEntities.
#pragma once

#include "core/records.h"

namespace newsfuse::analyze {

// Reads article.body, sentences (and what earlier annotators filled);
// appends to article.quotes in body order.
void AnnotateQuotes(AnnotatedArticle& article);

}  // namespace newsfuse::analyze
