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
using testing::DescriptionOf;
using testing::MakeAnnotated;
using testing::QuoteWith;

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

// The bodies news quotes by what they are (the "group" words of cues.txt):
// the quote is kept as theirs, unnamed; a group word that is not the head of
// the speaker phrase ("the committee's report") describes no speaker.
TEST(QuoteDescribedTest, OrganisationNounsAreDescriptions) {
  AnnotatedArticle a = MakeAnnotated(
      {"\u201cWe will file the appeal on Monday morning at the latest,\u201d the committee "
       "said. \u201cThe decision ignores every witness we brought to the hearing,\u201d the "
       "ministry added."});
  EXPECT_EQ(DescriptionOf(a, "file the appeal"), "the committee");
  EXPECT_EQ(DescriptionOf(a, "ignores every witness"), "the ministry");
}

TEST(QuoteDescribedTest, OrganisationNounThatIsNotTheHeadIsNoDescription) {
  AnnotatedArticle a = MakeAnnotated(
      {"\u201cThe bridge was closed for safety reasons and will reopen in June,\u201d the "
       "committee's report said."});
  const Quote* q = QuoteWith(a, "bridge was closed");
  ASSERT_NE(q, nullptr);
  EXPECT_FALSE(q->speaker.has_value());
  EXPECT_EQ(DescriptionOf(a, "bridge was closed"), "");
}

// "the statement said" speaks for whoever the text said issued it: the
// subject of the sentence that introduced the statement, or the name after
// "a statement by"; a second "the statement said" is the same author.
TEST(QuoteDescribedTest, TheStatementIsItsIssuers) {
  AnnotatedArticle a = MakeAnnotated(
      {"The Northern League, in a statement released on Friday, rejected the plan.",
       "\u201cNo region should pay for the debts of another one,\u201d the statement said. "
       "\u201cWe will vote against it in every committee,\u201d the statement added."});
  const uint32_t league =
      AddEntity(a, EntityType::kOrganization, "Northern League", {"Northern League"});
  const Quote* first = QuoteWith(a, "No region should pay");
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->speaker, league);
  const Quote* second = QuoteWith(a, "vote against it");
  ASSERT_NE(second, nullptr);
  EXPECT_EQ(second->speaker, league);
}

// Abstains: an indefinite "a statement said" (a new statement, author not
// written), a statement its subject did not issue as a name ("Ruiz's office
// issued a statement" is the office's), a statement far back.
TEST(QuoteDescribedTest, StatementWithNoWrittenIssuerHasNoSpeaker) {
  AnnotatedArticle a = MakeAnnotated(
      {"Ruiz's office issued a statement on Friday.",
       "\u201cThe talks were useful but nothing was decided,\u201d the statement said.",
       "\u201cThe port stays closed until the inquiry ends,\u201d a statement said."});
  AddEntity(a, EntityType::kPerson, "Tomas Ruiz", {"Ruiz"});
  const Quote* office = QuoteWith(a, "talks were useful");
  ASSERT_NE(office, nullptr);
  EXPECT_FALSE(office->speaker.has_value());
  const Quote* indefinite = QuoteWith(a, "port stays closed");
  ASSERT_NE(indefinite, nullptr);
  EXPECT_FALSE(indefinite->speaker.has_value());
}

// Plain person nouns the role list lacks are descriptions too.
TEST(QuoteDescribedTest, PersonNounsAreDescriptions) {
  AnnotatedArticle a = MakeAnnotated(
      {"\u201cHe would joke about everything and never lost his temper,\u201d said a "
       "brother-in-law, who asked not to be named. \u201cThe case was always about the "
       "browser,\u201d one person said."});
  EXPECT_EQ(DescriptionOf(a, "never lost his temper"), "a brother-in-law");
  EXPECT_EQ(DescriptionOf(a, "always about the browser"), "one person");
}

// "A senior official of a coastal state", "a spokesman for the port
// authority": the person noun leads the phrase, whatever noun ends it; the
// description is the whole phrase.
TEST(QuoteDescribedTest, PersonNounBeforeAPrepositionDescribesTheSpeaker) {
  AnnotatedArticle a = MakeAnnotated(
      {"A senior official of a coastal state called the vote \u201ca rebuke to the whole "
       "alliance\u201d and said the talks would go on. \u201cWe cannot say when the ferries "
       "will run again,\u201d a spokesman for the port authority said."});
  EXPECT_EQ(DescriptionOf(a, "a rebuke to the whole"), "A senior official of a coastal state");
  EXPECT_EQ(DescriptionOf(a, "when the ferries"), "a spokesman for the port authority");
}

// A capitalised word before the person noun may be a name the resolver missed.
TEST(QuoteDescribedTest, NameBeforeAPersonNounIsNoDescription) {
  AnnotatedArticle a = MakeAnnotated(
      {"\u201cThe tunnel will not open before the winter,\u201d Vestra engineers of the tunnel "
       "said."});
  EXPECT_EQ(DescriptionOf(a, "tunnel will not open"), "");
}

// A family speaks as one: "Ruiz's family issued a statement calling ...", and
// "The family of Ana Ruiz said" is the family's, not hers.
TEST(QuoteDescribedTest, AFamilyIsDescribedNotTheRelative) {
  AnnotatedArticle a = MakeAnnotated(
      {"Ana Ruiz was held at the border on Friday. Ruiz's family issued a statement on Sunday "
       "calling the arrest ``a travesty of justice'' and thanking the consul.",
       "The family of Ana Ruiz said ``she has never been to that country in her life.''"});
  AddEntity(a, EntityType::kPerson, "Ana Ruiz", {"Ana Ruiz", "Ruiz"});
  EXPECT_EQ(DescriptionOf(a, "travesty of justice"), "Ruiz's family");
  EXPECT_EQ(DescriptionOf(a, "never been to that country"), "The family of Ana Ruiz");
}

}  // namespace
}  // namespace newsfuse
