// Analyze: the language annotations of one article.
//
// Sentences, then entities, quantities, temporal expressions and quotes, each
// with Spans into AnnotatedArticle::body (see core/records.h). A pure function
// of the article and options: no I/O, safe on several threads at once.
#pragma once

#include "core/records.h"

namespace newsfuse {

struct AnalyzeOptions {};

AnnotatedArticle Analyze(Article article, const AnalyzeOptions& options = {});

// The first step of Analyze alone: body and sentences filled, no annotation.
// For callers that run one annotator by itself (the fuzz targets).
AnnotatedArticle WithSentences(Article article);

}  // namespace newsfuse
