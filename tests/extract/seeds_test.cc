// Properties of the five real seed pages (examples/seeds, see SOURCES.md).
#include <gtest/gtest.h>

#include <regex>

#include "extract/extract.h"
#include "extract/furniture.h"
#include "test_util.h"

namespace newsfuse {
namespace {

using testing::Dump;

Article Seed(const std::string& name) {
  RawPage p;
  p.locator = name;
  p.content = testing::ReadFile(testing::SeedPath(name));
  auto r = ExtractArticle(p);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? *r : Article{};
}

const char* kSeeds[] = {"2026-02-05_geokhub.txt", "2026-02-05_straits-times.txt",
                        "2026-02-05_walaw.txt", "2026-02-06_bastille-post.txt",
                        "2026-02-06_financial-news.txt"};

TEST(SeedsTest, NoBodyParagraphIsFurniture) {
  const std::regex bad(
      R"(^\s*-?\s*\d{1,2}:\d{2}|^#|@|newsletter|Sign up|Recommended|Skip to|REUTERS$)");
  for (const char* name : kSeeds) {
    Article a = Seed(name);
    ASSERT_GE(a.paragraphs.size(), 5u) << name;
    for (const auto& p : a.paragraphs) {
      EXPECT_FALSE(std::regex_search(p, bad)) << name << ": " << p;
      EXPECT_EQ(extract_internal::ClassifyLine(p, {}), extract_internal::LineKind::kProse)
          << name << ": " << p;
      EXPECT_NE(p, a.title) << name;
    }
    EXPECT_EQ(a.language, "en") << name;
  }
}

TEST(SeedsTest, FirstParagraphIsTheLead) {
  EXPECT_EQ(Seed("2026-02-05_geokhub.txt")
                .paragraphs.front()
                .rfind("Ukraine and Russia concluded a second round", 0),
            0u);
  EXPECT_EQ(Seed("2026-02-05_straits-times.txt")
                .paragraphs.front()
                .rfind("Ukraine and Russia concluded a second day", 0),
            0u);
  EXPECT_EQ(Seed("2026-02-05_walaw.txt")
                .paragraphs.front()
                .rfind("Ukrainian and Russian negotiators resumed", 0),
            0u);
  EXPECT_EQ(Seed("2026-02-06_bastille-post.txt")
                .paragraphs.front()
                .rfind("The second round of U.S.-brokered talks", 0),
            0u);
  EXPECT_EQ(Seed("2026-02-06_financial-news.txt")
                .paragraphs.front()
                .rfind("Russia and Ukraine, which are negotiating", 0),
            0u);
}

TEST(SeedsTest, BastillePostStopsBeforeTheGluedStory) {
  Article a = Seed("2026-02-06_bastille-post.txt");
  for (const auto& p : a.paragraphs) {
    EXPECT_EQ(p.find("influencer"), std::string::npos) << p;
    EXPECT_EQ(p.find("TikTok"), std::string::npos) << p;
    EXPECT_EQ(p.find("Chinese"), std::string::npos) << p;
  }
  EXPECT_EQ(a.paragraphs.back().rfind("In a statement issued earlier", 0), 0u) << Dump(a);
  EXPECT_EQ(a.title,
            "2nd round of Russia-Ukraine talks ends in UAE with prisoner swap deal, key "
            "differences unresolved");
  EXPECT_EQ(a.field_sources["title"], "repeated-line");
  ASSERT_TRUE(a.published && a.updated);
  EXPECT_EQ(a.published->ToIso(), "2026-02-06T04:04");
  EXPECT_EQ(a.updated->ToIso(), "2026-02-06T06:17");
}

TEST(SeedsTest, FinancialNewsMetadata) {
  Article a = Seed("2026-02-06_financial-news.txt");
  ASSERT_TRUE(a.published) << Dump(a);
  EXPECT_EQ(a.published->ToIso(), "2026-02-06T06:34:49");
  EXPECT_EQ(a.field_sources["published"], "visible-text");
  EXPECT_EQ(a.authors, std::vector<std::string>{"Kim Kyung-min"});
  EXPECT_EQ(a.outlet, "Financial News");
  EXPECT_EQ(a.title.rfind("Second US", 0), 0u);
  EXPECT_EQ(a.paragraphs.size(), 10u);
}

TEST(SeedsTest, StraitsTimesDateSignOffAndSubheads) {
  Article a = Seed("2026-02-05_straits-times.txt");
  ASSERT_TRUE(a.published);
  EXPECT_EQ(a.published->ToIso(), "2026-02-05");
  EXPECT_EQ(a.field_sources["wire"], "REUTERS");
  EXPECT_EQ(a.dateline, "Kyiv");
  for (const auto& p : a.paragraphs) EXPECT_NE(p, "AGREEMENT ON POW EXCHANGE");
  EXPECT_TRUE(a.paragraphs.back().ends_with("since early 2024.")) << a.paragraphs.back();
}

TEST(SeedsTest, GeokHubDateline) {
  Article a = Seed("2026-02-05_geokhub.txt");
  EXPECT_EQ(a.outlet, "GeokHub");
  EXPECT_EQ(a.dateline, "Kyiv");
  ASSERT_TRUE(a.published) << Dump(a);  // Feb. 5 + the year from the file name
  EXPECT_EQ(a.published->ToIso(), "2026-02-05");
  EXPECT_EQ(a.paragraphs.size(), 8u);
}

TEST(SeedsTest, WalawTitleAndNoTimestampList) {
  Article a = Seed("2026-02-05_walaw.txt");
  EXPECT_EQ(a.title, "Ukraine and Russia hold second day of US-mediated peace talks");
  EXPECT_EQ(a.field_sources["title"], "first-line");
  EXPECT_EQ(a.paragraphs.size(), 6u);
}

}  // namespace
}  // namespace newsfuse
