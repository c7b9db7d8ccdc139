// Main-content selection in an HTML tree, and its paragraphs.
//
// Readability-style scoring (Arc90's algorithm, as in readability.js):
// every paragraph-like element with some text votes for its parent (full
// score) and grandparent (half), the vote growing with commas and length. A
// container's total is then adjusted by what it says it is (class/id words
// from html_hints.txt, <article>, <main>, itemprop=articleBody) and scaled by
// (1 - link density), because navigation and "related" lists are mostly
// links. Elements inside comment threads, <nav>, <aside> and the like are
// not candidates unless nothing else is. The best container, widened to an
// ancestor below <body> that holds clearly more clean paragraph text (bodies
// split by ad slots or cut into one "card" per paragraph), is emitted
// paragraph by paragraph, skipping furniture subtrees. A <div> with its own
// <br>-separated text votes for itself as well as its parent.
#pragma once

#include <string>
#include <vector>

#include "extract/extract.h"
#include "extract/html_dom.h"

namespace newsfuse::extract_internal {

struct HtmlContent {
  std::vector<std::string> paragraphs;
  const GumboNode* container = nullptr;
  size_t longest_block = 0;  // for the BadInput message
};

HtmlContent ExtractContent(const GumboNode* root, const std::string& title,
                           const ExtractOptions& options);

}  // namespace newsfuse::extract_internal
