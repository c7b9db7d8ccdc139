// StoryAssigner: keeps one clusterer in step with the store and writes its
// decisions, for the pipeline's ingest.
//
// Several processes may write stories into one store. Each decision depends
// on every decision before it, so the clusterer must have seen exactly what
// the store holds when it decides; the store's write lock (Store::BeginWrite)
// is what makes "look at the store, decide, write" one step. Every method but
// Forget() REQUIRES the caller to hold an open StoreWrite on the store.
//
// "In step" is a replay of the stored decisions, rebuilt whenever another
// process has written since the clusterer was last built. The replay reads
// each article's analysis from the signals kept with it
// (pipeline/cluster_signals.h), written in the same unit as the article's
// story, so it analyses only articles whose signals are missing or were made
// by another build (and keeps theirs, once). Persisting the clusterer's whole
// state (issue 13) would replace the replay itself.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>

#include "analyze/analyze.h"
#include "cluster/cluster.h"
#include "core/status.h"
#include "store/store.h"

namespace newsfuse {

// What a Sync did beyond replaying.
struct SyncOutcome {
  // Articles found in no story (left by an interrupted run of an older
  // build that stored articles before clustering them), clustered now.
  int64_t recovered = 0;
  // Stored articles analysed again because no signals of this build were
  // kept with them (a store written by an older build, or a new analyser).
  int64_t reanalysed = 0;
};

class StoryAssigner {
 public:
  // `store` must outlive the assigner.
  StoryAssigner(Store& store, AnalyzeOptions analyze, ClusterOptions cluster);
  ~StoryAssigner();

  // Brings the clusterer in step with the store: rebuilt from it on first use
  // and whenever another process has committed since the last Sync, else
  // kept. An article the replay finds in no story is clustered and assigned
  // where it stands in ingest order.
  Result<SyncOutcome> Sync();

  // Clusters a stored article (after the ones already seen) and records the
  // decision: its story and copy mark, the move of every article of a story
  // its arrival merged into another, and its signals.
  Status Assign(const AnnotatedArticle& article);

  // After the caller's write rolled back, the clusterer holds decisions the
  // store does not: drop it, so the next Sync rebuilds it.
  void Forget();

 private:
  Status Decide(const AnnotatedArticle& article);

  Store& store_;
  AnalyzeOptions analyze_;
  ClusterOptions cluster_options_;
  std::string analyser_;  // ClusterSignalsAnalyser()
  std::unique_ptr<StoryClusterer> clusterer_;
  std::optional<int64_t> seen_version_;  // Store::DataVersion() the clusterer reflects
};

}  // namespace newsfuse
