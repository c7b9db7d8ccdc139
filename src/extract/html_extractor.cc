// HTML page -> Draft: charset, bounded parse, content, then metadata ranked
// by how deliberately the page states it (structured metadata written for
// machines first, visible markup next, URL patterns last).
#include "extract/html_extractor.h"

#include <algorithm>

#include "extract/author_names.h"
#include "extract/bylines.h"
#include "extract/canonical_url.h"
#include "extract/charset.h"
#include "extract/date_agreement.h"
#include "extract/html_content.h"
#include "extract/html_dom.h"
#include "extract/html_metadata.h"
#include "extract/html_slim.h"
#include "extract/machine_dates.h"
#include "extract/not_article.h"
#include "extract/page_text_dates.h"
#include "extract/text_util.h"
#include "extract/title_site.h"
#include "extract/visible_dates.h"

namespace newsfuse::extract_internal {
namespace {

constexpr const char* kPublishedMetaKeys[] = {"article:published_time",
                                              "og:published_time",
                                              "og:article:published_time",
                                              "datepublished",
                                              "pubdate",
                                              "publishdate",
                                              "publish-date",
                                              "publish_date",
                                              "published_time",
                                              "publication_date",
                                              "date_published",
                                              "date-published",
                                              "citation_publication_date",
                                              "dc.date.issued",
                                              "dcterms.issued",
                                              "dc.date.created",
                                              "dcterms.created",
                                              "dcterms.date",
                                              "dc.date",
                                              "date",
                                              "sailthru.date",
                                              "parsely-pub-date",
                                              "article.published",
                                              "originalpublicationdate",
                                              "release_date",
                                              "rnews:datepublished"};

// Meta names that say "a date", not "published": content systems fill them
// with the day the page was last changed (TYPO3's name=date), so a date
// printed for readers outranks them (IsGenericDateKey).
constexpr std::string_view kGenericDateMetaKeys[] = {"date", "dc.date", "dcterms.date"};

bool IsGenericDateKey(std::string_view key) {
  return std::find(std::begin(kGenericDateMetaKeys), std::end(kGenericDateMetaKeys), key) !=
         std::end(kGenericDateMetaKeys);
}

std::string MetaValue(const HtmlMeta& m, std::initializer_list<const char*> keys,
                      std::string* which) {
  for (const char* k : keys) {
    auto it = m.meta.find(k);
    if (it != m.meta.end() && !it->second.empty()) {
      if (which) *which = std::string("meta:") + k;
      return it->second;
    }
  }
  return {};
}

// ASCII-case-insensitive: does `hay` contain `needle`?
bool ContainsFolded(std::string_view hay, std::string_view needle) {
  return AsciiLower(CollapseSpace(hay)).find(AsciiLower(CollapseSpace(needle))) !=
         std::string::npos;
}

bool LooksLikeUrl(std::string_view s) {
  return s.find("://") != std::string_view::npos || StartsWith(s, "www.") || StartsWith(s, "/");
}

// Names from a free-text byline element: "By Jane Doe and John Roe, Reuters".
std::vector<std::string> NamesFromBylineText(const std::string& text) {
  // The element's text may be link text ("Zeige alle Beiträge von Jane Doe"):
  // ParseByline reads names after a plain "By ".
  return ParseByline("By " + StripAuthorPrefix(text));
}

// `person`: the page types these names as persons (JSON-LD "@type": "Person"),
// so a name that is also the outlet is a personal site's owner, not the outlet.
void AddAuthors(Article& a, std::string_view page, const std::vector<std::string>& names,
                const char* source, bool person = false) {
  if (!a.authors.empty()) return;
  // One field holding several names or a role ("Jane Doe and John Roe",
  // "Jane Doe, Staff Writer") is read as a byline.
  std::vector<std::string> split;
  for (const auto& raw : names) {
    std::vector<std::string> parts = NamesFromBylineText(raw);
    if (parts.empty()) parts.push_back(raw);
    split.insert(split.end(), parts.begin(), parts.end());
  }
  for (const auto& raw : split) {
    // A title suffix is often the author's own name on a personal site, so
    // only an outlet the page states as such rules a name out.
    const auto src = a.field_sources.find("outlet");
    const bool stated = !person && src != a.field_sources.end() && src->second != "title-suffix";
    const std::string n = CleanAuthorName(raw, stated ? a.outlet : "");
    if (n.empty() || CreditedAsEditor(page, n)) continue;
    bool dup = false;
    for (auto& e : a.authors) dup |= AsciiLower(e) == AsciiLower(n);
    if (!dup) a.authors.push_back(n);
  }
  if (!a.authors.empty()) a.field_sources["authors"] = source;
}

// articleBody as paragraphs: its line breaks are the paragraph breaks. A value
// carrying markup is not plain text and is not used.
std::vector<std::string> JsonLdParagraphs(std::string_view body) {
  std::vector<std::string> out;
  if (body.find('<') != std::string_view::npos) return out;
  for (std::string_view line : SplitLines(body)) {
    std::string p = CollapseSpace(line);
    if (!p.empty()) out.push_back(std::move(p));
  }
  return out;
}

void SetDate(std::optional<DateTime>& field, const std::string& name, Article& a,
             const std::string& text, const std::string& source) {
  if (field || text.empty()) return;
  if (auto d = ParseMachineDate(text)) {
    field = d;
    a.field_sources[name] = source;
  }
}

// The page's own statements of its publication day, each place once: a
// <time> element counts as the day it prints when it prints one.
std::vector<DateStatement> PublicationStatements(const HtmlMeta& m, bool month_first) {
  std::vector<DateStatement> out;
  auto add = [&](const std::string& source, const std::string& text) {
    if (auto d = text.empty() ? std::nullopt : ParseMachineDate(text)) out.push_back({source, *d});
  };
  add("json-ld", m.ld_published);
  auto first_meta = [&](bool generic) {
    for (const char* key : kPublishedMetaKeys)
      if (auto it = m.meta.find(key);
          it != m.meta.end() && !it->second.empty() && IsGenericDateKey(key) == generic)
        return add(std::string("meta:") + key, it->second);
  };
  first_meta(false);
  first_meta(true);
  add("itemprop", m.itemprop_published);
  if (auto shown = FirstDateInText(m.time_text, month_first); shown && !m.time_datetime.empty())
    out.push_back({"time-element-text", *shown});
  else
    add("time-element", m.time_datetime);
  for (const std::string& t : m.date_texts) {
    if (!m.time_text.empty() && t.find(m.time_text) != std::string::npos) continue;
    if (auto d = FirstDateInText(t, month_first)) {
      out.push_back({"visible-date", *d});
      break;
    }
  }
  return out;
}

// The ranked choice gives way when the page's other statements agree on
// another day (OutvotingDate).
void OutvoteLoneDate(const HtmlMeta& m, bool month_first, Article& a) {
  const std::string chosen_source = a.field_sources["published"];
  std::vector<DateStatement> others;
  for (DateStatement& s : PublicationStatements(m, month_first))
    if (!chosen_source.starts_with(s.source)) others.push_back(std::move(s));
  if (auto agreed = OutvotingDate({chosen_source, *a.published}, others)) {
    a.published = agreed->when;
    a.field_sources["published"] =
        agreed->source + " (agreed by the page's other dates over " + chosen_source + ")";
  }
}

}  // namespace

bool LooksLikeHtml(std::string_view bytes) {
  std::string_view t = bytes.substr(0, 4096);
  if (StartsWith(t, "\xEF\xBB\xBF")) t.remove_prefix(3);
  t = Trim(t);
  return !t.empty() && t.front() == '<';
}

Result<Draft> ExtractFromHtml(const RawPage& page, const ExtractOptions& options) {
  std::string_view bytes = std::string_view(page.content).substr(0, kMaxHtmlBytes);
  std::string charset;
  const std::string utf8 = ToUtf8(bytes, DeclaredCharset(bytes), &charset);
  const SlimHtml slim = SlimMarkup(utf8);
  Dom dom(slim.markup);
  const HtmlMeta m = ReadHtmlMeta(dom.root(), slim.json_ld);

  Draft draft;
  Article& a = draft.article;
  if (charset != "utf-8") a.field_sources["charset"] = charset;

  // Outlet first: the title's " | Site" suffix is recognised by it.
  std::string src;
  if (std::string v = MetaValue(m, {"og:site_name"}, &src); !v.empty()) {
    a.outlet = v;
    a.field_sources["outlet"] = "og:site_name";
  } else if (!m.ld_publisher.empty()) {
    a.outlet = m.ld_publisher;
    a.field_sources["outlet"] = "json-ld";
  } else if (std::string v2 = MetaValue(m, {"application-name", "publisher", "dc.publisher"}, &src);
             !v2.empty()) {
    a.outlet = v2;
    a.field_sources["outlet"] = src;
  }

  // Title: the candidate (og:title, JSON-LD headline, <title>, <h1>) most
  // others agree with; with no agreement og:title, JSON-LD headline, then
  // <title> or <h1>; each without a site affix. With no stated outlet, the site is what the <title>
  // tag adds after a strong separator, and the same words are stripped from og:title.
  std::string site, guessed_site = a.outlet;
  const std::string tag_title = StripTitleSite(m.title_tag, a.outlet, &site);
  if (guessed_site.empty()) guessed_site = site;
  const std::string social = MetaValue(m, {"og:title", "twitter:title"}, &src);
  const std::string social_src = src == "meta:og:title" ? "og:title" : "twitter:title";
  const std::string headline =
      m.ld_headline.empty() ? "" : StripTitleSite(m.ld_headline, guessed_site, nullptr);
  const std::string h1 = m.first_h1.size() < 400 ? m.first_h1 : "";
  const std::vector<std::string> candidates = {
      social.empty() ? "" : StripTitleSite(social, guessed_site, nullptr), headline, tag_title, h1};
  static const char* const kCandidateSource[] = {"", "json-ld", "title-tag", "h1"};
  if (const int agreed = MostAgreedTitle(candidates); agreed >= 0) {
    a.title = candidates[agreed];
    a.field_sources["title"] = agreed == 0 ? social_src : kCandidateSource[agreed];
  } else if (!social.empty()) {
    a.title = candidates[0];
    a.field_sources["title"] = social_src;
  } else if (!headline.empty()) {
    a.title = headline;
    a.field_sources["title"] = "json-ld";
  } else if (!h1.empty() && (tag_title.empty() || ContainsFolded(tag_title, h1) ||
                             (SplitWords(tag_title).size() < 3 &&
                              SplitWords(h1).size() >= SplitWords(tag_title).size()))) {
    // The <h1> is the headline when the <title> repeats it or says too little
    // (fewer than three words, and no more than the <h1>); otherwise it is often a
    // section name ("Health Center"), a logo or a word of the body, and the
    // <title> names the page.
    a.title = h1;
    a.field_sources["title"] = "h1";
  } else if (!tag_title.empty()) {
    a.title = tag_title;
    a.field_sources["title"] = "title-tag";
  }
  if (a.outlet.empty() && !site.empty()) {
    a.outlet = site;
    a.field_sources["outlet"] = "title-suffix";
  }

  // A listing page by its own schema data, unless anything calls it an article.
  {
    const auto og_type = m.meta.find("og:type");
    const bool og_article =
        og_type != m.meta.end() && AsciiLower(Trim(og_type->second)) == "article";
    draft.kind.listing_schema = m.ld_listing && !m.ld_article && !og_article;
  }

  // Canonical URL: the address the page names for itself, so a report can
  // link to the original (ExtractArticle uses it as the URL when the input
  // came without one).
  const CanonicalUrl canonical = ChooseCanonicalUrl({{m.canonical_url, "canonical"},
                                                     {MetaValue(m, {"og:url"}, nullptr), "og:url"},
                                                     {m.ld_url, "json-ld"}},
                                                    page.url);
  if (!canonical.url.empty()) {
    a.canonical_url = canonical.url;
    a.field_sources["canonical_url"] = canonical.source;
  }

  // Authors. JSON-LD first: its author is typed (a Person's name, not a
  // handle or a page title); then Dublin Core's creator, which a page sets on
  // purpose, before the generic name=author that themes fill with anything.
  AddAuthors(a, utf8, m.ld_authors, "json-ld", m.ld_authors_person);
  if (std::string v = MetaValue(m,
                                {"dc:creator", "dc.creator", "dcterms.creator", "author",
                                 "article:author", "byl", "parsely-author", "sailthru.author"},
                                &src);
      !v.empty() && !LooksLikeUrl(v)) {
    AddAuthors(a, utf8, {v}, src.c_str());  // "Jane Doe, John Roe", "Jane Doe and John Roe"
  }
  AddAuthors(a, utf8, m.rel_authors, "rel-author");
  for (const auto& b : m.byline_texts) {
    AddAuthors(a, utf8, NamesFromBylineText(b), "byline-element");
    // The first byline that credits an agency ("AFP 30 avril 2015") is the
    // page's: the later ones are teasers' or related articles'.
    if (!a.authors.empty() || OpensWithWire(b)) break;
  }

  // Dates.
  SetDate(a.published, "published", a, m.ld_published, "json-ld");
  for (const char* key : kPublishedMetaKeys) {
    // The first key the page fills decides, as the page's own choice of field.
    auto it = m.meta.find(key);
    if (it == m.meta.end() || it->second.empty() || IsGenericDateKey(key)) continue;
    SetDate(a.published, "published", a, it->second, std::string("meta:") + key);
    break;
  }
  SetDate(a.published, "published", a, m.itemprop_published, "itemprop");
  SetDate(a.published, "published", a, m.ld_other_published, "json-ld-page");
  // Numeric "04/05/2020" is month first only on US-English pages.
  const std::string page_lang = AsciiLower(m.html_lang);
  const bool month_first = page_lang == "en" || IStartsWith(page_lang, "en-us");
  if (!a.published) {
    SetDate(a.published, "published", a, m.time_datetime, "time-element");
    // The day a <time> prints for readers ("Publié le 29 juin 2019") over its
    // datetime attribute when they differ: themes fill the attribute with the
    // modified instant, or a UTC instant on the next day; the printed date is
    // the writer's calendar day. Not when the text says it is an update.
    const auto shown = FirstDateInText(m.time_text, month_first);
    if (a.published && shown && shown->DaysSinceEpoch() != a.published->DaysSinceEpoch() &&
        !UpdateWordBefore(" " + AsciiLower(m.time_text))) {
      a.published = shown;
      a.field_sources["published"] = "time-element-text";
    }
  }
  if (a.published && a.published->utc_offset_minutes == 0) {
    // A UTC instant says the moment, not the writer's day; the same moment
    // stated elsewhere with the page's own offset ("00:04 +0200") does.
    std::vector<std::pair<std::string, std::string>> stated = {{"itemprop", m.itemprop_published},
                                                               {"time-element", m.time_datetime}};
    for (const char* key : kPublishedMetaKeys)
      if (auto it = m.meta.find(key); it != m.meta.end())
        stated.emplace_back(std::string("meta:") + key, it->second);
    for (const auto& [from, text] : stated) {
      const auto d = text.empty() ? std::nullopt : ParseMachineDate(text);
      if (d && d->utc_offset_minutes.value_or(0) != 0 && SameInstant(*d, *a.published)) {
        a.published = d;
        a.field_sources["published"] = from + " (the same instant in local time)";
        break;
      }
    }
  }
  if (a.published) OutvoteLoneDate(m, month_first, a);
  std::optional<DateTime> url_day;
  for (const std::string& u : {page.url, m.canonical_url, MetaValue(m, {"og:url"}, nullptr)})
    if ((url_day = DateFromPath(u))) break;
  if (!a.published && url_day) {
    a.published = url_day;
    a.field_sources["published"] = "url";
  } else if (a.published && url_day && a.published->utc_offset_minutes == 0 &&
             a.published->DaysSinceEpoch() != url_day->DaysSinceEpoch() &&
             FallsOnDaySomewhere(*a.published, *url_day)) {
    // A UTC instant ("2023-11-09T03:28Z") does not say the writer's calendar
    // day; the page's own address does ("/2023/11/08/"): the day it names is
    // the publication day, and the instant is consistent with it.
    a.field_sources["published"] = "url (" + a.field_sources["published"] + " " +
                                   a.published->ToIso() + " is that day in another time zone)";
    a.published = url_day;
  }
  if (!a.published) {
    // The date printed for readers, read from the elements that name a date.
    for (const std::string& t : m.date_texts) {
      if (auto d = FirstDateInText(t, month_first)) {
        a.published = d;
        a.field_sources["published"] = "visible-date";
        break;
      }
    }
    for (std::string_view key : kGenericDateMetaKeys) {
      auto it = m.meta.find(std::string(key));
      if (it == m.meta.end() || it->second.empty()) continue;
      SetDate(a.published, "published", a, it->second, "meta:" + std::string(key));
      break;
    }
    // The byline's date ("Jane Doe, 21. Jan. 2015"): the author's line
    // states when the piece appeared, unless it says it is an update.
    for (size_t i = 0; !a.published && i < m.byline_texts.size(); ++i) {
      const std::string& t = m.byline_texts[i];
      if (UpdateWordBefore(" " + AsciiLower(t))) continue;
      if (auto d = FirstDateInText(t, month_first)) {
        a.published = d;
        a.field_sources["published"] = "byline-element";
      }
    }
    // Last: a date in the page's running text, after a publication label
    // first ("Datum: 26. Januar 2022"), never after an update word.
    if (!a.published) {
      if (auto d = DateInPageText(dom.root(), month_first)) {
        a.published = d;
        a.field_sources["published"] = "page-text";
      }
    }
  }
  SetDate(a.updated, "updated", a, m.ld_modified, "json-ld");
  {
    std::string v = MetaValue(
        m, {"article:modified_time", "og:updated_time", "datemodified", "lastmod", "last-modified"},
        &src);
    SetDate(a.updated, "updated", a, v, src);
  }
  SetDate(a.updated, "updated", a, m.itemprop_modified, "itemprop");

  // Language.
  std::string lang = m.html_lang;
  std::string lang_src = "html-lang";
  if (lang.empty()) {
    lang = MetaValue(m, {"og:locale", "content-language", "language", "dc.language"}, &src);
    lang_src = src;
  }
  if (lang.empty()) {
    lang = m.ld_language;
    lang_src = "json-ld";
  }
  std::replace(lang.begin(), lang.end(), '_', '-');
  if (lang.size() <= 35 && !lang.empty()) {
    a.language = lang;
    a.field_sources["language"] = lang_src;
  }

  // Body. JSON-LD articleBody is the page's own statement of its text: it
  // wins when the markup gave nothing or much less (a body rendered by script,
  // a page cut to a teaser), never when the markup's body is comparable.
  HtmlContent content = ExtractContent(dom.root(), a.title, options);
  size_t html_chars = 0, longest = 0;
  for (const auto& p : content.paragraphs) {
    html_chars += Utf8Length(p);
    longest = std::max(longest, Utf8Length(p));
  }
  const std::vector<std::string> ld_paragraphs = JsonLdParagraphs(m.ld_body);
  size_t ld_chars = 0;
  for (const auto& p : ld_paragraphs) ld_chars += Utf8Length(p);
  if (ld_chars >= 2 * html_chars + 200 ||
      (longest < static_cast<size_t>(options.min_paragraph_chars) &&
       ld_chars >= static_cast<size_t>(options.min_paragraph_chars))) {
    content.paragraphs = ld_paragraphs;
    longest = ld_chars;
    a.field_sources["body"] = "json-ld";
  }
  // No article text: said as a notice when the page is one (a consent wall,
  // a script shell's <noscript> message), else by its longest block.
  auto no_text = [&](size_t chars) {
    std::vector<std::string> blocks = content.paragraphs;
    if (blocks.empty()) blocks.push_back(TextOf(dom.root(), 1 << 14));
    if (!Trim(slim.noscript_text).empty()) blocks.push_back(slim.noscript_text);
    if (auto why = NoticeReason(blocks))
      return Status::BadInput(page.locator, "not an article: " + *why);
    return Status::BadInput(
        page.locator, "no article text found (longest block " + std::to_string(chars) + " chars)");
  };
  // A page whose every candidate is one short line is not an article.
  if (content.paragraphs.empty() || longest < static_cast<size_t>(options.min_paragraph_chars)) {
    Status why = no_text(content.paragraphs.empty() ? content.longest_block : longest);
    if (!options.metadata_without_body) return why;
    draft.refused = why.message();
    return draft;
  }
  a.paragraphs = std::move(content.paragraphs);
  if (a.title.empty() && !m.first_h1.empty()) {
    a.title = m.first_h1;
    a.field_sources["title"] = "h1";
  }
  return draft;
}

}  // namespace newsfuse::extract_internal
