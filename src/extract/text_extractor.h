// The plain-text path: scraped page text with its furniture left in.
#pragma once

#include <string_view>

#include "core/status.h"
#include "extract/draft.h"
#include "extract/extract.h"

namespace newsfuse::extract_internal {

Result<Draft> ExtractFromText(const RawPage& page, std::string_view text,
                              const ExtractOptions& options);

}  // namespace newsfuse::extract_internal
