// The tokenizing here follows the HTML5 tokenizer only as far as finding
// where a tag, comment or raw-text body ends; everything it keeps is handed to
// gumbo unchanged, so gumbo still owns the tree-building rules.
#include "extract/html_slim.h"

#include <cstring>

#include "extract/text_util.h"

namespace newsfuse::extract_internal {
namespace {

bool IsAlpha(char c) { return IsAsciiUpper(c) || IsAsciiLower(c); }
bool IsTagSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool EqualsLower(std::string_view s, std::string_view lower) {
  if (s.size() != lower.size()) return false;
  for (size_t i = 0; i < s.size(); ++i)
    if (AsciiLower(s[i]) != lower[i]) return false;
  return true;
}

bool OneOf(std::string_view name, std::initializer_list<std::string_view> names) {
  for (std::string_view n : names)
    if (name == n) return true;
  return false;
}

// Elements whose end tag is optional or absent: real pages leave <p> and <li>
// open by the thousand, so they must not count toward the nesting cap.
bool IsVoidOrOptionalEnd(std::string_view n) {
  return OneOf(n, {"area",     "base",  "br",    "col",    "embed", "hr",    "img",    "input",
                   "link",     "meta",  "param", "source", "track", "wbr",   "keygen", "basefont",
                   "bgsound",  "frame", "image", "p",      "li",    "dt",    "dd",     "option",
                   "optgroup", "tr",    "td",    "th",     "thead", "tbody", "tfoot",  "colgroup",
                   "rb",       "rt",    "rtc",   "rp",     "html",  "head",  "body"});
}

// Raw-text bodies that are never page text: dropped with their element.
// A script body that is a schema.org JSON object: opens with '{' or '[' and
// names "@context" and schema.org in its first few hundred bytes.
bool LooksLikeUntypedJsonLd(std::string_view body) {
  body = Trim(body);
  if (body.empty() || (body.front() != '{' && body.front() != '[')) return false;
  const std::string_view head = body.substr(0, 300);
  return head.find("\"@context\"") != std::string_view::npos &&
         head.find("schema.org") != std::string_view::npos;
}

bool IsDroppedRawText(std::string_view n) {
  return OneOf(n,
               {"script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "textarea"});
}

// Attributes some rule reads (html_dom, html_content, html_metadata).
bool IsKeptAttribute(std::string_view n, std::string_view tag) {
  if (n == "href") return tag == "link";
  return OneOf(n, {"class", "id", "itemprop", "role", "hidden", "aria-hidden", "lang", "datetime",
                   "content", "property", "name", "http-equiv", "rel"});
}

bool StyleHides(std::string_view style) {
  std::string compact;
  for (char c : style)
    if (!IsTagSpace(c)) compact += AsciiLower(c);
  return compact.find("display:none") != std::string::npos ||
         compact.find("visibility:hidden") != std::string::npos;
}

struct Attribute {
  std::string_view name;
  std::string_view raw;    // name through the end of the value, as written
  std::string_view value;  // without quotes
};

// A start or end tag from '<' to just past '>'.
struct TagToken {
  std::string_view name;  // as written
  char lower[16] = {};    // lowercased name when it fits, else empty
  bool closing = false;
  bool self_closing = false;
  size_t end = 0;  // position after '>' (html.size() when unterminated)
  bool terminated = false;
  std::string_view Lower() const { return lower; }
};

// Reads one tag at html[lt] ('<' followed by a letter or "</" + letter) and
// calls `on_attr` for each attribute.
template <class OnAttr>
TagToken ReadTag(std::string_view html, size_t lt, OnAttr&& on_attr) {
  TagToken t;
  t.closing = html[lt + 1] == '/';
  size_t i = lt + (t.closing ? 2 : 1);
  const size_t ns = i;
  while (i < html.size() && !IsTagSpace(html[i]) && html[i] != '/' && html[i] != '>') ++i;
  t.name = html.substr(ns, i - ns);
  if (t.name.size() < sizeof t.lower)
    for (size_t k = 0; k < t.name.size(); ++k) t.lower[k] = newsfuse::AsciiLower(t.name[k]);
  while (i < html.size()) {
    const char c = html[i];
    if (IsTagSpace(c)) {
      ++i;
      continue;
    }
    if (c == '>') {
      t.terminated = true;
      t.end = i + 1;
      return t;
    }
    if (c == '/') {
      t.self_closing = i + 1 < html.size() && html[i + 1] == '>';
      ++i;
      continue;
    }
    t.self_closing = false;
    const size_t an = i;
    ++i;  // the first character may be '='
    while (i < html.size() && !IsTagSpace(html[i]) && html[i] != '/' && html[i] != '>' &&
           html[i] != '=')
      ++i;
    Attribute a;
    a.name = html.substr(an, i - an);
    size_t j = i;
    while (j < html.size() && IsTagSpace(html[j])) ++j;
    if (j < html.size() && html[j] == '=') {
      ++j;
      while (j < html.size() && IsTagSpace(html[j])) ++j;
      if (j < html.size() && (html[j] == '"' || html[j] == '\'')) {
        const size_t close = html.find(html[j], j + 1);
        if (close == std::string_view::npos) break;  // unterminated: the tag eats the rest
        a.value = html.substr(j + 1, close - j - 1);
        i = close + 1;
      } else {
        const size_t vs = j;
        while (j < html.size() && !IsTagSpace(html[j]) && html[j] != '>') ++j;
        a.value = html.substr(vs, j - vs);
        i = j;
      }
    }
    a.raw = html.substr(an, i - an);
    on_attr(a);
  }
  t.end = html.size();
  return t;
}

// Position of "</name" (any case) followed by a tag delimiter, or npos.
size_t FindEndTag(std::string_view html, std::string_view lower_name, size_t from) {
  for (size_t p = html.find("</", from); p != std::string_view::npos; p = html.find("</", p + 2)) {
    const size_t e = p + 2 + lower_name.size();
    if (e > html.size()) return std::string_view::npos;
    if (!EqualsLower(html.substr(p + 2, lower_name.size()), lower_name)) continue;
    if (e == html.size() || IsTagSpace(html[e]) || html[e] == '/' || html[e] == '>') return p;
  }
  return std::string_view::npos;
}

bool StartsTag(std::string_view html, size_t p, std::string_view lower_name) {
  const size_t e = p + 1 + lower_name.size();
  if (e >= html.size() || !EqualsLower(html.substr(p + 1, lower_name.size()), lower_name))
    return false;
  return IsTagSpace(html[e]) || html[e] == '/' || html[e] == '>';
}

// End of a nested element (svg, math, template) started before `from`: the
// position after its matching end tag, or npos when it is never closed or
// HTML content breaks out of it first (a missing </svg> must not swallow the
// article that follows).
size_t SkipNested(std::string_view html, std::string_view lower_name, size_t from) {
  const bool foreign = lower_name != "template";
  int depth = 1;
  for (size_t p = html.find('<', from); p != std::string_view::npos; p = html.find('<', p + 1)) {
    if (p + 1 >= html.size()) break;
    if (html[p + 1] == '/') {
      if (StartsTag(html, p + 1, lower_name) && --depth == 0) {
        const size_t gt = html.find('>', p);
        return gt == std::string_view::npos ? html.size() : gt + 1;
      }
      continue;
    }
    if (StartsTag(html, p, lower_name)) {
      ++depth;
    } else if (foreign) {
      for (std::string_view b : {"p", "div", "h1", "h2", "h3", "table", "ul", "ol", "li", "br",
                                 "blockquote", "pre", "body"})
        if (StartsTag(html, p, b)) return std::string_view::npos;
    }
  }
  return std::string_view::npos;
}

class Slimmer {
 public:
  Slimmer(std::string_view html, int max_depth) : html_(html), max_depth_(max_depth) {
    out_.markup.reserve(html.size() / 2);
  }

  SlimHtml Run() {
    size_t i = 0;
    while (i < html_.size()) {
      const size_t lt = html_.find('<', i);
      AppendText(html_.substr(i, (lt == std::string_view::npos ? html_.size() : lt) - i));
      if (lt == std::string_view::npos) break;
      i = Markup(lt);
    }
    return std::move(out_);
  }

 private:
  void AppendText(std::string_view t) {
    std::string& o = out_.markup;
    for (char c : t) {
      if (IsTagSpace(c)) {
        if (!o.empty() && o.back() == ' ') continue;
        c = ' ';
      }
      o += c;
    }
  }

  // Handles the construct at html_[lt] == '<'; returns where text resumes.
  size_t Markup(size_t lt) {
    const size_t n = html_.size();
    if (lt + 1 >= n) {
      out_.markup += '<';
      return n;
    }
    const char c = html_[lt + 1];
    if (c == '!') {
      if (html_.substr(lt, 4) == "<!--") {
        const size_t e = html_.find("-->", lt + 2);
        return e == std::string_view::npos ? n : e + 3;
      }
      const size_t gt = html_.find('>', lt);
      const size_t e = gt == std::string_view::npos ? n : gt + 1;
      if (EqualsLower(html_.substr(lt, std::min<size_t>(9, n - lt)), "<!doctype"))
        out_.markup.append(html_.substr(lt, e - lt));
      return e;  // other declarations and CDATA are bogus comments in HTML
    }
    if (c == '?') {
      const size_t gt = html_.find('>', lt);
      return gt == std::string_view::npos ? n : gt + 1;
    }
    if (c == '/') {
      if (lt + 2 < n && IsAlpha(html_[lt + 2])) return EndTag(lt);
      const size_t gt = html_.find('>', lt);
      return gt == std::string_view::npos ? n : gt + 1;  // "</>" or a bogus comment
    }
    if (!IsAlpha(c)) {
      out_.markup += '<';  // "a < b": text
      return lt + 1;
    }
    return StartTag(lt);
  }

  size_t EndTag(size_t lt) {
    TagToken t = ReadTag(html_, lt, [](const Attribute&) {});
    if (!t.terminated) return html_.size();
    const std::string_view name = t.Lower();
    if (IsVoidOrOptionalEnd(name)) {
      AppendEnd(t.name);
    } else {
      if (depth_ <= max_depth_) AppendEnd(t.name);
      if (depth_ > 0) --depth_;
    }
    return t.end;
  }

  void AppendEnd(std::string_view name) {
    out_.markup += "</";
    out_.markup += name;
    out_.markup += '>';
  }

  void KeepNoscriptText(std::string_view body) {
    std::string& o = out_.noscript_text;
    bool in_tag = false;
    o += ' ';
    for (char c : body) {
      if (o.size() >= 4096) return;
      if (c == '<') in_tag = true;
      if (!in_tag) o += c;
      if (c == '>') {
        in_tag = false;
        o += ' ';
      }
    }
  }

  size_t StartTag(size_t lt) {
    std::string& o = out_.markup;
    const size_t mark = o.size();
    bool json_ld = false, typed = false;
    // The tag's lowercase name is known only after ReadTag; attributes are
    // written optimistically and dropped with the tag when it is not kept.
    std::string_view tag_name;
    {
      size_t i = lt + 1;
      while (i < html_.size() && !IsTagSpace(html_[i]) && html_[i] != '/' && html_[i] != '>') ++i;
      tag_name = html_.substr(lt + 1, i - lt - 1);
    }
    char lower_buf[16] = {};
    if (tag_name.size() < sizeof lower_buf)
      for (size_t k = 0; k < tag_name.size(); ++k) lower_buf[k] = AsciiLower(tag_name[k]);
    const std::string_view lower = lower_buf;
    o += '<';
    o += tag_name;
    TagToken t = ReadTag(html_, lt, [&](const Attribute& a) {
      char an[16] = {};
      if (a.name.size() >= sizeof an) return;
      for (size_t k = 0; k < a.name.size(); ++k) an[k] = AsciiLower(a.name[k]);
      const std::string_view name = an;
      if (name == "type" && lower == "script") {
        std::string v = AsciiLower(a.value);
        json_ld = v.find("ld+json") != std::string::npos;
        typed = true;
      } else if (name == "style") {
        if (StyleHides(a.value)) o += " hidden";
      } else if (IsKeptAttribute(name, lower)) {
        o += ' ';
        o += a.raw;
      }
    });
    if (!t.terminated) {
      o.resize(mark);
      return html_.size();
    }
    if (t.self_closing) o += '/';
    o += '>';

    if (IsDroppedRawText(lower)) {
      o.resize(mark);
      const size_t close = FindEndTag(html_, lower, t.end);
      const size_t body_end = close == std::string_view::npos ? html_.size() : close;
      const std::string_view body = html_.substr(t.end, body_end - t.end);
      // Some templates print their schema.org object in a <script> without a
      // type: read as JSON-LD when it opens as one ({"@context": ...schema.org).
      if (!json_ld && !typed && lower == "script") json_ld = LooksLikeUntypedJsonLd(body);
      if (json_ld && out_.json_ld.size() < 20) out_.json_ld.emplace_back(body);
      if (lower == "noscript") KeepNoscriptText(html_.substr(t.end, body_end - t.end));
      if (close == std::string_view::npos) return html_.size();
      const size_t gt = html_.find('>', close);
      return gt == std::string_view::npos ? html_.size() : gt + 1;
    }
    if (lower == "title") {
      // RCDATA: copied through its end tag so a '<' in a title stays text.
      const size_t close = FindEndTag(html_, lower, t.end);
      const size_t body_end = close == std::string_view::npos ? html_.size() : close;
      AppendText(html_.substr(t.end, body_end - t.end));
      return body_end;
    }
    if (lower == "plaintext") {
      o.append(html_.substr(t.end));
      return html_.size();
    }
    if ((lower == "svg" || lower == "math" || lower == "template") && !t.self_closing) {
      const size_t e = SkipNested(html_, lower, t.end);
      if (e != std::string_view::npos) {
        o.resize(mark);
        return e;
      }
    }
    if (!IsVoidOrOptionalEnd(lower) && !t.self_closing) {
      ++depth_;
      if (depth_ > max_depth_) o.resize(mark);
    }
    return t.end;
  }

  std::string_view html_;
  int max_depth_;
  int depth_ = 0;  // counts every start/end tag seen, emitted or not
  SlimHtml out_;
};

}  // namespace

SlimHtml SlimMarkup(std::string_view html, int max_depth) { return Slimmer(html, max_depth).Run(); }

}  // namespace newsfuse::extract_internal
