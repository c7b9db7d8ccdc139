// HTML -> Article, first version.
//
// Main content: paragraphs (<p>, and <li>/<h2>-<h4> inside the chosen
// container) are grouped by their parent element, and the parent holding the
// most paragraph text wins; its paragraphs in document order are the body.
// Text under nav, header, footer, aside, form, script, style, figure and
// elements whose class or id says comment/share/related/promo never counts.
// The DOM is walked with an explicit stack, so a 100,000-deep page cannot
// exhaust the call stack. Charset: invalid UTF-8 is decoded from the declared
// charset (transport hint, else windows-1252, the web's de facto default).
#include <gumbo.h>
#include <unicode/ucnv.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>

#include "core/utf8.h"
#include "extract/extract_internal.h"
#include "extract/text_lines.h"

namespace newsfuse::extract_internal {
namespace {

std::string ToUtf8(const std::string& bytes, const std::string& charset) {
  if (!FirstInvalidUtf8(bytes)) return bytes;
  UErrorCode err = U_ZERO_ERROR;
  std::string out(bytes.size() * 3 + 16, '\0');
  const char* from = charset.empty() ? "windows-1252" : charset.c_str();
  int32_t n = ucnv_convert("UTF-8", from, out.data(), static_cast<int32_t>(out.size()), bytes.data(),
                           static_cast<int32_t>(bytes.size()), &err);
  if (U_FAILURE(err)) {
    err = U_ZERO_ERROR;
    n = ucnv_convert("UTF-8", "windows-1252", out.data(), static_cast<int32_t>(out.size()),
                     bytes.data(), static_cast<int32_t>(bytes.size()), &err);
    if (U_FAILURE(err)) return {};
  }
  out.resize(static_cast<size_t>(n));
  return out;
}

const char* Attr(const GumboNode* n, const char* name) {
  if (n->type != GUMBO_NODE_ELEMENT) return nullptr;
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a ? a->value : nullptr;
}

bool Excluded(const GumboNode* n) {
  switch (n->v.element.tag) {
    case GUMBO_TAG_NAV: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FORM: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG:
      return true;
    default: break;
  }
  // Plain substring tests on the lower-cased class and id; this runs for
  // every element of every page, where std::regex is needlessly heavy.
  static constexpr std::string_view kBoiler[] = {
      "comment", "share", "social", "related", "promo", "sidebar", "newsletter", "subscribe",
      "advert", "footer", "nav", "menu", "breadcrumb", "caption", "recommend"};
  std::string lower;
  for (const char* name : {"class", "id"}) {
    const char* v = Attr(n, name);
    if (!v) continue;
    lower.assign(v, std::min<size_t>(std::strlen(v), 200));
    for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    for (std::string_view word : kBoiler)
      if (lower.find(word) != std::string::npos) return true;
  }
  return false;
}

// Visible text of a subtree, whitespace collapsed, iteratively.
std::string TextOf(const GumboNode* root) {
  std::string out;
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE) {
      out += n->v.text.text;
      continue;
    }
    if (n->type != GUMBO_NODE_ELEMENT) continue;
    if (n->v.element.tag == GUMBO_TAG_SCRIPT || n->v.element.tag == GUMBO_TAG_STYLE) continue;
    if (n->v.element.tag == GUMBO_TAG_BR) out += ' ';
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = kids.length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(kids.data[i]));
  }
  std::string collapsed;
  bool space = false;
  for (char c : out) {
    const bool ws = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
    if (ws) { space = !collapsed.empty(); continue; }
    if (space) collapsed += ' ';
    space = false;
    collapsed += c;
  }
  return collapsed;
}

struct Block {
  const GumboNode* parent;
  std::string text;
  size_t order;
};

void ReadMeta(const GumboNode* n, Article& a, std::map<std::string, std::string>& meta) {
  const char* key = Attr(n, "property");
  if (!key) key = Attr(n, "name");
  if (!key) key = Attr(n, "itemprop");
  const char* content = Attr(n, "content");
  if (key && content) meta.emplace(key, content);
  (void)a;
}

void ReadJsonLd(const std::string& text, std::map<std::string, std::string>& meta) {
  auto doc = nlohmann::json::parse(text, nullptr, false);
  if (doc.is_discarded()) return;
  std::vector<nlohmann::json> items;
  if (doc.is_array()) for (auto& x : doc) items.push_back(x);
  else if (doc.contains("@graph") && doc["@graph"].is_array()) for (auto& x : doc["@graph"]) items.push_back(x);
  else items.push_back(doc);
  for (const auto& it : items) {
    if (!it.is_object()) continue;
    for (const char* k : {"datePublished", "dateModified", "headline"})
      if (it.contains(k) && it[k].is_string()) meta.emplace(std::string("ld:") + k, it[k].get<std::string>());
    if (it.contains("author")) {
      const auto& au = it["author"];
      const auto& first = au.is_array() && !au.empty() ? au[0] : au;
      if (first.is_object() && first.contains("name") && first["name"].is_string()) meta.emplace("ld:author", first["name"].get<std::string>());
      else if (first.is_string()) meta.emplace("ld:author", first.get<std::string>());
    }
    if (it.contains("publisher") && it["publisher"].is_object() && it["publisher"].contains("name") && it["publisher"]["name"].is_string())
      meta.emplace("ld:publisher", it["publisher"]["name"].get<std::string>());
  }
}

