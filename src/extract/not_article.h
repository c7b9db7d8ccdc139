// Pages that are a notice, not a story: a cookie or consent wall, a login or
// sign-up wall ("See more of X on Facebook"), an "enable JavaScript" shell, a
// browser check, an index page listing other pages, or a software README. ExtractArticle reports
// them as "not an article: <reason>" instead of storing the notice's words as
// a story.
//
// Precision first: a real article must never be refused. A notice is said
// only on strong evidence: a phrase a site uses only in such notices
// (data/extract/not_article.txt) AND a short body made mostly of that notice;
// an index page only when the page's own schema.org data calls it a
// collection, names no article, and no paragraph reads as prose.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/records.h"

namespace newsfuse::extract_internal {

// What the HTML path knows about the page beyond its body text.
struct PageKind {
  // JSON-LD says CollectionPage or SearchResultsPage, no object of the page
  // is an article type, and og:type is not "article".
  bool listing_schema = false;
  // Plain text in Markdown with a software README's sections and a code
  // fence (LooksLikeReadme).
  bool readme = false;
};

// The reason, e.g. "cookie or consent notice", when `a` (its paragraphs
// extracted) is not an article; nullopt when it may be one.
std::optional<std::string> NotArticleReason(const Article& a, const PageKind& kind);

// The notice rule alone on any text blocks in page order: also used to name
// why a page with no article text has none (the HTML and text paths' failure
// messages), where it cannot refuse anything that was an article.
std::optional<std::string> NoticeReason(const std::vector<std::string>& blocks);

// Raw text with at least two Markdown headings naming README sections
// ("## Installation", "# Usage") and a ``` code fence.
bool LooksLikeReadme(std::string_view text);

}  // namespace newsfuse::extract_internal
