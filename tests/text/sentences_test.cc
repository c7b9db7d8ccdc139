#include "text/sentences.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace newsfuse {
namespace {

std::vector<std::string> Split(std::string_view text) {
  std::vector<std::string> out;
  for (const Span& s : SplitSentences(text)) out.emplace_back(text.substr(s.begin, s.size()));
  return out;
}

TEST(SentencesTest, EmptyAndBlankTextGiveNothing) {
  EXPECT_TRUE(SplitSentences("").empty());
  EXPECT_TRUE(SplitSentences("  \n\n \t ").empty());
}

TEST(SentencesTest, SplitsPlainSentencesAndTrims) {
  EXPECT_EQ(Split("  The talks ended. Both sides met again!  Why now?  "),
            (std::vector<std::string>{"The talks ended.", "Both sides met again!", "Why now?"}));
}

TEST(SentencesTest, NeverSplitsInsideNewsAbbreviations) {
  EXPECT_EQ(Split("U.S. President Donald Trump spoke on Feb. 5 in Washington. He left."),
            (std::vector<std::string>{"U.S. President Donald Trump spoke on Feb. 5 in Washington.",
                                      "He left."}));
  EXPECT_EQ(Split("Adm. Frank Bradley and Gen. Alexus Grynkewich attended. Mr. Witkoff and "
                  "Dr. Smith of St. Petersburg too."),
            (std::vector<std::string>{"Adm. Frank Bradley and Gen. Alexus Grynkewich attended.",
                                      "Mr. Witkoff and Dr. Smith of St. Petersburg too."}));
  EXPECT_EQ(
      Split("Resolution No. 2 passed. KYIV, Jan. 31 - Talks resumed."),
      (std::vector<std::string>{"Resolution No. 2 passed.", "KYIV, Jan. 31 - Talks resumed."}));
  EXPECT_EQ(Split("The envoy J. R. Smith said talks at the U.N. Security Council resumed."),
            (std::vector<std::string>{
                "The envoy J. R. Smith said talks at the U.N. Security Council resumed."}));
}

TEST(SentencesTest, AbbreviationAtSentenceEndStillSplitsBeforeAStarter) {
  EXPECT_EQ(
      Split("The delegation flew to the U.S. The talks resume Monday."),
      (std::vector<std::string>{"The delegation flew to the U.S.", "The talks resume Monday."}));
}

TEST(SentencesTest, ClosingQuoteStaysWithItsSentence) {
  EXPECT_EQ(Split("Witkoff called the talks \"detailed and productive.\" Umerov agreed."),
            (std::vector<std::string>{"Witkoff called the talks \"detailed and productive.\"",
                                      "Umerov agreed."}));
  EXPECT_EQ(Split("He said: \u201cWe agreed.\u201d Then he left."),
            (std::vector<std::string>{"He said: \u201cWe agreed.\u201d", "Then he left."}));
}

TEST(SentencesTest, ParagraphBreakAlwaysEndsASentence) {
  // No final period and an abbreviation at the end of the first paragraph:
  // the blank line still wins.
  EXPECT_EQ(Split("RUSSIA SEES PROGRESS\n\nBoth sides met in the U.S.\n \nPresident Trump spoke."),
            (std::vector<std::string>{"RUSSIA SEES PROGRESS", "Both sides met in the U.S.",
                                      "President Trump spoke."}));
}

TEST(SentencesTest, SingleLineBreakInsideAParagraphIsASpace) {
  EXPECT_EQ(Split("Cambodian leader Hun Sen on Friday rejected\nopposition demands. He left."),
            (std::vector<std::string>{
                "Cambodian leader Hun Sen on Friday rejected\nopposition demands.", "He left."}));
}

TEST(SentencesTest, SpansAreByteOffsetsIntoUtf8) {
  // Multibyte text before and inside the sentences, and a supplementary-plane
  // character (two UTF-16 units), must not shift the byte offsets.
  const std::string text =
      "Zaporizhzhia \u2014 Europe\u2019s largest plant \U0001F600 stopped. K\u00f6ln agreed.";
  auto spans = SplitSentences(text);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0].begin, 0u);
  EXPECT_EQ(text.substr(spans[0].begin, spans[0].size()),
            "Zaporizhzhia \u2014 Europe\u2019s largest plant \U0001F600 stopped.");
  EXPECT_EQ(text.substr(spans[1].begin, spans[1].size()), "K\u00f6ln agreed.");
  EXPECT_EQ(spans[1].end, text.size());
}

