// Issue 18: a pronoun after a sentence whose subject is someone's relative,
// lawyer or source ("Tamba's daughter posted ...; ``...,'' she wrote") means
// that person, never the one whose relative they are.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analyze/quote/quote_fixture.h"
#include "analyze/quote/quotes.h"

namespace newsfuse {
namespace {

using testing::AddEntity;
using testing::MakeAnnotated;
using testing::SpeakerOf;

// The possessor ("Tamba's daughter", "Orla Finch's lawyer") and the
// complement ("The daughter of Osei Marr", "A source close to Marr") name
// whose relative speaks: the quote stays without a named speaker.
TEST(QuoteRelativesTest, PronounAfterARelativeIsNotThePersonTheyBelongTo) {
  AnnotatedArticle a = MakeAnnotated(
      {"Kezo Tamba, the actor, died on Friday.",
       "Tamba's daughter posted a long message on Sunday. ``He was the kindest man I knew,'' "
       "she wrote.",
       "Osei Marr chairs the port board.",
       "The daughter of Osei Marr spoke to reporters at the gate. ``We need time,'' she said.",
       "A source close to Marr spoke on Monday. ``He will not resign,'' she said."});
  const uint32_t tamba = AddEntity(a, EntityType::kPerson, "Kezo Tamba", {"Kezo Tamba", "Tamba"});
  const uint32_t marr = AddEntity(a, EntityType::kPerson, "Osei Marr", {"Osei Marr", "Marr"});
  EXPECT_NE(SpeakerOf(a, "kindest man"), static_cast<int>(tamba));
  EXPECT_NE(SpeakerOf(a, "We need time"), static_cast<int>(marr));
  EXPECT_NE(SpeakerOf(a, "will not resign"), static_cast<int>(marr));
}

// A relative no entity names still stands between the pronoun and a person
// named further back.
TEST(QuoteRelativesTest, UnnamedPossessorStillOpensTheSentence) {
  AnnotatedArticle a = MakeAnnotated(
      {"Kezo Tamba was charged on Friday.",
       "His lawyer issued a statement on Saturday. ``My client is innocent,'' he said."});
  const uint32_t tamba = AddEntity(a, EntityType::kPerson, "Kezo Tamba", {"Kezo Tamba", "Tamba"});
  EXPECT_NE(SpeakerOf(a, "My client is innocent"), static_cast<int>(tamba));
}

// The relative named beside the noun is the one the pronoun means; a
// relative in the object ("found Imer's brother, Adem") is not read, and
// the subject rule stands.
TEST(QuoteRelativesTest, NameBesideTheRelativeSpeaks) {
  AnnotatedArticle a = MakeAnnotated(
      {"Glen Roberts and Dana Roberts live in Tarvel.",
       "Dana's father, Glen Roberts, spoke to reporters. ``I support her,'' he said.",
       "Imer Delijaj walked home. He found Imer's brother, Adem Delijaj, in the yard. ``I saw "
       "only smoke,'' he said."});
  const uint32_t glen = AddEntity(a, EntityType::kPerson, "Glen Roberts", {"Glen Roberts"});
  AddEntity(a, EntityType::kPerson, "Dana Roberts", {"Dana Roberts", "Dana"});
  const uint32_t imer = AddEntity(a, EntityType::kPerson, "Imer Delijaj", {"Imer Delijaj", "Imer"});
  AddEntity(a, EntityType::kPerson, "Adem Delijaj", {"Adem Delijaj"});
  EXPECT_EQ(SpeakerOf(a, "I support her"), static_cast<int>(glen));
  EXPECT_EQ(SpeakerOf(a, "only smoke"), static_cast<int>(imer));
}

// "according to a source close to Marr": the source speaks, shown as
// described; "close" is no part of the speaker's head.
TEST(QuoteRelativesTest, AccordingToASourceCloseToSomeone) {
  AnnotatedArticle a =
      MakeAnnotated({"``They have lived apart for months,'' according to a source close to Marr."});
  AddEntity(a, EntityType::kPerson, "Osei Marr", {"Marr"});
  analyze::AnnotateQuotes(a);
  ASSERT_FALSE(a.quotes.empty());
  const Quote& q = a.quotes.front();
  EXPECT_FALSE(q.speaker.has_value());
  EXPECT_EQ(a.Text(q.speaker_description), "a source");
}

// A name inside the phrase that opens the sentence before is not its
// subject ("In his talks with Kim, the president ..."), but a possessor
// there is whose view it is ("In Oduya's opinion, ...").
TEST(QuoteRelativesTest, NameInAnOpeningPhraseIsNotTheSubject) {
  AnnotatedArticle a = MakeAnnotated(
      {"President Anton Sell arrived in Tarvel.",
       "In his talks with Kim Dalen, the president spoke of the harbour. ``We must build the "
       "pier,'' he said.",
       "Pell Oduya advises the board. In Oduya's opinion, the board should wait. ``It would be "
       "odd to act now,'' he said."});
  const uint32_t kim = AddEntity(a, EntityType::kPerson, "Kim Dalen", {"Kim Dalen"});
  AddEntity(a, EntityType::kPerson, "Anton Sell", {"Anton Sell"});
  const uint32_t pell = AddEntity(a, EntityType::kPerson, "Pell Oduya", {"Pell Oduya", "Oduya"});
  EXPECT_NE(SpeakerOf(a, "build the pier"), static_cast<int>(kim));
  EXPECT_EQ(SpeakerOf(a, "odd to act now"), static_cast<int>(pell));
}

}  // namespace
}  // namespace newsfuse
