// One line per page a set's run refused as "not an article" (issue 13/15:
// no real article of any benchmark may be refused; each such line is a page
// to check by eye), counted per set by the caller's failure counts.
#pragma once

#include <cstdio>
#include <string>

#include "core/status.h"
#include "extract/extract.h"

namespace newsfuse::bench {

inline void NoteRejection(const char* set, const std::string& page, const Status& status) {
  if (status.message().rfind("not an article", 0) != 0) return;
  std::printf("extraction_not_article set=%s page=%s reason=\"%s\"\n", set, page.c_str(),
              status.message().c_str());
}

// Metadata sets (dates, titles, authors): a page refused for its body still
// states its metadata, and the metadata is scored (ExtractOptions::
// metadata_without_body). Returns the refusal (OK when the page has a body)
// so the caller still counts it as a failure.
inline Status ExtractMetadata(const RawPage& raw, Result<Article>& out) {
  ExtractOptions options;
  options.metadata_without_body = true;
  out = ExtractArticle(raw, options);
  if (!out.ok()) return out.status();
  const auto refused = out->field_sources.find("refused");
  if (refused == out->field_sources.end()) return Status::Ok();
  return Status::BadInput(raw.locator, refused->second);
}

}  // namespace newsfuse::bench
