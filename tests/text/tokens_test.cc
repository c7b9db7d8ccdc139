#include "text/tokens.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace newsfuse::text {
namespace {

std::vector<std::string> Texts(const Tokens& t) {
  std::vector<std::string> out;
  for (size_t i = 0; i < t.size(); ++i) out.emplace_back(t.Text(i));
  return out;
}

Tokens Scan(std::string_view s) {
  Tokens t;
  Tokenize(s, t);
  return t;
}

using V = std::vector<std::string>;

TEST(TokensTest, WordsNumbersAndSymbols) {
  const Tokens t = Scan("Officials said 1,200.5 tonnes ($5m) arrived.");
  EXPECT_EQ(Texts(t),
            (V{"Officials", "said", "1,200.5", "tonnes", "(", "$", "5", "m", ")", "arrived", "."}));
  EXPECT_TRUE(t[0].IsWord());
  EXPECT_TRUE(t[0].Has(kCapital));
  EXPECT_TRUE(t[0].Has(kSentenceStart));
  EXPECT_TRUE(t[2].IsNumber());
  EXPECT_TRUE(t[5].IsSymbol());
  EXPECT_FALSE(t[6].Has(kSpaceBefore));  // "$5": glued
  EXPECT_TRUE(t[4].Has(kSpaceBefore));
}

// Counting tokens that start a word counts words as a reader does.
TEST(TokensTest, ContinuesWordJoinsGluedRunsAndHyphens) {
  Tokens t;
  Tokenize("The F-16 flew 5km \u2014 co-founder's U.S. jet, players' pick 1,200.", t);
  V starts;
  for (size_t i = 0; i < t.size(); ++i)
    if (!t[i].IsSymbol() && !ContinuesWord(t, i)) starts.emplace_back(t.Text(i));
  EXPECT_EQ(starts, (V{"The", "F", "flew", "5", "co", "U.S.", "jet", "players", "pick", "1,200"}));
  // Tokens before `begin` are not looked at: "16" starts a word there.
  EXPECT_FALSE(ContinuesWord(t, 3, 3));
  EXPECT_TRUE(ContinuesWord(t, 3));
}

// Line and paragraph breaks are marked on the token after them, also when
// they fall between two sentences; a line break alone is no paragraph.
TEST(TokensTest, BlankLinesMarkParagraphsAcrossSentences) {
  const std::string text = "Talks ended.\n \nDockers left.\nShips wait\n\nhere.";
  const std::vector<Sentence> sentences = {{{0, 12}}, {{15, 28}}, {{29, 46}}};
  Tokens t;
  Tokenize(text, sentences, t);
  V paragraph, line;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i].Has(kParagraphBefore)) paragraph.emplace_back(t.Text(i));
    if (t[i].Has(kLineBefore)) line.emplace_back(t.Text(i));
  }
  EXPECT_EQ(paragraph, (V{"Dockers", "here"}));
  EXPECT_EQ(line, (V{"Dockers", "Ships", "here"}));
}

TEST(TokensTest, AccentsCyrillicAndCjkAreWords) {
  const Tokens t = Scan("Pedro Sánchez met Зеленский in 東京 today.");
  EXPECT_EQ(Texts(t), (V{"Pedro", "Sánchez", "met", "Зеленский", "in", "東京", "today", "."}));
  EXPECT_TRUE(t[1].Has(kCapital));
  EXPECT_TRUE(t[1].Has(kNonAscii));
  EXPECT_TRUE(t[3].Has(kCapital));
  EXPECT_TRUE(t[5].IsWord());
  EXPECT_FALSE(t[5].Has(kCapital));  // ideographs have no case
}

TEST(TokensTest, CombiningMarksStayInTheWord) {
  // "José" with a combining acute (e + U+0301).
  const Tokens t = Scan("Jose\xCC\x81 Ramos");
  EXPECT_EQ(Texts(t), (V{"Jose\xCC\x81", "Ramos"}));
}

TEST(TokensTest, ApostrophesInsideWordsStraightAndCurly) {
  const Tokens t = Scan("O'Brien said Zelenskyy’s aides don’t agree ’here’.");
  EXPECT_EQ(Texts(t), (V{"O'Brien", "said", "Zelenskyy’s", "aides", "don’t", "agree", "’", "here",
                         "’", "."}));
  EXPECT_TRUE(t[0].Has(kInnerApostrophe));
  EXPECT_TRUE(t[2].Has(kInnerApostrophe));
  EXPECT_FALSE(t[1].Has(kInnerApostrophe));
}

