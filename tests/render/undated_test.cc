// Issues 12 and 18: a story none of whose sources states a publication date
// says so in every renderer; a story with one dated source does not.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "render/render.h"

namespace newsfuse {
namespace {

constexpr const char* kNotice = "No source of this story states a publication date";

StoryReport ReportDated(const std::string& first, const std::string& second) {
  StoryReport r;
  r.story_id = "s00aa11bb22cc";
  r.headline = "Ferry service resumes across the bay";
  r.first_seen = !first.empty() ? first : second;
  r.last_updated = !second.empty() ? second : first;
  r.sources = {{"S1", "b1", "Bay Courier", "Ferries sail again", "", first, {}, "f.jsonl:1"},
               {"S2", "b2", "Coast Post", "Ferry back on Friday", "", second, {}, "f.jsonl:2"}};
  r.summary = {
      {"The ferry resumed service on Friday after repairs.", {"S1", "S2"}, "S1", Span{0, 50}, 2}};
  r.timeline = {{"2026-04", "month", "Repairs finished.", "", {"S2"}, {}}};
  return r;
}

TEST(RenderUndatedTest, AllUndatedStoryCarriesTheNoticeInMarkdownAndHtml) {
  const StoryReport r = ReportDated("", "");
  const std::string md = RenderMarkdown(r);
  const std::string html = RenderHtml(r);
  EXPECT_NE(md.find(kNotice), std::string::npos) << md;
  EXPECT_NE(html.find(kNotice), std::string::npos) << html;
  // Under the header, before the first section.
  EXPECT_LT(md.find(kNotice), md.find("## Summary"));
  EXPECT_LT(html.find(kNotice), html.find("<h2"));
}

TEST(RenderUndatedTest, StoryWithOneDatedSourceCarriesNoNotice) {
  const StoryReport r = ReportDated("", "2026-04-03");
  EXPECT_EQ(RenderMarkdown(r).find(kNotice), std::string::npos);
  EXPECT_EQ(RenderHtml(r).find(kNotice), std::string::npos);
}

TEST(RenderUndatedTest, JsonStatesWhetherTheStoryIsUndated) {
  const auto undated = nlohmann::json::parse(RenderJson(ReportDated("", "")));
  const auto dated = nlohmann::json::parse(RenderJson(ReportDated("2026-04-02", "")));
  ASSERT_TRUE(undated.contains("undated"));
  EXPECT_TRUE(undated["undated"].get<bool>());
  EXPECT_FALSE(dated["undated"].get<bool>());
}

}  // namespace
}  // namespace newsfuse
