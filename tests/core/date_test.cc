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

TEST(DateTimeTest, PrecisionNamesMatchTheIsoGrains) {
  // Each name is the grain ToIso writes at that precision.
  const DateTime t = *DateTime::ParseIso("2026-02-06T04:04:05");
  for (DatePrecision p : {DatePrecision::kYear, DatePrecision::kMonth, DatePrecision::kDay,
                          DatePrecision::kMinute, DatePrecision::kSecond}) {
    DateTime at = t;
    at.precision = p;
    const std::string iso = at.ToIso();
    const std::string name = DatePrecisionName(p);
    const size_t expected_length = name == "year"     ? 4
                                   : name == "month"  ? 7
                                   : name == "day"    ? 10
                                   : name == "minute" ? 16
                                                      : 19;
    EXPECT_EQ(iso.size(), expected_length) << name << " " << iso;
  }
}

}  // namespace
}  // namespace newsfuse
