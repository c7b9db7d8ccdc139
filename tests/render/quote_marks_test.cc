// Issue 18: quote marks promise a speaker's own words, so a direct quote is
// shown in them and a paraphrase never is, in every renderer.
#include <gtest/gtest.h>

#include <string>

#include "render/render.h"

namespace newsfuse {
namespace {

StoryReport ReportWithBothKinds() {
  StoryReport r;
  r.story_id = "s00000000quote";
  r.headline = "Harbour closes";
  r.sources = {{"S1", "a1", "Harbour Gazette", "Harbour closes", "", "2026-03-01", {}, "a.txt"},
               {"S2", "a2", "Valley Herald", "Port shut", "", "2026-03-01", {}, "b.txt"}};
  SpeakerQuotes sp;
  sp.speaker = "Ingrid Solberg";
  sp.quotes.push_back({true, {"S1"}, {{"S1", "We expect the ferries back by Friday", Span{}}}});
  sp.quotes.push_back({false,
                       {"S1", "S2"},
                       {{"S1", "the storm was the worst in a decade", Span{}},
                        {"S2", "the storm had been the worst in ten years", Span{}}}});
  r.quotes.push_back(sp);
  return r;
}

TEST(RenderQuoteMarksTest, MarkdownQuotesDirectSpeechOnly) {
  const std::string md = RenderMarkdown(ReportWithBothKinds());
  EXPECT_NE(md.find("\u201cWe expect the ferries back by Friday\u201d"), std::string::npos) << md;
  EXPECT_EQ(md.find("\u201cthe storm was"), std::string::npos) << md;
  EXPECT_EQ(md.find("\u201cthe storm had"), std::string::npos) << md;
  EXPECT_NE(md.find("(paraphrase) the storm was the worst in a decade"), std::string::npos) << md;
}

TEST(RenderQuoteMarksTest, HtmlQuotesDirectSpeechOnly) {
  const std::string html = RenderHtml(ReportWithBothKinds());
  EXPECT_NE(html.find("&ldquo;We expect the ferries back by Friday&rdquo;"), std::string::npos);
  EXPECT_EQ(html.find("&ldquo;the storm"), std::string::npos);
  EXPECT_NE(html.find("the storm had been the worst in ten years"), std::string::npos);
}

TEST(RenderQuoteMarksTest, JsonKeepsTheKind) {
  const auto back = ParseReportJson(RenderJson(ReportWithBothKinds()));
  ASSERT_TRUE(back.ok());
  ASSERT_EQ(back->quotes.size(), 1u);
  ASSERT_EQ(back->quotes[0].quotes.size(), 2u);
  EXPECT_TRUE(back->quotes[0].quotes[0].direct);
  EXPECT_FALSE(back->quotes[0].quotes[1].direct);
}

// A described speaker ("a senior official") is kept apart from named people
// and must not be shown as if the description were a name.
StoryReport ReportWithDescribedSpeaker() {
  StoryReport r = ReportWithBothKinds();
  SpeakerQuotes unnamed;
  unnamed.speaker = "a port official";
  unnamed.named = false;
  unnamed.quotes.push_back(
      {true, {"S2"}, {{"S2", "Nobody told us the cranes would stop", Span{}}}});
  r.quotes.push_back(unnamed);
  return r;
}

TEST(RenderQuoteMarksTest, JsonRoundTripsNamed) {
  const std::string text = RenderJson(ReportWithDescribedSpeaker());
  EXPECT_NE(text.find("\"named\": false"), std::string::npos) << text;
  const auto back = ParseReportJson(text);
  ASSERT_TRUE(back.ok());
  ASSERT_EQ(back->quotes.size(), 2u);
  EXPECT_TRUE(back->quotes[0].named);
  EXPECT_FALSE(back->quotes[1].named);
  EXPECT_EQ(back->quotes[1].speaker, "a port official");
  // Rendering the parsed report again gives the same JSON.
  EXPECT_EQ(RenderJson(*back), text);
}

TEST(RenderQuoteMarksTest, JsonWithoutNamedReadsAsNamed) {
  // Reports stored before the field existed: every speaker was a name.
  std::string text = RenderJson(ReportWithBothKinds());
  const size_t at = text.find("\"named\": true,");
  ASSERT_NE(at, std::string::npos) << text;
  text.erase(at, std::string("\"named\": true,").size());
  const auto back = ParseReportJson(text);
  ASSERT_TRUE(back.ok());
  ASSERT_EQ(back->quotes.size(), 1u);
  EXPECT_TRUE(back->quotes[0].named);
}

TEST(RenderQuoteMarksTest, MarkdownShowsADescribedSpeakerAsUnnamed) {
  const std::string md = RenderMarkdown(ReportWithDescribedSpeaker());
  EXPECT_NE(md.find("**Ingrid Solberg**"), std::string::npos) << md;
  EXPECT_EQ(md.find("**a port official**"), std::string::npos) << md;
  EXPECT_NE(md.find("*a port official* (speaker not named)"), std::string::npos) << md;
  EXPECT_NE(md.find("\u201cNobody told us the cranes would stop\u201d"), std::string::npos) << md;
}

TEST(RenderQuoteMarksTest, HtmlShowsADescribedSpeakerAsUnnamed) {
  const std::string html = RenderHtml(ReportWithDescribedSpeaker());
  EXPECT_NE(html.find("<h3>Ingrid Solberg</h3>"), std::string::npos);
  EXPECT_EQ(html.find("<h3>a port official"), std::string::npos);
  EXPECT_NE(html.find("<i>a port official</i> <span class=src>(speaker not named)</span>"),
            std::string::npos);
}

}  // namespace
}  // namespace newsfuse
