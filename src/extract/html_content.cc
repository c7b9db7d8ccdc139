#include "extract/html_content.h"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "extract/furniture.h"
#include "extract/text_util.h"

namespace newsfuse::extract_internal {
namespace {

struct Stats {
  size_t chars = 0;       // visible text bytes in the subtree
  size_t link_chars = 0;  // of which inside <a>
  size_t commas = 0;
  size_t own_text = 0;    // text bytes in direct text children
  size_t para_chars = 0;  // text in clean paragraph-like descendants
  double score = 0;
  bool candidate = false;
};

bool IsBlockTag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI:
    case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH:
    case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_HR: case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ASIDE: case GUMBO_TAG_NAV: case GUMBO_TAG_FORM: case GUMBO_TAG_CENTER:
    case GUMBO_TAG_BODY: case GUMBO_TAG_CAPTION: case GUMBO_TAG_FIGCAPTION:
      return true;
    default:
      return false;
  }
}

// Subtrees that are never article text when emitting paragraphs.
bool IsFurnitureTag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_HEADER:
    case GUMBO_TAG_MENU: case GUMBO_TAG_H1: case GUMBO_TAG_INPUT:
    case GUMBO_TAG_LABEL:
      return true;
    default:
      return IsNonTextTag(t);
  }
}

bool FurnitureRole(const GumboNode* n) {
  std::string role = AttrLower(n, "role");
  return role == "navigation" || role == "complementary" || role == "banner" ||
         role == "contentinfo" || role == "menu" || role == "search" || role == "dialog";
}

bool IsArticleBodyProp(const GumboNode* n) {
  std::string p = AttrLower(n, "itemprop");
  return p.find("articlebody") != std::string::npos;
}

// Skip while emitting: furniture tags, roles, hidden, and class/id words that
// say furniture without also saying content.
bool SkipSubtree(const GumboNode* n, const GumboNode* container) {
  if (n == container) return false;
  if (IsFurnitureTag(Tag(n)) || FurnitureRole(n) || IsHidden(n)) return true;
  if (IsArticleBodyProp(n)) return false;
  ClassHint h = HintOf(n);
  return h.negative > 0 && h.positive == 0;
}

const GumboVector& Children(const GumboNode* n) {
  return n->type == GUMBO_NODE_DOCUMENT ? n->v.document.children : n->v.element.children;
}

// Post-order accumulation of Stats with an explicit stack.
void ComputeStats(const GumboNode* root, std::unordered_map<const GumboNode*, Stats>& st) {
  struct Frame {
    const GumboNode* n;
    bool expanded;
    bool in_link;
  };
  std::vector<Frame> stack{{root, false, false}};
  while (!stack.empty()) {
    Frame f = stack.back();
    stack.pop_back();
    const GumboNode* n = f.n;
    if (!f.expanded) {
      if (IsNonTextTag(Tag(n)) || IsHidden(n)) continue;
      stack.push_back({n, true, f.in_link});
      const bool link = f.in_link || Tag(n) == GUMBO_TAG_A;
      const GumboVector& kids = Children(n);
      for (unsigned i = kids.length; i-- > 0;) {
        const GumboNode* k = static_cast<const GumboNode*>(kids.data[i]);
        if (IsElement(k)) {
          stack.push_back({k, false, link});
        } else if (k->type == GUMBO_NODE_TEXT || k->type == GUMBO_NODE_CDATA) {
          std::string_view t = Trim(k->v.text.text);
          Stats& s = st[n];
          s.chars += t.size();
          s.own_text += t.size();
          if (link) s.link_chars += t.size();
          s.commas += std::count(t.begin(), t.end(), ',');
        }
      }
      continue;
    }
    // Children are done: fold them into n.
    Stats& s = st[n];
    const GumboVector& kids = Children(n);
    for (unsigned i = 0; i < kids.length; ++i) {
      const GumboNode* k = static_cast<const GumboNode*>(kids.data[i]);
      if (!IsElement(k)) continue;
      auto it = st.find(k);
      if (it == st.end()) continue;
      s.chars += it->second.chars;
      s.link_chars += it->second.link_chars;
      s.commas += it->second.commas;
      // Clean paragraph text ignores furniture subtrees (comments, related).
      if (!SkipSubtree(k, nullptr)) s.para_chars += it->second.para_chars;
    }
    const GumboTag t = Tag(n);
    const bool para_like = t == GUMBO_TAG_P || t == GUMBO_TAG_PRE || t == GUMBO_TAG_BLOCKQUOTE ||
                           ((t == GUMBO_TAG_DIV || t == GUMBO_TAG_SECTION || t == GUMBO_TAG_TD) &&
                            s.own_text >= 25);
    if (para_like && s.chars >= 25 && s.link_chars * 2 < s.chars) {
      const size_t text = t == GUMBO_TAG_P ? s.chars : s.own_text;
      s.para_chars = std::max(s.para_chars, text);
      // The vote: 1 + commas + up to 3 for length; parent full, grandparent half.
      const double vote = 1.0 + static_cast<double>(s.commas) +
                          std::min(3.0, static_cast<double>(text) / 100.0);
      const GumboNode* p = n->parent;
      for (double share : {1.0, 0.5}) {
        if (!IsElement(p)) break;
        Stats& ps = st[p];
        ps.score += vote * share;
        ps.candidate = true;
        p = p->parent;
      }
    }
  }
}

