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

struct ClusterOptions {
  // Minimum cosine between an article and a story centroid to join the story.
  // See cluster.cc for how it was chosen.
  double join_threshold = 0.20;
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

  // All stories so far, in order of creation.
  std::vector<Story> Stories() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsfuse
