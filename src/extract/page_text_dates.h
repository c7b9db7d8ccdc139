// The publication date a page prints in its running text when no metadata,
// URL or date-named element states one: "Datum: 26. Januar 2022",
// "Pressemitteilung vom 20.01.2022", "Veröffentlicht am 10.06.2018". Internal
// to src/extract; pure.
#pragma once

#include <gumbo.h>

#include <optional>
#include <string_view>

#include "core/date.h"

namespace newsfuse::extract_internal {

// Reads the page's short text nodes (at most 160 bytes each; link text and
// form options excluded) in document order. A date after a publication label
// ("Published", "Veröffentlicht am", "publié le": `datepublished` words,
// generated from WordPress's translations, plus "datum"/"date"/"vom") wins;
// else the first full date of a node that no update or copyright word opens
// ("Updated", "Aktualisiert", "Stand", "©") or event word ("Termin",
// "deadline") marks. nullopt when neither is found.
// Words that make a date the page's update or copyright date, not its
// publication date ("updated", "aktualisiert", "mis à jour", "©"), in
// lower-case text.
bool UpdateWordBefore(std::string_view lower_before);

std::optional<DateTime> DateInPageText(const GumboNode* root, bool month_first);

}  // namespace newsfuse::extract_internal
