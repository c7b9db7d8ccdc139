// Issue 18: cue forms that name no speaker next to the verb ("X smiled and
// said, ``...''") or verbs that cue a quote only beside its marks ("he
// continued, ``...''").
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
using testing::SpeakerOf;

// A verb joined by "and" to the sentence's first verb has its subject, also
// past a parenthetical after the name.
TEST(QuoteCueFormsTest, VerbAfterAndTakesTheSubjectOfTheSentence) {
  AnnotatedArticle a = MakeAnnotated(
      {"Tove Brandvik looked at the empty benches and said, ``Nobody is coming back to "
       "this harbour.''",
       "Pell Oduya, when asked about the budget, shook his head and then said, ``The money "
       "was spent long before the vote.''"});
  const uint32_t tove = AddEntity(a, EntityType::kPerson, "Tove Brandvik", {"Tove Brandvik"});
  const uint32_t pell = AddEntity(a, EntityType::kPerson, "Pell Oduya", {"Pell Oduya"});
  EXPECT_EQ(SpeakerOf(a, "Nobody is coming back"), static_cast<int>(tove));
  EXPECT_EQ(SpeakerOf(a, "money was spent"), static_cast<int>(pell));
}

// The sentence's first name is not the subject of a verb in a later clause:
// "It was where the commander led ... and promised" is the commander's, and
// "Ruud Akkerman's deputy ... and said" is the deputy's.
TEST(QuoteCueFormsTest, VerbAfterAndInAnotherClauseNamesNoOne) {
  AnnotatedArticle a = MakeAnnotated(
      {"Marta Lind remembered the winter when the commander of the garrison rode out and "
       "said, ``The bridge will hold until spring.''",
       "Ruud Akkerman's deputy read the figures and said, ``We cannot pay the drivers this "
       "month.''"});
  const uint32_t marta = AddEntity(a, EntityType::kPerson, "Marta Lind", {"Marta Lind"});
  const uint32_t ruud = AddEntity(a, EntityType::kPerson, "Ruud Akkerman", {"Ruud Akkerman"});
  EXPECT_NE(SpeakerOf(a, "bridge will hold"), static_cast<int>(marta));
  EXPECT_NE(SpeakerOf(a, "cannot pay the drivers"), static_cast<int>(ruud));
}

// "continued" and "chanted" cue the quote beside their marks: a split quote
// ("``A,'' he continued, ``B''") and the words a crowd chanted.
TEST(QuoteCueFormsTest, ContinuedAndChantedCueTheQuoteBesideThem) {
  AnnotatedArticle a = MakeAnnotated(
      {"``The harbour fees will rise,'' Ilse Varga told the council. ``Nobody likes it,'' "
       "Varga continued, ``but the pier is falling apart.''",
       "``Open the gates,'' the crowd chanted outside the town hall."});
  const uint32_t ilse = AddEntity(a, EntityType::kPerson, "Ilse Varga", {"Ilse Varga", "Varga"});
  bool direct = false;
  EXPECT_EQ(SpeakerOf(a, "Nobody likes it"), static_cast<int>(ilse));
  EXPECT_EQ(SpeakerOf(a, "pier is falling apart"), static_cast<int>(ilse));
  EXPECT_EQ(SpeakerOf(a, "Open the gates", &direct), -1);  // found, shown as the crowd's
  EXPECT_TRUE(direct);
}

// Anywhere else they cue nothing: "the council continued the service" is no
// cue, and a quote that ends before "X continued, ``...''" is not X's.
TEST(QuoteCueFormsTest, ContinuedAwayFromAQuoteCuesNothing) {
  AnnotatedArticle a = MakeAnnotated(
      {"The council continued the ferry service that the city had paid for all winter.",
       "``Resign now!'' Dario Fenn continued, ``I will not leave this post before the vote.''"});
  const uint32_t dario = AddEntity(a, EntityType::kPerson, "Dario Fenn", {"Dario Fenn"});
  EXPECT_EQ(SpeakerOf(a, "ferry service"), -2);
  EXPECT_NE(SpeakerOf(a, "Resign now"), static_cast<int>(dario));
  EXPECT_EQ(SpeakerOf(a, "I will not leave"), static_cast<int>(dario));
}

// A quote running over paragraphs whose breaks were lost: a new opening mark
// while a quotation is open goes on with the same speaker.
TEST(QuoteCueFormsTest, QuoteCutByANewOpeningMarkGoesOnWithItsSpeaker) {
  AnnotatedArticle a = MakeAnnotated(
      {"``We expected the ruling,'' the union's lawyer Nora Quist said. ``But nobody here "
       "will celebrate tonight. ``It only means the owners must pay the drivers, and they "
       "have told us they will appeal.'' The owners declined to comment."});
  const uint32_t nora = AddEntity(a, EntityType::kPerson, "Nora Quist", {"Nora Quist"});
  EXPECT_EQ(SpeakerOf(a, "nobody here will celebrate"), static_cast<int>(nora));
  EXPECT_EQ(SpeakerOf(a, "owners must pay"), static_cast<int>(nora));
}

