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

// True when `text` (a byline element's text, "AFP 30 avril 2015 à 07:19")
// opens with a news agency's name: the page credits the agency, and a later
// byline-like element is a teaser's or a related article's.
bool OpensWithWire(std::string_view text);

// True when `page` credits `name` as its editor ("责任编辑：Name", "Edited
// by Name"; furniture.txt kind `editorlabel`). CMSs fill name=author with the
// editor on duty, sometimes behind the site's name ("SiteName" + "Name").
// Searches for the name, not the labels, so a page costs a few scans only
// when it has author candidates.
bool CreditedAsEditor(std::string_view page, std::string_view name);

}  // namespace newsfuse::extract_internal
