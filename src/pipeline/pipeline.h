// Pipeline: the stages composed, for the CLI and the server.
//
// The stages are pure functions of their input; something has to decide the
// order they run in, batch writes, and keep the clusterer's memory in step
// with the store. That is this layer, and only this: it holds no heuristics of
// its own. Every front end (src/cli and src/serve) calls it, so a story is built the same way
// whichever one asks.
//
// Data flows one way:  sources ─ingest─► RawPage ─extract─► Article ─store─►
//   ─analyze─► AnnotatedArticle ─cluster─► Story ─store─►  …  ─fuse─► StoryReport
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "analyze/analyze.h"
#include "cluster/cluster.h"
#include "core/records.h"
#include "core/status.h"
#include "extract/extract.h"
#include "fuse/fuse.h"
#include "ingest/ingest.h"
#include "pipeline/report_cache.h"
#include "store/store.h"

namespace newsfuse {

struct PipelineOptions {
  IngestOptions ingest;
  ExtractOptions extract;
  AnalyzeOptions analyze;
  ClusterOptions cluster;
  FuseOptions fuse;
  // Articles written per store transaction, with their story assignments:
  // large enough to amortise the commit (an fsync in WAL mode) and the wait
  // for the write lock, small enough that a crash loses little and another
  // writer waits little.
  size_t batch_size = 256;
};

// Where an ingest spent its CPU time, in seconds of the ingesting thread
// (bench/store/incremental prints it): what is not here is reading and
// extraction. Waits (for the write lock, for the disk) are not counted.
struct IngestTimes {
  double restore = 0;  // bringing the clusterer in step with the store
  double analyze = 0;  // analysing the new articles
  double put = 0;      // writing the new articles
  double assign = 0;   // clustering them and writing their stories
  double commit = 0;   // saving the clusterer's state and committing
};

struct IngestSummary {
  int64_t pages = 0;       // pages read from the sources
  int64_t ingested = 0;    // new articles stored
  int64_t duplicates = 0;  // pages already in the store
  int64_t failed = 0;      // pages that could not be read or extracted
  // Of `ingested`, the articles with no publication date: clustering and the
  // timeline cannot use time for them, and the user must be told.
  int64_t undated = 0;
  // Stored articles found in no story (left by an interrupted run of an older
  // build) and clustered by this run.
  int64_t recovered = 0;
  // Stored articles analysed again to restore the clusterer, because the
  // analysis kept with them was made by another build (or none was kept: a
  // store written before signals were kept). Their new analysis is kept, so
  // this happens once per change of the analyser.
  int64_t reanalysed = 0;
  // Why the clusterer's state was rebuilt by replaying the stored decisions
  // instead of loaded (made by another build, none kept yet); empty when it
  // was loaded. Rebuilt once: the rebuilt state is kept.
  std::string state_rebuilt;
  // What reading the sources saw (bytes read, skipped files), kept current
  // while the run goes on so on_progress can show it.
  IngestStats input;
  IngestTimes times;
  // Ids of every article the sources contained, new or duplicate, in order:
  // what a caller needs to find "the stories of these files".
  std::vector<std::string> article_ids;
};

struct IngestCallbacks {
  // One bad page; also a warning about a page that was kept (its message
  // starts "warning: ", e.g. a metadata field cut to its cap), which is not
  // counted in IngestSummary::failed.
  std::function<void(const Status&)> on_error;
  std::function<void(const IngestSummary&)> on_progress;  // after each batch
};

// Extracts the article of one page and gives it the page's identity. The id
// belongs to the page, not to what extraction made of it: a better extractor
// must not turn an old page into a new article.
Result<Article> ExtractPage(const RawPage& page, const ExtractOptions& options);

class StoryAssigner;

// Brings pages for Pipeline::IngestFrom: each page to `on_page`, each bad one
// to `on_error`, counting into `stats`; non-ok only when a source cannot be
// opened at all (as ReadSources).
using PageReader = std::function<Status(const PageCallback& on_page,
                                        const PageErrorCallback& on_error, IngestStats* stats)>;

class Pipeline {
 public:
  Pipeline(Store& store, PipelineOptions options = {});
  ~Pipeline();

  // Reads the sources, extracts and stores new articles, and assigns each new
  // article to a story, in read order. Bad pages are reported and skipped;
  // the result is non-ok only when the store fails.
  //
  // Crash consistency: each batch of articles is committed in one store
  // write together with its story assignments (and the moves of merged
  // stories), so an interruption at any point leaves every stored article in
  // a story; a failing batch leaves nothing of itself. Articles an older
  // build left in no story are clustered first (IngestSummary::recovered).
  //
  // Concurrency: the store's write lock is held from bringing the clusterer
  // in step with the store to committing the batch, so two processes
  // ingesting into one store take turns per batch, and each decides with
  // the stories the other wrote: the result is that of one run reading the
  // batches in the order they were committed.
  Result<IngestSummary> Ingest(const std::vector<std::string>& sources,
                               const IngestCallbacks& callbacks = {});
  // Ingest from pages a front end holds rather than files (the server's
  // request bodies), with everything else as above. The clusterer is kept
  // between calls on one Pipeline, so a long-lived caller replays the store
  // only when another process has written to it.
  Result<IngestSummary> IngestFrom(const PageReader& read, const IngestCallbacks& callbacks = {});

  // The report of one story. Served from the store's report cache when it
  // was built from the story's current version with these options; else
  // built from the stored articles and cached (when the store can be
  // written), so an unchanged story is analysed and fused once.
  Result<StoryReport> Report(const std::string& story_id, ReportOrigin* origin = nullptr);
  // What Report() names as the builder of the reports it caches.
  std::string ReportBuilder() const;

 private:
  Store& store_;
  PipelineOptions options_;
  std::unique_ptr<StoryAssigner> assigner_;  // made on first ingest
};

}  // namespace newsfuse
