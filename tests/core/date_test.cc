#include "core/date.h"

#include <gtest/gtest.h>

namespace newsfuse {
namespace {

TEST(DateTimeTest, ParsesEachPrecisionAndWritesItBack) {
  for (const char* iso : {"2026", "2026-02", "2026-02-06", "2026-02-06T04:04",
                          "2026-02-06T06:34:49", "2026-02-06T04:04+08:00", "2026-02-06T04:04Z"}) {
    auto t = DateTime::ParseIso(iso);
    ASSERT_TRUE(t) << iso;
    EXPECT_EQ(t->ToIso(), iso);
  }
}

TEST(DateTimeTest, AcceptsSpaceSeparatorAndFractionalSeconds) {
  auto t = DateTime::ParseIso("2026-02-06 06:34:49.123");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->precision, DatePrecision::kSecond);
  EXPECT_EQ(t->ToIso(), "2026-02-06T06:34:49");
}

TEST(DateTimeTest, RejectsImpossibleDates) {
  EXPECT_FALSE(DateTime::ParseIso("2026-02-30"));
  EXPECT_FALSE(DateTime::ParseIso("2025-13-01"));
  EXPECT_FALSE(DateTime::ParseIso("2026-02-06T25:00"));
  EXPECT_FALSE(DateTime::ParseIso("Feb 6"));
  EXPECT_FALSE(DateTime::ParseIso(""));
  EXPECT_TRUE(DateTime::ParseIso("2024-02-29"));
  EXPECT_FALSE(DateTime::ParseIso("2025-02-29"));
}

TEST(DateTimeTest, WeekdayAndDayArithmeticAgree) {
  // 6 Feb 2026 is a Friday (index 4 when Monday is 0).
  EXPECT_EQ(DateTime::Day(2026, 2, 6).Weekday(), 4);
  EXPECT_EQ(DateTime::Day(1970, 1, 1).Weekday(), 3);
  const auto d = DateTime::Day(2026, 3, 1);
  EXPECT_EQ(DateFromDaysSinceEpoch(d.DaysSinceEpoch() - 1), DateTime::Day(2026, 2, 28));
  EXPECT_EQ(DateFromDaysSinceEpoch(DateTime::Day(2024, 3, 1).DaysSinceEpoch() - 1),
            DateTime::Day(2024, 2, 29));
}

}  // namespace
}  // namespace newsfuse
