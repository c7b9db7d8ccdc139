// The quote tokens are runs of the article's one scan (text/tokens.h), cut
// where the quote rules cut. Text written for this test: quote marks of
// several conventions, apostrophes, initials, abbreviations, numbers with
// joiners, accents.
#include "analyze/quote/quote_text.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analyze/quote/quote_fixture.h"
#include "text/seed_corpus.h"
#include "text/tokens.h"

namespace newsfuse {
namespace {

using analyze::quote_internal::BuildQuoteText;
using analyze::quote_internal::QuoteText;

std::vector<std::string> Show(const QuoteText& q) {
  std::vector<std::string> out;
  for (const auto& t : q.tokens) {
    out.push_back(std::string(q.Text(t)) + "|" + std::to_string(static_cast<int>(t.kind)) + "|" +
                  std::to_string(t.capitalised) + "|" + std::to_string(t.paragraph) + "|" +
                  std::to_string(t.sentence) + "|" + std::to_string(t.quotation));
  }
  return out;
}

std::vector<std::string> Texts(const QuoteText& q) {
  std::vector<std::string> out;
  for (const auto& t : q.tokens) out.emplace_back(q.Text(t));
  return out;
}

using Words = std::vector<std::string>;

TEST(QuoteTextTest, WordsAreRunsOfTheScanJoinedAcrossJoiners) {
  const AnnotatedArticle a = testing::MakeAnnotated({
      "Sales rose 1,200.5% to $3.4bn; A&E and co-founder O'Brien-Smith met Mr. Wu at 5 p.m. "
      "in the U.S.",
  });
  EXPECT_EQ(Texts(BuildQuoteText(a.body, a.sentences)),
            (Words{"Sales", "rose",       "1,200.5",       "%",   "to",  "$",  "3.4bn", ";", "A&E",
                   "and",   "co-founder", "O'Brien-Smith", "met", "Mr.", "Wu", "at",    "5", "p.m.",
                   "in",    "the",        "U.S",           "."}));
}

TEST(QuoteTextTest, QuoteMarksAndApostrophesAreTold) {
  const AnnotatedArticle a = testing::MakeAnnotated({
      "``It's over,'' Gen. J. R. Allen said. 'We are heartbroken,' the players' union said.",
      "“Zelensky’s plan,” said Sánchez.",
  });
  const QuoteText q = BuildQuoteText(a.body, a.sentences);
  EXPECT_EQ(Texts(q),
            (Words{"``",          "It's",    "over", ",",          "''",      "Gen.", "J.",
                   "R.",          "Allen",   "said", ".",          "'",       "We",   "are",
                   "heartbroken", ",",       "'",    "the",        "players", "'",    "union",
                   "said",        ".",       "“",    "Zelensky’s", "plan",    ",",    "”",
                   "said",        "Sánchez", "."}));
  ASSERT_EQ(q.quotations.size(), 3u);
  EXPECT_EQ(a.Text(q.quotations[0].content), "It's over,");
  EXPECT_EQ(a.Text(q.quotations[1].content), "We are heartbroken,");
  EXPECT_EQ(a.Text(q.quotations[2].content), "Zelensky’s plan,");
}

TEST(QuoteTextTest, TheGivenScanIsTheOneRead) {
  // With the article's scan or without it (scanned here), the same tokens.
  const AnnotatedArticle a =
      testing::MakeAnnotated({"“It goes on", "“into a second paragraph,” she said."});
  text::Tokens scan;
  text::Tokenize(a.body, a.sentences, scan);
  const QuoteText with = BuildQuoteText(a.body, a.sentences, &scan);
  EXPECT_EQ(Show(with), Show(BuildQuoteText(a.body, a.sentences)));
  ASSERT_EQ(with.quotations.size(), 1u);
  EXPECT_EQ(with.tokens.back().paragraph, 1u);
}

}  // namespace
}  // namespace newsfuse
