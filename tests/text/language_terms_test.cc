#include "text/language_terms.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace newsfuse {
namespace {

TEST(LanguageTermsTest, PrimaryLanguageOfATag) {
  EXPECT_EQ(PrimaryLanguage("en-GB"), "en");
  EXPECT_EQ(PrimaryLanguage("PT_br"), "pt");
  EXPECT_EQ(PrimaryLanguage("de"), "de");
  EXPECT_EQ(PrimaryLanguage(""), "en");
}

TEST(LanguageTermsTest, EachLanguageStemsWithItsOwnRules) {
  LanguageTermExtractors extractors;
  TermExtractor& german = extractors.For("de-AT");
  EXPECT_EQ(&german, &extractors.For("de"));  // one extractor per language
  EXPECT_EQ(&extractors.For(""), &extractors.For("en-US"));
  // German stemming joins "Verhandlungen" and "Verhandlung"; English does not.
  EXPECT_EQ(german.Terms("Verhandlungen"), german.Terms("Verhandlung"));
  TermExtractor& english = extractors.For("en");
  EXPECT_NE(english.Terms("Verhandlungen"), english.Terms("Verhandlung"));
  // German stop words are dropped only from German text.
  EXPECT_TRUE(german.Terms("und").empty());
  EXPECT_FALSE(english.Terms("und").empty());
}

}  // namespace
}  // namespace newsfuse
