// Metadata an HTML page states about itself: <meta> tags (Open Graph,
// article:*, name=author, Dublin Core...), JSON-LD (schema.org NewsArticle and
// friends), <time datetime>, itemprop microdata, rel=author, byline elements,
// <html lang> and <title>. Collected in one pass; ranked in html_extractor.cc.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "extract/html_dom.h"

namespace newsfuse::extract_internal {

struct HtmlMeta {
  std::map<std::string, std::string> meta;  // lowercased property/name/itemprop -> first content
  std::string html_lang;
  std::string title_tag;
  std::string first_h1;
  std::string canonical_url;
  std::vector<std::string> rel_authors;   // link text of rel=author
  std::vector<std::string> byline_texts;  // text of elements with class/id byline/author
  std::string time_datetime;              // first <time datetime> dating the page
  std::string time_text;                  // what that <time> prints
  // Text of the first few short elements whose class or id names a date
  // ("entry-date", "datum", "post-meta") and of <time> elements, in page
  // order: where a page prints its date for readers (visible_dates.h).
  std::vector<std::string> date_texts;
  std::string itemprop_published, itemprop_modified;
  // From JSON-LD article objects (first one wins per field).
  std::string ld_headline, ld_published, ld_modified, ld_publisher, ld_language;
  // datePublished (else uploadDate) of the first JSON-LD object that is not an
  // article (WebPage, VideoObject): the page's date when no article object
  // states one.
  std::string ld_other_published;
  // The article object's own address: its url, else mainEntityOfPage (a
  // string or an object's @id).
  std::string ld_url;
  std::string ld_body;  // articleBody, line breaks kept (a body candidate)
  std::vector<std::string> ld_authors;
  // Every ld_authors entry came from an object typed "Person": the page says
  // it is a person even when the name is also the publisher's (a personal site).
  bool ld_authors_person = false;
  int ld_blocks = 0, ld_invalid = 0;
  // Page types JSON-LD states: an article type on any object; a listing
  // (CollectionPage, SearchResultsPage) on any object (not_article.h).
  bool ld_article = false, ld_listing = false;
};

// `json_ld`: the script bodies SlimMarkup lifted out before parsing.
HtmlMeta ReadHtmlMeta(const GumboNode* root, const std::vector<std::string>& json_ld);

// Reads one JSON-LD script body into `meta` (tolerates invalid JSON).
void ReadJsonLd(std::string_view text, HtmlMeta& meta);

}  // namespace newsfuse::extract_internal
