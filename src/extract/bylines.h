// Bylines in visible text: "By ..." lines and short lines that carry a
// reporter's e-mail address. Internal to src/extract; each function is pure.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsfuse::extract_internal {

// "By Jane Doe and John Roe" / "BY JANE DOE, Reuters" -> names. Empty when the
// line is not a byline.
std::vector<std::string> ParseByline(std::string_view line);

// "km@fnnews.com Kim Kyung-min Reporter": the name (capitalised words, role
// words dropped) and the e-mail domain. nullopt when the line is not a short
// line carrying an e-mail address.
struct EmailByline {
  std::string name;    // may be empty when only an address is given
  std::string domain;  // "fnnews.com"
};
std::optional<EmailByline> ParseEmailByline(std::string_view line);

}  // namespace newsfuse::extract_internal