double TagBonus(const GumboNode* n) {
  double b = 0;
  switch (Tag(n)) {
    case GUMBO_TAG_ARTICLE: b += 10; break;
    case GUMBO_TAG_MAIN: b += 5; break;
    case GUMBO_TAG_DIV: b += 5; break;
    case GUMBO_TAG_SECTION: b += 3; break;
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_TD: b += 3; break;
    case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_FORM: case GUMBO_TAG_DL: b -= 3; break;
    case GUMBO_TAG_ASIDE: case GUMBO_TAG_NAV: case GUMBO_TAG_FOOTER: b -= 25; break;
    default: break;
  }
  if (IsArticleBodyProp(n)) b += 30;
  if (FurnitureRole(n)) b -= 25;
  ClassHint h = HintOf(n);
  if (h.positive) b += 25;
  if (h.negative) b -= 25;
  return b;
}

struct Para {
  std::string text;
  size_t link_chars = 0;
  bool heading = false;
};

// Walks the chosen subtree and cuts it into paragraphs at block boundaries
// and at double <br>.
std::vector<Para> Emit(const GumboNode* container) {
  std::vector<Para> out;
  std::string buf;
  size_t buf_links = 0;
  bool heading = false;
  int brs = 0;
  auto flush = [&] {
    std::string t = CollapseSpace(buf);
    if (!t.empty()) out.push_back({std::move(t), buf_links, heading});
    buf.clear();
    buf_links = 0;
    heading = false;
    brs = 0;
  };
  struct Frame {
    const GumboNode* n;
    bool exit;
    bool in_link;
  };
  std::vector<Frame> stack{{container, false, false}};
  while (!stack.empty()) {
    Frame f = stack.back();
    stack.pop_back();
    const GumboNode* n = f.n;
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA ||
        n->type == GUMBO_NODE_WHITESPACE) {
      std::string_view t = n->v.text.text;
      if (!Trim(t).empty()) brs = 0;
      buf += t;
      if (f.in_link) buf_links += Trim(t).size();
      continue;
    }
    if (!IsElement(n)) continue;
    const GumboTag t = Tag(n);
    if (f.exit) {
      if (IsBlockTag(t)) flush();
      continue;
    }
    if (SkipSubtree(n, container)) {
      if (IsBlockTag(t)) flush();
      continue;
    }
    if (t == GUMBO_TAG_BR) {
      if (++brs >= 2) flush();
      else buf += ' ';
      continue;
    }
    if (IsBlockTag(t)) {
      flush();
      heading = t == GUMBO_TAG_H2 || t == GUMBO_TAG_H3 || t == GUMBO_TAG_H4 ||
                t == GUMBO_TAG_H5 || t == GUMBO_TAG_H6;
    }
    stack.push_back({n, true, f.in_link});
    const bool link = f.in_link || t == GUMBO_TAG_A;
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = kids.length; i-- > 0;)
      stack.push_back({static_cast<const GumboNode*>(kids.data[i]), false, link});
  }
  flush();
  return out;
}

