// The ingest step shared by `newsfuse ingest` and `newsfuse digest`: runs the
// pipeline's ingest, prints each bad page as it is met, a progress line on a
// terminal, and the closing "ingested / duplicate / failed" summary.
#pragma once

#include <string>
#include <vector>

#include "pipeline/pipeline.h"

namespace newsfuse::cli {

// Returns the pipeline's result; the caller turns failures into exit codes
// (a summary with failed > 0 means exit 2 once the rest is done).
Result<IngestSummary> RunIngest(Pipeline& pipeline, const std::vector<std::string>& sources);

}  // namespace newsfuse::cli
