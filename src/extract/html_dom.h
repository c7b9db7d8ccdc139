// Gumbo, made safe for junk, and the DOM helpers the HTML files share.
//
// Gumbo's memory and time grow with the square of element nesting depth
// (measured: 10k nested <div>s take ~800 MB, 20k take 3 GB), so markup is
// first passed through CapNesting(), which drops start and end tags beyond a
// fixed depth. Every walk over the tree below uses an explicit stack, never
// recursion, so no page can exhaust the call stack.
#pragma once

#include <gumbo.h>

#include <string>
#include <string_view>
#include <vector>

namespace newsfuse::extract_internal {

inline constexpr int kMaxNesting = 400;

// Removes start/end tags nested deeper than `max_depth` (counting elements
// whose end tag is required; void and optional-end elements do not count).
// Comments and script/style bodies are copied verbatim.
std::string CapNesting(std::string_view html, int max_depth = kMaxNesting);

class Dom {
 public:
  explicit Dom(std::string_view html);  // html must outlive the Dom
  ~Dom();
  Dom(const Dom&) = delete;
  Dom& operator=(const Dom&) = delete;
  const GumboNode* root() const { return output_->root; }

 private:
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
};
ClassHint HintOf(const GumboNode* n);

// Pre-order list of all element nodes (document order), iteratively.
std::vector<const GumboNode*> Elements(const GumboNode* root);

}  // namespace newsfuse::extract_internal
