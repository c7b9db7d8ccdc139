#include "extract/html_content.h"

#include <algorithm>
#include <set>
#include <unordered_map>
#include <utility>

#include "extract/furniture.h"
#include "extract/text_util.h"

namespace newsfuse::extract_internal {
namespace {

struct Stats {
  size_t chars = 0;       // visible text bytes in the subtree
  size_t link_chars = 0;  // of which inside <a>
  size_t commas = 0;
  size_t own_text = 0;      // text bytes in direct text children
  size_t para_chars = 0;    // text in clean paragraph-like descendants
  size_t article_para = 0;  // of which inside <article> descendants
  double score = 0;
  bool candidate = false;
  // What the element says it is, read once from its tag and attributes.
  bool skip = false;          // furniture: left out of clean text and of the body
  bool in_furniture = false;  // skip, or inside an element that is
  double bonus = 0;           // TagBonus
  ClassHint hint;
};

bool IsBlockTag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_FIGCAPTION:
      return true;
    default:
      return false;
  }
}

// Subtrees that are never article text when emitting paragraphs.
bool IsFurnitureTag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_INPUT:
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
bool IsFurnitureElement(const GumboNode* n, bool role, bool body_prop, ClassHint h) {
  if (IsFurnitureTag(Tag(n)) || role || IsHidden(n)) return true;
  if (body_prop) return false;
  return h.negative > 0 && h.positive == 0;
}

double TagBonus(const GumboNode* n, bool role, bool body_prop, ClassHint h) {
  double b = 0;
  switch (Tag(n)) {
    case GUMBO_TAG_ARTICLE:
      b += 10;
      break;
    case GUMBO_TAG_MAIN:
      b += 5;
      break;
    case GUMBO_TAG_DIV:
      b += 5;
      break;
    case GUMBO_TAG_SECTION:
      b += 3;
      break;
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TD:
      b += 3;
      break;
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_DL:
      b -= 3;
      break;
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_FOOTER:
      b -= 25;
      break;
    default:
      break;
  }
  if (body_prop) b += 30;
  if (role) b -= 25;
  if (h.positive) b += 25;
  if (h.negative) b -= 25;
  return b;
}

void ReadTraits(const GumboNode* n, Stats& s) {
  const bool role = FurnitureRole(n);
  const bool body_prop = IsArticleBodyProp(n);
  s.hint = HintOf(n);
  s.skip = IsFurnitureElement(n, role, body_prop, s.hint);
  s.bonus = TagBonus(n, role, body_prop, s.hint);
}

using StatsMap = std::unordered_map<const GumboNode*, Stats>;

// Elements left out of the body: furniture, and whatever ComputeStats never
// entered (hidden and non-text subtrees).
bool SkipSubtree(const GumboNode* n, const GumboNode* container, const StatsMap& st) {
  if (n == container) return false;
  auto it = st.find(n);
  return it == st.end() || it->second.skip;
}

const GumboVector& Children(const GumboNode* n) {
  return n->type == GUMBO_NODE_DOCUMENT ? n->v.document.children : n->v.element.children;
}

