// The `newsfuse` subcommands. Each Register* adds one subcommand to the app
// and returns the exit code of its run through `exit_code` (0 ok, 1 usage,
// 2 bad input, 3 store error), so main() stays a table of contents.
#pragma once

#include <CLI/CLI.hpp>
#include <algorithm>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/status.h"
#include "pipeline/pipeline.h"
#include "store/store.h"

namespace newsfuse::cli {

void RegisterDigest(CLI::App& app, int& exit_code);
void RegisterIngest(CLI::App& app, int& exit_code);
void RegisterStories(CLI::App& app, int& exit_code);
void RegisterStory(CLI::App& app, int& exit_code);
void RegisterSearch(CLI::App& app, int& exit_code);
void RegisterExtract(CLI::App& app, int& exit_code);
void RegisterAnalyze(CLI::App& app, int& exit_code);
// `serve` runs the newsfuse-serve binary (serve_exec.cc), which AddServe
// builds: the HTTP server's libraries load only when serving.
void RegisterServe(CLI::App& app, int& exit_code);
void AddServe(CLI::App& cmd, int& exit_code);
// Scale-out over Redis Streams and PostgreSQL (docs/deploy.md).
void RegisterEnqueue(CLI::App& app, int& exit_code);
void RegisterWorker(CLI::App& app, int& exit_code);
void RegisterClusterWorker(CLI::App& app, int& exit_code);

// Shared by the commands that read or write a store.
struct StoreFlags {
  std::string db = DefaultDatabasePath();
  void Add(CLI::App& cmd) {
    cmd.add_option("--db", db,
                   "SQLite file or postgres://user@host/db URI (default: $NEWSFUSE_DB or "
                   "./newsfuse.db)");
  }
};

// Shared by the commands that cluster (ingest, digest).
struct ClusterFlags {
  double dormant_after_days = ClusterOptions{}.dormant_after_days;
  void Add(CLI::App& cmd) {
    cmd.add_option("--dormant-after", dormant_after_days,
                   "Days without a new article after which a story leaves the live index "
                   "(it can still be revived)")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
  }
  void ApplyTo(PipelineOptions& options) const {
    options.cluster.dormant_after_days = dormant_after_days;
  }
};

// Shared by the commands that print reports (story, digest). The default
// summary stays short (5-8 sentences); a reader asking for N words gets
// sentences up to about N words, as many as the story has to give.
struct SummaryFlags {
  int summary_words = 0;  // 0: the default sentence bounds
  void Add(CLI::App& cmd) {
    cmd.add_option("--summary-words", summary_words,
                   "Summary length in words (default: 5 to 8 sentences)")
        ->check(CLI::Range(10, 5000));
  }
  void ApplyTo(PipelineOptions& options) const {
    if (summary_words <= 0) return;
    options.fuse.max_summary_words = summary_words;
    options.fuse.min_summary_sentences = 1;
    // Room for the budget in sentences of ~8 words or more; the budget,
    // not the count, ends the summary.
    options.fuse.max_summary_sentences =
        std::max(options.fuse.max_summary_sentences, summary_words / 8);
  }
};

// Prints "newsfuse: <message>" on stderr and returns the Status's exit code.
int Fail(const Status& status);

Result<std::unique_ptr<Store>> OpenStore(const std::string& path, bool read_only);

// True when stderr is a terminal: progress lines go there, never into pipes.
bool ProgressWanted();

// For the commands that show a stage's output without storing it (extract,
// analyze): reads every page the sources hold, extracts it and hands the
// article to `show`. A source or page that fails is reported and the rest go
// on. Returns the worst exit code seen, 0 when every page gave an article.
int ForEachExtracted(const std::vector<std::string>& sources,
                     const std::function<void(Article&&)>& show);

}  // namespace newsfuse::cli
