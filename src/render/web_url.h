// Which URLs from input a report may turn into links (internal to render).
//
// A source's URL comes from the input (a JSONL "url", a WARC target URI), so
// it may be "javascript:alert(1)" or a data: URL carrying a page of script.
// Only http and https become links; any other scheme is shown as text.
#pragma once

#include <string>
#include <string_view>

namespace newsfuse::render_internal {

// True when `url` starts with "http://" or "https://" (scheme in any case) and
// has something after it. Leading blanks or controls make it false: browsers
// strip them, so " javascript:" must not pass as a relative link either.
bool IsWebUrl(std::string_view url);

// `url` with the bytes that could end an HTML attribute or a Markdown autolink
// early (space, controls, '"', '<', '>', '`', '\'' ) percent-encoded.
// REQUIRES IsWebUrl(url).
std::string LinkTarget(std::string_view url);

}  // namespace newsfuse::render_internal