TEST(TokensTest, DottedAbbreviationsKeepTheirPeriod) {
  const Tokens t = Scan("The U.S. envoy left at 9 a.m. on Feb. 5");
  EXPECT_EQ(Texts(t),
            (V{"The", "U.S.", "envoy", "left", "at", "9", "a.m.", "on", "Feb", ".", "5"}));
  EXPECT_TRUE(t[1].Has(kDotted));
  EXPECT_TRUE(t[1].Has(kAllCaps));
  EXPECT_TRUE(t[6].Has(kDotted));
  EXPECT_FALSE(t[6].Has(kAllCaps));
  EXPECT_FALSE(t[8].Has(kDotted));
}

TEST(TokensTest, AllCapsNeedsTwoLetters) {
  const Tokens t = Scan("UAE A Nato");
  EXPECT_TRUE(t[0].Has(kAllCaps));
  EXPECT_FALSE(t[1].Has(kAllCaps));
  EXPECT_FALSE(t[2].Has(kAllCaps));
}

TEST(TokensTest, SpecialCutsAreViewsOverBaseTokens) {
  const Tokens t = Scan("At 10:30 on 2026-02-05 a 5km F-16 run");
  EXPECT_EQ(Texts(t), (V{"At", "10", ":", "30", "on", "2026", "-", "02", "-", "05", "a", "5", "km",
                         "F", "-", "16", "run"}));
  EXPECT_EQ(ClockAt(t, 1), 4u);
  EXPECT_EQ(ClockAt(t, 0), 0u);
  EXPECT_EQ(IsoDateAt(t, 5), 10u);
  EXPECT_EQ(IsoDateAt(t, 1), 1u);
  EXPECT_EQ(NumberWithSuffixAt(t, 11), 13u);
  EXPECT_EQ(NumberWithSuffixAt(t, 10), 10u);
  EXPECT_EQ(GluedRunAt(t, 13), 16u);
  EXPECT_EQ(GluedRunAt(t, 16), 17u);
}

TEST(TokensTest, ClockNeedsGluedPieces) {
  const Tokens t = Scan("10 : 30");
  EXPECT_EQ(ClockAt(t, 0), 0u);
}

TEST(TokensTest, SentencesBoundTokensAndRanges) {
  const std::string body = "First one.  Second 2026-02-05.";
  std::vector<Sentence> sentences = {Sentence{Span{0, 10}, 0}, Sentence{Span{12, 30}, 0}};
  Tokens t;
  Tokenize(body, sentences, t);
  ASSERT_EQ(t.sentence_first.size(), 3u);
  EXPECT_EQ(t.SentenceBegin(1), 3u);
  EXPECT_EQ(t.SentenceEnd(1), t.size());
  EXPECT_EQ(t[3].sentence, 1u);
  EXPECT_TRUE(t[3].Has(kSentenceStart));
  EXPECT_FALSE(t.Glued(2));  // "." then "Second": different sentences
  EXPECT_EQ(IsoDateAt(t, 4), 9u);
}

TEST(TokensTest, InvalidUtf8IsASymbolNotAFailure) {
  const Tokens t = Scan(
      "ab\xFF"
      "cd");
  EXPECT_EQ(Texts(t), (V{"ab", "\xFF", "cd"}));
  EXPECT_TRUE(t[1].IsSymbol());
}

TEST(TokensTest, LineBreaksAndNoBreakSpaces) {
  const Tokens t = Scan("a\u00a0b\nc");
  ASSERT_EQ(t.size(), 3u);
  EXPECT_TRUE(t[1].Has(kSpaceBefore));
  EXPECT_FALSE(t[1].Has(kLineBefore));
  EXPECT_TRUE(t[2].Has(kLineBefore));
}

TEST(TokensTest, StartsCapitalIsTheScansCapitalTest) {
  // A part of a word (after an apostrophe) is judged as the scan judges a
  // word's first letter: upper or title case, in any script.
  for (const char* w : {"Brien", "Émile", "Зеленский", "\u01C5ivko", "Ωmega"}) {
    EXPECT_TRUE(StartsCapital(w)) << w;
    EXPECT_TRUE(Scan(w)[0].Has(kCapital)) << w;
  }
  for (const char* w : {"brien", "émile", "зеленский", "東京", "5km", "'Brien", "", "\xC3"}) {
    EXPECT_FALSE(StartsCapital(w)) << w;
  }
}

TEST(TokensTest, FoldingIsUnicode) {
  std::string out;
  AppendFolded("Sánchez", out);
  EXPECT_EQ(out, "sánchez");
  out.clear();
  AppendFolded("ЗЕЛЕНСКИЙ", out);
  EXPECT_EQ(out, "зеленский");
  out.clear();
  AppendFolded("Straße", out);
  EXPECT_EQ(out, "strasse");
}

}  // namespace
}  // namespace newsfuse::text