TEST(SentencesTest, InvalidUtf8StillGivesInRangeSpans) {
  const std::string text = "Bad \xff byte here. Next one.";
  auto spans = SplitSentences(text);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[1].end, text.size());
  EXPECT_EQ(text.substr(spans[1].begin, spans[1].size()), "Next one.");
}

// The pieces of an over-long run, checked against what the bound promises:
// each at most kMaxSentenceBytes, in order, and together every non-space byte.
void ExpectBoundedCover(const std::string& text, const std::vector<Span>& spans) {
  std::string joined, expected;
  uint32_t prev_end = 0;
  for (const Span& s : spans) {
    EXPECT_LE(s.size(), kMaxSentenceBytes);
    EXPECT_GE(s.begin, prev_end);
    prev_end = s.end;
    joined += text.substr(s.begin, s.size());
  }
  for (char c : text)
    if (c != ' ') expected += c;
  std::erase(joined, ' ');
  EXPECT_EQ(joined, expected);
}

TEST(SentencesTest, OverLongRunIsCutAtASpaceNeverInsideAWord) {
  std::string text;
  for (int i = 0; text.size() < 5 * kMaxSentenceBytes; ++i)
    text += (i % 3 ? "Monday " : "yesterday ");
  const auto spans = SplitSentences(text);
  ASSERT_GE(spans.size(), 3u);
  ExpectBoundedCover(text, spans);
  for (size_t k = 0; k < spans.size(); ++k) {
    const std::string piece = text.substr(spans[k].begin, spans[k].size());
    EXPECT_TRUE(piece.ends_with("Monday") || piece.ends_with("yesterday")) << piece;
    if (k + 1 < spans.size()) {
      EXPECT_GT(piece.size(), kMaxSentenceBytes / 2) << "cut too early";
    }
  }
}

TEST(SentencesTest, OverLongRunPrefersAClauseMark) {
  std::string text;
  for (int i = 0; text.size() < 3 * kMaxSentenceBytes; ++i)
    text += (i % 40 == 39 ? "troops, " : "troops ");
  const auto spans = SplitSentences(text);
  ASSERT_GE(spans.size(), 2u);
  ExpectBoundedCover(text, spans);
  for (size_t k = 0; k + 1 < spans.size(); ++k)
    EXPECT_EQ(text[spans[k].end - 1], ',') << "piece " << k;
}

TEST(SentencesTest, OverLongWordIsCutOnACodePointBoundary) {
  std::string text;  // U+1F600, four bytes and a surrogate pair in UTF-16
  while (text.size() < 3 * kMaxSentenceBytes + 1) text += "ð";
  text += "eÌ";  // odd tail: a combining mark
  const auto spans = SplitSentences(text);
  ASSERT_GE(spans.size(), 4u);
  ExpectBoundedCover(text, spans);
  for (const Span& s : spans) {
    EXPECT_NE(static_cast<unsigned char>(text[s.begin]) & 0xC0, 0x80) << s.begin;
    if (s.end < text.size()) {
      EXPECT_NE(static_cast<unsigned char>(text[s.end]) & 0xC0, 0x80) << s.end;
    }
  }
}

TEST(SentencesTest, SentencesUnderTheBoundAreLeftWhole) {
  std::string longest = "The envoy said";
  while (longest.size() + 20 < kMaxSentenceBytes) longest += " that the talks went on";
  longest += ".";
  ASSERT_LE(longest.size(), kMaxSentenceBytes);
  EXPECT_EQ(Split("Short one. " + longest + " Last."),
            (std::vector<std::string>{"Short one.", longest, "Last."}));
}

TEST(SentencesTest, SafeOnSeveralThreads) {
  const std::string text = "U.S. envoy Steve Witkoff spoke. The talks ended. Both sides agreed.";
  const auto expected = SplitSentences(text);
  std::vector<std::thread> threads;
  std::vector<std::vector<Span>> results(4);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) results[t] = SplitSentences(text);
    });
  }
  for (auto& th : threads) th.join();
  for (const auto& r : results) EXPECT_EQ(r, expected);
}

}  // namespace
}  // namespace newsfuse
