// Capitalised words in mid-sentence: a cheap stand-in for names (internal).
//
// "Hun Sen", "Endeavour", "Baikonur" are what tells one event from another of
// the same kind, and in English they are capitalised where a common word is
// not. A word after sentence punctuation, a quote or a line start is skipped
// (its capital says nothing). Until the entity annotator fills
// AnnotatedArticle::entities this is the clusterer's only view of names; the
// model weighs both, so it keeps working when keys arrive.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "text/terms.h"
#include "text/tokens.h"

namespace newsfuse::cluster {

// Prefixes that keep name and entity-key terms apart from word terms in the
// one dictionary (and df table) the clusterer keeps.
inline constexpr std::string_view kNamePrefix = "\x01";
inline constexpr std::string_view kEntityPrefix = "\x02";

// Appends a term id per capitalised mid-sentence word of the scan `tokens`
// (text/tokens.h), in text order: the clusterer scans a body once and reads
// these and its word terms off that scan. Names in any cased script count
// ("Sánchez", "Зеленский"); case-folded, hyphenated names whole
// ("kyung-min"), a word with apostrophes by its parts ("O'Brien" -> "brien",
// "Zelensky's" -> "zelensky", "I'm" -> none), a dotted word by its first part
// ("TVGuide.com" -> "tvguide"; "U.S." is too short), at least three
// characters. On ASCII text this is the term set of the byte scanner it
// replaced, so the fitted cluster weights still apply.
void NameTerms(const text::Tokens& tokens, TermDictionary& dict, std::vector<uint32_t>& out);

}  // namespace newsfuse::cluster
