#include "extract/html_metadata.h"

#include <nlohmann/json.hpp>

#include "extract/page_time.h"
#include "extract/text_util.h"

namespace newsfuse::extract_internal {
namespace {

using nlohmann::json;

bool EqualsCi(std::string_view s, std::string_view lower) {
  return s.size() == lower.size() && IStartsWith(s, lower);
}

// Case-insensitive substring test on a possibly null attribute value.
bool ContainsCi(const char* hay, std::string_view lower) {
  if (!hay) return false;
  for (std::string_view h(hay); h.size() >= lower.size(); h.remove_prefix(1))
    if (IStartsWith(h, lower)) return true;
  return false;
}

std::string Str(const json& j) {
  if (j.is_string()) return CollapseSpace(j.get<std::string>());
  return {};
}

bool IsArticleType(const json& type) {
  auto check = [](const std::string& t) {
    // NewsArticle, Article, ReportageNewsArticle, BlogPosting, AnalysisNewsArticle...
    return t.find("Article") != std::string::npos || t == "BlogPosting" || t == "LiveBlogPosting" ||
           t == "Report";
  };
  if (type.is_string()) return check(type.get<std::string>());
  if (type.is_array())
    for (const auto& t : type)
      if (t.is_string() && check(t.get<std::string>())) return true;
  return false;
}

// A page that lists other pages. Not ItemList: recipes and listicles carry
// one inside an article.
bool IsListingType(const json& type) {
  auto check = [](const std::string& t) {
    return t == "CollectionPage" || t == "SearchResultsPage";
  };
  if (type.is_string()) return check(type.get<std::string>());
  if (type.is_array())
    for (const auto& t : type)
      if (t.is_string() && check(t.get<std::string>())) return true;
  return false;
}

// schema.org author: "Name", {"name": ...}, or an array of either.
// `person`: whether every name kept came from an object typed Person.
void AuthorNames(const json& a, std::vector<std::string>& out, bool& person) {
  person = true;
  auto one = [&](const json& x) {
    // An author typed as an organisation (an agency, the publisher) names
    // no person.
    if (x.is_object() && x.contains("@type") && x["@type"].is_string() &&
        x["@type"].get<std::string>().find("Organization") != std::string::npos)
      return;
    std::string name = x.is_object() && x.contains("name") ? Str(x["name"]) : Str(x);
    if (!name.empty() && name.find("://") == std::string::npos && out.size() < 10) {
      out.push_back(name);
      person = person && x.is_object() && x.contains("@type") && x["@type"].is_string() &&
               x["@type"].get<std::string>() == "Person";
    }
  };
  if (a.is_array()) {
    for (const auto& x : a) one(x);
  } else {
    one(a);
  }
}

// A byline-classed element that names someone other than the page's author:
// a "follow this author" widget (it lists the site's columnists) or a reader
// comment's byline. Without this test they used up the few byline slots
// before the page's own byline further down.
// Also a menu's entry: a list item among five or more ("Bylines", the link
// to a portal's columnists' section).
bool OthersByline(const GumboNode* n) {
  if (ContainsCi(Attr(n, "class"), "follow") || ContainsCi(Attr(n, "id"), "follow")) return true;
  if (Tag(n) == GUMBO_TAG_LI && n->parent && IsElement(n->parent)) {
    int items = 0;
    const GumboVector& siblings = n->parent->v.element.children;
    for (unsigned i = 0; i < siblings.length && items < 5; ++i)
      items += Tag(static_cast<const GumboNode*>(siblings.data[i])) == GUMBO_TAG_LI;
    if (items >= 5) return true;
  }
  for (const GumboNode* a = n; a != nullptr && IsElement(a); a = a->parent) {
    if (Tag(a) == GUMBO_TAG_BODY) break;
    if (HintOf(a).never > 0) return true;
    if (a != n && (ContainsCi(Attr(a, "class"), "follow") || ContainsCi(Attr(a, "id"), "follow")))
      return true;
  }
  return false;
}

void ReadArticleObject(const json& o, HtmlMeta& m) {
  auto set = [&](std::string& field, const char* key) {
    if (field.empty() && o.contains(key)) field = Str(o[key]);
  };
  set(m.ld_headline, "headline");
  if (m.ld_headline.empty()) set(m.ld_headline, "name");
  set(m.ld_published, "datePublished");
  if (m.ld_published.empty()) set(m.ld_published, "dateCreated");
  set(m.ld_modified, "dateModified");
  set(m.ld_language, "inLanguage");
  set(m.ld_url, "url");
  if (m.ld_url.empty() && o.contains("mainEntityOfPage")) {
    const json& page = o["mainEntityOfPage"];
    m.ld_url = page.is_object() && page.contains("@id") ? Str(page["@id"]) : Str(page);
  }
  if (m.ld_body.empty() && o.contains("articleBody") && o["articleBody"].is_string())
    m.ld_body = o["articleBody"].get<std::string>();
  if (m.ld_authors.empty() && o.contains("author"))
    AuthorNames(o["author"], m.ld_authors, m.ld_authors_person);
  if (m.ld_publisher.empty() && o.contains("publisher")) {
    const json& p = o["publisher"];
    if (p.is_object() && p.contains("name"))
      m.ld_publisher = Str(p["name"]);
    else if (p.is_array() && !p.empty() && p[0].is_object() && p[0].contains("name"))
      m.ld_publisher = Str(p[0]["name"]);
  }
}

// A block whose JSON value is complete but followed by stray characters (a
// surplus closing brace left by a template) is read up to the end of that
// value, as browsers' and search engines' JSON-LD readers do.
json ParseLenient(std::string_view t) {
  json doc = json::parse(t.begin(), t.end(), nullptr, /*allow_exceptions=*/false);
  if (!doc.is_discarded()) return doc;
  size_t end = 0;
  try {
    doc = json::parse(t.begin(), t.end());
  } catch (const json::parse_error& e) {
    end = e.byte;  // 1-based position of the first byte that does not fit
  }
  if (end < 2 || end > t.size()) return doc;
  std::string_view prefix = Trim(t.substr(0, end - 1));
  if (prefix.empty()) return doc;
  json head = json::parse(prefix.begin(), prefix.end(), nullptr, /*allow_exceptions=*/false);
  // Only a complete object or array counts: a bare prefix of a broken value
  // ("{" cut short) fails to parse and stays discarded.
  return head.is_object() || head.is_array() ? head : doc;
}

}  // namespace

void ReadJsonLd(std::string_view text, HtmlMeta& m) {
  ++m.ld_blocks;
  if (text.size() > (1u << 20)) {
    ++m.ld_invalid;
    return;
  }
  // Some sites wrap the JSON in HTML comments or CDATA markers.
  std::string_view t = Trim(text);
  for (std::string_view wrap : {"<!--", "<![CDATA["})
    if (StartsWith(t, wrap)) t = Trim(t.substr(wrap.size()));
  for (std::string_view wrap : {"-->", "]]>"})
    if (EndsWith(t, wrap)) t = Trim(t.substr(0, t.size() - wrap.size()));
  json doc = ParseLenient(t);
  if (doc.is_discarded()) {
    ++m.ld_invalid;
    return;
  }
  // Breadth-first over objects and arrays, bounded in depth and count:
  // article objects sit at the top, in an array, or in "@graph".
  struct Item {
    const json* j;
    int depth;
  };
  std::vector<Item> queue{{&doc, 0}};
  for (size_t i = 0; i < queue.size() && i < 2000; ++i) {
    const json& j = *queue[i].j;
    const int d = queue[i].depth;
    if (j.is_array()) {
      if (d < 6)
        for (const auto& x : j) queue.push_back({&x, d + 1});
      continue;
    }
    if (!j.is_object()) continue;
    if (j.contains("@type") && IsArticleType(j["@type"])) {
      m.ld_article = true;
      ReadArticleObject(j, m);
    } else if (m.ld_other_published.empty()) {
      for (const char* key : {"datePublished", "uploadDate"})
        if (m.ld_other_published.empty() && j.contains(key)) m.ld_other_published = Str(j[key]);
    }
    if (j.contains("@type") && IsListingType(j["@type"])) m.ld_listing = true;
    if (d < 6) {
      if (j.contains("@graph")) queue.push_back({&j["@graph"], d + 1});
      if (j.contains("mainEntity")) queue.push_back({&j["mainEntity"], d + 1});
    }
  }
}

HtmlMeta ReadHtmlMeta(const GumboNode* root, const std::vector<std::string>& json_ld) {
  HtmlMeta m;
  int times_seen = 0, dated_seen = 0;  // bounds DatesThePage's work per page
  for (const std::string& body : json_ld) ReadJsonLd(body, m);
  for (const GumboNode* n : Elements(root)) {
    switch (Tag(n)) {
      case GUMBO_TAG_HTML:
        if (m.html_lang.empty())
          m.html_lang = std::string(Trim(Attr(n, "lang") ? Attr(n, "lang") : ""));
        break;
      case GUMBO_TAG_TITLE:
        if (m.title_tag.empty()) m.title_tag = TextOf(n, 2000);
        break;
      case GUMBO_TAG_H1:
        if (m.first_h1.empty()) m.first_h1 = TextOf(n, 2000);
        break;
      case GUMBO_TAG_META: {
        const char* content = Attr(n, "content");
        if (!content) break;
        for (const char* key : {"property", "name", "itemprop", "http-equiv"}) {
          // RDFa: property (and, in practice, name) may list several names
          // separated by spaces ("dc:creator twitter:site_name").
          const std::string names = AttrLower(n, key);
          for (std::string_view k : SplitWords(names))
            m.meta.emplace(std::string(k), CollapseSpace(content));
        }
        break;
      }
      case GUMBO_TAG_LINK:
        if (AttrLower(n, "rel") == "canonical" && Attr(n, "href") && m.canonical_url.empty())
          m.canonical_url = Attr(n, "href");
        break;
      case GUMBO_TAG_TIME:
        // The first <time> that dates the page, not a teaser, comment or banner
        // beside it (page_time.h); a page's own <title> comes before its body.
        if (m.time_datetime.empty() && Attr(n, "datetime") && ++times_seen <= 40 &&
            DatesThePage(n, m.title_tag)) {
          m.time_datetime = Attr(n, "datetime");
          m.time_text = TextOf(n, 200);
        }
        break;
      default:
        break;
    }
    // Microdata, rel=author and byline classes anywhere; tested on the raw
    // attribute values, since this runs for every element of the page.
    if (const char* prop = Attr(n, "itemprop")) {
      const bool pub = EqualsCi(Trim(prop), "datepublished");
      if (pub || EqualsCi(Trim(prop), "datemodified")) {
        const char* v = Attr(n, "datetime") ? Attr(n, "datetime") : Attr(n, "content");
        std::string& field = pub ? m.itemprop_published : m.itemprop_modified;
        if (field.empty()) field = v ? std::string(v) : TextOf(n, 200);
      }
    }
    if (m.date_texts.size() < 6 && Tag(n) != GUMBO_TAG_META && Tag(n) != GUMBO_TAG_BODY &&
        Tag(n) != GUMBO_TAG_HTML && Tag(n) != GUMBO_TAG_INPUT && Tag(n) != GUMBO_TAG_FORM) {
      const char* cls = Attr(n, "class");
      const char* id = Attr(n, "id");
      bool dated = Tag(n) == GUMBO_TAG_TIME;
      for (std::string_view k :
           {"date", "datum", "time", "publish", "posted", "fecha", "byline", "meta"})
        dated = dated || ContainsCi(cls, k) || ContainsCi(id, k);
      if (dated && ++dated_seen <= 60 && DatesThePage(n, m.title_tag)) {
        std::string t = TextOf(n, 400);
        if (!t.empty() && t.size() <= 200) m.date_texts.push_back(std::move(t));
      }
    }
    if (Tag(n) == GUMBO_TAG_A && m.rel_authors.size() < 5 && ContainsCi(Attr(n, "rel"), "author")) {
      std::string t = TextOf(n, 200);
      if (!t.empty()) m.rel_authors.push_back(t);
    }
    if (m.byline_texts.size() < 3 && Tag(n) != GUMBO_TAG_META && Tag(n) != GUMBO_TAG_BODY &&
        Tag(n) != GUMBO_TAG_HTML) {
      const char* cls = Attr(n, "class");
      const char* id = Attr(n, "id");
      const bool byline = ContainsCi(cls, "byline") || ContainsCi(id, "byline") ||
                          ((ContainsCi(cls, "author") || ContainsCi(id, "author")) &&
                           !ContainsCi(cls, "authorbox") && !ContainsCi(id, "authorbox"));
      if (byline && !OthersByline(n)) {
        std::string t = TextOf(n, 300);
        if (!t.empty() && t.size() < 200) m.byline_texts.push_back(t);
      }
    }
  }
  return m;
}

}  // namespace newsfuse::extract_internal