// Post-order accumulation of Stats with an explicit stack; `order` receives
// the visited elements in document order.
void ComputeStats(const GumboNode* root, StatsMap& st, std::vector<const GumboNode*>& order) {
  struct Frame {
    const GumboNode* n;
    bool expanded;
    bool in_link;
    bool in_furniture;
    // The nearest block element at or above n: text inside inline wrappers
    // (<span>, <b>, <font>) is that block's own text, so a <div> whose
    // paragraphs a word processor wrapped in spans reads as the paragraph
    // it is.
    const GumboNode* block;
  };
  std::vector<Frame> stack{{root, false, false, false, root}};
  while (!stack.empty()) {
    Frame f = stack.back();
    stack.pop_back();
    const GumboNode* n = f.n;
    if (!f.expanded) {
      if (IsNonTextTag(Tag(n)) || IsHidden(n)) continue;
      bool furniture = f.in_furniture;
      if (IsElement(n)) {
        Stats& s = st[n];
        ReadTraits(n, s);
        // Only what is furniture by its tag, role or a "never" word (comment
        // threads) disqualifies its descendants; a wrapper merely called
        // "header" or "card" often holds the article itself.
        furniture |= IsFurnitureTag(Tag(n)) || FurnitureRole(n) || s.hint.never > 0;
        s.in_furniture = furniture;
        order.push_back(n);
      }
      const GumboNode* block = IsElement(n) && IsBlockTag(Tag(n)) ? n : f.block;
      stack.push_back({n, true, f.in_link, furniture, block});
      const bool link = f.in_link || Tag(n) == GUMBO_TAG_A;
      const GumboVector& kids = Children(n);
      for (unsigned i = kids.length; i-- > 0;) {
        const GumboNode* k = static_cast<const GumboNode*>(kids.data[i]);
        if (IsElement(k)) {
          stack.push_back({k, false, link, furniture, block});
        } else if (k->type == GUMBO_NODE_TEXT || k->type == GUMBO_NODE_CDATA) {
          std::string_view t = Trim(k->v.text.text);
          Stats& s = st[n];
          s.chars += t.size();
          st[block].own_text += t.size();
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
      if (!it->second.skip) {
        s.para_chars += it->second.para_chars;
        s.article_para +=
            Tag(k) == GUMBO_TAG_ARTICLE ? it->second.para_chars : it->second.article_para;
      }
    }
    const GumboTag t = Tag(n);
    const bool para_like =
        t == GUMBO_TAG_P || t == GUMBO_TAG_PRE || t == GUMBO_TAG_BLOCKQUOTE ||
        ((t == GUMBO_TAG_DIV || t == GUMBO_TAG_SECTION || t == GUMBO_TAG_TD) && s.own_text >= 25);
    if (para_like && s.chars >= 25 && s.link_chars * 2 < s.chars) {
      const size_t text = t == GUMBO_TAG_P ? s.chars : s.own_text;
      s.para_chars = std::max(s.para_chars, text);
      // The vote: 1 + commas + up to 3 for length; parent full, grandparent half.
      const double vote =
          1.0 + static_cast<double>(s.commas) + std::min(3.0, static_cast<double>(text) / 100.0);
      // A <div> holding its own text (paragraphs cut by <br>, not <p>) is
      // itself the text's container: it votes for itself and its parent.
      const bool own_block = t != GUMBO_TAG_P && t != GUMBO_TAG_PRE && t != GUMBO_TAG_BLOCKQUOTE;
      const GumboNode* p = own_block ? n : n->parent;
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

bool InsideArticleElement(const GumboNode* n) {
  for (; IsElement(n); n = n->parent)
    if (Tag(n) == GUMBO_TAG_ARTICLE || Tag(n) == GUMBO_TAG_MAIN) return true;
  return false;
}

// The class-word bonus (+25) outweighs the votes of several paragraphs, so a
// one-paragraph panel called "content" (a magazine's "latest issue" box in the
// sidebar) beat the story's four paragraphs inside <article>. A candidate the
// page itself marks as its article (inside <article> or <main>), with at least
// three times the paragraph votes and twice the clean paragraph text, and not
// furniture or mostly links, takes over. Without the <article>/<main> evidence
// the same override picked a sidebar widget over a genuinely short post.
const GumboNode* OutvotedByArticle(const GumboNode* best,
                                   const std::vector<const GumboNode*>& order, const StatsMap& st) {
  const Stats& b = st.find(best)->second;
  const GumboNode* over = nullptr;
  double over_score = 0;
  for (const GumboNode* n : order) {
    const Stats& s = st.find(n)->second;
    if (!s.candidate || s.chars == 0 || s.in_furniture || s.bonus < 0) continue;
    if (s.link_chars * 3 > s.chars) continue;
    if (s.score < 3 * b.score || s.para_chars < 2 * b.para_chars) continue;
    if (!InsideArticleElement(n)) continue;
    const double density = static_cast<double>(s.link_chars) / static_cast<double>(s.chars);
    const double score = (s.score + s.bonus) * (1.0 - density);
    if (!over || score > over_score) {
      over = n;
      over_score = score;
    }
  }
  return over ? over : best;
}

// Clean paragraph text in `parent`'s children before and after `child` (the
// branch holding the current container), furniture left out.
std::pair<size_t, size_t> ParaCharsAround(const GumboNode* parent, const GumboNode* child,
                                          const StatsMap& st) {
  size_t before = 0, after = 0;
  bool past = false;
  const GumboVector& kids = Children(parent);
  for (unsigned i = 0; i < kids.length; ++i) {
    const GumboNode* k = static_cast<const GumboNode*>(kids.data[i]);
    if (k == child) {
      past = true;
      continue;
    }
    auto it = st.find(k);
    if (it == st.end() || it->second.skip) continue;
    (past ? after : before) += it->second.para_chars;
  }
  return {before, after};
}

struct Para {
  std::string text;
  size_t link_chars = 0;
  bool heading = false;
};

// Walks the chosen subtree and cuts it into paragraphs at block boundaries
// and at double <br>.
std::vector<Para> Emit(const GumboNode* container, const StatsMap& st) {
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
    // A short data cell ("200 g", "pearl barley") is one field of its row:
    // the row is the paragraph, so an ingredient or fact table survives the
    // short-line filter. Long cells are layout and stay blocks.
    if ((t == GUMBO_TAG_TD || t == GUMBO_TAG_TH) && !SkipSubtree(n, container, st)) {
      const auto it = st.find(n);
      if (it != st.end() && it->second.chars < 100) {
        buf += ' ';
        if (f.exit) continue;
        stack.push_back({n, true, f.in_link});
        const GumboVector& cells = n->v.element.children;
        for (unsigned i = cells.length; i-- > 0;)
          stack.push_back({static_cast<const GumboNode*>(cells.data[i]), false, f.in_link});
        continue;
      }
    }
    if (f.exit) {
      if (IsBlockTag(t)) flush();
      continue;
    }
    if (SkipSubtree(n, container, st)) {
      if (IsBlockTag(t)) flush();
      continue;
    }
    if (t == GUMBO_TAG_BR) {
      if (++brs >= 2)
        flush();
      else
        buf += ' ';
      continue;
    }
    if (IsBlockTag(t)) {
      flush();
      heading = t == GUMBO_TAG_H2 || t == GUMBO_TAG_H3 || t == GUMBO_TAG_H4 || t == GUMBO_TAG_H5 ||
                t == GUMBO_TAG_H6;
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
    case LineKind::kTimestamp:
    case LineKind::kTimestampLabel:
    case LineKind::kBullet:
    case LineKind::kHashtags:
    case LineKind::kEmailByline:
    case LineKind::kByline:
    case LineKind::kNewsletter:
    case LineKind::kRelated:
    case LineKind::kMenu:
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

bool HasHeading(const GumboNode* n) {
  for (const GumboNode* e : Elements(n)) {
    const GumboTag t = Tag(e);
    if (t == GUMBO_TAG_H1 || t == GUMBO_TAG_H2 || t == GUMBO_TAG_H3) return true;
  }
  return false;
}

// A body that an ad slot, an inline image or a widget split into sibling
// blocks of one kind ("<div class=articleBody>" twice, the first holding the
// opening paragraphs): the container's siblings with its tag and class, or
// its parent's, in document order with the container itself. A sibling with
// a heading of its own is another post or a teaser, not a continuation, and
// furniture or a link-heavy block is left out; at most three are taken.
std::vector<const GumboNode*> SplitBody(const GumboNode* container, const StatsMap& st) {
  for (const GumboNode* c = container; c != container->parent->parent; c = c->parent) {
    const char* cls = Attr(c, "class");
    if (!IsElement(c) || !IsElement(c->parent) || cls == nullptr || *cls == '\0') continue;
    std::vector<const GumboNode*> blocks;
    int taken = 0;
    const GumboVector& kids = Children(c->parent);
    for (unsigned i = 0; i < kids.length; ++i) {
      const GumboNode* k = static_cast<const GumboNode*>(kids.data[i]);
      if (k == c) {
        blocks.push_back(container);
        continue;
      }
      if (!IsElement(k) || Tag(k) != Tag(c) || Attr(k, "class") == nullptr ||
          std::string_view(Attr(k, "class")) != cls)
        continue;
      auto it = st.find(k);
      if (it == st.end() || it->second.skip || it->second.in_furniture ||
          it->second.para_chars < 25 || it->second.link_chars * 3 > it->second.chars ||
          HasHeading(k) || ++taken > 3)
        continue;
      blocks.push_back(k);
    }
    if (taken > 0 && taken <= 3) return blocks;
  }
  return {container};
}

HtmlContent ExtractContent(const GumboNode* root, const std::string& title,
                           const ExtractOptions& options) {
  HtmlContent result;
  StatsMap st;
  std::vector<const GumboNode*> order;
  ComputeStats(root, st, order);

  // Inside comment threads, navigation and asides a block of prose is still
  // not the article (a long reader comment beat the story on a MacRumors
  // page); such candidates are considered only when nothing else is.
  const GumboNode* best = nullptr;
  for (bool allow_furniture : {false, true}) {
    double best_score = 0;
    for (const GumboNode* n : order) {
      const Stats& s = st.find(n)->second;
      result.longest_block = std::max(result.longest_block, s.own_text);
      if (!s.candidate || s.chars == 0 || (s.in_furniture && !allow_furniture)) continue;
      const double density = static_cast<double>(s.link_chars) / static_cast<double>(s.chars);
      const double score = (s.score + s.bonus) * (1.0 - density);
      if (!best || score > best_score) {
        best = n;
        best_score = score;
      }
    }
    if (best) {
      best = OutvotedByArticle(best, order, st);
      break;
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
  // or a best guess that is one of several sibling text blocks. A level that
  // adds no text at all is passed through rather than ending the search: a
  // body cut into one <p> per "card" (card > card-content > p) only gains
  // text two levels up, where the cards meet. A level that adds a little
  // (a caption, a dek) still ends it, or a feed of teasers around the story
  // would be taken in (Digg).
  // Up to 4 widenings; wrappers that add nothing do not count, but the walk
  // stops after 8 ancestors (modern layouts nest a body 6 wrappers deep
  // between the sections it is split into: Quanta).
  const GumboNode* p = best;
  for (int steps = 0, up = 0; steps < 4 && up < 8; ++up) {
    const GumboNode* below = p;
    p = p->parent;
    if (!IsElement(p) || Tag(p) == GUMBO_TAG_HTML) break;
    const Stats& bs = st[best];
    const Stats& ps = st[p];
    if (ps.chars == 0 || ps.link_chars * 3 > ps.chars) break;
    // <body> holds every block of the page; widening to it takes in teaser
    // feeds and calls to action whenever they read like prose (Digg).
    if (Tag(p) == GUMBO_TAG_BODY) break;
    if (ps.hint.negative > 0 && ps.hint.positive == 0) break;
    if (ps.para_chars == bs.para_chars) continue;  // a wrapper adding nothing: look above it
    // Text in other <article> elements beside the story (a "most popular"
    // feed of teaser cards) is other pieces, not more of this one.
    const Stats& ks = st[below];
    const size_t own_articles = Tag(below) == GUMBO_TAG_ARTICLE ? ks.para_chars : ks.article_para;
    const size_t para_here =
        ps.para_chars - (ps.article_para - std::min(ps.article_para, own_articles));
    // A story's intro and first paragraphs above the rest of it (the rest in
    // a "read more" wrapper) add less than 1.25x to a long body, yet are the
    // lede. Prose of 400+ characters before the container, at most half as
    // much after it, under a parent that is not link-heavy, is taken in; a
    // teaser feed around the story sits after it as much as before.
    const auto [before, after] = ParaCharsAround(p, below, st);
    const bool lede_above = before >= 400 && after * 2 <= before && ps.link_chars * 10 < ps.chars;
    if (para_here * 4 < bs.para_chars * 5 && !lede_above) break;  // < 1.25x: keep the tighter box
    best = p;
    ++steps;
  }
  result.container = best;

  const std::string title_key = AsciiLower(CollapseSpace(title));
  std::set<std::string> seen;
  std::vector<Para> paras;
  for (const GumboNode* block : SplitBody(best, st))
    for (Para& p : Emit(block, st)) paras.push_back(std::move(p));
  for (Para& p : paras) {
    if (!KeepParagraph(p, title_key, options)) continue;
    if (!seen.insert(p.text).second) continue;
    result.paragraphs.push_back(std::move(p.text));
  }
  return result;
}

}  // namespace newsfuse::extract_internal
