// A page title without its site name. Internal to src/extract; pure.
#pragma once

#include <string>
#include <string_view>

namespace newsfuse::extract_internal {

// Splits "Headline | Site" / "Headline - Site" / "Site | Headline", trying
// each separator in turn (" | " first) at its last occurrence for a site
// after the headline, at its first for a site before it. When `outlet` is known, the site side must
// match it (case-insensitive; equal, or one containing the other). When it is not, a site is a
// short side (<= 5 words, the headline >= 3) after " | ", " :: " or " · ", or a short capitalised
// name (<= 3 words, the headline >= 4) after an em or en dash. Returns the headline (the whole
// title, collapsed, when nothing splits) and sets *site, when given, to the removed part.
std::string StripTitleSite(std::string_view title, std::string_view outlet, std::string* site);

}  // namespace newsfuse::extract_internal
