// Author candidates as pages state them -> person names. A candidate comes
// from <meta name=author>, JSON-LD, rel=author link text or a byline element,
// and often carries the link's own words ("View all posts by Jane Doe",
// "Zeige alle Beiträge von Jane Doe"), a trailing date word, or is not a
// person at all (the outlet, "Our Foreign Staff", "Android Developers").
// Internal to src/extract; pure.
#pragma once

#include <string>
#include <string_view>

namespace newsfuse::extract_internal {

// The person name inside `raw`, with link-text prefixes ("view all posts by",
// "by", "von"; furniture.txt kind `authorprefix`) and trailing weekday or
// month words removed. Returns "" when no person name remains: the candidate
// is link text only (kind `authorlink`: "view my complete profile"), names a
// group (a word of kind `notperson`: "staff", "team"), equals or is part of
// `outlet` (pass "" when the outlet is only a guess), is a URL, or is longer than a name (80 bytes,
// 6 words).
// `text` without the link-text prefixes that open it ("View all posts by",
// "Von", "By:"); unchanged when none does.
std::string StripAuthorPrefix(std::string_view text);

std::string CleanAuthorName(std::string_view raw, std::string_view outlet);

}  // namespace newsfuse::extract_internal
