#include "pipeline/pipeline.h"

#include <algorithm>
#include <utility>

namespace newsfuse {

Result<Article> ExtractPage(const RawPage& page, const ExtractOptions& options) {
  auto article = ExtractArticle(page, options);
  if (!article.ok()) return article;
  article->id = PageId(page);
  article->locator = page.locator;
  return article;
}

Pipeline::Pipeline(Store& store, PipelineOptions options)
    : store_(store), options_(std::move(options)) {}

// The clusterer is rebuilt from the store's own decisions before new articles
// are added, so a run that adds ten articles to a store of a thousand sees
// the same stories a single long run would have. Replaying costs one
// analysis per stored article; persisting story centroids removes that cost
// (issue 5) without changing this contract.
Status Pipeline::RestoreClusters(StoryClusterer& clusterer) {
  Status failure;
  Status walk = store_.ForEachArticle([&](Article&& article) {
    if (!failure.ok()) return;
    auto story = store_.StoryOf(article.id);
    if (!story.ok()) {
      if (story.status().code() != Status::Code::kNotFound) failure = story.status();
      return;
    }
    clusterer.Restore(*story, Analyze(std::move(article), options_.analyze));
  });
  return walk.ok() ? failure : walk;
}

Status Pipeline::ClusterNew(StoryClusterer& clusterer, const std::vector<Article>& fresh) {
  for (const Article& article : fresh) {
    const std::string story_id = clusterer.Add(Analyze(article, options_.analyze));
    // A copy is recorded with its original, so `stories` and the report can
    // tell independent reporting from a reprint.
    const std::string& copy_of = clusterer.last_decision().copy_of;
    if (Status s = store_.AssignToStory(story_id, article.id, copy_of); !s.ok()) return s;
    // A bridge article showed two stories are one: the clusterer has merged
    // them in memory, and the store must agree, or the next run's replay and
    // `newsfuse stories` would still show two.
    for (const std::string& merged : clusterer.last_decision().merged) {
      auto old = store_.GetStory(merged);
      if (!old.ok()) {
        if (old.status().code() == Status::Code::kNotFound) continue;  // never stored: nothing to move
        return old.status();
      }
      for (const std::string& id : old->article_ids) {
        // A move: the store keeps each article's copy mark.
        if (Status s = store_.AssignToStory(story_id, id); !s.ok()) return s;
      }
    }
  }
  return Status::Ok();
}

Result<IngestSummary> Pipeline::Ingest(const std::vector<std::string>& sources,
                                       const IngestCallbacks& callbacks) {
  IngestSummary summary;
  std::vector<Article> batch;
  std::vector<Article> fresh;  // stored by this run, still to be clustered
  Status store_failure;

  auto report_error = [&](const Status& s) {
    ++summary.failed;
    if (callbacks.on_error) callbacks.on_error(s);
  };
  auto record = [&](Article& article, PutOutcome outcome) {
    if (outcome == PutOutcome::kInserted) {
      ++summary.ingested;
      fresh.push_back(std::move(article));
    } else {
      ++summary.duplicates;
    }
  };
  auto flush = [&]() {
    if (batch.empty() || !store_failure.ok()) return;
    auto outcomes = store_.PutArticles(batch);
    if (outcomes.ok()) {
      for (size_t i = 0; i < batch.size(); ++i) record(batch[i], (*outcomes)[i]);
    } else if (outcomes.status().code() == Status::Code::kBadInput) {
      // One article the store refused rolls back the whole batch; write the
      // batch again one article at a time so only the bad one is lost.
      for (Article& article : batch) {
        auto one = store_.PutArticles({article});
        if (one.ok()) {
          record(article, one->front());
        } else if (one.status().code() == Status::Code::kBadInput) {
          report_error(one.status());
        } else {
          store_failure = one.status();
          break;
        }
      }
    } else {
      store_failure = outcomes.status();
    }
    batch.clear();
    if (callbacks.on_progress) callbacks.on_progress(summary);
  };

  // A field cut to its cap is told to the user but is not a failed page.
  ExtractOptions extract = options_.extract;
  if (!extract.on_warning) extract.on_warning = callbacks.on_error;
  Status read = ReadSources(
      sources, options_.ingest,
      [&](RawPage&& page) {
        ++summary.pages;
        auto article = ExtractPage(page, extract);
        if (!article.ok()) return report_error(article.status());
        summary.article_ids.push_back(article->id);
        batch.push_back(std::move(article).value());
        if (batch.size() >= options_.batch_size) flush();
      },
      report_error);
  flush();
  if (!store_failure.ok()) return store_failure;
  if (!read.ok()) report_error(read);

  if (!fresh.empty()) {
    StoryClusterer clusterer(options_.cluster);
    if (Status s = RestoreClusters(clusterer); !s.ok()) return s;
    if (Status s = ClusterNew(clusterer, fresh); !s.ok()) return s;
  }
  return summary;
}

Result<StoryReport> Pipeline::Report(const std::string& story_id) {
  auto story = store_.GetStory(story_id);
  if (!story.ok()) return story.status();
  std::vector<AnnotatedArticle> articles;
  articles.reserve(story->article_ids.size());
  for (const auto& id : story->article_ids) {
    auto article = store_.GetArticle(id);
    if (!article.ok()) return article.status();
    articles.push_back(Analyze(std::move(article).value(), options_.analyze));
  }
  return FuseStory(*story, articles, options_.fuse);
}

}  // namespace newsfuse
