// Cluster: groups a stream of articles into stories, online.
//
// Each arriving article is compared with the live stories and joins the most
// similar one if the similarity clears a threshold; otherwise it starts a new
// story. Similarity is the cosine between the article's TF-IDF vector and the
// story's centroid, with IDF learnt from the stream itself. Decisions never
// look ahead, so the result depends only on arrival order and is
// deterministic for a given order.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/records.h"

namespace newsfuse {

// Why the last Add decided as it did: for tests, threshold tuning and logs.
struct ClusterDecision {
  std::string story_id;     // the story the article went to
  std::string best_story;   // the most similar existing story, empty if none shared a term
  double best_cosine = 0;   // its cosine with the article
  bool joined = false;      // true if the article joined best_story
};

struct ClusterOptions {
  // Minimum cosine between an article and a story centroid to join the story.
  // See cluster.cc for how it was chosen.
  double join_threshold = 0.25;
};

class StoryClusterer {
 public:
  explicit StoryClusterer(ClusterOptions options = {});
  ~StoryClusterer();
  StoryClusterer(const StoryClusterer&) = delete;
  StoryClusterer& operator=(const StoryClusterer&) = delete;

  // Decides which story the article belongs to (creating one if needed) and
  // returns that story's id. The id of a new story is derived from the id of
  // its first article, so it is stable across runs.
  std::string Add(const AnnotatedArticle& article);

  // Replays a decision made earlier (from the store) without re-deciding it,
  // so a later Add sees the same state as when the store was written.
  void Restore(const std::string& story_id, const AnnotatedArticle& article);

  // The decision of the last Add (empty before the first).
  const ClusterDecision& last_decision() const;

  // All stories so far, in order of creation.
  std::vector<Story> Stories() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsfuse
