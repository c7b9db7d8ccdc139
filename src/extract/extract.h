// Extract: finds the article inside a page and reads its metadata.
//
// Input is one RawPage (plain text that kept its page furniture, or HTML);
// output is an Article with a clean body (paragraphs, no menus, timestamp
// lists, hashtags, newsletter prompts, bylines or unrelated trailing stories)
// and the metadata the page states: title, outlet, authors, publication and
// update dates, dateline place, language. Article::field_sources records where
// each field came from ("og:title", "first-line", "dateline", "hint", ...).
//
// A pure function of its input and options: no I/O, no global state.
#pragma once

#include "core/records.h"
#include "core/status.h"

namespace newsfuse {

struct ExtractOptions {
  // Paragraphs shorter than this (in characters) and without sentence
  // punctuation are treated as furniture candidates.
  int min_paragraph_chars = 40;
};

// Returns BadInput (naming page.locator) when no article text could be found.
Result<Article> ExtractArticle(const RawPage& page, const ExtractOptions& options = {});

}  // namespace newsfuse
