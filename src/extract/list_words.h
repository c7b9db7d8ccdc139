// The word that joins the last two names of a list ("Jane Doe and John Roe",
// "Jana Novak und Jan Roth", "Jeanne Roux et Jean Dumas") in every language
// ICU's CLDR data knows. Internal to src/extract.
#pragma once

#include <string_view>

namespace newsfuse::extract_internal {

// True for a lower-case list conjunction of some language ("and", "und",
// "et", "y", "och", "ja"): CLDR's two-item list pattern with its
// placeholders and punctuation removed. Built once, on first use.
bool IsListConjunction(std::string_view lower_word);

}  // namespace newsfuse::extract_internal
