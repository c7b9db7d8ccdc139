// Relevance: how central and how confirmed each candidate is, the score that
// breaks ties in summary selection (fuse/summary_select.h). Internal to
// src/fuse.
#pragma once

#include <vector>

#include "fuse/candidates.h"

namespace newsfuse::fuse {

// REQUIRES: support counted (fuse/support.h). Sets each candidate's
// centrality (cosine with the story's centroid, every source weighing the
// same, relative to the most central candidate) and relevance in [0, 1]
// from support, centrality and lead position. `n_sources` and `n_terms`
// bound the candidates' source indices and term ids; `n_voices` is the
// story's number of distinct voices.
void ScoreRelevance(std::vector<Candidate>& cands, size_t n_sources, size_t n_terms,
                    size_t n_voices);

}  // namespace newsfuse::fuse
