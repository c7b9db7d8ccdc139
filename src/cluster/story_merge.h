// Story-to-story merging (internal to cluster).
//
// The online decision compares one article with each story. A story started
// by an article too unlike the event's first reports (a death-toll update
// beside a hurricane's landfall, an aid appeal) stays apart, even once both
// stories have grown into the event's vocabulary. Comparing the stories
// themselves when one of them grows lets that split heal. Whether two stories
// are one event is a model of its own (StoryMergeWeights), fitted on the train
// streams: a story is a better witness than one article (its centroid has
// averaged away one writer's background), but two events of one topic also
// grow alike, so actors and named days count as well as words.
#pragma once

#include <cstdint>
#include <vector>

#include "cluster/cluster.h"
#include "cluster/story_state.h"

namespace newsfuse::cluster {

// IDF of a term under the stream's document frequencies so far (the online
// decision's formula: ln((N + 1) / (df + 1)) + 1).
struct StreamIdf {
  const std::vector<uint32_t>* df = nullptr;
  uint64_t docs = 0;
  double operator()(uint32_t term) const;
};

// TF-IDF cosine of two centroids under `idf`.
double CentroidCosine(const Centroid& a, const Centroid& b, const StreamIdf& idf);

// The features of StoryMergeWeights for two stories.
struct StoryPairFeatures {
  double cosine = 0, title_cosine = 0, name_cosine = 0, entity_cosine = 0;
  double actors_known = 0, actor_cosine = 0;
  double days_known = 0, day_shared = 0;
  double log_small = 0, log_large = 0;
  double dates_known = 0, log_gap = 0;
};

// The word cosine is computed first: below `min_cosine` the rest is left at 0
// (SameEvent refuses such a pair whatever they are), which spares most
// neighbours three more centroid walks.
StoryPairFeatures CompareStories(const StoryState& a, const StoryState& b, const StreamIdf& idf,
                                 double min_cosine = 0);

double StoryMergeScore(const StoryMergeWeights& w, const StoryPairFeatures& f);

// Whether the model says the two stories are one event.
bool SameEvent(const StoryMergeWeights& w, const StoryPairFeatures& f);

// Whether a story that has just grown to `members` articles is compared with
// its neighbours: at 2, 3, 5, 8, 12, 18, 27, ... (each about half as large again as
// the last), not at every growth. A story's centroid moves less with each
// article, so comparing it again at every one repeats the last comparison at
// a cost of up to 32 neighbours over four centroids; a new story of one
// article (what the online decision just turned down) waits until it grows
// or a neighbour does.
bool StoryCheckpoint(size_t members);

}  // namespace newsfuse::cluster
