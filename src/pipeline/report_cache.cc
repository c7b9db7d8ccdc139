#include "pipeline/report_cache.h"

#include <fmt/format.h>

#include "pipeline/build_ids.h"
#include "render/render.h"

namespace newsfuse {

std::string ReportBuilderId(const FuseOptions& options) {
  // Every field of FuseOptions changes the report, so all of them are named.
  return fmt::format(
      "report-schema={};builder={};summary-sentences={}-{};same-content={};"
      "summary-words={}",
      StoryReport::kSchemaVersion, ReportBuildId(), options.min_summary_sentences,
      options.max_summary_sentences, options.same_content_threshold, options.max_summary_words);
}

Result<bool> SaveReport(Store& store, const StoryReport& report, int64_t story_version,
                        const std::string& builder) {
  auto put = store.PutCachedReport(report.story_id, story_version, builder, report.headline,
                                   RenderJson(report));
  if (!put.ok() || !*put) return put;
  // The Markdown too, rendered from the report just built: what `story`
  // prints by default then costs one read. Kept second and optional: without
  // it (a store that keeps none, a crash in between) the JSON still serves.
  auto markdown =
      store.PutCachedMarkdown(report.story_id, story_version, builder, RenderMarkdown(report));
  if (!markdown.ok()) return markdown.status();
  return true;
}

Result<std::optional<std::string>> CachedMarkdown(Store& store, const std::string& story_id,
                                                  const std::string& builder) {
  return store.GetCachedMarkdown(story_id, builder);
}

}  // namespace newsfuse
