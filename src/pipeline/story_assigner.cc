#include "pipeline/story_assigner.h"

#include <string>
#include <utility>

namespace newsfuse {

StoryAssigner::StoryAssigner(Store& store, AnalyzeOptions analyze, ClusterOptions cluster)
    : store_(store), analyze_(analyze), cluster_options_(cluster) {}

StoryAssigner::~StoryAssigner() = default;

void StoryAssigner::Forget() {
  clusterer_.reset();
  seen_version_.reset();
}

Result<int64_t> StoryAssigner::Sync() {
  auto version = store_.DataVersion();
  if (!version.ok()) return version.status();
  if (clusterer_ && seen_version_ == *version) return int64_t{0};

  // The replay makes a run that adds ten articles to a store of a thousand
  // see the same stories a single long run would have. It costs one analysis
  // per stored article (issue 13 removes that cost, not this contract).
  Forget();
  clusterer_ = std::make_unique<StoryClusterer>(cluster_options_);
  int64_t recovered = 0;
  Status failure;
  Status walk = store_.ForEachArticle([&](Article&& article) {
    if (!failure.ok()) return;
    auto story = store_.StoryOf(article.id);
    if (story.ok()) {
      clusterer_->Restore(*story, Analyze(std::move(article), analyze_));
    } else if (story.status().code() == Status::Code::kNotFound) {
      // Decided now, in its place in ingest order, as the interrupted run
      // would have decided it.
      failure = Decide(Analyze(std::move(article), analyze_));
      ++recovered;
    } else {
      failure = story.status();
    }
  });
  if (!walk.ok() || !failure.ok()) {
    Forget();
    return walk.ok() ? failure : walk;
  }
  seen_version_ = *version;
  return recovered;
}

Status StoryAssigner::Assign(const AnnotatedArticle& article) {
  if (!clusterer_) return Status::Usage("StoryAssigner::Assign before Sync");
  Status s = Decide(article);
  if (!s.ok()) Forget();
  return s;
}

Status StoryAssigner::Decide(const AnnotatedArticle& article) {
  const std::string story_id = clusterer_->Add(article);
  const ClusterDecision& decision = clusterer_->last_decision();
  // A copy is recorded with its original, so `stories` and the report can
  // tell independent reporting from a reprint.
  if (Status s = store_.AssignToStory(story_id, article.article.id, decision.copy_of); !s.ok()) {
    return s;
  }
  // A bridge article showed two stories are one: the clusterer has merged
  // them in memory, and the store must agree, or the next replay and
  // `newsfuse stories` would still show two.
  for (const std::string& merged : decision.merged) {
    auto old = store_.GetStory(merged);
    if (!old.ok()) {
      if (old.status().code() == Status::Code::kNotFound)
        continue;  // never stored: nothing to move
      return old.status();
    }
    for (const std::string& id : old->article_ids) {
      // A move: the store keeps each article's copy mark.
      if (Status s = store_.AssignToStory(story_id, id); !s.ok()) return s;
    }
  }
  return Status::Ok();
}

}  // namespace newsfuse
