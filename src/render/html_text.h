// HTML escaping shared by the story page and the index page (internal to
// render).
#pragma once

#include <string>
#include <string_view>

namespace newsfuse::render_internal {

// `text` with & < > " ' written as character references, safe inside an
// element and inside a quoted attribute value. Escapes only: control
// sequences must already be gone (TerminalSafe / TerminalSafeLine).
std::string HtmlEscape(std::string_view text);

}  // namespace newsfuse::render_internal
