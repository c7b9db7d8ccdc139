// Markup slimming: the bytes gumbo never needs to see, removed before it parses.
//
// Why: gumbo 0.10 builds one token per character and dominated the profile
// (69% of extraction time on the ScrapingHub pages). On those 181 pages 60% of
// the bytes are <script>, <style>, <svg>, comments and <noscript>, and most
// of the rest are attributes no rule reads (href, src, srcset, data-*). None
// of it can become article text: script and style bodies are raw text that
// cannot hold markup, so dropping the whole element leaves every other node of
// the tree exactly where the HTML5 tree builder would put it.
//
// One linear pass, one output buffer. It also
//  - caps element nesting (gumbo's time and memory grow with the square of the
//    depth: 10k nested <div>s took ~800 MB), dropping start and end tags
//    beyond `max_depth` (void and optional-end elements do not count);
//  - keeps only the attributes the extractor reads, and turns an inline
//    display:none / visibility:hidden style into a bare `hidden`;
//  - collapses runs of ASCII whitespace in text to one space (inside <pre> and
//    <textarea> too: paragraphs are cut at elements, never at newlines);
//  - lifts JSON-LD script bodies out, verbatim (script text is never
//    entity-decoded, so the bytes are what gumbo would have given).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace newsfuse::extract_internal {

inline constexpr int kMaxNesting = 400;

struct SlimHtml {
  std::string markup;                // what gumbo parses
  std::vector<std::string> json_ld;  // bodies of <script type="application/ld+json">
  // Text of <noscript> bodies (markup removed, first 4 KB): never article
  // text, but on a script-only shell it is the page's one message ("enable
  // JavaScript"), read only to name why such a page has no article.
  std::string noscript_text;
};

SlimHtml SlimMarkup(std::string_view html, int max_depth = kMaxNesting);

}  // namespace newsfuse::extract_internal
