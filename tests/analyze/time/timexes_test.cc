// Temporal expressions in news sentences written for these tests (none is
// taken from the seed articles). The reference article is dated Friday
// 6 February 2026 unless a test says otherwise.
#include "analyze/time/timexes.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/sentences.h"

namespace newsfuse {
namespace {

struct Found {
  std::string text, value;
  Timex::Type type;
};

std::vector<Found> Tag(const std::string& body,
                       std::optional<DateTime> published = DateTime::Day(2026, 2, 6),
                       std::vector<Timex>* raw = nullptr) {
  AnnotatedArticle a;
  a.body = body;
  a.article.published = published;
  for (const Span& s : SplitSentences(a.body)) a.sentences.push_back(Sentence{s, 0});
  analyze::AnnotateTime(a);
  std::vector<Found> out;
  for (const Timex& t : a.timexes)
    out.push_back(Found{std::string(a.Text(t.span)), t.value, t.type});
  if (raw) *raw = a.timexes;
  return out;
}

// The single expression found in `body`, as "text=value".
std::string One(const std::string& body,
                std::optional<DateTime> published = DateTime::Day(2026, 2, 6)) {
  auto found = Tag(body, published);
  if (found.size() != 1) {
    std::string all = std::to_string(found.size()) + " found:";
    for (const Found& f : found) all += " [" + f.text + "=" + f.value + "]";
    return all;
  }
  return found[0].text + "=" + found[0].value;
}

TEST(TimexesTest, ExplicitDatesInNewsForms) {
  EXPECT_EQ(One("The ceasefire took effect on Feb. 5, officials said."), "Feb. 5=2026-02-05");
  EXPECT_EQ(One("The agreement was signed on 5 February 2026 in Geneva."),
            "5 February 2026=2026-02-05");
  EXPECT_EQ(One("Filed 2026-02-05 by the court clerk."), "2026-02-05=2026-02-05");
  EXPECT_EQ(One("The vote took place on March 3, 2024, after a long delay."),
            "March 3, 2024=2024-03-03");
  EXPECT_EQ(One("Polls close on Tuesday, November 3, 2026."),
            "Tuesday, November 3, 2026=2026-11-03");
  EXPECT_EQ(One("The board met on the 5th to approve the budget."), "the 5th=2026-02-05");
  EXPECT_EQ(One("Records from 12/24/2025 were released."), "12/24/2025=2025-12-24");
}

TEST(TimexesTest, RangesOfDaysBecomeIntervals) {
  EXPECT_EQ(One("Negotiators met in Abu Dhabi on Jan 23 to 24 without a breakthrough."),
            "Jan 23 to 24=2026-01-23/2026-01-24");
  EXPECT_EQ(One("The summit runs Jan. 23-24, 2027 in Davos."),
            "Jan. 23-24, 2027=2027-01-23/2027-01-24");
  EXPECT_EQ(One("Storms hit the coast on 23-24 January."), "23-24 January=2026-01-23/2026-01-24");
}

TEST(TimexesTest, MonthsAndYearsRelativeToThePublicationDate) {
  EXPECT_EQ(One("The plant was shelled in October last year."), "October last year=2025-10");
  EXPECT_EQ(One("Inflation peaked in early 2024, the bank said."), "early 2024=2024");
  EXPECT_EQ(One("Prices rose sharply last month."), "last month=2026-01");
  EXPECT_EQ(One("Both delegations arrived this week."), "this week=2026-W06");
  EXPECT_EQ(One("The company was founded in 1998."), "1998=1998");
  EXPECT_EQ(One("Unemployment fell last year."), "last year=2025");
  EXPECT_EQ(One("The factory closed two years ago."), "two years ago=2024");
  EXPECT_EQ(One("The first strike came in mid-March 2022."), "mid-March 2022=2022-03");
  EXPECT_EQ(One("Talks had been frozen since the fall of 2021."), "the fall of 2021=2021-FA");
  EXPECT_EQ(One("The offensive began in the spring."), "the spring=2025-SP");
}

TEST(TimexesTest, MonthWithoutYearFollowsTheTense) {
  // Dated February 2026: an October that is past is 2025, one ahead is 2026.
  EXPECT_EQ(One("Fighting intensified in October."), "October=2025-10");
  EXPECT_EQ(One("Elections will be held in October."), "October=2026-10");
  EXPECT_EQ(One("The deal was struck on Dec. 12."), "Dec. 12=2025-12-12");
}

TEST(TimexesTest, WeekdaysFollowTheTenseOfTheSentence) {
  EXPECT_EQ(One("Ukraine and Russia concluded talks on Thursday."), "Thursday=2026-02-05");
  EXPECT_EQ(One("The envoys will meet again on Thursday."), "Thursday=2026-02-12");
  EXPECT_EQ(One("The next round is expected to be held on Monday."), "Monday=2026-02-09");
  // A report's own day: "said Friday" in a Friday paper is that Friday.
  EXPECT_EQ(One("The minister said Friday that talks had stalled."), "Friday=2026-02-06");
  EXPECT_EQ(One("Turnout was low last Sunday."), "last Sunday=2026-02-01");
}

TEST(TimexesTest, TenseIsReadPerSentence) {
  auto found = Tag("Talks ended on Thursday. The next round will be held in March.");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].value, "2026-02-05");
  EXPECT_EQ(found[1].value, "2026-03");
}

