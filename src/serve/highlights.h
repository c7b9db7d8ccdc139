// The matched words of a search hit, as parts a client can draw without
// parsing anything (issue 14: "search ... highlights"). The store marks its
// snippet [like this]; the title comes unmarked, so its words are marked
// here when they are the words the snippet marks (stemmed and case-folded
// alike: "Bridges" in a title beside a marked "bridge").
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace newsfuse::serve {

struct TextPart {
  std::string text;
  bool match = false;
};

// "The [Varnel] bridge" -> "The ", "Varnel" (match), " bridge". Parts joined
// give the snippet without its marks. An unclosed or empty "[" stays text.
std::vector<TextPart> SnippetParts(std::string_view snippet);

// `title` cut into parts, a word a match when its term (stemmed, folded) is
// the term of a word in a matched part of `snippet_parts`.
std::vector<TextPart> TitleParts(std::string_view title,
                                 const std::vector<TextPart>& snippet_parts);

}  // namespace newsfuse::serve
