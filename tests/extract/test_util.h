// Helpers for the extract tests.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include "core/records.h"

namespace newsfuse::testing {

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::string SeedPath(const std::string& name) {
  return std::string(NEWSFUSE_SOURCE_DIR) + "/examples/seeds/" + name;
}

inline std::string FixturePath(const std::string& name) {
  return std::string(NEWSFUSE_SOURCE_DIR) + "/tests/data/extract/" + name;
}

// The whole article, for failure messages.
inline std::string Dump(const Article& a) {
  std::ostringstream o;
  o << "title: " << a.title << "\noutlet: " << a.outlet
    << "\npublished: " << (a.published ? a.published->ToIso() : "-")
    << "\nupdated: " << (a.updated ? a.updated->ToIso() : "-") << "\ndateline: " << a.dateline
    << "\nlanguage: " << a.language << "\nauthors:";
  for (auto& x : a.authors) o << " [" << x << "]";
  o << "\nsources:";
  for (auto& [k, v] : a.field_sources) o << " " << k << "=" << v;
  o << "\n";
  for (size_t i = 0; i < a.paragraphs.size(); ++i)
    o << "  [" << i << "] " << a.paragraphs[i] << "\n";
  return o.str();
}

// An HTML page holding a two-paragraph story (a dam reopening) after
// `head` in <head> and `body_extra` at the start of <body>.
inline RawPage DamStoryPage(const std::string& head, const std::string& body_extra = "",
                            const std::string& url = "") {
  RawPage page;
  page.locator = "t.html";
  page.url = url;
  page.format = PageFormat::kHtml;
  page.content = "<html><head>" + head + "</head><body>" + body_extra +
                 R"(<div class="story">
<p>The river dam reopened on Monday after eight months of repairs to its spillway gates.</p>
<p>Engineers said the new gates can release twice as much water during spring floods.</p>
</div></body></html>)";
  return page;
}

}  // namespace newsfuse::testing
