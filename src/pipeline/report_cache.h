// The report cache: a story's fused report is kept in the store with the
// story's version (Store::StoryVersion) and the name of what built it, so a
// report is analysed and fused once per change of its story, not once per
// read.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/records.h"
#include "core/status.h"
#include "fuse/fuse.h"
#include "store/store.h"

namespace newsfuse {

// Names what builds a report: the report schema, the build id of the
// analysis, fusion and rendering sources (ReportBuildId, build_ids.h: any
// edit to them gives a new one, so a report cached by an older build is
// rebuilt on its next read) and the fusion options, so a report made with
// other options (a longer summary) is never served for these.
std::string ReportBuilderId(const FuseOptions& options);

// How Pipeline::Report got its report, for callers that cache elsewhere or
// time it.
struct ReportOrigin {
  bool from_cache = false;
  // Built now and kept in the store the pipeline reads (false for a
  // read-only store: the caller may save it through a writable one).
  bool saved = false;
  // The story version the report was built from; 0 when the story has none.
  int64_t story_version = 0;
};

// Caches `report`, built from `story_version` by `builder`, in `store`.
// False when the story changed meanwhile (nothing is kept).
// Its Markdown (RenderMarkdown) is cached with it.
Result<bool> SaveReport(Store& store, const StoryReport& report, int64_t story_version,
                        const std::string& builder);

// The Markdown cached with the story's current report by `builder`, nullopt
// when there is none: the caller builds the report (Pipeline::Report).
Result<std::optional<std::string>> CachedMarkdown(Store& store, const std::string& story_id,
                                                  const std::string& builder);

}  // namespace newsfuse
