// People, organisations, places and nationality words, with roles, aliases
// and pronouns: fills AnnotatedArticle::entities and ::mentions.
//
// Rules and gazetteers, no model: the word lists of data/analyze/entity/
// (countries, demonyms, cities, first names, roles, generated from Debian and
// npm packages by scripts/gen_gazetteers.py) drive a single pass over each
// sentence's capitalised runs (recognizer.h), then a resolver merges aliases
// and resolves "he"/"she" (resolver.h). Thread-safe; no I/O.
#pragma once

#include "core/records.h"
#include "text/tokens.h"

namespace newsfuse::analyze {

// Reads article.body and article.sentences (the whole body is one sentence
// when there are none); appends to article.entities, in order of first
// mention, and to article.mentions, in body order.
// REQUIRES: `tokens` is the scan of article.body and article.sentences
// (text::Tokenize), as Analyze makes once for every annotator.
void AnnotateEntities(AnnotatedArticle& article, const text::Tokens& tokens);
// The same, scanning the body itself (for callers running this annotator alone).
void AnnotateEntities(AnnotatedArticle& article);

}  // namespace newsfuse::analyze
