// Issue 18: reported clauses with no "that" after a bare reporting verb,
// opened by "there", a pronoun with its verb joined on ("he's"), or a noun
// phrase that reaches its auxiliary through a prepositional phrase or a
// contracted one ("doesn't"); and the objects that are no clause.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analyze/quote/quote_fixture.h"
#include "analyze/quote/quotes.h"

namespace newsfuse {
namespace {

using testing::AddEntity;
using testing::MakeAnnotated;
using testing::ReportedWith;
using testing::SpeakerOf;

TEST(QuoteClauseOpenersTest, ThereOpensAClause) {
  AnnotatedArticle a = MakeAnnotated(
      {"Ilse Marrow said there was no record of the payment in the council's books."});
  const uint32_t ilse = AddEntity(a, EntityType::kPerson, "Ilse Marrow", {"Ilse Marrow"});
  EXPECT_EQ(ReportedWith(a, "no record"),
            "there was no record of the payment in the council's books");
  EXPECT_EQ(SpeakerOf(a, "no record"), static_cast<int>(ilse));
}

TEST(QuoteClauseOpenersTest, PronounWithItsVerbJoinedOnOpensAClause) {
  AnnotatedArticle a =
      MakeAnnotated({"Ilse Marrow said he's not the man to lead the harbour board.",
                     "Tomas Ek said they\xE2\x80\x99re leaving the coalition this week."});
  AddEntity(a, EntityType::kPerson, "Ilse Marrow", {"Ilse Marrow"});
  AddEntity(a, EntityType::kPerson, "Tomas Ek", {"Tomas Ek"});
  EXPECT_EQ(ReportedWith(a, "lead the harbour"), "he's not the man to lead the harbour board");
  EXPECT_EQ(ReportedWith(a, "leaving the coalition"),
            "they\xE2\x80\x99re leaving the coalition this week");
}

TEST(QuoteClauseOpenersTest, NounPhraseReachesItsAuxiliary) {
  AnnotatedArticle a = MakeAnnotated(
      {"Ilse Marrow said members of the harbour board shouldn't vote on their own pay.",
       "Tomas Ek said flooding doesn't stop at the county line."});
  AddEntity(a, EntityType::kPerson, "Ilse Marrow", {"Ilse Marrow"});
  AddEntity(a, EntityType::kPerson, "Tomas Ek", {"Tomas Ek"});
  EXPECT_EQ(ReportedWith(a, "vote on their own pay"),
            "members of the harbour board shouldn't vote on their own pay");
  EXPECT_EQ(ReportedWith(a, "county line"), "flooding doesn't stop at the county line");
}

// An object with a relative clause, or words that never reach an
// auxiliary, are what was said, not a clause.
TEST(QuoteClauseOpenersTest, ObjectIsNoClause) {
  AnnotatedArticle a =
      MakeAnnotated({"Ilse Marrow said goodbye to the people who were waiting outside.",
                     "Tomas Ek said thanks for the support the volunteers have given."});
  AddEntity(a, EntityType::kPerson, "Ilse Marrow", {"Ilse Marrow"});
  AddEntity(a, EntityType::kPerson, "Tomas Ek", {"Tomas Ek"});
  EXPECT_EQ(ReportedWith(a, "waiting outside"), "<none>");
  EXPECT_EQ(ReportedWith(a, "volunteers have given"), "<none>");
}

}  // namespace
}  // namespace newsfuse
