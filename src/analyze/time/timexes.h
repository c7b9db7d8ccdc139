// Temporal expressions normalised to TIMEX3 values, anchored on the
// publication date; fills timexes.
//
// HeidelTime's design: token patterns with value templates, and word classes,
// live in data/analyze/time/{rules,lexicon}.txt, embedded at build time; this
// code tokenizes, matches (longest match wins) and completes the templates.
// Relative expressions ("on Thursday", "last month", "Feb. 5") are resolved
// against article.published and the tense of their sentence: "on Thursday" in
// a past-tense report dated Friday 6 Feb 2026 is 2026-02-05, in a future-tense
// one 2026-02-12. Such timexes carry anchor "published" (or "previous-date" for
// a clock time that takes the day its sentence named); without a publication
// date they keep TIMEX3's unknown digits ("XXXX-WXX-4").
//
// Measured on TempEval-3 platinum and MEANTIME by bench/time/tempeval_eval.
// Thread-safe: the rules are parsed once; each thread keeps its own buffers.
#pragma once

#include "core/records.h"
#include "text/tokens.h"

namespace newsfuse::analyze {

// Reads article.body, article.sentences (for tense; without them, sentence
// punctuation is used) and article.article.published; appends to
// article.timexes in body order, spans never overlapping.
void AnnotateTime(AnnotatedArticle& article);
// The same on the article's one scan. REQUIRES: `tokens` is
// text::Tokenize(article.body, article.sentences), as Analyze makes it.
void AnnotateTime(AnnotatedArticle& article, const text::Tokens& tokens);

}  // namespace newsfuse::analyze
