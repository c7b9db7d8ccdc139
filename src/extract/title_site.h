// A page title without its site name. Internal to src/extract; pure.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace newsfuse::extract_internal {

// Splits "Headline | Site" / "Headline - Site" / "Site | Headline", trying
// each separator in turn (" | " first) at its last occurrence for a site
// after the headline, at its first for a site before it. When `outlet` is known, the site side must
// match it (case-insensitive; equal, or one containing the other). When it is not, a site is a
// short side (<= 5 words, the headline >= 3) after " | ", " :: " or " · ", or a short capitalised
// name (<= 3 words, the headline >= 4) after an em or en dash. Returns the headline (the whole
// title, collapsed, when nothing splits) and sets *site, when given, to the removed part.
std::string StripTitleSite(std::string_view title, std::string_view outlet, std::string* site);

// How strongly two title candidates agree: 2 when, case and spaces ignored,
// they are equal or one is the other plus a site affix (a separator and at
// most five words before or after it); 1 when the shorter is inside the longer
// and at least 60% of its length (a headline with a kicker or a short tail);
// 0 otherwise.
int TitleAgreement(std::string_view a, std::string_view b);

// Index of the candidate with the most agreement from the others (ties: the
// earlier, so the caller's order is the preference), replaced by a candidate
// it equals up to a site affix when there is one, or -1 when no two
// candidates agree. A page's og:title, JSON-LD headline, <title> and <h1> are
// written by different hands (social editor, CMS, template); the wording two
// of them share is the headline, and one that stands alone is often a social
// teaser or a description.
int MostAgreedTitle(const std::vector<std::string>& candidates);

}  // namespace newsfuse::extract_internal
