#include "cli/ingest_run.h"

#include <chrono>
#include <cstdio>

#include "cli/command.h"

namespace newsfuse::cli {

Result<IngestSummary> RunIngest(Pipeline& pipeline, const std::vector<std::string>& sources) {
  const bool progress = ProgressWanted();
  const auto start = std::chrono::steady_clock::now();
  IngestCallbacks callbacks;
  callbacks.on_error = [&](const Status& s) {
    if (progress) std::fputs("\r\033[K", stderr);
    std::fprintf(stderr, "newsfuse: %s\n", s.ToString().c_str());
  };
  if (progress) {
    callbacks.on_progress = [&](const IngestSummary& sum) {
      const double secs =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      std::fprintf(stderr, "\r\033[K%lld pages, %.0f pages/s", static_cast<long long>(sum.pages),
                   secs > 0 ? static_cast<double>(sum.pages) / secs : 0.0);
    };
  }
  auto result = pipeline.Ingest(sources, callbacks);
  if (progress) std::fputs("\r\033[K", stderr);
  if (result.ok()) {
    if (result->recovered > 0) {
      std::fprintf(stderr, "recovered %lld articles left without a story by an interrupted run\n",
                   static_cast<long long>(result->recovered));
    }
    std::fprintf(stderr, "ingested %lld, duplicate %lld, failed %lld\n",
                 static_cast<long long>(result->ingested),
                 static_cast<long long>(result->duplicates),
                 static_cast<long long>(result->failed));
    if (result->undated > 0) {
      std::fprintf(stderr,
                   "undated: %lld of %lld new articles have no publication date (clustering and "
                   "the timeline cannot use time for them)\n",
                   static_cast<long long>(result->undated),
                   static_cast<long long>(result->ingested));
    }
  }
  return result;
}

}  // namespace newsfuse::cli
