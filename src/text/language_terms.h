// Index terms in each article's own language: one TermExtractor per language
// (its stemmer, stop words and word rules), all interning into one
// TermDictionary so term ids stay comparable across the articles of a story.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "text/terms.h"

namespace newsfuse {

// The ISO 639-1 code of a BCP 47 tag's primary language, lower-cased
// ("en-GB" -> "en", "PT_br" -> "pt"); "en" when the tag is empty (a language
// extraction could not tell is most likely the corpus's usual one).
std::string PrimaryLanguage(std::string_view tag);

class LanguageTermExtractors {
 public:
  // Settings for every language's extractor; `base.language` is ignored.
  explicit LanguageTermExtractors(TermOptions base = {});

  // The extractor for `tag`'s primary language, built on first use. The
  // reference stays valid as long as this object.
  TermExtractor& For(std::string_view tag);

 private:
  TermOptions base_;
  std::map<std::string, std::unique_ptr<TermExtractor>, std::less<>> by_language_;
};

}  // namespace newsfuse
