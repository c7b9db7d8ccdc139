// Fuse: one report per story from the articles that tell it.
//
// FuseStory builds every section of StoryReport (core/records.h), one stage
// per file of src/fuse:
// - sources (fuse/sources.h): one ReportSource per article, by publication
//   time, undated last; a copy the store marked, Story::copy_of, names its
//   original's citation key; first_seen and last_updated from their dates;
// - headline (fuse/headline.h): the source title most like the others;
//   without one, the first summary sentence, then any title not furniture;
// - summary (fuse/candidates.h, support.h, relevance.h, summary_select.h,
//   summary.h): the sentences that cover the most of what many voices state
//   (concepts weighted by how many voices state them, each counted once),
//   never two that say the same thing, each citing every source with a
//   sentence of the same content (cosine over stemmed terms at least
//   FuseOptions::same_content_threshold);
// - facts, conflicts, quotes by speaker, timeline and coverage: the claims
//   layer (fuse/claims/claims.h), which aligns what sources state across
//   units, hedges and wording.
// Support is counted in voices (fuse/voices.h): two articles of one outlet,
// or a reprint and its original, confirm a statement once.
// A pure function: same articles and options, same report. Articles are
// matched to story.article_ids by id, in any order; one the story does not
// list is left out, and a story that lists none takes every article given.
// A story with no matching article gets an empty report (its id only).
#pragma once

#include <vector>

#include "core/records.h"

namespace newsfuse {

struct FuseOptions {
  // Bounds on the summary's sentences. A negative bound counts as 0 and a
  // minimum above the maximum as the maximum, so no setting is an error.
  int min_summary_sentences = 5;
  int max_summary_sentences = 8;
  // Cosine over stemmed terms above which two sentences state the same content.
  double same_content_threshold = 0.45;
  // Summary length in words (0 = bounded by sentence counts only). The last
  // sentence may run past it; DUC-style evaluations cut at the budget.
  int max_summary_words = 0;
};

// Returns a report, never an error. The report owns all its text: nothing
// in it points into `story` or `articles`, which need not outlive the call.
StoryReport FuseStory(const Story& story, const std::vector<AnnotatedArticle>& articles,
                      const FuseOptions& options = {});

}  // namespace newsfuse
