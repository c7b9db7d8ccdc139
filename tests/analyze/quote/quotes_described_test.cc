// Issue 18: a quote whose speaker is described, not named ("a senior
// official", "the crowd") keeps that description, so the report can show it
// as unnamed instead of dropping it, and never gets a named person.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analyze/quote/quote_fixture.h"
#include "analyze/quote/quotes.h"

namespace newsfuse {
namespace {

using testing::AddEntity;
using testing::MakeAnnotated;

const Quote* QuoteWith(AnnotatedArticle& a, const std::string& words) {
  if (a.quotes.empty()) analyze::AnnotateQuotes(a);
  for (const Quote& q : a.quotes)
    if (q.direct && std::string(a.Text(q.content)).find(words) != std::string::npos) return &q;
  return nullptr;
}

std::string DescriptionOf(AnnotatedArticle& a, const std::string& words) {
  const Quote* q = QuoteWith(a, words);
  return q == nullptr ? "<no quote>" : std::string(a.Text(q->speaker_description));
}

TEST(QuoteDescribedTest, RoleNounSpeakerIsKeptAsItsDescription) {
  AnnotatedArticle a = MakeAnnotated(
      {"Marek Tovar flew home on Sunday. \u201cThe agreement is all but signed,\u201d a senior "
       "official said."});
  AddEntity(a, EntityType::kPerson, "Marek Tovar", {"Marek Tovar"});
  const Quote* q = QuoteWith(a, "all but signed");
  ASSERT_NE(q, nullptr);
  EXPECT_FALSE(q->speaker.has_value());
  EXPECT_EQ(DescriptionOf(a, "all but signed"), "a senior official");
}

TEST(QuoteDescribedTest, PluralAndGroupSpeakersAreDescriptions) {
  AnnotatedArticle a = MakeAnnotated(
      {"\u201cWe will stay until the last bus leaves,\u201d the crowd chanted, and \u201cnobody "
       "has told us anything about the plan,\u201d local residents said."});
  EXPECT_EQ(DescriptionOf(a, "nobody has told us"), "local residents");
}

TEST(QuoteDescribedTest, PronounAfterADescribedSpeakerTakesTheDescription) {
  AnnotatedArticle a = MakeAnnotated(
      {"\u201cThe runway may be ready by the spring,\u201d the official said. \u201cBut we are "
       "not confirming any date for the first flight,\u201d he said."});
  const Quote* q = QuoteWith(a, "not confirming");
  ASSERT_NE(q, nullptr);
  EXPECT_FALSE(q->speaker.has_value());
  EXPECT_EQ(DescriptionOf(a, "not confirming"), "the official");
}

TEST(QuoteDescribedTest, ThingsPlacesAndUnknownNamesAreNoDescription) {
  AnnotatedArticle a = MakeAnnotated(
      {"\u201cThe border will stay closed to all traffic,\u201d a statement said. \u201cWe "
       "reject the ruling in its entirety and will appeal,\u201d Valdoria said."});
  EXPECT_EQ(DescriptionOf(a, "border will stay closed"), "");
  EXPECT_EQ(DescriptionOf(a, "reject the ruling"), "");
}

TEST(QuoteDescribedTest, SourceCloseToANameIsDescribedNotNamed) {
  AnnotatedArticle a = MakeAnnotated(
      {"\u201cShe is resting and will not speak to the press this week,\u201d a source close to "
       "Delacroix said."});
  AddEntity(a, EntityType::kPerson, "Amelie Delacroix", {"Delacroix"});
  const Quote* q = QuoteWith(a, "resting");
  ASSERT_NE(q, nullptr);
  EXPECT_FALSE(q->speaker.has_value());
  EXPECT_NE(DescriptionOf(a, "resting"), "");
}

TEST(QuoteDescribedTest, NamedSpeakerHasNoDescription) {
  AnnotatedArticle a = MakeAnnotated(
      {"\u201cThe plant will reopen in May,\u201d said Greta Lindqvist, the plant manager."});
  const uint32_t e = AddEntity(a, EntityType::kPerson, "Greta Lindqvist", {"Greta Lindqvist"});
  const Quote* q = QuoteWith(a, "plant will reopen");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->speaker, e);
  EXPECT_EQ(q->speaker_description.size(), 0u);
}

}  // namespace
}  // namespace newsfuse
