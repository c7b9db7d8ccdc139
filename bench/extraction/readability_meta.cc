#include "readability_meta.h"

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "extract/extract.h"
#include "rejections.h"

namespace newsfuse::bench {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Whitespace collapsed and trimmed; ASCII case folded when `fold`.
std::string Norm(const std::string& s, bool fold) {
  std::string out;
  bool space = false;
  for (unsigned char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += fold && c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
  }
  return out;
}

std::string DropByPrefix(std::string s) {
  for (const char* p : {"by ", "par ", "von "})
    if (s.rfind(p, 0) == 0) return s.substr(std::string(p).size());
  return s;
}

bool Contained(const std::string& a, const std::string& b) {
  return !a.empty() && !b.empty() &&
         (a.find(b) != std::string::npos || b.find(a) != std::string::npos);
}

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

void ReadabilityMetadata(const fs::path& dir, bool misses) {
  std::ifstream index(dir / "index.csv");
  if (!index) {
    std::printf("skipped: %s not found\n", (dir / "index.csv").c_str());
    return;
  }
  std::string line;
  std::getline(index, line);  // header
  int pages = 0, failures = 0;
  int title_n = 0, title_exact = 0, title_contained = 0;
  int author_n = 0, author_exact = 0, author_contained = 0, author_none_n = 0, author_invented = 0;
  while (std::getline(index, line)) {
    const std::string name = line.substr(0, line.find(','));
    const fs::path page = dir / "pages" / name;
    const json want = json::parse(ReadAll(page / "expected-metadata.json"), nullptr, false);
    if (want.is_discarded()) continue;
    ++pages;
    RawPage raw;
    raw.locator = name;
    raw.url = "http://fakehost/test/page.html";
    raw.format = PageFormat::kHtml;
    raw.content = ReadAll(page / "source.html");
    auto got = ExtractArticle(raw);
    if (!got.ok()) {
      ++failures;
      NoteRejection("readability", name, got.status());
    }
    const std::string title = got.ok() ? got->title : "";
    std::string authors;
    if (got.ok())
      for (const auto& a : got->authors) authors += (authors.empty() ? "" : ", ") + a;

    if (want.contains("title") && want["title"].is_string() &&
        !want["title"].get<std::string>().empty()) {
      ++title_n;
      const std::string w = want["title"].get<std::string>();
      const bool exact = Norm(w, false) == Norm(title, false);
      title_exact += exact;
      title_contained += Contained(Norm(w, true), Norm(title, true));
      if (misses && !exact)
        std::printf("title_miss %s want=\"%s\" got=\"%s\"\n", name.c_str(), Norm(w, false).c_str(),
                    Norm(title, false).c_str());
    }
    const bool has_byline = want.contains("byline") && want["byline"].is_string() &&
                            !Norm(want["byline"].get<std::string>(), false).empty();
    if (has_byline) {
      ++author_n;
      const std::string w = DropByPrefix(Norm(want["byline"].get<std::string>(), true));
      const std::string g = Norm(authors, true);
      const bool exact = w == g;
      const bool contained = Contained(w, g);
      author_exact += exact;
      author_contained += contained;
      if (misses && !contained)
        std::printf("author_miss %s want=\"%s\" got=\"%s\"\n", name.c_str(), w.c_str(), g.c_str());
    } else {
      ++author_none_n;
      if (!authors.empty()) {
        ++author_invented;
        if (misses) std::printf("author_invented %s got=\"%s\"\n", name.c_str(), authors.c_str());
      }
    }
  }
  auto frac = [](int a, int b) { return b ? static_cast<double>(a) / b : 0.0; };
  std::printf(
      "extraction_readability_meta pages=%d failures=%d title_n=%d title_exact=%.3f "
      "title_contained=%.3f author_n=%d author_exact=%.3f author_contained=%.3f "
      "author_none_n=%d author_invented=%d\n",
      pages, failures, title_n, frac(title_exact, title_n), frac(title_contained, title_n),
      author_n, frac(author_exact, author_n), frac(author_contained, author_n), author_none_n,
      author_invented);
}

}  // namespace newsfuse::bench
