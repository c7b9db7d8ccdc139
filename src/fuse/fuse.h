// Fuse: one report per story from the articles that tell it.
//
// Headline, sources, and an extractive summary. Sentences of all sources are
// compared with each other; a sentence is supported by every source that has
// a sentence saying the same thing (similarity above
// FuseOptions::same_content_threshold). The summary is the set of sentences
// that covers the most of what many outlets state (concepts weighted by how
// many outlets state them, each counted once: src/fuse/summary_select.h),
// never two that say the same thing, and each cites every source that
// supports it. A source the story marks as a copy (Story::copy_of) names its
// original's citation key in ReportSource::copy_of.
// A pure function: same articles and options, same report.
#pragma once

#include <vector>

#include "core/records.h"

namespace newsfuse {

struct FuseOptions {
  int min_summary_sentences = 5;
  int max_summary_sentences = 8;
  // Cosine over stemmed terms above which two sentences state the same content.
  double same_content_threshold = 0.45;
  // Unused since selection is by concept coverage (which makes redundancy
  // cost by itself); kept so existing callers still compile.
  double mmr_lambda = 0.7;
  // Summary length in words (0 = bounded by sentence counts only). The last
  // sentence may run past it; DUC-style evaluations cut at the budget.
  int max_summary_words = 0;
};

StoryReport FuseStory(const Story& story, const std::vector<AnnotatedArticle>& articles,
                      const FuseOptions& options = {});

}  // namespace newsfuse
