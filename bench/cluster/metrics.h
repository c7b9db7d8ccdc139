// Clustering scores against gold labels (bench only).
#pragma once

#include <string>
#include <vector>

namespace newsfuse::bench {

struct ClusterScores {
  double bcubed_p = 0, bcubed_r = 0, bcubed_f1 = 0;
  // Pair counting ("standard" F1 of Miranda et al. 2018): pairs of items in
  // the same gold and the same predicted cluster.
  double pairwise_p = 0, pairwise_r = 0, pairwise_f1 = 0;
  size_t predicted_clusters = 0, gold_clusters = 0;
};

// predicted[i] and gold[i] are the labels of item i.
ClusterScores Score(const std::vector<std::string>& predicted,
                    const std::vector<std::string>& gold);

// A predicted story holding two gold events that share no `related` label: a
// story about two things. related[i] may be empty (no relation).
struct MixedStory {
  std::string story;
  std::vector<std::string> events;  // the distinct gold events in it, sorted
};
std::vector<MixedStory> Mixes(const std::vector<std::string>& predicted,
                              const std::vector<std::string>& gold,
                              const std::vector<std::string>& related);

}  // namespace newsfuse::bench
