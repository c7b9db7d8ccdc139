#include "extract/html_dom.h"

#include <cstring>

#include "extract/rules.h"
#include "extract/text_util.h"

namespace newsfuse::extract_internal {
namespace {

bool IsVoidOrOptionalEnd(std::string_view name) {
  static const char* const kNames[] = {
      // void elements
      "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
      "source", "track", "wbr", "keygen", "basefont", "bgsound", "frame", "image",
      // end tag optional: real pages leave them open by the thousand
      "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody",
      "tfoot", "colgroup", "rb", "rt", "rtc", "rp", "html", "head", "body"};
  for (const char* k : kNames)
    if (name == k) return true;
  return false;
}

bool IsRawTextName(std::string_view name) {
  return name == "script" || name == "style" || name == "textarea" || name == "xmp" ||
         name == "title" || name == "plaintext";
}

size_t FindCi(std::string_view hay, std::string_view needle, size_t from) {
  for (size_t i = from; i + needle.size() <= hay.size(); ++i)
    if (IStartsWith(hay.substr(i), needle)) return i;
  return std::string_view::npos;
}

}  // namespace

std::string CapNesting(std::string_view html, int max_depth) {
  std::string out;
  out.reserve(html.size());
  int depth = 0;  // virtual: counts every start/end tag seen, emitted or not
  size_t i = 0;
  while (i < html.size()) {
    size_t lt = html.find('<', i);
    if (lt == std::string_view::npos) {
      out.append(html.substr(i));
      break;
    }
    out.append(html.substr(i, lt - i));
    if (StartsWith(html.substr(lt), "<!--")) {
      size_t end = html.find("-->", lt + 4);
      end = end == std::string_view::npos ? html.size() : end + 3;
      out.append(html.substr(lt, end - lt));
      i = end;
      continue;
    }
    const bool closing = lt + 1 < html.size() && html[lt + 1] == '/';
    size_t ns = lt + (closing ? 2 : 1);
    size_t ne = ns;
    while (ne < html.size() && (IsAsciiUpper(html[ne]) || IsAsciiLower(html[ne]) || IsAsciiDigit(html[ne]) ||
                                html[ne] == '-' || html[ne] == ':'))
      ++ne;
    if (ne == ns || ns >= html.size() || !(IsAsciiUpper(html[ns]) || IsAsciiLower(html[ns]))) {
      out += '<';  // not a tag ("a < b", "<!DOCTYPE", "<?xml")
      i = lt + 1;
      continue;
    }
    size_t gt = html.find('>', ne);
    size_t end = gt == std::string_view::npos ? html.size() : gt + 1;
    const std::string name = AsciiLower(html.substr(ns, ne - ns));
    const bool self_closing = !closing && gt != std::string_view::npos && gt > 0 && html[gt - 1] == '/';
    std::string_view tag = html.substr(lt, end - lt);
    i = end;
    if (!closing && IsRawTextName(name)) {
      // Copy the raw body through its end tag untouched.
      size_t close = FindCi(html, "</" + name, i);
      size_t body_end = close == std::string_view::npos ? html.size() : close;
      out.append(tag);
      out.append(html.substr(i, body_end - i));
      i = body_end;
      continue;
    }
    if (IsVoidOrOptionalEnd(name) || self_closing) {
      out.append(tag);
      continue;
    }
    if (closing) {
      if (depth <= max_depth) out.append(tag);
      if (depth > 0) --depth;
    } else {
      ++depth;
      if (depth <= max_depth) out.append(tag);
    }
  }
  return out;
}

Dom::Dom(std::string_view html) {
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 100;  // we never read the error list; do not grow it
  output_ = gumbo_parse_with_options(&options, html.data(), html.size());
}

Dom::~Dom() { gumbo_destroy_output(&kGumboDefaultOptions, output_); }

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
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS: case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_BUTTON: case GUMBO_TAG_HEAD: case GUMBO_TAG_TITLE:
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
    for (unsigned i = kids.length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(kids.data[i]));
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
  ClassHint h;
  const Rules& rules = GetRules();
  for (const char* attr : {"class", "id"}) {
    std::string v = AttrLower(n, attr);
    size_t i = 0;
    while (i < v.size()) {
      while (i < v.size() && !(IsAsciiLower(v[i]) || IsAsciiDigit(v[i]))) ++i;
      size_t j = i;
      while (j < v.size() && (IsAsciiLower(v[j]) || IsAsciiDigit(v[j]))) ++j;
      if (j > i) {
        const std::string w = v.substr(i, j - i);
        bool pos = rules.positive_words.count(w) > 0, neg = rules.negative_words.count(w) > 0;
        for (const auto& p : rules.positive_prefixes) pos |= StartsWith(w, p);
        for (const auto& p : rules.negative_prefixes) neg |= StartsWith(w, p);
        h.positive += pos;
        h.negative += neg;
      }
      i = j;
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
      for (unsigned i = kids.length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(kids.data[i]));
      continue;
    }
    if (!IsElement(n)) continue;
    out.push_back(n);
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = kids.length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(kids.data[i]));
  }
  return out;
}

}  // namespace newsfuse::extract_internal
