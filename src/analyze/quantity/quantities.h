// Numbers with hedges, units and the thing counted; fills quantities.
#pragma once

#include "core/records.h"
#include "text/tokens.h"

namespace newsfuse::analyze {

// Reads article.body, sentences (and what earlier annotators filled);
// appends to article.quantities in body order.
// REQUIRES: `tokens` is the scan of article.body and article.sentences
// (text::Tokenize), as Analyze makes once for every annotator.
void AnnotateQuantities(AnnotatedArticle& article, const text::Tokens& tokens);
// The same, scanning the body itself (for callers running this annotator alone).
void AnnotateQuantities(AnnotatedArticle& article);

}  // namespace newsfuse::analyze
