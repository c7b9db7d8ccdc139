#include "pipeline/story_assigner.h"

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "pipeline/cluster_signals.h"

namespace newsfuse {

StoryAssigner::StoryAssigner(Store& store, AnalyzeOptions analyze, ClusterOptions cluster)
    : store_(store),
      analyze_(analyze),
      cluster_options_(cluster),
      analyser_(ClusterSignalsAnalyser()),
      state_builder_(ClusterStateBuilder()) {}

StoryAssigner::~StoryAssigner() = default;

void StoryAssigner::Forget() {
  clusterer_.reset();
  seen_version_.reset();
  rebuilt_.clear();
}

std::string StoryAssigner::TakeStateRebuilt() { return std::exchange(rebuilt_, std::string()); }

Result<SyncOutcome> StoryAssigner::Sync() {
  auto version = store_.DataVersion();
  if (!version.ok()) return version.status();
  if (clusterer_ && seen_version_ == *version) return SyncOutcome{};

  // The state loaded or replayed makes a run that adds ten articles to a
  // store of a thousand see the same stories a single long run would have.
  Forget();
  SyncOutcome outcome;
  if (store_.KeepsClusterState()) {
    auto loaded = LoadState(outcome.state_rebuilt);
    if (!loaded.ok()) {
      Forget();
      return loaded.status();
    }
    if (*loaded) {
      seen_version_ = *version;
      return outcome;
    }
  }
  // A new clusterer: its first SaveState writes the whole state.
  clusterer_ = std::make_unique<StoryClusterer>(cluster_options_);
  Status failure;
  // Signals recomputed now, written after the walk rather than into the
  // table it reads.
  std::vector<std::pair<std::string, std::string>> refreshed;
  Status walk = store_.ForEachStoredArticle([&](StoredArticle&& stored) {
    if (!failure.ok()) return;
    std::optional<AnnotatedArticle> analysed;
    if (stored.signals_by == analyser_) {
      auto decoded = DecodeClusterSignals(stored.article, stored.signals);
      if (decoded.ok()) analysed = std::move(decoded).value();
    }
    if (!analysed) {
      analysed = Analyze(std::move(stored.article), analyze_);
      ++outcome.reanalysed;
      refreshed.emplace_back(analysed->article.id, EncodeClusterSignals(*analysed));
    }
    if (!stored.story_id.empty()) {
      clusterer_->Restore(stored.story_id, *analysed);
    } else {
      // Decided now, in its place in ingest order, as the interrupted run
      // would have decided it.
      failure = Decide(*analysed);
      ++outcome.recovered;
    }
  });
  for (const auto& [id, signals] : refreshed) {
    if (!walk.ok() || !failure.ok()) break;
    failure = store_.PutArticleSignals(id, analyser_, signals);
  }
  if (!walk.ok() || !failure.ok()) {
    Forget();
    return walk.ok() ? failure : walk;
  }
  seen_version_ = *version;
  return outcome;
}

Result<bool> StoryAssigner::LoadState(std::string& why) {
  // Left by an interrupted run of a build that stored articles before
  // clustering them: the replay clusters them in their place.
  auto unassigned = store_.CountUnassigned();
  if (!unassigned.ok()) return unassigned.status();
  if (*unassigned > 0) {
    why = "articles in no story to recover";
    return false;
  }
  auto articles = store_.CountArticles();
  if (!articles.ok()) return articles.status();
  auto loaded = LoadKeptClusterer(store_, cluster_options_, state_builder_, *articles, why);
  if (!loaded.ok()) return loaded.status();
  clusterer_ = std::move(loaded).value();
  return clusterer_ != nullptr;
}

namespace {

// The store as the source of the kept rows a clusterer reads on demand. Its
// callers hold the store's write lock while the clusterer decides, so what
// it reads is the state it loaded plus what it wrote since.
class StoreStateSource : public ClusterStateSource {
 public:
  explicit StoreStateSource(Store& store) : store_(store) {}
  bool Read(const std::vector<std::string>& keys,
            std::vector<std::pair<std::string, std::string>>& rows, std::string& why) override {
    auto read = store_.GetClusterStateRows(keys);
    if (!read.ok()) {
      why = read.status().ToString();
      return false;
    }
    rows = std::move(read).value();
    return true;
  }
  bool Remote() const override { return store_.ReadsAreRoundTrips(); }

