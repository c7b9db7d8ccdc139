#include "cli/progress_line.h"

#include <gtest/gtest.h>

namespace newsfuse::cli {
namespace {

TEST(ProgressLineTest, RateAndStories) {
  ProgressFigures f;
  f.articles = 500;
  f.stories = 1;
  f.elapsed_s = 4;
  EXPECT_EQ(FormatProgressLine(f), "500 articles, 125 articles/s, 1 story");
  f.stories = 7;
  EXPECT_EQ(FormatProgressLine(f), "500 articles, 125 articles/s, 7 stories");
}

TEST(ProgressLineTest, EtaFromBytesReadAgainstTotal) {
  ProgressFigures f;
  f.articles = 100;
  f.stories = 3;
  f.elapsed_s = 30;
  f.bytes_read = 250;
  f.total_bytes = 1000;
  // A quarter read in 30 s leaves three quarters: 90 s.
  EXPECT_EQ(FormatProgressLine(f), "100 articles, 3 articles/s, 3 stories, 25% of input, ETA 1:30");
  f.elapsed_s = 1200;
  EXPECT_EQ(FormatProgressLine(f),
            "100 articles, 0 articles/s, 3 stories, 25% of input, ETA 1:00:00");
}

TEST(ProgressLineTest, NoEtaWhenSizeUnknownOrNothingRead) {
  ProgressFigures f;
  f.articles = 10;
  f.elapsed_s = 1;
  f.bytes_read = 5000;
  EXPECT_EQ(FormatProgressLine(f).find("ETA"), std::string::npos);
  f.total_bytes = 10000;
  f.bytes_read = 0;
  EXPECT_EQ(FormatProgressLine(f).find("ETA"), std::string::npos);
  EXPECT_EQ(FormatProgressLine({}), "0 articles, 0 articles/s, 0 stories");
}

TEST(ProgressThrottleTest, AtMostOneUpdatePerInterval) {
  ProgressThrottle throttle(0.25);
  EXPECT_TRUE(throttle.Due(0.0));
  EXPECT_FALSE(throttle.Due(0.1));
  EXPECT_FALSE(throttle.Due(0.24));
  EXPECT_TRUE(throttle.Due(0.3));
  EXPECT_FALSE(throttle.Due(0.5));
  EXPECT_TRUE(throttle.Due(0.56));
}

}  // namespace
}  // namespace newsfuse::cli
