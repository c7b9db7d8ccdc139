// Hostile pages: each must end in bounded time with an Article or a clear
// BadInput, never a crash. Bounds are wall-clock and generous (sanitizer and
// debug builds run them too); a regression to quadratic work blows them by
// orders of magnitude.
#include <gtest/gtest.h>

#include <ctime>
#include <random>
#include <string>

#include "extract/extract.h"

namespace newsfuse {
namespace {

struct Timed {
  Result<Article> result;
  double seconds;
};

Timed Extract(std::string content, PageFormat format = PageFormat::kAuto) {
  RawPage page;
  page.locator = "hostile.html";
  page.format = format;
  page.content = std::move(content);
  // CPU time: under sanitizers on a shared CI machine the wall clock also
  // measures the neighbours.
  const std::clock_t start = std::clock();
  Result<Article> r = ExtractArticle(page);
  return {std::move(r), static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC};
}

const char kParagraph[] =
    "<p>The harbour authority said on Friday that the new ferry terminal would open in "
    "April, two months later than planned, after inspectors found cracks in the pier.</p>\n";

TEST(RobustnessTest, TwentyMegabytePageIsCutAndStillExtracted) {
  std::string html = "<html><head><title>Terminal delayed</title></head><body><article>";
  while (html.size() < (20u << 20)) html += kParagraph;
  html += "</article></body></html>";
  Timed t = Extract(std::move(html));
  ASSERT_TRUE(t.result.ok()) << t.result.status().ToString();
  EXPECT_GT(t.result->paragraphs.size(), 1u);
  EXPECT_LT(t.seconds, 30.0);
}

TEST(RobustnessTest, HundredThousandDeepNestingIsCapped) {
  std::string html = "<html><body>";
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += kParagraph;
  for (int i = 0; i < 100000; ++i) html += "</div>";
  html += "</body></html>";
  Timed t = Extract(std::move(html));
  ASSERT_TRUE(t.result.ok()) << t.result.status().ToString();
  EXPECT_NE(t.result->paragraphs.front().find("ferry terminal"), std::string::npos);
  EXPECT_LT(t.seconds, 20.0);
}

TEST(RobustnessTest, DeepInlineNestingAndUnclosedTagsAreBounded) {
  // <b> and <span> are not capped by name; misnested formatting elements make
  // the HTML5 tree builder reconstruct them, a classic quadratic trap.
  std::string html = "<html><body><p>";
  for (int i = 0; i < 50000; ++i) html += (i % 2 ? "<b><i>" : "<span><font>");
  html += "Residents were told to boil water until Sunday, the city said.</p>";
  Timed t = Extract(std::move(html));
  EXPECT_LT(t.seconds, 20.0);
}

TEST(RobustnessTest, PageWithoutBodyGivesAClearReason) {
  Timed t = Extract(
      "<html><head><title>Weather</title><meta name=\"description\" content=\"x\"></head></html>");
  ASSERT_FALSE(t.result.ok());
  EXPECT_EQ(t.result.status().code(), Status::Code::kBadInput);
  EXPECT_NE(t.result.status().message().find("no article text"), std::string::npos)
      << t.result.status().ToString();
  EXPECT_EQ(t.result.status().locator(), "hostile.html");
}

TEST(RobustnessTest, BodylessFragmentStillYieldsItsText) {
  // No <html>, <head> or <body>: the parser implies them.
  Timed t = Extract(std::string(kParagraph) + kParagraph);
  ASSERT_TRUE(t.result.ok()) << t.result.status().ToString();
  EXPECT_EQ(t.result->paragraphs.size(), 1u);  // the repeat is dropped
}

TEST(RobustnessTest, BinaryJunkIsRejectedAsBinary) {
  std::mt19937 rng(7);
  std::string junk(1 << 20, '\0');
  for (char& c : junk) c = static_cast<char>(rng());
  for (PageFormat f : {PageFormat::kAuto, PageFormat::kHtml}) {
    Timed t = Extract(junk, f);
    ASSERT_FALSE(t.result.ok());
    EXPECT_NE(t.result.status().message().find("binary"), std::string::npos)
        << t.result.status().ToString();
    EXPECT_LT(t.seconds, 5.0);
  }
}

TEST(RobustnessTest, MarkupShapedJunkNeverCrashes) {
  // Random mixes of tag fragments, quotes, entities and bytes >= 0x80.
  const char* pieces[] = {"<",         ">",        "</",    "<div",        "<p>",  "<script>",
                          "</script>", "<!--",     "-->",   "\"",          "'",    "=",
                          "&amp;",     "&#",       "<svg>", "<table><td>", "\xC3", "\xA9",
                          "\xFF",      " class=a", "<br>",  "<title>",     "\n",   "text, words."};
  std::mt19937 rng(42);
  for (int round = 0; round < 200; ++round) {
    std::string s;
    const int n = 1 + static_cast<int>(rng() % 400);
    for (int i = 0; i < n; ++i) s += pieces[rng() % std::size(pieces)];
    Timed t = Extract(s);
    if (t.result.ok()) {
      EXPECT_FALSE(t.result->paragraphs.empty());
    } else {
      EXPECT_FALSE(t.result.status().message().empty());
    }
  }
}

TEST(RobustnessTest, HugeScrapedTextIsBounded) {
  // Distinct lines: a line repeated all over a page is furniture by design.
  std::string text;
  for (int i = 0; text.size() < (20u << 20); ++i)
    text += "Officials said bridge " + std::to_string(i) +
            " would reopen on Monday after repairs to its deck were finished.\n";
  Timed t = Extract(std::move(text), PageFormat::kText);
  ASSERT_TRUE(t.result.ok()) << t.result.status().ToString();
  EXPECT_LT(t.seconds, 30.0);
}

}  // namespace
}  // namespace newsfuse
