// Publication-date truth for the extraction evaluator.
//
// The ScrapingHub ground truth has no date field (url and articleBody only),
// so the truth is the day a page's own URL path states (".../2019/11/19/...",
// "...-20191115/"): publishers write it from their CMS's publication date.
// The evaluator withholds the URL from the extractor when scoring dates, so a
// date found in the page (JSON-LD, meta, <time>, visible text) is checked
// against an independent record rather than against itself. This parser is
// written apart from the extractor's own URL rule on purpose.
#pragma once

#include <optional>
#include <string_view>

#include "core/date.h"

namespace newsfuse::bench {

// The day stated in a URL path, or nullopt (month-only paths do not count).
std::optional<DateTime> DayFromUrl(std::string_view url);

}  // namespace newsfuse::bench