// "X, who ..., said": the relative clause's antecedent speaks, never the
// phrase after the verb.
TEST(QuoteCueFormsTest, AntecedentOfARelativeClauseBeforeTheVerbSpeaks) {
  AnnotatedArticle a = MakeAnnotated(
      {"Rep. Nan Vole, D-Ore., who chairs the harbour panel, said the cuts were ``a disgrace "
       "to every fishing town on the coast.''"});
  const uint32_t nan = AddEntity(a, EntityType::kPerson, "Nan Vole", {"Nan Vole"});
  EXPECT_EQ(SpeakerOf(a, "a disgrace to every"), static_cast<int>(nan));
  for (const Quote& q : a.quotes) {
    if (std::string(a.Text(q.content)).find("disgrace") == std::string::npos) continue;
    EXPECT_EQ(std::string(a.Text(q.speaker_span)).find("cuts"), std::string::npos);
  }
}

// ``...,'' a third lawyer, Ada Pim, who represents the family, told ...: the
// noun phrase before the name leads to the cue's subject.
TEST(QuoteCueFormsTest, QuoteBeforeAnAppositiveWithARelativeClause) {
  AnnotatedArticle a = MakeAnnotated(
      {"``I cannot give my client a map,'' a third lawyer, Ada Pim, who represents the "
       "ferry company, told the judge."});
  const uint32_t ada = AddEntity(a, EntityType::kPerson, "Ada Pim", {"Ada Pim"});
  EXPECT_EQ(SpeakerOf(a, "cannot give my client"), static_cast<int>(ada));
}

// A subject after an opening phrase or clause ("During his trip, he ...",
// "At one point, Ilse Varga looked at Pell Oduya and said") speaks; the
// comma of a list inside the opening is not its end, and "Also on the
// board are X, Y" opens with no phrase of its own.
TEST(QuoteCueFormsTest, SubjectAfterAnOpeningClause) {
  AnnotatedArticle a = MakeAnnotated(
      {"Before leaving for Oslo, Bergen and Tromso, Ilse Varga drew a parallel with the "
       "strike of 1986, saying, ``This time the drivers are ready.''",
       "At one point, Ilse Varga looked at Pell Oduya and said, ``We will not sign today.''",
       "Also on the board are Pell Oduya, Tove Brandvik and two others, saying ``the fees "
       "must fall.''"});
  const uint32_t ilse = AddEntity(a, EntityType::kPerson, "Ilse Varga", {"Ilse Varga"});
  const uint32_t pell = AddEntity(a, EntityType::kPerson, "Pell Oduya", {"Pell Oduya"});
  const uint32_t tove = AddEntity(a, EntityType::kPerson, "Tove Brandvik", {"Tove Brandvik"});
  EXPECT_EQ(SpeakerOf(a, "drivers are ready"), static_cast<int>(ilse));
  EXPECT_EQ(SpeakerOf(a, "will not sign today"), static_cast<int>(ilse));
  const int fees = SpeakerOf(a, "fees must fall");
  EXPECT_NE(fees, static_cast<int>(pell));
  EXPECT_NE(fees, static_cast<int>(tove));
}

// Words written up or chanted with no reporting verb: credited, described,
// to the signs or to the crowd the sentence names; a chant whose chanters
// are not named gets no speaker from the form.
TEST(QuoteCueFormsTest, SignsReadingAndAChantOf) {
  AnnotatedArticle a = MakeAnnotated(
      {"On Friday, signs reading ``Keep the harbour open'' hung on the fence.",
       "A chant of ``Pier now, pier now,'' rose from a crowd of fishermen at the gate.",
       "Ilse Varga spoke to the council. A chant of ``No more fees'' was heard later."});
  AddEntity(a, EntityType::kPerson, "Ilse Varga", {"Ilse Varga"});
  EXPECT_EQ(DescriptionOf(a, "Keep the harbour open"), "signs");
  EXPECT_EQ(DescriptionOf(a, "Pier now"), "a crowd");
  EXPECT_LT(SpeakerOf(a, "No more fees"), 0);  // not found, or found with no one named
}

