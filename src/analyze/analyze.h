// Analyze: the language annotations of one article.
//
// First version: sentences. Entities, quantities, temporal expressions and
// quotes join AnnotatedArticle as they are built (issue 4), each with Spans
// into AnnotatedArticle::body. A pure function of the article and options.
#pragma once

#include "core/records.h"

namespace newsfuse {

struct AnalyzeOptions {};

AnnotatedArticle Analyze(Article article, const AnalyzeOptions& options = {});

}  // namespace newsfuse