TEST(TimexesTest, RelativeReferences) {
  EXPECT_EQ(One("Officials expect more talks in the coming weeks."), "the coming weeks=FUTURE_REF");
  EXPECT_EQ(One("The ministry confirmed the strike yesterday."), "yesterday=2026-02-05");
  EXPECT_EQ(One("The court will rule tomorrow."), "tomorrow=2026-02-07");
  EXPECT_EQ(One("The talks are now in their third day."), "now=PRESENT_REF");
  EXPECT_EQ(One("Markets were calm today."), "today=2026-02-06");
}

TEST(TimexesTest, DurationsKeepTheHedgeInTheExtentNotTheValue) {
  std::vector<Timex> raw;
  auto found = Tag("The war has lasted nearly four years.", DateTime::Day(2026, 2, 6), &raw);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].text, "nearly four years");
  EXPECT_EQ(found[0].value, "P4Y");
  EXPECT_EQ(found[0].type, Timex::Type::kDuration);
  EXPECT_EQ(raw[0].anchor, "");
  EXPECT_EQ(One("The hearing lasted three days."), "three days=P3D");
  EXPECT_EQ(One("Rescuers searched for two hours."), "two hours=PT2H");
  EXPECT_EQ(One("It was the worst flood in a decade."), "a decade=P10Y");
  EXPECT_EQ(One("The loan runs for 18 months."), "18 months=P18M");
  EXPECT_EQ(One("Prices doubled over the past two years."), "the past two years=P2Y");
  EXPECT_EQ(One("The siege lasted a year and a half."), "a year and a half=P1.5Y");
  EXPECT_EQ(One("Voters approved a four-year plan."), "four-year=P4Y");
  EXPECT_EQ(One("Shares fell for six straight days."), "six straight days=P6D");
  EXPECT_EQ(One("The index lost 9% over the past five trading days."),
            "the past five trading days=P5D");
}

TEST(TimexesTest, TimesOfDay) {
  EXPECT_EQ(One("The blast was heard at 10:30 a.m. near the port."), "10:30 a.m.=2026-02-06T10:30");
  EXPECT_EQ(One("Polls close at 8 p.m. local time."), "8 p.m.=2026-02-06T20:00");
  EXPECT_EQ(One("Drones struck the city on Thursday night."), "Thursday night=2026-02-05TNI");
  EXPECT_EQ(One("Sirens sounded this morning across Kyiv."), "this morning=2026-02-06TMO");
}

