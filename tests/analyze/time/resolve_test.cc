#include <gtest/gtest.h>

#include <random>
#include <string>

#include "analyze/time/time_resolve.h"
#include "analyze/time/time_rules.h"
#include "analyze/time/timexes.h"

namespace newsfuse::analyze::time {
namespace {

const std::optional<DateTime> kFriday = DateTime::Day(2026, 2, 6);

std::string Resolve(std::string_view raw, Tense tense = Tense::kUnknown,
                    std::optional<DateTime> anchor = kFriday) {
  auto v = ResolveValue(raw, anchor, tense);
  return v ? v->value : "<none>";
}

TEST(TimeResolveTest, IsoWeekAcrossYearBoundary) {
  EXPECT_EQ(IsoWeek(DateTime::Day(2026, 2, 6)), "2026-W06");
  EXPECT_EQ(IsoWeek(DateTime::Day(2021, 1, 3)), "2020-W53");
  EXPECT_EQ(IsoWeek(DateTime::Day(2024, 12, 30)), "2025-W01");
}

TEST(TimeResolveTest, WeekdayByTense) {
  EXPECT_EQ(Resolve("UNDEF-weekday-4", Tense::kPast), "2026-02-05");
  EXPECT_EQ(Resolve("UNDEF-weekday-4", Tense::kFuture), "2026-02-12");
  EXPECT_EQ(Resolve("UNDEF-weekday-5", Tense::kPast), "2026-02-06");  // the day itself
  EXPECT_EQ(Resolve("UNDEF-weekday-1"), "2026-02-09");                // nearest
  EXPECT_EQ(Resolve("UNDEF-last-weekday-5"), "2026-01-30");
  EXPECT_EQ(Resolve("UNDEF-next-weekday-5"), "2026-02-13");
}

TEST(TimeResolveTest, UnitsAndShifts) {
  EXPECT_EQ(Resolve("UNDEF-this-W"), "2026-W06");
  EXPECT_EQ(Resolve("UNDEF-REF-M-MINUS-1"), "2026-01");
  EXPECT_EQ(Resolve("UNDEF-REF-M-MINUS-2"), "2025-12");
  EXPECT_EQ(Resolve("UNDEF-REF-Y-MINUS-1-10"), "2025-10");
  EXPECT_EQ(Resolve("UNDEF-this-Q"), "2026-Q1");
  EXPECT_EQ(Resolve("UNDEF-REF-DE-PLUS-1"), "203");
  EXPECT_EQ(Resolve("UNDEF-REF-D-MINUS-X"), "PAST_REF");
  EXPECT_EQ(Resolve("UNDEF-this-DTHOUR-8-PM"), "2026-02-06T20:00");
  EXPECT_EQ(Resolve("UNDEF-this-DTHOUR-12-AM"), "2026-02-06T00:00");
  EXPECT_EQ(Resolve("UNDEF-year-12-25", Tense::kPast), "2025-12-25");
  EXPECT_EQ(Resolve("UNDEF-year-12-25", Tense::kFuture), "2026-12-25");
}

TEST(TimeResolveTest, Durations) {
  EXPECT_EQ(Resolve("DUR-4-Y"), "P4Y");
  EXPECT_EQ(Resolve("DUR-3-TH"), "PT3H");
  EXPECT_EQ(Resolve("DUR-2-DE"), "P20Y");
  EXPECT_EQ(Resolve("DUR-X-W"), "PXW");
  EXPECT_EQ(Resolve("DUR-2.5-Y"), "P2.5Y");
  EXPECT_EQ(Resolve("DUR-2-FN"), "P4W");
}

TEST(TimeResolveTest, WithoutAnchorAndMalformed) {
  EXPECT_EQ(Resolve("UNDEF-year-02-05", Tense::kPast, std::nullopt), "XXXX-02-05");
  EXPECT_EQ(Resolve("UNDEF-this-W", Tense::kPast, std::nullopt), "PRESENT_REF");
  EXPECT_EQ(Resolve("UNDEF-REF-Y-MINUS-1", Tense::kPast, std::nullopt), "PAST_REF");
  EXPECT_EQ(Resolve("2026-02-30"), "<none>");
  EXPECT_EQ(Resolve("2026-13"), "<none>");
  EXPECT_EQ(Resolve("UNDEF-weekday-9"), "<none>");
  EXPECT_EQ(Resolve("UNDEF-bogus"), "<none>");
}

TEST(TimeResolveTest, PrecisionOfValues) {
  EXPECT_EQ(ValuePrecision("2026"), DatePrecision::kYear);
  EXPECT_EQ(ValuePrecision("2026-02"), DatePrecision::kMonth);
  EXPECT_EQ(ValuePrecision("2026-W06"), DatePrecision::kMonth);
  EXPECT_EQ(ValuePrecision("2026-02-05"), DatePrecision::kDay);
  EXPECT_EQ(ValuePrecision("2026-01-23/2026-01-24"), DatePrecision::kDay);
  EXPECT_EQ(ValuePrecision("2026-02-05T10:30"), DatePrecision::kMinute);
}

TEST(TimeRulesTest, EmbeddedDataParses) {
  const TimeRules& rules = TimeRules::Get();
  EXPECT_GT(rules.rules().size(), 100u);
  EXPECT_NE(rules.words().Find("february"), nullptr);
  EXPECT_EQ(rules.words().Find("parliament"), nullptr);
}

// Arbitrary bytes, broken UTF-8 and pathological repetitions: no crash, and
// every span lies inside the body, non-empty, in order.
TEST(TimexesRobustnessTest, ArbitraryInputKeepsSpansInBounds) {
  std::mt19937 rng(42);
  const std::string pieces[] = {"Feb",
                                ".",
                                " ",
                                "5",
                                "2026",
                                "-",
                                "the",
                                "last",
                                "May",
                                "99999999999999",
                                "123456789012",
                                " years",
                                " days ago",
                                "\xe2\x80\x93",
                                "\xff",
                                "year",
                                "s",
                                "10:30",
                                "a.m.",
                                ",",
                                "'",
                                "Thursday",
                                "ago",
                                "\n\n",
                                "0",
                                "31",
                                "every"};
  for (int round = 0; round < 300; ++round) {
    AnnotatedArticle a;
    int n = static_cast<int>(rng() % 60);
    for (int i = 0; i < n; ++i) a.body += pieces[rng() % std::size(pieces)];
    if (round % 3 == 0) a.article.published = kFriday;
    AnnotateTime(a);
    uint32_t previous_end = 0;
    for (const Timex& t : a.timexes) {
      ASSERT_LT(t.span.begin, t.span.end);
      ASSERT_LE(t.span.end, a.body.size());
      ASSERT_GE(t.span.begin, previous_end);
      previous_end = t.span.end;
      ASSERT_FALSE(t.value.empty());
    }
  }
}

}  // namespace
}  // namespace newsfuse::analyze::time
