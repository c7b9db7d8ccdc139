// Visible-text metadata rules: datelines, lead tags, sign-offs, bylines,
// timestamps, machine dates; plus charset conversion and nesting caps.
#include <gtest/gtest.h>

#include "extract/bylines.h"
#include "extract/charset.h"
#include "extract/dateline.h"
#include "extract/html_dom.h"
#include "extract/html_slim.h"
#include "extract/machine_dates.h"
#include "extract/sign_off.h"
#include "extract/timestamps.h"
#include "extract/title_site.h"

namespace newsfuse::extract_internal {
namespace {

TEST(DatelineTest, PlaceDateCreditAndBodyOffset) {
  std::string p = "OSLO, March 3 (Nordic Wire) \xE2\x80\x94 The ferry resumed service.";
  auto d = ParseDateline(p);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->place, "OSLO");
  EXPECT_EQ(d->credit, "Nordic Wire");
  ASSERT_TRUE(d->date);
  EXPECT_EQ(d->date->month, 3);
  EXPECT_EQ(d->date->day, 3);
  EXPECT_EQ(d->date->year, 0);  // not stated: never invented
  EXPECT_EQ(p.substr(d->body_offset), "The ferry resumed service.");

  auto e = ParseDateline("NEW YORK, Jan. 9, 2024 - Markets rose.");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->place, "NEW YORK");
  EXPECT_EQ(e->date->year, 2024);
  auto f = ParseDateline("LIMA, Peru (Reuters) - Rains hit.");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->credit, "Reuters");
  EXPECT_FALSE(ParseDateline("NATO said on Monday it would meet."));
  EXPECT_FALSE(ParseDateline("U.S. officials - speaking privately - said no."));
  EXPECT_FALSE(ParseDateline("The KYIV-BASED group said."));
}

TEST(LeadTagTest, BracketTag) {
  auto t = ParseLeadTag("[Harbor Daily] The port reopened.");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->name, "Harbor Daily");
  EXPECT_FALSE(ParseLeadTag("[1] A footnote"));
}

TEST(SignOffTest, TrailingWireCredits) {
  auto s = ParseSignOff("The vote is due on Monday. REUTERS");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->credit, "REUTERS");
  EXPECT_EQ(std::string("The vote is due on Monday. REUTERS").substr(0, s->cut),
            "The vote is due on Monday.");
  EXPECT_TRUE(ParseSignOff("He declined to comment. (AFP)"));
  EXPECT_FALSE(ParseSignOff("The vote is due on Monday."));
  EXPECT_FALSE(ParseSignOff("It was a first. But not the last one"));
}

TEST(BylineTest, ByLinesAndEmailLines) {
  EXPECT_EQ(ParseByline("By Maria Lopez and Tom Reed"),
            (std::vector<std::string>{"Maria Lopez", "Tom Reed"}));
  EXPECT_EQ(ParseByline("BY JANE DOE | Reuters"), (std::vector<std::string>{"Jane Doe"}));
  EXPECT_TRUE(ParseByline("By the time the rain stopped").empty());
  auto e = ParseEmailByline("jdoe@example.org Jane Doe Staff Writer");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->name, "Jane Doe");
  EXPECT_EQ(e->domain, "example.org");
  EXPECT_FALSE(ParseEmailByline("Write to us."));
}

TEST(TimestampTest, PublishedThenUpdatedTimeOnly) {
  auto s = ScanTimestamps("2026-02-06 04:04 Last Updated At:06:17");
  ASSERT_EQ(s.stamps.size(), 2u);
  EXPECT_EQ(s.stamps[0].when.ToIso(), "2026-02-06T04:04");
  EXPECT_FALSE(s.stamps[0].updated);
  EXPECT_TRUE(s.stamps[1].updated);
  EXPECT_FALSE(s.stamps[1].has_date);
  EXPECT_TRUE(s.IsTimestampLine());
}

TEST(MachineDateTest, IsoVariantsAndRfc2822) {
  auto a = ParseMachineDate("2026-03-02T08:00:00.000+0100");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->ToIso(), "2026-03-02T08:00:00+01:00");
  auto b = ParseMachineDate("Thu, 05 Feb 2026 10:00:00 GMT");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->year, 2026);
  EXPECT_EQ(b->day, 5);
  EXPECT_FALSE(ParseMachineDate("yesterday"));
  EXPECT_EQ(DateFromPath("https://x.example/news/2025/11/03/story")->ToIso(), "2025-11-03");
  EXPECT_EQ(DateFromPath("dir/2024-02-29_outlet.txt")->ToIso(), "2024-02-29");
  EXPECT_FALSE(DateFromPath("/id/20251103999"));
}

