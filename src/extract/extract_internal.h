// The extractor's two readers; extract.cc picks one and applies the hints.
#pragma once

#include "extract/extract.h"

namespace newsfuse::extract_internal {

Result<Article> ExtractFromText(const RawPage& page, const ExtractOptions& options);
Result<Article> ExtractFromHtml(const RawPage& page, const ExtractOptions& options);

}  // namespace newsfuse::extract_internal
