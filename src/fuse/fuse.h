// Fuse: one report per story from the articles that tell it.
//
// First version: headline, sources, and an extractive summary. Sentences of
// all sources are compared with each other; a sentence is supported by every
// source that has a sentence saying the same thing (similarity above
// FuseOptions::same_content_threshold). The summary takes the best supported
// and most central sentences, skipping any too close to one already chosen
// (maximal marginal relevance), and each cites every source that supports it.
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
  // MMR trade-off between relevance (1.0) and novelty (0.0).
  double mmr_lambda = 0.7;
};

StoryReport FuseStory(const Story& story, const std::vector<AnnotatedArticle>& articles,
                      const FuseOptions& options = {});

}  // namespace newsfuse