TEST(CompleteYearTest, NearestYearWithinAFewMonths) {
  auto r = CompleteYear(DateTime::Day(0, 12, 31), DateTime::Day(2026, 1, 2));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->year, 2025);
  EXPECT_FALSE(CompleteYear(DateTime::Day(0, 7, 1), DateTime::Day(2026, 1, 2)));
}

TEST(TitleSiteTest, StripsKnownOrBarSeparatedSite) {
  std::string site;
  EXPECT_EQ(StripTitleSite("Dam opens after repairs | Valley Herald", "", &site),
            "Dam opens after repairs");
  EXPECT_EQ(site, "Valley Herald");
  EXPECT_EQ(StripTitleSite("Dam opens - and floods - Valley Herald", "Valley Herald", nullptr),
            "Dam opens - and floods");
  EXPECT_EQ(StripTitleSite("Peace talks - what next", "", nullptr), "Peace talks - what next");
  // A section between the headline and the site goes with the site.
  EXPECT_EQ(StripTitleSite("Dam opens after repairs | Local News | Valley Herald", "", &site),
            "Dam opens after repairs");
  EXPECT_EQ(StripTitleSite("Dam opens after repairs | Valley Herald", "Valley Herald", nullptr),
            "Dam opens after repairs");
  // Not when the part before it is no headline, or the part is long.
  EXPECT_EQ(StripTitleSite("Dam | opens | Valley Herald", "", nullptr), "Dam | opens");
  EXPECT_EQ(StripTitleSite("Dam opens | after eight months of repairs | Herald", "", nullptr),
            "Dam opens | after eight months of repairs");
}

TEST(TitleSiteTest, AgreementBetweenCandidates) {
  EXPECT_EQ(TitleAgreement("Dam opens", "DAM  opens"), 2);
  EXPECT_EQ(TitleAgreement("Dam opens after repairs", "Dam opens after repairs - Herald"), 2);
  EXPECT_EQ(TitleAgreement("Dam opens after repairs", "Herald | Dam opens after repairs"), 2);
  EXPECT_EQ(TitleAgreement("Dam opens after repairs", "Valley Herald: Dam opens after repairs"), 2);
  EXPECT_EQ(TitleAgreement("Dam opens after repairs", "Dam opens after repairs again"), 1);
  EXPECT_EQ(TitleAgreement("Dam", "Dam opens after eight months of repairs"), 0);
  EXPECT_EQ(MostAgreedTitle({"Teaser", "Dam opens", "Dam opens - Herald", "Dam opens"}), 1);
  // The winner carries a site affix another candidate lacks: the bare one.
  EXPECT_EQ(MostAgreedTitle({"", "", "Dam opens - Herald", "Dam opens"}), 3);
  EXPECT_EQ(MostAgreedTitle({"A teaser", "A description", "The page", ""}), -1);
}

TEST(TitleSiteTest, ChinesePortalUnderscoreAffixes) {
  std::string site;
  // "Harbour bridge reopens_Local news_River Daily" in a portal's form.
  EXPECT_EQ(StripTitleSite("港口大桥今日重新开放_本地新闻_河流日报", "", &site),
            "港口大桥今日重新开放");
  EXPECT_EQ(site, "");  // the last part may be a keyword, not the site
  EXPECT_EQ(StripTitleSite("港口大桥今日重新开放 _本地新闻 _河流日报", "", nullptr),
            "港口大桥今日重新开放");
  // An underscore in Latin text, or a long part after it, is no affix.
  EXPECT_EQ(StripTitleSite("Why snake_case won the style war", "", nullptr),
            "Why snake_case won the style war");
  EXPECT_EQ(StripTitleSite("大桥_这是一段很长的第二部分文字而不是频道名称", "", nullptr),
            "大桥_这是一段很长的第二部分文字而不是频道名称");
}