std::optional<DateTime> ParseWebDate(const std::string& s) {
  // "2026-02-05T04:04:00+08:00" and the like; seconds fraction handled by ParseIso.
  if (auto t = DateTime::ParseIso(s)) return t;
  if (s.size() >= 10) return DateTime::ParseIso(s.substr(0, 10));
  return std::nullopt;
}

}  // namespace

Result<Article> ExtractFromHtml(const RawPage& page, const ExtractOptions& options) {
  const std::string html = ToUtf8(page.content, page.hint_charset);
  if (html.empty()) return Status::BadInput(page.locator, "cannot decode page bytes to UTF-8");
  GumboOptions gopts = kGumboDefaultOptions;
  gopts.max_errors = 1000;
  GumboOutput* out = gumbo_parse_with_options(&gopts, html.data(), html.size());
  if (!out) return Status::BadInput(page.locator, "HTML parser gave up on this page");

  Article a;
  a.url = page.url;
  std::map<std::string, std::string> meta;
  std::string title_tag;
  std::vector<Block> blocks;
  std::map<const GumboNode*, size_t> parent_text;

  std::vector<const GumboNode*> stack{out->root};
  size_t order = 0;
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type != GUMBO_NODE_ELEMENT) continue;
    const GumboTag tag = n->v.element.tag;
    if (tag == GUMBO_TAG_HTML) {
      if (const char* lang = Attr(n, "lang")) a.language = std::string(lang).substr(0, 2);
    } else if (tag == GUMBO_TAG_META) {
      ReadMeta(n, a, meta);
    } else if (tag == GUMBO_TAG_TITLE) {
      title_tag = TextOf(n);
    } else if (tag == GUMBO_TAG_SCRIPT) {
      if (const char* type = Attr(n, "type"); type && std::strcmp(type, "application/ld+json") == 0 &&
                                              n->v.element.children.length > 0) {
        const auto* t = static_cast<const GumboNode*>(n->v.element.children.data[0]);
        if (t->type == GUMBO_NODE_TEXT) ReadJsonLd(t->v.text.text, meta);
      }
      continue;
    }
    if (tag != GUMBO_TAG_HTML && tag != GUMBO_TAG_HEAD && tag != GUMBO_TAG_BODY && Excluded(n)) continue;
    if (tag == GUMBO_TAG_P || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3 || tag == GUMBO_TAG_BLOCKQUOTE ||
        tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_LI) {
      std::string text = TextOf(n);
      if (!text.empty()) {
        if (tag == GUMBO_TAG_P || tag == GUMBO_TAG_BLOCKQUOTE || tag == GUMBO_TAG_PRE)
          parent_text[n->parent] += text.size();
        blocks.push_back({n->parent, std::move(text), order++});
      }
      continue;
    }
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = kids.length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(kids.data[i]));
  }

  const GumboNode* best = nullptr;
  size_t best_len = 0;
  for (const auto& [parent, len] : parent_text) if (len > best_len) { best = parent; best_len = len; }
  for (const auto& b : blocks) {
    if (b.parent != best) continue;
    if (static_cast<int>(b.text.size()) < options.min_paragraph_chars / 2 && !EndsSentence(b.text)) continue;
    if (IsPromptLine(b.text) && b.text.size() < 120) continue;
    a.paragraphs.push_back(b.text);
  }
  gumbo_destroy_output(&kGumboDefaultOptions, out);
  if (a.paragraphs.empty()) {
    return Status::BadInput(page.locator, "no article text found (no paragraph container)");
  }

  auto pick = [&](std::initializer_list<const char*> keys, std::string& field, const char* name) {
    for (const char* k : keys) {
      if (auto it = meta.find(k); it != meta.end() && !it->second.empty()) {
        field = it->second;
        a.field_sources[name] = k;
        return;
      }
    }
  };
  pick({"og:title", "ld:headline", "twitter:title"}, a.title, "title");
  if (a.title.empty() && !title_tag.empty()) {
    a.title = title_tag;
    a.field_sources["title"] = "title-tag";
  }
  pick({"og:site_name", "ld:publisher"}, a.outlet, "outlet");
  std::string author;
  pick({"author", "ld:author", "article:author"}, author, "authors");
  if (!author.empty() && author.find("http") != 0) a.authors.push_back(author);
  std::string when, updated;
  pick({"article:published_time", "ld:datePublished", "datePublished", "pubdate", "date"}, when, "published");
  if (!when.empty()) a.published = ParseWebDate(when);
  pick({"article:modified_time", "ld:dateModified", "dateModified"}, updated, "updated");
  if (!updated.empty()) a.updated = ParseWebDate(updated);
  return a;
}

}  // namespace newsfuse::extract_internal
