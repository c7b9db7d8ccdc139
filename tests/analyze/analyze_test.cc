#include "analyze/analyze.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/seed_corpus.h"

namespace newsfuse {
namespace {

TEST(AnalyzeTest, BodyAndSentencesWithParagraphIndex) {
  const Article article =
      testing::MakeArticle("a0", "Wire", "Talks end",
                           {"U.S. envoy Steve Witkoff spoke on Feb. 5. The talks ended.",
                            "Both sides agreed to swap 314 prisoners.",
                            "\u201cWe agreed,\u201d Umerov said. Zelenskiy welcomed the deal."});
  const AnnotatedArticle a = Analyze(article);
  EXPECT_EQ(a.body, article.Body());
  EXPECT_EQ(a.article.title, "Talks end");
  std::vector<std::string> texts;
  std::vector<uint32_t> paragraphs;
  for (const Sentence& s : a.sentences) {
    texts.emplace_back(a.Text(s.span));
    paragraphs.push_back(s.paragraph);
  }
  EXPECT_EQ(texts, (std::vector<std::string>{
                       "U.S. envoy Steve Witkoff spoke on Feb. 5.", "The talks ended.",
                       "Both sides agreed to swap 314 prisoners.",
                       "\u201cWe agreed,\u201d Umerov said.", "Zelenskiy welcomed the deal."}));
  EXPECT_EQ(paragraphs, (std::vector<uint32_t>{0, 0, 1, 2, 2}));
}

TEST(AnalyzeTest, EmptyParagraphsKeepIndicesAligned) {
  const Article article = testing::MakeArticle("a1", "Wire", "", {"", "First one.", "", "Last."});
  const AnnotatedArticle a = Analyze(article);
  ASSERT_EQ(a.sentences.size(), 2u);
  EXPECT_EQ(a.sentences[0].paragraph, 1u);
  EXPECT_EQ(a.Text(a.sentences[0].span), "First one.");
  EXPECT_EQ(a.sentences[1].paragraph, 3u);
  EXPECT_EQ(a.Text(a.sentences[1].span), "Last.");
}

TEST(AnalyzeTest, SeedSentencesLieInsideTheirParagraphs) {
  for (const Article& article : testing::SeedArticles()) {
    const AnnotatedArticle a = Analyze(article);
    ASSERT_FALSE(a.sentences.empty()) << article.outlet;
    uint32_t prev_end = 0;
    for (const Sentence& s : a.sentences) {
      ASSERT_LT(s.paragraph, article.paragraphs.size());
      const std::string& p = article.paragraphs[s.paragraph];
      EXPECT_NE(p.find(std::string(a.Text(s.span))), std::string::npos);
      EXPECT_GE(s.span.begin, prev_end);  // in order, no overlap
      prev_end = s.span.end;
    }
  }
}

TEST(AnalyzeTest, EmptyArticle) {
  const AnnotatedArticle a = Analyze(Article{});
  EXPECT_TRUE(a.body.empty());
  EXPECT_TRUE(a.sentences.empty());
}

}  // namespace
}  // namespace newsfuse
