// StoryAssigner: keeps one clusterer in step with the store and writes its
// decisions, for the pipeline's ingest.
//
// Several processes may write stories into one store. Each decision depends
// on every decision before it, so the clusterer must have seen exactly what
// the store holds when it decides; the store's write lock (Store::BeginWrite)
// is what makes "look at the store, decide, write" one step. Every method but
// Forget() REQUIRES the caller to hold an open StoreWrite on the store.
//
// Today "in step" means a replay: the clusterer is rebuilt from the stored
// articles and their stories whenever another process has written since it
// was last built. Persisting the clusterer's state in the store (issue 13)
// replaces the replay inside Sync() and leaves the rest as it is.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>

#include "analyze/analyze.h"
#include "cluster/cluster.h"
#include "core/status.h"
#include "store/store.h"

namespace newsfuse {

class StoryAssigner {
 public:
  // `store` must outlive the assigner.
  StoryAssigner(Store& store, AnalyzeOptions analyze, ClusterOptions cluster);
  ~StoryAssigner();

  // Brings the clusterer in step with the store: rebuilt from it on first use
  // and whenever another process has committed since the last Sync, else
  // kept. An article the replay finds in no story (left by an interrupted run
  // of a build that stored articles before clustering them) is clustered and
  // assigned where it stands in ingest order. Returns how many were.
  Result<int64_t> Sync();

  // Clusters a stored article (after the ones already seen) and records the
  // decision: its story and copy mark, and the move of every article of a
  // story its arrival merged into another.
  Status Assign(const AnnotatedArticle& article);

  // After the caller's write rolled back, the clusterer holds decisions the
  // store does not: drop it, so the next Sync rebuilds it.
  void Forget();

 private:
  Status Decide(const AnnotatedArticle& article);

  Store& store_;
  AnalyzeOptions analyze_;
  ClusterOptions cluster_options_;
  std::unique_ptr<StoryClusterer> clusterer_;
  std::optional<int64_t> seen_version_;  // Store::DataVersion() the clusterer reflects
};

}  // namespace newsfuse