TEST(TimexesTest, Sets) {
  auto found = Tag("The council meets every week.");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].value, "P1W");
  EXPECT_EQ(found[0].type, Timex::Type::kSet);
  EXPECT_EQ(One("Talks resume every Monday."), "every Monday=XXXX-WXX-1");
  EXPECT_EQ(One("The report is published annually."), "annually=P1Y");
}

TEST(TimexesTest, MayTheNameIsNotAMonth) {
  EXPECT_EQ(Tag("Theresa May said the vote would go ahead.").size(), 0u);
  EXPECT_EQ(Tag("May Lin, a nurse, described the scene.").size(), 0u);
  EXPECT_EQ(Tag("Officials may delay the vote.").size(), 0u);
  EXPECT_EQ(One("The law passed in May."), "May=2025-05");
  EXPECT_EQ(One("The law passed on May 4."), "May 4=2025-05-04");
  EXPECT_EQ(One("He resigned in May 2010."), "May 2010=2010-05");
}

TEST(TimexesTest, OtherWordsThatLookTemporalAreNot) {
  EXPECT_EQ(Tag("Thousands march through the capital.").size(), 0u);
  EXPECT_EQ(Tag("The Sun reported the story first.").size(), 0u);
  EXPECT_EQ(Tag("The second delegation left.").size(), 0u);
}

TEST(TimexesTest, ABareNumberIsNotAYearUnlessItReadsAsOne) {
  EXPECT_EQ(Tag("The army deployed 2000 troops to the border.").size(), 0u);
  EXPECT_EQ(Tag("About 2000 people attended the rally.").size(), 0u);
  EXPECT_EQ(Tag("The two sides swapped 314 prisoners of war.").size(), 0u);
  EXPECT_EQ(Tag("The front line stretches 1,200 km.").size(), 0u);
  EXPECT_EQ(Tag("Flight 1549 landed safely.").size(), 0u);
  EXPECT_EQ(Tag("The plant employs 2000 workers.").size(), 0u);
  EXPECT_EQ(One("Emissions must fall below 1990 levels."), "1990=1990");
  EXPECT_EQ(One("He cited a 2009 analysis by the agency."), "2009=2009");
  EXPECT_EQ(One("The pipeline opened in 2011."), "2011=2011");
  EXPECT_EQ(One("Turnout hit a record in the 2024 election."), "2024=2024");
}

TEST(TimexesTest, ImpossibleDatesAreDropped) {
  EXPECT_EQ(Tag("The memo was dated Feb. 30, 2026.").size(), 0u);
}

TEST(TimexesTest, WithoutAPublicationDateRelativeValuesStayUnderspecified) {
  std::vector<Timex> raw;
  auto found = Tag("Talks ended on Thursday and resume on Feb. 9.", std::nullopt, &raw);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].value, "XXXX-WXX-4");
  EXPECT_EQ(found[1].value, "XXXX-02-09");
  EXPECT_EQ(raw[0].anchor, "");
}

TEST(TimexesTest, SpansPrecisionAndAnchorInBodyOrder) {
  std::vector<Timex> raw;
  const std::string body =
      "In 2024 prices rose. In March 2025 they fell, and on Feb. 2 they rose again.";
  auto found = Tag(body, DateTime::Day(2026, 2, 6), &raw);
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(raw[0].precision, DatePrecision::kYear);
  EXPECT_EQ(raw[1].precision, DatePrecision::kMonth);
  EXPECT_EQ(raw[2].precision, DatePrecision::kDay);
  EXPECT_EQ(raw[0].anchor, "");
  EXPECT_EQ(raw[2].anchor, "published");
  EXPECT_LT(raw[0].span.begin, raw[1].span.begin);
  EXPECT_LT(raw[1].span.begin, raw[2].span.begin);
  EXPECT_EQ(body.substr(raw[1].span.begin, raw[1].span.size()), "March 2025");
}

TEST(TimexesTest, EmptyAndNonTemporalText) {
  EXPECT_TRUE(Tag("").empty());
  EXPECT_TRUE(Tag("The minister resigned over the scandal.").empty());
}

}  // namespace
}  // namespace newsfuse
