// Analyze: the language annotations of one article.
//
// Sentences, then entities, quantities, temporal expressions and quotes, each
// with Spans into AnnotatedArticle::body (see core/records.h). The body is
// scanned once (text/tokens.h) and every annotator reads that scan. A pure
// function of the article and options: no I/O, safe on several threads at
// once. Never fails: text an annotator cannot read (the annotators' word
// lists and rules are English; invalid UTF-8) gets fewer annotations, not an
// error.
#pragma once

#include "core/records.h"

namespace newsfuse {

// No settings yet: kept so callers need not change when one is added.
struct AnalyzeOptions {};

AnnotatedArticle Analyze(Article article, const AnalyzeOptions& options = {});

// The first step of Analyze alone: body and sentences filled, no annotation.
// For callers that run one annotator by itself (the fuzz targets).
AnnotatedArticle WithSentences(Article article);

}  // namespace newsfuse
