// Line-level evidence for plain scraped text: which lines are page furniture.
//
// Scraped pages keep their menus, timestamp lists, hashtags, e-mail bylines
// and newsletter prompts as lines of their own. Each is recognisable from its
// shape alone (length, punctuation, digits, a marker word), so the
// classifier looks at one line at a time plus how often it repeats on the page.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"

namespace newsfuse::extract_internal {

std::string_view TrimView(std::string_view s);
bool IsTimestampLine(std::string_view line);      // "09:30", "- 2026-02-06 06:34:49", "- Input"
bool IsHashtagLine(std::string_view line);        // "#RussiaUkraineWar #CeaseFireTalks"
bool IsPromptLine(std::string_view line);         // newsletter, sign-up, recommended lists
bool IsCapsHeading(std::string_view line);        // "AGREEMENT ON POW EXCHANGE"
bool EndsSentence(std::string_view line);         // . ! ? or a closing quote after one
// First "YYYY-MM-DD[ HH:MM[:SS]]" in the line.
std::optional<DateTime> FindIsoDateTime(std::string_view line);
// "km@fnnews.com Kim Kyung-min Reporter" -> "Kim Kyung-min"; nullopt if not an e-mail byline.
std::optional<std::string> EmailBylineName(std::string_view line);

}  // namespace newsfuse::extract_internal
