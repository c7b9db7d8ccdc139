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
// by another build (and keeps theirs, once).
//
// A store that keeps the clusterer's state (Store::KeepsClusterState) spares
// even that: SaveState writes what the batch changed (stories touched, terms
// and fingerprints added) into the same unit as the batch's articles, and
// Sync loads it instead of replaying. The state is named by the build of the
// clusterer and its options: one kept by another is replayed and rewritten
// once (SyncOutcome::state_rebuilt says why), from the kept signals when
// only the clusterer changed.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

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
  // Why the clusterer's state was rebuilt by replaying the store rather than
  // loaded ("kept by another build", "none kept"); empty when it was loaded
  // or the store keeps none.
  std::string state_rebuilt;
};

// Clusters `article` after every article `clusterer` has seen and records
// the decision in `store`: the article's story and copy mark, and the move
// of every article of a story its arrival merged into another. The one
// decision of both `ingest` (StoryAssigner) and the queue's cluster-worker,
// so their stories cannot drift apart. REQUIRES an open StoreWrite on
// `store`; after a failure the clusterer is ahead of the store (Forget it).
Status DecideStory(StoryClusterer& clusterer, Store& store, const AnnotatedArticle& article);

// A clusterer rebuilt by replaying the stories stored so far (an open unit's
// included), in ingest order: each article from its kept signals when
// `analyser` made them, else analysed with `analyze`. Articles in no story
// are left out. `restored` (when given) counts the articles replayed. Its
// first TakeStateChanges gives the whole state. REQUIRES an open StoreWrite
// on `store`, or a lock that keeps other writers out.
Result<std::unique_ptr<StoryClusterer>> ReplayStoredStories(Store& store,
                                                            const ClusterOptions& options,
                                                            const AnalyzeOptions& analyze,
                                                            std::string_view analyser,
                                                            int64_t* restored = nullptr);

// DecideStory, except that when `clusterer` met a kept row it cannot decode
// (StoryClusterer::kept_state_corrupt) the state it loaded is unusable: it is
// replaced by ReplayStoredStories(store, options, analyze, analyser) (the
// articles of the open unit decided so far included) and the article decided
// again, with the reason in `why`. The
// rebuilt clusterer's next save rewrites the whole state, the corrupt row
// with it, in the same unit.
Status DecideStoryOrReplay(std::unique_ptr<StoryClusterer>& clusterer, Store& store,
                           const AnnotatedArticle& article, const ClusterOptions& options,
                           const AnalyzeOptions& analyze, std::string_view analyser,
                           std::string& why);

// The clusterer the store's kept state describes, when it describes exactly
// `expected` articles (those in a story); a new clusterer when the store
// keeps no state and `expected` is 0. nullptr, with the reason in `why`,
// when the store must be replayed instead. The one load of both `ingest`
// (StoryAssigner) and the queue's cluster-worker. REQUIRES an open
// StoreWrite on `store`, or a lock that keeps other writers out.
Result<std::unique_ptr<StoryClusterer>> LoadKeptClusterer(Store& store,
                                                          const ClusterOptions& options,
                                                          std::string_view builder,
                                                          int64_t expected, std::string& why);

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

  // Writes what the clusterer changed since the last save into the open
  // unit, so it commits with the batch (nothing when the store keeps no state).
  Status SaveState();

  // After the caller's write rolled back, the clusterer holds decisions the
  // store does not: drop it, so the next Sync rebuilds it.
  void Forget();

  // Why an Assign since the last call replaced the loaded state by a replay
  // (a kept row that does not decode), then empty again; empty when none did.
  std::string TakeStateRebuilt();

 private:
  Status Decide(const AnnotatedArticle& article);
  // Loads the kept state into a new clusterer; false (and why) when there is
  // none usable and the store must be replayed.
  Result<bool> LoadState(std::string& why);

  Store& store_;
  AnalyzeOptions analyze_;
  ClusterOptions cluster_options_;
  std::string analyser_;       // ClusterSignalsAnalyser()
  std::string state_builder_;  // ClusterStateBuilder()
  std::unique_ptr<StoryClusterer> clusterer_;
  std::optional<int64_t> seen_version_;  // Store::DataVersion() the clusterer reflects
  std::string rebuilt_;                  // TakeStateRebuilt
};

}  // namespace newsfuse
