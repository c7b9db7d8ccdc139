#include "readability_text.h"

#include <gumbo.h>

#include <vector>

namespace newsfuse::bench {
namespace {

bool EndsLine(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
      return true;
    default:
      return false;
  }
}

}  // namespace

std::string ReaderText(std::string_view html) {
  GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  std::string text;
  // Explicit stack (node, closing): the test pages nest deeply enough that
  // recursion is not worth the risk.
  std::vector<std::pair<const GumboNode*, bool>> stack{{out->root, false}};
  while (!stack.empty()) {
    const auto [node, closing] = stack.back();
    stack.pop_back();
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
        node->type == GUMBO_NODE_CDATA) {
      text += node->v.text.text;
      continue;
    }
    if (node->type != GUMBO_NODE_ELEMENT) continue;
    const GumboTag tag = node->v.element.tag;
    if (closing) {
      if (EndsLine(tag)) text += '\n';
      continue;
    }
    if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE) continue;
    stack.push_back({node, true});
    const GumboVector& kids = node->v.element.children;
    for (unsigned i = kids.length; i-- > 0;)
      stack.push_back({static_cast<const GumboNode*>(kids.data[i]), false});
  }
  gumbo_destroy_output(&kGumboDefaultOptions, out);
  return text;
}

}  // namespace newsfuse::bench