TEST(TitleSiteTest, BracketedOrUnderscoredAffixAgainstABareCandidate) {
  EXPECT_EQ(TitleAgreement("Ferry timetable changes", "Ferry timetable changes [Island Weekly]"),
            2);
  EXPECT_EQ(TitleAgreement("渡轮时刻表调整", "渡轮时刻表调整（海岛周刊）"), 2);
  EXPECT_EQ(TitleAgreement("渡轮时刻表调整", "渡轮时刻表调整 _交通 _海岛网"), 2);
  EXPECT_EQ(TitleAgreement("Ferry timetable changes", "[Island Weekly] Ferry timetable changes"),
            2);
  // The bare headline wins over the one carrying the affix.
  EXPECT_EQ(MostAgreedTitle({"", "", "渡轮时刻表调整 _交通 _海岛网", "渡轮时刻表调整"}), 3);
  EXPECT_EQ(MostAgreedTitle(
                {"渡轮时刻表调整（海岛周刊）", "", "渡轮时刻表调整（海岛周刊）", "渡轮时刻表调整"}),
            3);
  // A long bracketed clause is part of the headline, not a site.
  EXPECT_LT(TitleAgreement("Ferry fares rise",
                           "Ferry fares rise (and the islanders say the new timetable is worse)"),
            2);
}

TEST(CharsetTest, DeclaredAndUndeclaredLegacyCharsets) {
  std::string used;
  // "Привет" in windows-1251.
  EXPECT_EQ(ToUtf8("\xCF\xF0\xE8\xE2\xE5\xF2", "windows-1251", &used), "Привет");
  EXPECT_EQ(used, "windows-1251");
  EXPECT_EQ(DeclaredCharset(
                "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">"),
            "shift_jis");
  EXPECT_EQ(ToUtf8("already UTF-8 caf\xC3\xA9", "", &used), "already UTF-8 caf\xC3\xA9");
  EXPECT_EQ(used, "utf-8");
  std::string latin = ToUtf8("Le caf\xE9 est ouvert, dit le patron du caf\xE9.", "", &used);
  EXPECT_NE(latin.find("caf\xC3\xA9"), std::string::npos) << used;
}

TEST(SlimMarkupTest, CapsNestingAndKeepsText) {
  std::string deep;
  for (int i = 0; i < 5000; ++i) deep += "<div>";
  deep += "text";
  for (int i = 0; i < 5000; ++i) deep += "</div>";
  std::string capped = SlimMarkup(deep, 100).markup;
  EXPECT_LT(capped.size(), 1300u);
  EXPECT_NE(capped.find("text"), std::string::npos);
  // Unclosed <p> and <li> do not count toward the cap.
  std::string flat;
  for (int i = 0; i < 500; ++i) flat += "<p>x";
  EXPECT_EQ(SlimMarkup(flat, 10).markup, flat);
}

TEST(SlimMarkupTest, DropsScriptsStylesCommentsAndUnreadAttributes) {
  const std::string html =
      "<html><head><style>p { color: red }</style>"
      "<script>if (a<div && b>c) document.write('</div>');</script>"
      "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}</script></head>"
      "<body><!-- <p>old</p> --><div class=\"story-body\" data-track=\"x>y\" style=\"display: "
      "none\">"
      "<a href=\"/next\" rel=author>Jane   Doe</a><svg><path d=\"M0\"/><text>Share</text></svg>"
      "<p>Rain  fell\n\n on Tuesday.</p></div></body></html>";
  SlimHtml slim = SlimMarkup(html);
  EXPECT_EQ(slim.markup,
            "<html><head></head><body><div class=\"story-body\" hidden><a rel=author>Jane Doe</a>"
            "<p>Rain fell on Tuesday.</p></div></body></html>");
  ASSERT_EQ(slim.json_ld.size(), 1u);
  EXPECT_EQ(slim.json_ld[0], "{\"@type\":\"NewsArticle\"}");
}

TEST(SlimMarkupTest, AnUnclosedSvgDoesNotSwallowTheArticle) {
  SlimHtml slim = SlimMarkup("<svg><circle r=1></circle><div><p>The council voted 7-2.</p></div>");
  EXPECT_NE(slim.markup.find("The council voted 7-2."), std::string::npos) << slim.markup;
  // A tag left open at the end of the page is dropped, as the HTML tokenizer does.
  EXPECT_EQ(SlimMarkup("<p>Text</p><div class=\"a").markup, "<p>Text</p>");
}

}  // namespace
}  // namespace newsfuse::extract_internal
