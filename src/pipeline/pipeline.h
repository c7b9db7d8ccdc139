// Pipeline: the stages composed, for the CLI and the server.
//
// The stages are pure functions of their input; something has to decide the
// order they run in, batch writes, and keep the clusterer's memory in step
// with the store. That is this layer, and only this: it holds no heuristics of
// its own. Both front ends (src/cli, src/serve) call it, so a story is built
// the same way whichever one asks.
//
// Data flows one way:  sources ─ingest─► RawPage ─extract─► Article ─store─►
//   ─analyze─► AnnotatedArticle ─cluster─► Story ─store─►  …  ─fuse─► StoryReport
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "analyze/analyze.h"
#include "cluster/cluster.h"
#include "core/records.h"
#include "core/status.h"
#include "extract/extract.h"
#include "fuse/fuse.h"
#include "ingest/ingest.h"
#include "store/store.h"

namespace newsfuse {

struct PipelineOptions {
  IngestOptions ingest;
  ExtractOptions extract;
  AnalyzeOptions analyze;
  ClusterOptions cluster;
  FuseOptions fuse;
  // Articles written per store transaction: large enough to amortise the
  // commit (an fsync in WAL mode), small enough that a crash loses little.
  size_t batch_size = 256;
};

struct IngestSummary {
  int64_t pages = 0;       // pages read from the sources
  int64_t ingested = 0;    // new articles stored
  int64_t duplicates = 0;  // pages already in the store
  int64_t failed = 0;      // pages that could not be read or extracted
  // Ids of every article the sources contained, new or duplicate, in order:
  // what a caller needs to find "the stories of these files".
  std::vector<std::string> article_ids;
};

struct IngestCallbacks {
  // One bad page; also a warning about a page that was kept (its message
  // starts "warning: ", e.g. a metadata field cut to its cap), which is not
  // counted in IngestSummary::failed.
  std::function<void(const Status&)> on_error;
  std::function<void(const IngestSummary&)> on_progress;        // after each batch
};

// Extracts the article of one page and gives it the page's identity. The id
// belongs to the page, not to what extraction made of it: a better extractor
// must not turn an old page into a new article.
Result<Article> ExtractPage(const RawPage& page, const ExtractOptions& options);

class Pipeline {
 public:
  Pipeline(Store& store, PipelineOptions options = {});

  // Reads the sources, extracts and stores new articles, and assigns each new
  // article to a story. Bad pages are reported and skipped; the result is
  // non-ok only when the store fails (nothing of the failing batch is kept).
  Result<IngestSummary> Ingest(const std::vector<std::string>& sources,
                               const IngestCallbacks& callbacks = {});

  // The report of one story, built from its stored articles.
  Result<StoryReport> Report(const std::string& story_id);

 private:
  Status RestoreClusters(StoryClusterer& clusterer);
  Status ClusterNew(StoryClusterer& clusterer, const std::vector<Article>& fresh);

  Store& store_;
  PipelineOptions options_;
};

}  // namespace newsfuse
