// The quote tokens read with the article's one scan (text/tokens.h) must be
// the tokens read byte by byte: the scan only lends its plain words. Text
// written for this test: quote marks of several conventions, apostrophes,
// initials, abbreviations, numbers with joiners, accents.
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

void ExpectSameTokens(const AnnotatedArticle& a) {
  text::Tokens scan;
  text::Tokenize(a.body, a.sentences, scan);
  const QuoteText bytes = BuildQuoteText(a.body, a.sentences);
  const QuoteText scanned = BuildQuoteText(a.body, a.sentences, &scan);
  EXPECT_EQ(Show(bytes), Show(scanned)) << a.body;
  EXPECT_EQ(bytes.quotations.size(), scanned.quotations.size());
}

TEST(QuoteTextTest, ScanGivesTheSameTokens) {
  ExpectSameTokens(testing::MakeAnnotated({
      "\"We will not leave,\" said Mr. Smith, 42. ``It's over,'' Gen. J. R. Allen told AP.",
      "'We are heartbroken,' the family said. The players' union met U.S. officials at 5 p.m.",
      "„So ist es“, sagte Müller. »Nein«, sagte Sánchez. “Zelensky’s plan,” he said.",
      "Sales rose 1,200.5% to $3.4bn, a 12-point gain; A&E and co-founder O'Brien-Smith agreed.",
      "“It goes on",
      "“into a second paragraph,” she said, citing the 1990s and the G7's 2026-02-05 deal.",
  }));
}

TEST(QuoteTextTest, ScanGivesTheSameTokensOnTheSeedReports) {
  size_t n = 0;
  for (const Article& article : testing::SeedArticles()) {
    ExpectSameTokens(testing::MakeAnnotated(article.paragraphs));
    ++n;
  }
  EXPECT_GT(n, 0u);
}

}  // namespace
}  // namespace newsfuse
