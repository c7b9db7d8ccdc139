// Gumbo, made safe for junk, and the DOM helpers the HTML files share.
//
// Markup reaches the Dom only through SlimMarkup() (html_slim.h), which caps
// nesting depth: gumbo's memory and time grow with its square. Every walk over
// the tree below uses an explicit stack, never recursion, so no page can
// exhaust the call stack.
#pragma once

#include <gumbo.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace newsfuse::extract_internal {

// The parsed tree. Gumbo allocates from a bump arena owned by the Dom and
// nothing is freed one by one: malloc/free of its many small nodes and
// buffers took ~12% of extraction time, and the whole tree dies at once
// anyway. Gumbo's temporary buffers stay in the arena until then, so memory
// is a small multiple of the (slimmed, at most kMaxHtmlBytes) markup.
class Dom {
 public:
  explicit Dom(std::string_view html);  // html must outlive the Dom
  ~Dom();
  Dom(const Dom&) = delete;
  Dom& operator=(const Dom&) = delete;
  const GumboNode* root() const { return output_->root; }

  struct Arena {
    std::vector<std::unique_ptr<char[]>> blocks;
    char* next = nullptr;
    size_t left = 0;
    size_t block_size = 64 << 10;
  };

 private:
  Arena arena_;
  GumboOutput* output_;
};

bool IsElement(const GumboNode* n);
GumboTag Tag(const GumboNode* n);
// Attribute value or nullptr.
const char* Attr(const GumboNode* n, const char* name);
std::string AttrLower(const GumboNode* n, const char* name);  // "" when absent

// Elements whose text is never page text: script, style, template, svg, ...
bool IsNonTextTag(GumboTag tag);

// Visible text of a subtree, whitespace collapsed, at most `max_bytes`.
std::string TextOf(const GumboNode* n, size_t max_bytes = 1 << 16);

// hidden attribute, aria-hidden="true", or an inline display:none.
bool IsHidden(const GumboNode* n);

// Class/id hints from data/extract/html_hints.txt.
struct ClassHint {
  int positive = 0;  // number of positive words
  int negative = 0;
  int never = 0;  // words of sections that never hold the article (comments)
};
ClassHint HintOf(const GumboNode* n);

// Pre-order list of all element nodes (document order), iteratively.
std::vector<const GumboNode*> Elements(const GumboNode* root);

}  // namespace newsfuse::extract_internal
