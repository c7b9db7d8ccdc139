// The address a page names for itself, so a report can link to the original.
//
// Candidates, in the order the page states them most deliberately:
// <link rel=canonical>, og:url, then the JSON-LD article's url or
// mainEntityOfPage. A relative address ("/2024/05/story", "//host/x") is
// resolved against the page's own URL; without one it is dropped. Refused:
// - a site's home page ("https://example.com/"): themes put the home page in
//   og:url on every page, and a link to it is no link to the article;
// - another host's redirect that carries an address in its query or path
//   ("https://t.example/r?u=https%3A%2F%2F..."): a tracking link, not the page.
// A canonical URL on another host without an embedded address is kept: a
// syndicated story names its original that way.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace newsfuse::extract_internal {

struct UrlCandidate {
  std::string value;   // as the page wrote it
  std::string source;  // "canonical", "og:url", "json-ld"
};

struct CanonicalUrl {
  std::string url;     // absolute http(s), fragment removed; empty when none passed
  std::string source;  // the candidate's source
};

// `page_url`: where the page was fetched from ("" when unknown).
CanonicalUrl ChooseCanonicalUrl(const std::vector<UrlCandidate>& candidates,
                                std::string_view page_url);

// `href` made absolute against `base` (an absolute http(s) URL); empty when it
// cannot be (no base for a relative address, a scheme other than http(s)).
std::string ResolveUrl(std::string_view href, std::string_view base);

}  // namespace newsfuse::extract_internal
