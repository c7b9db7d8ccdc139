#include "pipeline/pipeline.h"

#include <time.h>

#include <optional>
#include <utility>

#include "pipeline/story_assigner.h"
#include "render/render.h"

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

Pipeline::~Pipeline() = default;

namespace {

// Adds the CPU time of its scope on this thread to a counter of seconds: on
// a shared machine wall time also counts the waits for a core.
class Stopwatch {
 public:
  explicit Stopwatch(double& total) : total_(total), start_(ThreadSeconds()) {}
  ~Stopwatch() { total_ += ThreadSeconds() - start_; }
  Stopwatch(const Stopwatch&) = delete;
  Stopwatch& operator=(const Stopwatch&) = delete;

 private:
  static double ThreadSeconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
  }
  double& total_;
  double start_;
};

// One batch read from the sources, with the analysis of each article the
// store did not yet hold when the batch was read.
struct Batch {
  std::vector<Article> articles;
  std::vector<std::optional<AnnotatedArticle>> analyses;  // parallel to articles
};

// Stores a batch and assigns its new articles to stories as ONE store write,
// after bringing the clusterer in step with the store under the same lock.
// Counts into `summary` only what was committed.
class BatchWriter {
 public:
  BatchWriter(Store& store, StoryAssigner& assigner, const AnalyzeOptions& analyze,
              IngestSummary& summary, const std::function<void(const Status&)>& report_error)
      : store_(store),
        assigner_(assigner),
        analyze_(analyze),
        summary_(summary),
        report_error_(report_error) {}

  Status Write(Batch& batch) {
    auto write = store_.BeginWrite();
    if (!write.ok()) return write.status();
    Status status = WriteLocked(batch, **write);
    // A rolled-back write leaves the clusterer ahead of the store.
    if (!status.ok()) assigner_.Forget();
    return status;
  }

 private:
  Status WriteLocked(Batch& batch, StoreWrite& write) {
    IngestTimes& times = summary_.times;
    Result<SyncOutcome> synced = SyncOutcome{};
    {
      Stopwatch watch(times.restore);
      synced = assigner_.Sync();
    }
    if (!synced.ok()) return synced.status();

    // The store's answer per article; nullopt for one it refused.
    std::vector<std::optional<PutOutcome>> outcomes(batch.articles.size());
    std::vector<Status> refused;
    std::optional<Stopwatch> put_watch(std::in_place, times.put);
    auto put = store_.PutArticles(batch.articles);
    if (put.ok()) {
      for (size_t i = 0; i < put->size(); ++i) outcomes[i] = (*put)[i];
    } else if (put.status().code() == Status::Code::kBadInput) {
      // One article the store refused undoes the batch's articles (not the
      // unit); write them again one at a time so only the bad one is lost.
      for (size_t i = 0; i < batch.articles.size(); ++i) {
        auto one = store_.PutArticles({batch.articles[i]});
        if (one.ok()) {
          outcomes[i] = one->front();
        } else if (one.status().code() == Status::Code::kBadInput) {
          refused.push_back(one.status());
        } else {
          return one.status();
        }
      }
    } else {
      return put.status();
    }
    put_watch.reset();

    std::optional<Stopwatch> assign_watch(std::in_place, times.assign);
    int64_t ingested = 0, duplicates = 0, undated = 0;
    for (size_t i = 0; i < batch.articles.size(); ++i) {
      if (!outcomes[i]) continue;
      if (*outcomes[i] == PutOutcome::kDuplicate) {
        ++duplicates;
        continue;
      }
      ++ingested;
      if (!batch.articles[i].published) ++undated;
      // Analysed ahead: every article absent at the check was, and stored
      // articles are never deleted. The fallback only keeps this local.
      if (!batch.analyses[i]) batch.analyses[i] = Analyze(batch.articles[i], analyze_);
      if (Status s = assigner_.Assign(*batch.analyses[i]); !s.ok()) return s;
    }
    assign_watch.reset();
    {
      // The clusterer's state goes into the same unit as the articles it
      // describes: a crash leaves both or neither.
      Stopwatch watch(times.commit);
      if (Status s = assigner_.SaveState(); !s.ok()) return s;
      if (Status s = write.Commit(); !s.ok()) return s;
    }

    summary_.recovered += synced->recovered;
    summary_.reanalysed += synced->reanalysed;
    if (!synced->state_rebuilt.empty()) summary_.state_rebuilt = synced->state_rebuilt;
    if (std::string why = assigner_.TakeStateRebuilt(); !why.empty()) summary_.state_rebuilt = why;
    summary_.ingested += ingested;
    summary_.duplicates += duplicates;
    summary_.undated += undated;
    for (const Status& s : refused) report_error_(s);
    return Status::Ok();
  }

  Store& store_;
  StoryAssigner& assigner_;
  const AnalyzeOptions& analyze_;
  IngestSummary& summary_;
  const std::function<void(const Status&)>& report_error_;
};

}  // namespace

