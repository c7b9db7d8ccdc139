// Support: which sources state each candidate's content, and how many voices
// that is. Internal to src/fuse.
#pragma once

#include <string>
#include <vector>

#include "fuse/candidates.h"

namespace newsfuse::fuse {

// Sets each candidate's supporters (its own source and every source with a
// candidate whose cosine with it reaches `same_content_threshold`) and its
// support: how many distinct voices those sources are. `voice_of` holds one
// key per source (fuse/voices.h); `n_terms` bounds the candidates' term ids.
void CountSupport(std::vector<Candidate>& cands, size_t n_terms,
                  const std::vector<std::string>& voice_of, double same_content_threshold);

}  // namespace newsfuse::fuse