 private:
  Store& store_;
};

}  // namespace

Result<std::unique_ptr<StoryClusterer>> LoadKeptClusterer(Store& store,
                                                          const ClusterOptions& options,
                                                          std::string_view builder,
                                                          int64_t expected, std::string& why) {
  auto rows = store.GetClusterStateExcept(StoryClusterer::OnDemandStatePrefixes());
  if (!rows.ok()) return rows.status();
  if (rows->empty()) {
    // A new store: nothing to load or replay.
    if (expected == 0) return std::make_unique<StoryClusterer>(options);
    why = "no clusterer state kept (a store written by an older build)";
    return std::unique_ptr<StoryClusterer>();
  }
  auto clusterer = std::make_unique<StoryClusterer>(options);
  if (!clusterer->LoadState(*rows, builder, &why, std::make_unique<StoreStateSource>(store))) {
    return std::unique_ptr<StoryClusterer>();
  }
  // Committed with the stories it describes, so the counts agree unless
  // something wrote stories without the state (which no build of this
  // schema does).
  if (clusterer->arrivals() != static_cast<uint64_t>(expected)) {
    why = "the clusterer's state describes " + std::to_string(clusterer->arrivals()) +
          " articles, the stories hold " + std::to_string(expected);
    return std::unique_ptr<StoryClusterer>();
  }
  return clusterer;
}

Status StoryAssigner::SaveState() {
  if (!clusterer_) return Status::Usage("StoryAssigner::SaveState before Sync");
  if (!store_.KeepsClusterState()) return Status::Ok();
  const ClusterStateChanges changes = clusterer_->TakeStateChanges(state_builder_);
  Status s = store_.PutClusterState(changes.put, changes.erase, changes.full);
  if (!s.ok()) Forget();
  return s;
}

Status StoryAssigner::Assign(const AnnotatedArticle& article) {
  if (!clusterer_) return Status::Usage("StoryAssigner::Assign before Sync");
  Status s = Decide(article);
  // In the same unit as the story, so a replay finds the signals of every
  // article it finds in a story.
  if (s.ok())
    s = store_.PutArticleSignals(article.article.id, analyser_, EncodeClusterSignals(article));
  if (!s.ok()) Forget();
  return s;
}

Status StoryAssigner::Decide(const AnnotatedArticle& article) {
  std::string why;
  Status s =
      DecideStoryOrReplay(clusterer_, store_, article, cluster_options_, analyze_, analyser_, why);
  if (!why.empty()) rebuilt_ = why;
  return s;
}

Result<std::unique_ptr<StoryClusterer>> ReplayStoredStories(Store& store,
                                                            const ClusterOptions& options,
                                                            const AnalyzeOptions& analyze,
                                                            std::string_view analyser,
                                                            int64_t* restored) {
  auto clusterer = std::make_unique<StoryClusterer>(options);
  int64_t count = 0;
  Status walk = store.ForEachStoredArticle([&](StoredArticle&& stored) {
    if (stored.story_id.empty()) return;
    std::optional<AnnotatedArticle> analysed;
    if (stored.signals_by == analyser) {
      auto decoded = DecodeClusterSignals(stored.article, stored.signals);
      if (decoded.ok()) analysed = std::move(decoded).value();
    }
    if (!analysed) analysed = Analyze(std::move(stored.article), analyze);
    clusterer->Restore(stored.story_id, *analysed);
    ++count;
  });
  if (!walk.ok()) return walk;
  if (restored) *restored = count;
  return clusterer;
}

Status DecideStoryOrReplay(std::unique_ptr<StoryClusterer>& clusterer, Store& store,
                           const AnnotatedArticle& article, const ClusterOptions& options,
                           const AnalyzeOptions& analyze, std::string_view analyser,
                           std::string& why) {
  Status s = DecideStory(*clusterer, store, article);
  if (s.ok() || !clusterer->kept_state_corrupt()) return s;
  // DecideStory fails before its first write, so the replay sees the store
  // as this decision found it.
  why = "a kept row of the clusterer's state is corrupt (" + clusterer->state_read_error() +
        "); replayed the stored stories";
  clusterer.reset();
  auto replayed = ReplayStoredStories(store, options, analyze, analyser);
  if (!replayed.ok()) return replayed.status();
  clusterer = std::move(replayed).value();
  return DecideStory(*clusterer, store, article);
}

Status DecideStory(StoryClusterer& clusterer, Store& store, const AnnotatedArticle& article) {
  const std::string story_id = clusterer.Add(article);
  // A decision made without the kept rows it needed is not one long run's.
  if (!clusterer.state_read_error().empty()) {
    return Status::StoreError("clustering " + article.article.id + ": " +
                              clusterer.state_read_error());
  }
  const ClusterDecision& decision = clusterer.last_decision();
  // A copy is recorded with its original, so `stories` and the report can
  // tell independent reporting from a reprint.
  if (Status s = store.AssignToStory(story_id, article.article.id, decision.copy_of); !s.ok()) {
    return s;
  }
  // A bridge article showed two stories are one: the clusterer has merged
  // them in memory, and the store must agree, or the next replay and
  // `newsfuse stories` would still show two.
  for (const std::string& merged : decision.merged) {
    auto old = store.GetStory(merged);
    if (!old.ok()) {
      if (old.status().code() == Status::Code::kNotFound)
        continue;  // never stored: nothing to move
      return old.status();
    }
    for (const std::string& id : old->article_ids) {
      // A move: the store keeps each article's copy mark.
      if (Status s = store.AssignToStory(story_id, id); !s.ok()) return s;
    }
  }
  return Status::Ok();
}

}  // namespace newsfuse
