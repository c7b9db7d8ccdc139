#include "extract/extract.h"

#include <algorithm>
#include "extract/extract_internal.h"

namespace newsfuse {
namespace {

bool LooksLikeHtml(std::string_view s) {
  const size_t b = s.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  return b != std::string_view::npos && s[b] == '<';
}

// The container's metadata only fills what the page itself did not state:
// a page's own byline or date is closer to the truth than a file name.
void ApplyHints(const RawPage& page, Article& a) {
  if (a.title.empty() && !page.hint_title.empty()) {
    a.title = page.hint_title;
    a.field_sources["title"] = "hint";
  }
  if (a.outlet.empty() && !page.hint_outlet.empty()) {
    a.outlet = page.hint_outlet;
    a.field_sources["outlet"] = "hint";
  }
  if (a.authors.empty() && !page.hint_author.empty()) {
    a.authors.push_back(page.hint_author);
    a.field_sources["authors"] = "hint";
  }
  if (!a.published && !page.hint_published.empty()) {
    if (auto t = DateTime::ParseIso(page.hint_published)) {
      a.published = *t;
      a.field_sources["published"] = "hint";
    }
  }
  if (a.title.empty() && !a.paragraphs.empty()) {
    // No headline anywhere: the lead's opening words, cut at a word boundary.
    const std::string& lead = a.paragraphs.front();
    size_t cut = lead.size() <= 100 ? lead.size() : lead.rfind(' ', 100);
    if (cut == std::string::npos || cut < 40) cut = std::min<size_t>(lead.size(), 100);
    a.title = lead.substr(0, cut) + (cut < lead.size() ? "…" : "");
    a.field_sources["title"] = "lead";
  }
}

}  // namespace

Result<Article> ExtractArticle(const RawPage& page, const ExtractOptions& options) {
  const bool html = page.format == PageFormat::kHtml ||
                    (page.format == PageFormat::kAuto && LooksLikeHtml(page.content));
  auto article = html ? extract_internal::ExtractFromHtml(page, options)
                      : extract_internal::ExtractFromText(page, options);
  if (!article.ok()) return article;
  article->locator = page.locator;
  ApplyHints(page, *article);
  return article;
}

}  // namespace newsfuse
