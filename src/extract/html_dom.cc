#include "extract/html_dom.h"

#include <algorithm>

#include "extract/rules.h"
#include "extract/text_util.h"

namespace newsfuse::extract_internal {

namespace {

void* ArenaAllocate(void* userdata, size_t size) {
  auto& a = *static_cast<Dom::Arena*>(userdata);
  size = (size + 15) & ~size_t{15};
  if (size > a.left) {
    const size_t block = std::max(size, a.block_size);
    a.blocks.push_back(std::make_unique_for_overwrite<char[]>(block));
    a.next = a.blocks.back().get();
    a.left = block;
    a.block_size = std::min<size_t>(a.block_size * 2, 4 << 20);
  }
  void* p = a.next;
  a.next += size;
  a.left -= size;
  return p;
}

void ArenaFree(void*, void*) {}

}  // namespace

Dom::Dom(std::string_view html) {
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 100;  // we never read the error list; do not grow it
  options.allocator = ArenaAllocate;
  options.deallocator = ArenaFree;
  options.userdata = &arena_;
  output_ = gumbo_parse_with_options(&options, html.data(), html.size());
}

// The arena frees everything; gumbo_destroy_output would only walk the tree.
Dom::~Dom() = default;

bool IsElement(const GumboNode* n) { return n && n->type == GUMBO_NODE_ELEMENT; }

GumboTag Tag(const GumboNode* n) { return IsElement(n) ? n->v.element.tag : GUMBO_TAG_UNKNOWN; }

const char* Attr(const GumboNode* n, const char* name) {
  if (!IsElement(n)) return nullptr;
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a ? a->value : nullptr;
}

std::string AttrLower(const GumboNode* n, const char* name) {
  const char* v = Attr(n, name);
  return v ? AsciiLower(Trim(v)) : std::string();
}

bool IsNonTextTag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE:
      return true;
    default:
      return false;
  }
}

std::string TextOf(const GumboNode* root, size_t max_bytes) {
  std::string raw;
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty() && raw.size() < max_bytes) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
        n->type == GUMBO_NODE_CDATA) {
      raw += n->v.text.text;
      continue;
    }
    if (!IsElement(n) && n->type != GUMBO_NODE_DOCUMENT) continue;
    if (IsElement(n) && n != root && IsNonTextTag(Tag(n))) continue;
    if (IsElement(n) && Tag(n) == GUMBO_TAG_BR) raw += ' ';
    const GumboVector& kids =
        n->type == GUMBO_NODE_DOCUMENT ? n->v.document.children : n->v.element.children;
    raw += ' ';  // element boundaries separate words ("<li>a</li><li>b</li>")
    for (unsigned i = kids.length; i-- > 0;)
      stack.push_back(static_cast<const GumboNode*>(kids.data[i]));
  }
  return CollapseSpace(Utf8Prefix(raw, max_bytes));
}

bool IsHidden(const GumboNode* n) {
  if (Attr(n, "hidden")) return true;
  if (AttrLower(n, "aria-hidden") == "true") return true;
  std::string style = AttrLower(n, "style");
  if (style.empty()) return false;
  std::string compact;
  for (char c : style)
    if (!IsAsciiSpace(c)) compact += c;
  return compact.find("display:none") != std::string::npos ||
         compact.find("visibility:hidden") != std::string::npos;
}

ClassHint HintOf(const GumboNode* n) {
  // Called for most elements of every page: words are lowercased into a stack
  // buffer and looked up by string_view, with no allocation.
  ClassHint h;
  const Rules& rules = GetRules();
  for (const char* attr : {"class", "id"}) {
    const char* v = Attr(n, attr);
    if (!v) continue;
    char word[48];
    size_t len = 0;
    bool too_long = false;
    for (const char* c = v;; ++c) {
      const char ch = *c;
      if (IsAsciiUpper(ch) || IsAsciiLower(ch) || IsAsciiDigit(ch)) {
        if (len < sizeof word)
          word[len++] = IsAsciiUpper(ch) ? static_cast<char>(ch - 'A' + 'a') : ch;
        else
          too_long = true;
        continue;
      }
      if (len > 0 && !too_long) {
        const std::string_view w(word, len);
        // The first-byte test skips most prefixes without a call: this loop
        // ran for every class word of every page (memcmp was 8% of the profile).
        auto any_prefix = [&](const std::vector<std::string>& prefixes) {
          for (const auto& p : prefixes)
            if (p[0] == w[0] && StartsWith(w, p)) return true;
          return false;
        };
        const bool pos = rules.positive_words.count(w) > 0 || any_prefix(rules.positive_prefixes);
        const bool neg = rules.negative_words.count(w) > 0 || any_prefix(rules.negative_prefixes);
        const bool never = rules.never_words.count(w) > 0 || any_prefix(rules.never_prefixes);
        h.positive += pos;
        h.negative += neg;
        h.never += never;
      }
      len = 0;
      too_long = false;
      if (ch == '\0') break;
    }
  }
  return h;
}

std::vector<const GumboNode*> Elements(const GumboNode* root) {
  std::vector<const GumboNode*> out;
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_DOCUMENT) {
      const GumboVector& kids = n->v.document.children;
      for (unsigned i = kids.length; i-- > 0;)
        stack.push_back(static_cast<const GumboNode*>(kids.data[i]));
      continue;
    }
    if (!IsElement(n)) continue;
    out.push_back(n);
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = kids.length; i-- > 0;)
      stack.push_back(static_cast<const GumboNode*>(kids.data[i]));
  }
  return out;
}

}  // namespace newsfuse::extract_internal
