#include "extract/page_time.h"

#include <string>

#include "extract/html_dom.h"
#include "extract/text_util.h"

namespace newsfuse::extract_internal {
namespace {

bool HasH1(const GumboNode* root) {
  for (const GumboNode* n : Elements(root))
    if (Tag(n) == GUMBO_TAG_H1) return true;
  return false;
}

// A link to another article: five words or more of link text that the page's
// own <title> does not contain (blog themes link the post's own headline).
bool HasHeadlineLink(const GumboNode* root, std::string_view lower_title) {
  for (const GumboNode* n : Elements(root)) {
    if (Tag(n) != GUMBO_TAG_A) continue;
    const std::string text = AsciiLower(TextOf(n, 400));
    if (SplitWords(text).size() >= 5 && lower_title.find(text) == std::string_view::npos)
      return true;
  }
  return false;
}

bool IsElementParent(const GumboNode* n) { return n != nullptr && IsElement(n); }

}  // namespace

bool DatesThePage(const GumboNode* time, std::string_view title) {
  // `time` is any element stating a date: a <time>, or one whose class names a date.
  bool in_article = false;
  for (const GumboNode* a = time->parent; IsElementParent(a); a = a->parent) {
    const GumboTag tag = Tag(a);
    if (tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_HTML) break;
    if (tag == GUMBO_TAG_NAV || tag == GUMBO_TAG_ASIDE || tag == GUMBO_TAG_FOOTER) return false;
    if (HintOf(a).never > 0) return false;
    in_article = in_article || tag == GUMBO_TAG_ARTICLE;
  }
  // A banner <header>: checked after the walk, since an <article> above it
  // makes it the article's own header.
  if (!in_article) {
    for (const GumboNode* a = time->parent; IsElementParent(a); a = a->parent) {
      if (Tag(a) == GUMBO_TAG_BODY) break;
      if (Tag(a) == GUMBO_TAG_HEADER && !HasH1(a)) return false;
    }
  }
  const std::string lower_title = AsciiLower(CollapseSpace(title));
  const GumboNode* a = time;
  for (int level = 0; level < 4 && IsElementParent(a); ++level, a = a->parent) {
    const GumboTag tag = Tag(a);
    if (tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_MAIN) break;
    if (TextOf(a, 700).size() > 600 || HasH1(a)) break;
    if (HasHeadlineLink(a, lower_title)) return false;
  }
  return true;
}

}  // namespace newsfuse::extract_internal
