// Test corpora for the NLP stages, built as Articles without the extractor.
//
// SeedArticles(): the five reports of examples/seeds, reduced to what is
// plainly article text: lines of at least 12 words (paragraphs in these
// files are lines), stopping where the Bastille Post page glues on an
// unrelated story. Titles are the headlines the pages show.
//
// DucArticles(): newswire from ../shared/bench/duc2004/docs (licensed for
// internal evaluation only, so never copied into the repository). Empty when
// the folder is absent; tests that need it GTEST_SKIP.
#pragma once

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "core/records.h"

namespace newsfuse::testing {

inline std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline size_t WordCount(const std::string& s) {
  std::istringstream in(s);
  size_t n = 0;
  for (std::string w; in >> w;) ++n;
  return n;
}

inline Article MakeArticle(std::string id, std::string outlet, std::string title,
                           std::vector<std::string> paragraphs,
                           std::optional<DateTime> published = std::nullopt) {
  Article a;
  a.id = std::move(id);
  a.outlet = std::move(outlet);
  a.title = std::move(title);
  a.paragraphs = std::move(paragraphs);
  a.published = published;
  a.locator = a.outlet + ".txt";
  a.language = "en";
  return a;
}

inline std::vector<Article> SeedArticles() {
  struct Seed {
    const char* file;
    const char* outlet;
    const char* title;
    DateTime date;
    const char* id;
  };
  const Seed seeds[] = {
      {"2026-02-05_straits-times.txt", "The Straits Times", "", DateTime::Day(2026, 2, 5),
       "a1000000000000000000000000000001"},
      {"2026-02-05_geokhub.txt", "GeokHub", "", DateTime::Day(2026, 2, 5),
       "a2000000000000000000000000000002"},
      {"2026-02-05_walaw.txt", "Walaw",
       "Ukraine and Russia hold second day of US-mediated peace talks", DateTime::Day(2026, 2, 5),
       "a3000000000000000000000000000003"},
      {"2026-02-06_bastille-post.txt", "Bastille Post",
       "2nd round of Russia-Ukraine talks ends in UAE with prisoner swap deal, key differences "
       "unresolved",
       *DateTime::ParseIso("2026-02-06T04:04"), "a4000000000000000000000000000004"},
      {"2026-02-06_financial-news.txt", "Financial News",
       "Second US\u2013Russia\u2013Ukraine Talks End With Only Agreement on Exchange of 314 "
       "Prisoners",
       *DateTime::ParseIso("2026-02-06T06:34"), "a5000000000000000000000000000005"},
  };
  std::vector<Article> out;
  for (const Seed& s : seeds) {
    std::istringstream in(
        ReadFile(std::filesystem::path(NEWSFUSE_SOURCE_DIR) / "examples/seeds" / s.file));
    std::vector<std::string> paragraphs;
    for (std::string line; std::getline(in, line);) {
      if (line.find("content creator") != std::string::npos) break;  // glued-on story
      if (line == s.title) continue;  // the headline repeated on the page
      if (WordCount(line) >= 12) paragraphs.push_back(line);
    }
    out.push_back(MakeArticle(s.id, s.outlet, s.title, paragraphs, s.date));
  }
  return out;
}

inline std::filesystem::path DucDir() {
  return std::filesystem::path(NEWSFUSE_SHARED_DIR) / "bench/duc2004/docs";
}

// Up to `per_topic` articles from each of the first `topics` DUC topics, in
// topic order. The id's first hex digits encode topic and document so story
// ids stay readable; the outlet is the topic, for checking clusters.
inline std::vector<Article> DucArticles(int topics, int per_topic) {
  std::vector<Article> out;
  if (!std::filesystem::is_directory(DucDir())) return out;
  std::vector<std::filesystem::path> dirs;
  for (const auto& e : std::filesystem::directory_iterator(DucDir())) dirs.push_back(e.path());
  std::sort(dirs.begin(), dirs.end());
  for (int t = 0; t < topics && t < static_cast<int>(dirs.size()); ++t) {
    for (int d = 1; d <= per_topic; ++d) {
      char name[16];
      std::snprintf(name, sizeof name, "D%02d.txt", d);
      std::string text = ReadFile(dirs[t] / name);
      if (text.empty()) continue;
      // Hard-wrapped text; a paragraph starts with an indented line.
      std::vector<std::string> paragraphs;
      std::istringstream in(text);
      std::string para;
      for (std::string line; std::getline(in, line);) {
        const bool indent = !line.empty() && (line[0] == ' ' || line[0] == '\t');
        if ((indent || line.empty()) && !para.empty()) {
          paragraphs.push_back(para);
          para.clear();
        }
        size_t b = line.find_first_not_of(" \t");
        if (b == std::string::npos) continue;
        if (!para.empty()) para += ' ';
        para += line.substr(b);
      }
      if (!para.empty()) paragraphs.push_back(para);
      for (std::string& p : paragraphs) {  // newswire ``quotes'' -> "quotes"
        for (size_t q; (q = p.find("``")) != std::string::npos;) p.replace(q, 2, "\"");
        for (size_t q; (q = p.find("''")) != std::string::npos;) p.replace(q, 2, "\"");
      }
      char id[64];
      std::snprintf(id, sizeof id, "d%03d%02d0000000000000000000000000", t, d);
      out.push_back(MakeArticle(id, dirs[t].filename().string(), "", paragraphs));
    }
  }
  return out;
}

}  // namespace newsfuse::testing
