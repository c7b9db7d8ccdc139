// What every ingest target checks of the pages ingest hands on (ingest.h):
// text pages are valid UTF-8 without a CR, no page is empty or larger
// than the cap, and every problem names where it happened.
#pragma once

#include "core/records.h"
#include "core/status.h"
#include "fuzz_input.h"
#include "ingest/ingest.h"

namespace newsfuse::fuzz {

inline void CheckPage(const RawPage& page, const IngestOptions& options) {
  Check(!page.content.empty(), "ingest handed on an empty page");
  Check(page.content.size() <= options.max_page_bytes, "ingest page over max_page_bytes");
  Check(!page.locator.empty(), "ingest page without a locator");
  if (page.format == PageFormat::kText) {
    Check(!FirstInvalidUtf8(page.content), "ingest text page is not UTF-8");
    Check(page.content.find('\r') == std::string::npos, "ingest text page keeps a CR");
  }
}

inline void CheckProblem(const Status& status) {
  Check(!status.ok(), "ingest reported an ok status as a problem");
  Check(!status.locator().empty(), "ingest problem without a locator");
}

// Reads `path` (whose extension picks the reader) with a small page cap, so
// the size checks are reached by inputs the fuzzer can make.
inline void IngestFile(const std::string& path) {
  IngestOptions options;
  options.max_page_bytes = 16u << 10;
  IngestStats stats;
  Status status = ReadSources(
      {path}, options, [&](RawPage&& page) { CheckPage(page, options); }, CheckProblem, &stats);
  Check(status.ok(), "an existing file reported as unopenable");
  Check(stats.files == 1, "one file, not counted once");
}

}  // namespace newsfuse::fuzz
