// The HTML path: gumbo parse, main-content selection, metadata.
#pragma once

#include "core/status.h"
#include "extract/draft.h"
#include "extract/extract.h"

namespace newsfuse::extract_internal {

// `page.content` may be in any charset; it is converted to UTF-8 first.
Result<Draft> ExtractFromHtml(const RawPage& page, const ExtractOptions& options);

// True when bytes look like markup: the first non-blank character is '<'.
bool LooksLikeHtml(std::string_view bytes);

}  // namespace newsfuse::extract_internal
