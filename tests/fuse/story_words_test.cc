// Issue 17: fusion reads each article through the shared token scan and takes
// its terms in the article's own language.
#include "fuse/story_words.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace newsfuse::fuse {
namespace {

std::vector<std::string> TokenTermsOf(std::string_view text, std::string_view language) {
  StoryWords words({});
  std::vector<uint32_t> ids;
  words.TermsOf(text, language, ids);
  std::vector<std::string> out;
  for (uint32_t id : ids) out.push_back(words.dict().Term(id));
  return out;
}

TEST(StoryWordsTest, TermsAreStemmedInTheArticlesLanguage) {
  const std::string de = "Die Verhandlungen über Gefangene wurden fortgesetzt.";
  EXPECT_EQ(TokenTermsOf(de, "de"), TokenTermsOf(de, "de-AT"));
  EXPECT_NE(TokenTermsOf(de, "de"), TokenTermsOf(de, "en"));  // German stems and stop words
  const std::string es = "Las negociaciones continuaron con los prisioneros.";
  EXPECT_EQ(TokenTermsOf(es, "es-ES"), TokenTermsOf(es, "es"));
  EXPECT_NE(TokenTermsOf(es, "es-ES"), TokenTermsOf(es, "en"));
}

TEST(StoryWordsTest, AccentedNameIsOneTermInAnyCase) {
  const std::vector<std::string> terms = TokenTermsOf("Sánchez Sánchez's SÁNCHEZ", "en");
  ASSERT_EQ(terms.size(), 3u);
  EXPECT_EQ(terms[0], "sánchez");  // not "s" + "nchez"
  EXPECT_EQ(terms[1], terms[0]);
  EXPECT_EQ(terms[2], terms[0]);
}

TEST(StoryWordsTest, SentenceTermsAreTheTermsOfTheSentenceText) {
  AnnotatedArticle a;
  a.article.language = "en";
  a.body = "Talks resumed in Geneva on Monday. The delegations didn't sign a deal.";
  a.sentences = {{{0, 34}}, {{35, static_cast<uint32_t>(a.body.size())}}};
  const std::vector<const AnnotatedArticle*> members = {&a};
  StoryWords words(members);
  ASSERT_EQ(words.size(), 1u);
  for (size_t k = 0; k < 2; ++k) {
    std::vector<uint32_t> direct;
    words.TermsOf(a.Text(a.sentences[k].span), "en", direct);
    const auto terms = words.SentenceTerms(0, k);
    EXPECT_EQ(std::vector<uint32_t>(terms.begin(), terms.end()), direct) << k;
    EXPECT_FALSE(direct.empty());
  }
  EXPECT_TRUE(words.SentenceTerms(0, 2).empty());  // past the last sentence
  EXPECT_TRUE(words.SentenceTerms(0, 99).empty());
}

}  // namespace
}  // namespace newsfuse::fuse
