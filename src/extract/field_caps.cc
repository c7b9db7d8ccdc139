#include "extract/field_caps.h"

#include <string>

#include "extract/text_util.h"

namespace newsfuse::extract_internal {
namespace {

struct Capper {
  Article& article;
  const std::function<void(const Status&)>& warn;

  void Warn(const std::string& message) const {
    if (warn) warn(Status::BadInput(article.locator, "warning: " + message));
  }

  void Cut(std::string& value, const std::string& field, size_t cap) const {
    if (value.size() <= cap) return;
    const size_t was = value.size();
    value.resize(Utf8Prefix(value, cap).size());
    Warn("field \"" + field + "\" is " + std::to_string(was) + " bytes, over its cap of " +
         std::to_string(cap) + "; kept the first " + std::to_string(value.size()) + " bytes");
  }
};

}  // namespace

void CapMetadata(Article& article, const std::function<void(const Status&)>& warn) {
  const Capper cap{article, warn};
  cap.Cut(article.title, "title", kMaxTitleBytes);
  cap.Cut(article.outlet, "outlet", kMaxOutletBytes);
  cap.Cut(article.dateline, "dateline", kMaxDatelineBytes);
  cap.Cut(article.language, "language", kMaxLanguageBytes);
  if (article.authors.size() > kMaxAuthors) {
    cap.Warn("field \"authors\" has " + std::to_string(article.authors.size()) +
             " names, over its cap of " + std::to_string(kMaxAuthors) + "; kept the first " +
             std::to_string(kMaxAuthors));
    article.authors.resize(kMaxAuthors);
  }
  for (std::string& author : article.authors) cap.Cut(author, "author", kMaxAuthorBytes);
  for (auto& [field, source] : article.field_sources) {
    cap.Cut(source, "field_sources." + field, kMaxFieldSourceBytes);
  }
  for (auto [url, name] :
       {std::pair{&article.url, "url"}, std::pair{&article.canonical_url, "canonical_url"}}) {
    if (url->size() <= kMaxUrlBytes) continue;
    cap.Warn(std::string("field \"") + name + "\" is " + std::to_string(url->size()) +
             " bytes, over its cap of " + std::to_string(kMaxUrlBytes) + "; dropped");
    url->clear();
    article.field_sources.erase(name);
  }
}

}  // namespace newsfuse::extract_internal
