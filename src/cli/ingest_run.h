// The ingest step shared by `newsfuse ingest` and `newsfuse digest`: runs the
// pipeline's ingest, prints each bad page as it is met, a progress line (on a
// terminal, or when asked), and the closing "ingested / duplicate / failed"
// summary.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/pipeline.h"

namespace newsfuse::cli {

// --progress / --no-progress; neither means "when stderr is a terminal".
struct ProgressFlags {
  bool on = false;
  bool off = false;
  void Add(CLI::App& cmd) {
    auto* yes = cmd.add_flag("--progress", on,
                             "Show a progress line on stderr even when it is "
                             "not a terminal");
    auto* no = cmd.add_flag("--no-progress", off, "Never show the progress line");
    yes->excludes(no);
  }
  bool Wanted() const;
};

// Returns the pipeline's result; the caller turns failures into exit codes
// (a summary with failed > 0 means exit 2 once the rest is done). `store` is
// the pipeline's, read for the progress line's story count.
Result<IngestSummary> RunIngest(Pipeline& pipeline, Store& store,
                                const std::vector<std::string>& sources,
                                const ProgressFlags& progress);

}  // namespace newsfuse::cli