// A participle after "by", or after the object of a preposition, is the
// subject's: "echoed the fans by saying", "emerged from the talks saying";
// the object ("the talks") never speaks, and a name right before the
// participle ("footage of Ruth Vale saying") is its subject.
TEST(QuoteCueFormsTest, ParticipleAfterByOrAPrepositionObjectIsTheSubjects) {
  AnnotatedArticle a = MakeAnnotated(
      {"Coach Piet Mollen echoed the mood of the players by saying, ``We gave everything "
       "we had and it was not enough tonight.''",
       "Ilse Varga emerged from the talks saying: ``There is no deal yet, but the gap is "
       "small.''",
       "The advert ends with footage of Ruth Vale saying, ``I have paid every tax I ever "
       "owed to this city.''"});
  const uint32_t piet = AddEntity(a, EntityType::kPerson, "Piet Mollen", {"Piet Mollen"});
  const uint32_t ilse = AddEntity(a, EntityType::kPerson, "Ilse Varga", {"Ilse Varga"});
  const uint32_t ruth = AddEntity(a, EntityType::kPerson, "Ruth Vale", {"Ruth Vale"});
  EXPECT_EQ(SpeakerOf(a, "We gave everything"), static_cast<int>(piet));
  EXPECT_EQ(SpeakerOf(a, "no deal yet"), static_cast<int>(ilse));
  EXPECT_EQ(SpeakerOf(a, "paid every tax"), static_cast<int>(ruth));
}

// "But she ..., asserting:": the subject after the conjunction that opens
// the sentence.
TEST(QuoteCueFormsTest, ParticipleAfterAnOpeningConjunctionIsTheSubjects) {
  AnnotatedArticle a = MakeAnnotated(
      {"Senator Ruth Vale apologised on Monday. But she drew a line between her case and "
       "the mayor's, asserting: ``I never lied to anyone under oath in my whole life.''"});
  const uint32_t ruth = AddEntity(a, EntityType::kPerson, "Ruth Vale", {"Ruth Vale"});
  EXPECT_EQ(SpeakerOf(a, "never lied"), static_cast<int>(ruth));
}

// "said in a front-page comment:": the cue word after a preposition, a
// determiner and a modifier is a noun, and the speaker is the subject of
// "said", not "a front-page".
TEST(QuoteCueFormsTest, CueWordAsANounAfterAModifierIsNoCue) {
  AnnotatedArticle a = MakeAnnotated(
      {"The columnist Lea Haddad said in a front-page comment: ``The coalition has run out "
       "of ideas and out of time.''"});
  const uint32_t lea = AddEntity(a, EntityType::kPerson, "Lea Haddad", {"Lea Haddad"});
  EXPECT_EQ(SpeakerOf(a, "run out of ideas"), static_cast<int>(lea));
}

// A quote that opens with its verb ("condemned ...") holds the words of the
// person who opens the sentence; not of one named after "by", nor of a
// person in a clause whose subject is something else.
TEST(QuoteCueFormsTest, QuoteOpeningWithItsVerbIsTheSubjectsWords) {
  AnnotatedArticle a = MakeAnnotated(
      {"In a statement, Harbour Commissioner Ilse Marrow ``condemned in the strongest terms the "
       "attack on the ferry crew.''",
       "A report by Pell Oduya ``revealed a pattern of neglect in the harbour sheds.''",
       "Tove Brandvik reminded the board that the charter ``allowed no vote without a full "
       "quorum of members.''",
       "Commissioner Hans van den Broek ``welcomed the vote and the end of the harbour "
       "strike.''",
       "After talks with Tove Brandvik, Judge Jos van der Lind ``ruled the strike lawful and "
       "ended the dispute.''",
       "After a call from Tove Brandvik, Judge Arne Sole ``adjourned the hearing until the "
       "spring sitting.''"});
  const uint32_t ilse = AddEntity(a, EntityType::kPerson, "Ilse Marrow", {"Ilse Marrow"});
  AddEntity(a, EntityType::kPerson, "Pell Oduya", {"Pell Oduya"});
  const uint32_t tove = AddEntity(a, EntityType::kPerson, "Tove Brandvik", {"Tove Brandvik"});
  // The entity annotator may leave the particles out of the name.
  const uint32_t broek = AddEntity(a, EntityType::kPerson, "Broek", {"Broek"});
  const uint32_t jos = AddEntity(a, EntityType::kPerson, "Jos", {"Jos"});
  EXPECT_EQ(SpeakerOf(a, "condemned in the strongest terms"), static_cast<int>(ilse));
  EXPECT_EQ(SpeakerOf(a, "welcomed the vote"), static_cast<int>(broek));
  // ... or keep only the given name; the person of the opening clause is not the one.
  EXPECT_EQ(SpeakerOf(a, "ruled the strike lawful"), static_cast<int>(jos));
  EXPECT_EQ(SpeakerOf(a, "adjourned the hearing"), -1);
  EXPECT_EQ(SpeakerOf(a, "revealed a pattern"), -1);
  // "reminded ... that" cues it: Tove Brandvik's words, by her own verb.
  EXPECT_EQ(SpeakerOf(a, "allowed no vote"), static_cast<int>(tove));
}

}  // namespace
}  // namespace newsfuse
