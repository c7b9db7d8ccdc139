#include "text/language_terms.h"

#include <utility>

#include "core/strings.h"

namespace newsfuse {

std::string PrimaryLanguage(std::string_view tag) {
  std::string code = AsciiLower(tag.substr(0, tag.find_first_of("-_")));
  return code.empty() ? "en" : code;
}

LanguageTermExtractors::LanguageTermExtractors(TermOptions base) : base_(std::move(base)) {}

TermExtractor& LanguageTermExtractors::For(std::string_view tag) {
  const std::string code = PrimaryLanguage(tag);
  auto it = by_language_.find(code);
  if (it == by_language_.end()) {
    TermOptions options = base_;
    options.language = code;
    it = by_language_.emplace(code, std::make_unique<TermExtractor>(options)).first;
  }
  return *it->second;
}

}  // namespace newsfuse
