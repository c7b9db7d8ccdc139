// Extract: finds the article inside a page and reads its metadata.
//
// Input is one RawPage (plain text that kept its page furniture, or HTML);
// output is an Article with a clean body (paragraphs, no menus, timestamp
// lists, hashtags, newsletter prompts, bylines or unrelated trailing stories)
// and the metadata the page states: title, outlet, authors, publication and
// update dates, dateline place, language. Article::field_sources records where
// each field came from ("og:title", "first-line", "dateline", "hint", ...).
//
// Field caps: every metadata field, whichever path it came by (JSONL, WARC
// header, file name, HTML metadata, the text's first line), is cut to a size
// no real page reaches: title 2 KiB, outlet, each author 512 B (64 authors at
// most), dateline 256 B, each field_sources value 256 B, at a UTF-8 boundary;
// a URL (or canonical URL) over 4 KiB is dropped (extract/field_caps.h). Each cut is reported
// through ExtractOptions::on_warning. The body is bounded by ingest's page cap.
//
// Article::canonical_url is the address an HTML page names for itself
// (<link rel=canonical>, og:url, JSON-LD url or mainEntityOfPage; resolved
// against the page's URL; a home page or another host's redirect refused:
// extract/canonical_url.h). Article::url is the RawPage's URL; when the page
// came without one, the canonical URL fills it (field_sources "url"). The outlet is og:site_name,
// JSON-LD publisher, a publisher meta tag, or else the <title> tag's site suffix; a page that names
// none gets its URL's registrable domain ("www.theguardian.com" ->
// "theguardian.com", field_sources "url-host"; extract/url_outlet.h).
//
// UTF-16 pages (a BOM, or the NUL pattern of UTF-16 text) are decoded; a few
// stray NUL bytes do not make a page binary (core/utf8.h, LooksBinary).
//
// A pure function of its input and options: no I/O, no global state.
#pragma once

#include <functional>

#include "core/records.h"
#include "core/status.h"

namespace newsfuse {

struct ExtractOptions {
  // Paragraphs shorter than this (in characters) and without sentence
  // punctuation are treated as furniture candidates.
  int min_paragraph_chars = 40;
  // Called once per metadata field cut to its cap, with a Status::BadInput
  // whose locator is the page's and whose message starts "warning: " and names
  // the field; the article is still returned. Unset: the cut is silent, so a
  // front end must set it to tell the user (the CLI prints it on stderr).
  std::function<void(const Status&)> on_warning;
  // A page refused for its body ("no article text found", "not an article:
  // ...") still states its metadata: a script-rendered page or a consent wall
  // usually carries the article's date, title and author in <meta> and
  // JSON-LD. When set, such a page is returned with no paragraphs and
  // field_sources["refused"] = the refusal message, so a caller that wants
  // the metadata (the date evaluation, a report linking the page) gets it.
  // Unset (the default): the page is refused with BadInput as before.
  bool metadata_without_body = false;
};

// Returns BadInput (naming page.locator) when no article text could be found,
// and "not an article: <reason>" when the page is a cookie or consent wall, a
// login wall, an "enable JavaScript" shell, a browser check or an index page
// (extract/not_article.h); with ExtractOptions::metadata_without_body, such a
// page comes back with its metadata and no paragraphs instead.
Result<Article> ExtractArticle(const RawPage& page, const ExtractOptions& options = {});

}  // namespace newsfuse
