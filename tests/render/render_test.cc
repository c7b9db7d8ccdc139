#include "render/render.h"

#include <gtest/gtest.h>

namespace newsfuse {
namespace {

StoryReport SampleReport() {
  StoryReport r;
  r.story_id = "s0123456789ab";
  r.headline = "Council approves \"river park\" budget";
  r.first_seen = "2026-03-01";
  r.last_updated = "2026-03-02T10:15";
  r.sources = {{"S1", "a1", "Harbour Gazette", "Park budget passes", "https://example.org/a", "2026-03-01", {"Ana Ruiz"}, "a.txt"},
               {"S2", "a2", "Valley Herald", "Budget vote", "", "", {}, "b.txt"}};
  r.summary = {{"The council approved the budget on Monday.", {"S1", "S2"}, "S1", Span{0, 42}, 2},
               {"Work starts in May.", {"S2"}, "S2", Span{10, 29}, 1}};
  return r;
}

TEST(RenderJsonTest, RoundTripsEveryField) {
  const StoryReport r = SampleReport();
  auto back = ParseReportJson(RenderJson(r));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->story_id, r.story_id);
  EXPECT_EQ(back->headline, r.headline);
  EXPECT_EQ(back->last_updated, r.last_updated);
  ASSERT_EQ(back->sources.size(), 2u);
  EXPECT_EQ(back->sources[0].authors, r.sources[0].authors);
  EXPECT_EQ(back->sources[1].outlet, "Valley Herald");
  ASSERT_EQ(back->summary.size(), 2u);
  EXPECT_EQ(back->summary[0].citations, (std::vector<std::string>{"S1", "S2"}));
  EXPECT_EQ(back->summary[1].span, (Span{10, 29}));
  EXPECT_DOUBLE_EQ(back->summary[0].support, 2);
}

TEST(RenderJsonTest, CarriesSchemaVersion) {
  EXPECT_NE(RenderJson(SampleReport()).find("\"schema_version\": 1"), std::string::npos);
}

TEST(RenderJsonTest, RejectsNewerSchemaAndGarbage) {
  EXPECT_FALSE(ParseReportJson("{\"schema_version\": 99}").ok());
  EXPECT_FALSE(ParseReportJson("not json").ok());
  EXPECT_FALSE(ParseReportJson("{\"headline\": \"no version\"}").ok());
}

TEST(RenderJsonTest, InvalidUtf8InTextDoesNotThrow) {
  StoryReport r = SampleReport();
  r.headline = "bad \xff byte";
  EXPECT_NO_THROW(RenderJson(r));
}

TEST(RenderMarkdownTest, EverySummaryLineCarriesItsCitationsAndSourcesAreListed) {
  const std::string md = RenderMarkdown(SampleReport());
  EXPECT_NE(md.find("- The council approved the budget on Monday. [S1][S2]"), std::string::npos);
  EXPECT_NE(md.find("- Work starts in May. [S2]"), std::string::npos);
  EXPECT_NE(md.find("**[S1]** Harbour Gazette"), std::string::npos);
  EXPECT_NE(md.find("by Ana Ruiz"), std::string::npos);
  EXPECT_EQ(md.rfind("# ", 0), 0u);
}

TEST(RenderArticleJsonTest, IncludesFieldSources) {
  Article a;
  a.title = "T";
  a.paragraphs = {"One.", "Two."};
  a.field_sources["title"] = "og:title";
  a.published = DateTime::Day(2026, 2, 5);
  const std::string json = RenderArticleJson(a);
  EXPECT_NE(json.find("\"og:title\""), std::string::npos);
  EXPECT_NE(json.find("\"2026-02-05\""), std::string::npos);
}

}  // namespace
}  // namespace newsfuse