// Paragraph-level furniture filter, shared vocabulary with the text path.
bool KeepParagraph(const Para& p, const std::string& title_key, const ExtractOptions& options) {
  if (p.text.size() < 2) return false;
  // Mostly links: a teaser, a tag list, a "more stories" item.
  if (p.link_chars * 2 > p.text.size()) return false;
  if (!title_key.empty() && AsciiLower(p.text) == title_key) return false;
  switch (ClassifyLine(p.text, options)) {
    case LineKind::kTimestamp: case LineKind::kTimestampLabel: case LineKind::kBullet:
    case LineKind::kHashtags: case LineKind::kEmailByline: case LineKind::kByline:
    case LineKind::kNewsletter: case LineKind::kRelated: case LineKind::kMenu:
      return false;
    case LineKind::kShort:
      // One- or two-word fragments ("Photo", "Advertisement", "Share") are
      // chrome; a short subhead in a heading element is text.
      return p.heading || SplitWords(p.text).size() >= 3;
    default:
      return true;
  }
}

}  // namespace

HtmlContent ExtractContent(const GumboNode* root, const std::string& title,
                           const ExtractOptions& options) {
  HtmlContent result;
  std::unordered_map<const GumboNode*, Stats> st;
  ComputeStats(root, st);

  const GumboNode* best = nullptr;
  double best_score = 0;
  for (const GumboNode* n : Elements(root)) {
    auto it = st.find(n);
    if (it == st.end()) continue;
    const Stats& s = it->second;
    result.longest_block = std::max(result.longest_block, s.own_text);
    if (!s.candidate || s.chars == 0) continue;
    const double density = static_cast<double>(s.link_chars) / static_cast<double>(s.chars);
    const double score = (s.score + TagBonus(n)) * (1.0 - density);
    if (!best || score > best_score) {
      best = n;
      best_score = score;
    }
  }
  if (!best) {
    // No paragraph-like element: fall back to <body>.
    for (const GumboNode* n : Elements(root))
      if (Tag(n) == GUMBO_TAG_BODY) best = n;
    if (!best) best = root;
  }
  // Widen to an ancestor that holds clearly more clean paragraph text and is
  // not itself mostly links: bodies split across several divs by ad slots,
  // or a best guess that is one of several sibling text blocks.
  for (int steps = 0; steps < 4; ++steps) {
    const GumboNode* p = best->parent;
    if (!IsElement(p) || Tag(p) == GUMBO_TAG_HTML) break;
    const Stats& bs = st[best];
    const Stats& ps = st[p];
    if (ps.chars == 0 || ps.link_chars * 3 > ps.chars) break;
    if (Tag(p) == GUMBO_TAG_BODY && Tag(best) == GUMBO_TAG_ARTICLE) break;
    if (ps.para_chars * 4 < bs.para_chars * 5) break;  // < 1.25x: keep the tighter box
    if (HintOf(p).negative > 0 && HintOf(p).positive == 0) break;
    best = p;
  }
  result.container = best;

  const std::string title_key = AsciiLower(CollapseSpace(title));
  std::set<std::string> seen;
  for (Para& p : Emit(best)) {
    if (!KeepParagraph(p, title_key, options)) continue;
    if (!seen.insert(p.text).second) continue;
    result.paragraphs.push_back(std::move(p.text));
  }
  return result;
}

}  // namespace newsfuse::extract_internal
