// Extraction on real scraped pages (the bundled seeds) and small HTML pages:
// properties any clean article must have, checked without fixing its text.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>

#include "extract/extract.h"

namespace newsfuse {
namespace {

RawPage Load(const std::string& name) {
  const std::string path = std::string(NEWSFUSE_SOURCE_DIR) + "/examples/seeds/" + name;
  std::ifstream in(path, std::ios::binary);
  RawPage page;
  page.locator = path;
  page.format = PageFormat::kText;
  page.content.assign(std::istreambuf_iterator<char>(in), {});
  return page;
}

TEST(ExtractTextTest, NoFurnitureLineSurvivesInAnySeed) {
  const std::regex furniture(
      R"(^\s*-?\s*\d{1,2}:\d{2}\s*$|^#|@\w+\.\w+|newsletter|Recommended Articles|Skip to Content)",
      std::regex::icase);
  for (const auto& e :
       std::filesystem::directory_iterator(std::string(NEWSFUSE_SOURCE_DIR) + "/examples/seeds")) {
    if (e.path().extension() != ".txt") continue;
    auto a = ExtractArticle(Load(e.path().filename().string()));
    ASSERT_TRUE(a.ok()) << a.status().ToString();
    ASSERT_GE(a->paragraphs.size(), 5u) << e.path();
    for (const auto& p : a->paragraphs) {
      EXPECT_FALSE(std::regex_search(p, furniture)) << e.path() << ": " << p;
      EXPECT_GE(p.size(), 40u) << e.path() << ": " << p;
    }
  }
}

TEST(ExtractTextTest, StopsBeforeAStoryGluedAfterTheArticle) {
  auto a = ExtractArticle(Load("2026-02-06_bastille-post.txt"));
  ASSERT_TRUE(a.ok());
  for (const auto& p : a->paragraphs) {
    EXPECT_EQ(p.find("influencer"), std::string::npos) << p;
    EXPECT_EQ(p.find("TikTok"), std::string::npos) << p;
  }
  EXPECT_EQ(a->field_sources["title"], "repeated-line");
  ASSERT_TRUE(a->published);
  EXPECT_EQ(a->published->ToIso(), "2026-02-06T04:04");
}

TEST(ExtractTextTest, LeadTagTimestampListAndEmailByline) {
  auto a = ExtractArticle(Load("2026-02-06_financial-news.txt"));
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->outlet, "Financial News");
  ASSERT_EQ(a->authors.size(), 1u);
  EXPECT_EQ(a->authors[0], "Kim Kyung-min");
  ASSERT_TRUE(a->published);
  EXPECT_EQ(a->published->ToIso(), "2026-02-06T06:34:49");
  EXPECT_EQ(a->paragraphs.front().rfind("Russia and Ukraine", 0), 0u) << a->paragraphs.front();
}

TEST(ExtractTextTest, DatelineGivesPlaceOutletAndDate) {
  RawPage page = Load("2026-02-05_geokhub.txt");
  page.hint_published = "2026-02-05";
  auto a = ExtractArticle(page);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->dateline, "Kyiv");
  EXPECT_EQ(a->outlet, "GeokHub");
  EXPECT_EQ(a->paragraphs.front().rfind("Ukraine and Russia", 0), 0u) << a->paragraphs.front();
}

TEST(ExtractTextTest, WireSignoffAndCapsSubheadsLeaveTheBody) {
  auto a = ExtractArticle(Load("2026-02-05_straits-times.txt"));
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->field_sources["wire"], "REUTERS");
  EXPECT_EQ(a->paragraphs.back().find("REUTERS"), std::string::npos);
  for (const auto& p : a->paragraphs) EXPECT_NE(p, "AGREEMENT ON POW EXCHANGE");
  ASSERT_TRUE(a->published);
  EXPECT_EQ(a->published->ToIso(), "2026-02-05");
}

TEST(ExtractTextTest, NothingProseLikeIsAnErrorNamingThePage) {
  RawPage page;
  page.locator = "menu.txt";
  page.content = "Home\nWorld\nSport\n09:30\n#tag #tag\n";
  auto a = ExtractArticle(page);
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().locator(), "menu.txt");
}

TEST(ExtractHtmlTest, PicksTheArticleContainerAndMetadata) {
  RawPage page;
  page.locator = "p.html";
  page.format = PageFormat::kHtml;
  page.content = R"(<html lang="en"><head><title>Dam opens | Valley Herald</title>
<meta property="og:title" content="Dam opens after repairs">
<meta property="og:site_name" content="Valley Herald">
<meta property="article:published_time" content="2026-03-02T08:00:00Z">
<meta name="author" content="Ana Ruiz"></head><body>
<nav><p>Home | World | Sport | Weather and more links here for everyone</p></nav>
<div class="story"><p>The river dam reopened on Monday after eight months of repairs to its spillway gates.</p>
<p>Engineers said the new gates can release twice as much water during spring floods.</p>
<figure><figcaption>The dam at dawn, photographed by a reader of this newspaper.</figcaption></figure></div>
<div class="related"><p>Related: another story about a different bridge in a nearby town.</p></div>
<footer><p>Copyright 2026 Valley Herald. All rights reserved for this site.</p></footer></body></html>)";
  auto a = ExtractArticle(page);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  ASSERT_EQ(a->paragraphs.size(), 2u);
  EXPECT_EQ(a->title, "Dam opens after repairs");
  EXPECT_EQ(a->outlet, "Valley Herald");
  ASSERT_EQ(a->authors.size(), 1u);
  ASSERT_TRUE(a->published);
  EXPECT_EQ(a->published->ToIso(), "2026-03-02T08:00:00Z");
  EXPECT_EQ(a->language, "en");
}

TEST(ExtractHtmlTest, DeepJunkAndEmptyBodiesFailCleanly) {
  RawPage deep;
  deep.locator = "deep.html";
  deep.format = PageFormat::kHtml;
  for (int i = 0; i < 100000; ++i) deep.content += "<div>";
  EXPECT_FALSE(ExtractArticle(deep).ok());
  RawPage empty = deep;
  empty.content = "<html><body></body></html>";
  auto r = ExtractArticle(empty);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().locator(), "deep.html");
}

TEST(ExtractHtmlTest, Latin1PageIsDecoded) {
  RawPage page;
  page.locator = "l1.html";
  page.format = PageFormat::kHtml;
  page.hint_charset = "iso-8859-1";
  page.content =
      "<html><body><div><p>The caf\xE9 on the square reopened on Monday after a long winter "
      "closure.</p></div></body></html>";
  auto a = ExtractArticle(page);
  ASSERT_TRUE(a.ok());
  EXPECT_NE(a->paragraphs[0].find("caf\xC3\xA9"), std::string::npos);
}

}  // namespace
}  // namespace newsfuse