Result<IngestSummary> Pipeline::Ingest(const std::vector<std::string>& sources,
                                       const IngestCallbacks& callbacks) {
  return IngestFrom(
      [&](const PageCallback& on_page, const PageErrorCallback& on_error, IngestStats* stats) {
        return ReadSources(sources, options_.ingest, on_page, on_error, stats);
      },
      callbacks);
}

Result<IngestSummary> Pipeline::IngestFrom(const PageReader& read,
                                           const IngestCallbacks& callbacks) {
  IngestSummary summary;
  Batch batch;
  Status store_failure;
  if (!assigner_) {
    assigner_ = std::make_unique<StoryAssigner>(store_, options_.analyze, options_.cluster);
  }
  StoryAssigner& assigner = *assigner_;

  const std::function<void(const Status&)> report_error = [&](const Status& s) {
    ++summary.failed;
    if (callbacks.on_error) callbacks.on_error(s);
  };
  BatchWriter writer(store_, assigner, options_.analyze, summary, report_error);

  // Whatever writes first finishes what an interrupted run left: articles
  // stored in no story are clustered before anything new arrives.
  auto unassigned = store_.CountUnassigned();
  if (!unassigned.ok()) return unassigned.status();
  if (*unassigned > 0) {
    if (Status s = writer.Write(batch); !s.ok()) return s;
  }

  auto flush = [&]() {
    if (batch.articles.empty() || !store_failure.ok()) return;
    // Analysis is the slow part of a batch and needs no lock: it is done
    // before the write, for the articles the store does not hold yet. A batch
    // of articles all stored before (a re-run) takes no lock at all.
    bool any_new = false;
    batch.analyses.assign(batch.articles.size(), std::nullopt);
    for (size_t i = 0; i < batch.articles.size(); ++i) {
      auto known = store_.HasArticle(batch.articles[i].id);
      if (!known.ok()) {
        store_failure = known.status();
        return;
      }
      if (*known) continue;
      any_new = true;
      Stopwatch watch(summary.times.analyze);
      batch.analyses[i] = Analyze(batch.articles[i], options_.analyze);
    }
    if (any_new) {
      store_failure = writer.Write(batch);
    } else {
      summary.duplicates += static_cast<int64_t>(batch.articles.size());
    }
    batch = Batch{};
    if (callbacks.on_progress) callbacks.on_progress(summary);
  };

  // A field cut to its cap is told to the user but is not a failed page.
  ExtractOptions extract = options_.extract;
  if (!extract.on_warning) extract.on_warning = callbacks.on_error;
  Status read_status = read(
      [&](RawPage&& page) {
        ++summary.pages;
        auto article = ExtractPage(page, extract);
        if (!article.ok()) return report_error(article.status());
        summary.article_ids.push_back(article->id);
        batch.articles.push_back(std::move(article).value());
        if (batch.articles.size() >= options_.batch_size) flush();
      },
      report_error, &summary.input);
  flush();
  if (!store_failure.ok()) return store_failure;
  if (!read_status.ok()) report_error(read_status);
  return summary;
}

Result<StoryReport> Pipeline::Report(const std::string& story_id, ReportOrigin* origin) {
  ReportOrigin local;
  ReportOrigin& how = origin ? *origin : local;
  how = ReportOrigin{};
  const std::string builder = ReportBuilderId(options_.fuse);
  // A story that never had a version (none of its articles stored yet) has
  // no cache either; GetStory below says it does not exist.
  auto version = store_.StoryVersion(story_id);
  if (!version.ok() && version.status().code() != Status::Code::kNotFound) {
    return version.status();
  }
  if (version.ok()) {
    how.story_version = *version;
    auto cached = store_.GetCachedReport(story_id, builder);
    if (!cached.ok()) return cached.status();
    if (*cached) {
      auto report = ParseReportJson(**cached);
      // A cached report that no longer parses is rebuilt, never served.
      if (report.ok()) {
        how.from_cache = true;
        return report;
      }
    }
  }

  auto story = store_.GetStory(story_id);
  if (!story.ok()) return story.status();
  std::vector<AnnotatedArticle> articles;
  articles.reserve(story->article_ids.size());
  for (const auto& id : story->article_ids) {
    auto article = store_.GetArticle(id);
    if (!article.ok()) return article.status();
    articles.push_back(Analyze(std::move(article).value(), options_.analyze));
  }
  StoryReport report = FuseStory(*story, articles, options_.fuse);
  if (version.ok()) {
    // Caching is an optimisation: a store that refuses it (read-only, busy)
    // still gets its report.
    auto saved = SaveReport(store_, report, *version, builder);
    how.saved = saved.ok() && *saved;
  }
  return report;
}

std::string Pipeline::ReportBuilder() const { return ReportBuilderId(options_.fuse); }

}  // namespace newsfuse
