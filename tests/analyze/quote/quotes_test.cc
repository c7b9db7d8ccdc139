#include "analyze/quote/quotes.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "analyze/quote/quote_fixture.h"
#include "analyze/quote/quote_text.h"

namespace newsfuse {
namespace {

using testing::AddEntity;
using testing::MakeAnnotated;

struct Seen {
  std::string content, speaker_span, cue;
  int speaker = -1;
  bool direct = true;
};

std::vector<Seen> Annotate(AnnotatedArticle& a) {
  analyze::AnnotateQuotes(a);
  std::vector<Seen> out;
  for (const Quote& q : a.quotes) {
    out.push_back(Seen{std::string(a.Text(q.content)), std::string(a.Text(q.speaker_span)),
                       std::string(a.Text(q.cue)), q.speaker ? static_cast<int>(*q.speaker) : -1,
                       q.direct});
  }
  return out;
}

TEST(QuotesTest, QuoteThenSpeakerAndVerb) {
  AnnotatedArticle a =
      MakeAnnotated({"\u201cThe ceasefire must hold,\u201d Lindqvist said on Monday."});
  const uint32_t e = AddEntity(a, EntityType::kPerson, "Anna Lindqvist", {"Lindqvist"});
  const auto q = Annotate(a);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].content, "The ceasefire must hold");
  EXPECT_EQ(q[0].speaker_span, "Lindqvist");
  EXPECT_EQ(q[0].speaker, static_cast<int>(e));
  EXPECT_EQ(q[0].cue, "said");
  EXPECT_TRUE(q[0].direct);
}

TEST(QuotesTest, InvertedCueWithAppositive) {
  AnnotatedArticle a = MakeAnnotated(
      {"\"We have no comment at this stage,\" said Maria Okafor, a spokeswoman for the ministry."});
  const uint32_t e = AddEntity(a, EntityType::kPerson, "Maria Okafor", {"Maria Okafor"});
  const auto q = Annotate(a);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].content, "We have no comment at this stage");
  EXPECT_EQ(q[0].speaker, static_cast<int>(e));
  // The span is the source as written, its appositive included (PolNeAR's
  // convention); the entity is the name's.
  EXPECT_EQ(q[0].speaker_span, "Maria Okafor, a spokeswoman for the ministry");
}

TEST(QuotesTest, SpeakerSpanTakesTheAppositiveBeforeTheVerb) {
  AnnotatedArticle a = MakeAnnotated(
      {"\u201cThe vote will be close,\u201d Tomas Hale, a pollster at Northfield College, said "
       "on Friday. The minister, speaking in Leeds, said the count \u201cwill take a week at "
       "least\u201d."});
  const uint32_t e = AddEntity(a, EntityType::kPerson, "Tomas Hale", {"Tomas Hale"});
  const auto q = Annotate(a);
  ASSERT_GE(q.size(), 2u);
  EXPECT_EQ(q[0].speaker, static_cast<int>(e));
  EXPECT_EQ(q[0].speaker_span, "Tomas Hale, a pollster at Northfield College");
  // A participle clause after the subject is not part of its name.
  EXPECT_EQ(q[1].speaker_span, "The minister");
}

// A long appositive between the name and the verb after a quote: the quote
// is still the name's, with its cue.
TEST(QuotesTest, QuoteThenNameWithLongAppositiveAndVerb) {
  AnnotatedArticle a = MakeAnnotated(
      {"``The harbour will not reopen this winter,'' Ruth Amsel, deputy director of the "
       "regional branch of the Northern Ports and Waterways Authority, said from Tromso."});
  const uint32_t e = AddEntity(a, EntityType::kPerson, "Ruth Amsel", {"Ruth Amsel"});
  const auto q = Annotate(a);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, static_cast<int>(e));
  EXPECT_EQ(q[0].cue, "said");
}

// A US party-and-state tag ("R-Ore.") or a parenthesis in the appositive
// between the name and the verb.
TEST(QuotesTest, AppositiveWithAbbreviationOrParenthesis) {
  AnnotatedArticle a = MakeAnnotated(
      {"Sen. Ann Vale, R-Ore., said: ``The bill will not pass this session.'' Piet Mols, head "
       "of the Rail Safety Board (RSB), said: ``The line reopens in March.''"});
  const uint32_t vale = AddEntity(a, EntityType::kPerson, "Ann Vale", {"Ann Vale"});
  const uint32_t mols = AddEntity(a, EntityType::kPerson, "Piet Mols", {"Piet Mols"});
  const auto q = Annotate(a);
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].speaker, static_cast<int>(vale));
  EXPECT_EQ(q[1].speaker, static_cast<int>(mols));
}

// A plural possessive's mark in the appositive ("the Hornets' coach") keeps
// the appositive one: the name before it speaks.
TEST(QuotesTest, AppositiveWithAPluralPossessive) {
  AnnotatedArticle a = MakeAnnotated(
      {"``We played our worst half of the year,'' Lena Osk, the Hornets' coach, said after the "
       "game."});
  const uint32_t osk = AddEntity(a, EntityType::kPerson, "Lena Osk", {"Lena Osk"});
  const auto q = Annotate(a);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, static_cast<int>(osk));
}

// "yelled" reports words as "shouted" does.
TEST(QuotesTest, YelledIsASpeechCue) {
  AnnotatedArticle a = MakeAnnotated(
      {"``Who approved this budget?'' Greta Lind, the transport minister, reportedly yelled at "
       "the meeting."});
  const uint32_t e = AddEntity(a, EntityType::kPerson, "Greta Lind", {"Greta Lind"});
  const auto q = Annotate(a);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, static_cast<int>(e));
  EXPECT_EQ(q[0].cue, "yelled");
}

// "The coach, Ivo Rask, will keep the staff, said Mara Lenz": between the
// commas is a predicate, so Rask is its subject and Lenz speaks.
TEST(QuotesTest, PredicateBetweenCommasIsNotAnAppositive) {
  AnnotatedArticle a = MakeAnnotated(
      {"The new coach, Ivo Rask, will keep the old staff, said club president Mara Lenz."});
  const uint32_t rask = AddEntity(a, EntityType::kPerson, "Ivo Rask", {"Ivo Rask"});
  const uint32_t lenz = AddEntity(a, EntityType::kPerson, "Mara Lenz", {"Mara Lenz"});
  const auto q = Annotate(a);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_NE(q[0].speaker, static_cast<int>(rask));
  EXPECT_EQ(q[0].speaker, static_cast<int>(lenz));
}

// After the verb the appositive ends where a later comma opens a
// prepositional or adverbial phrase.
TEST(QuotesTest, AppositiveAfterTheVerbStopsAtATrailingPhrase) {
  AnnotatedArticle a = MakeAnnotated(
      {"\"We will appeal the ruling,\" said Ivo Rask, the club's lawyer, on Friday."});
  AddEntity(a, EntityType::kPerson, "Ivo Rask", {"Ivo Rask"});
  const auto q = Annotate(a);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker_span, "Ivo Rask, the club's lawyer");
}

// "X dismissed reports that CLAUSE": the clause is what the reports said,
// never X's words.
TEST(QuotesTest, ReportsAfterACueVerbAreItsObject) {
  AnnotatedArticle a = MakeAnnotated(
      {"Kara Lind dismissed reports that the smelter would close next year. She said the "
       "furnaces were safe."});
  AddEntity(a, EntityType::kPerson, "Kara Lind", {"Kara Lind"});
  const auto q = Annotate(a);
  for (const Seen& s : q) EXPECT_EQ(s.content.find("smelter would close"), std::string::npos);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].content, "the furnaces were safe");
}

TEST(QuotesTest, SpeakerColonQuoteAndAppositiveName) {
  AnnotatedArticle a =
      MakeAnnotated({"The finance minister, Tomas Berg, said: \u201cInflation has peaked.\u201d"});
  const uint32_t e = AddEntity(a, EntityType::kPerson, "Tomas Berg", {"Tomas Berg"});
  const auto q = Annotate(a);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].content, "Inflation has peaked.");
  EXPECT_EQ(q[0].speaker, static_cast<int>(e));
  EXPECT_TRUE(q[0].direct);
}

TEST(QuotesTest, DescribedAsFrame) {
  AnnotatedArticle a =
      MakeAnnotated({"Senator Rosa Alvarez described the bill as \u201ca betrayal of working "
                     "families\u201d and vowed to fight it."});
  const uint32_t e = AddEntity(a, EntityType::kPerson, "Rosa Alvarez", {"Rosa Alvarez"});
  const auto q = Annotate(a);
  ASSERT_FALSE(q.empty());
  EXPECT_EQ(q[0].content, "a betrayal of working families");
  EXPECT_EQ(q[0].cue, "described the bill as");
  EXPECT_EQ(q[0].speaker, static_cast<int>(e));
}

// "rejected X as ``...''" frames a quoted description like "described X as".
TEST(QuotesTest, RejectedAsFrame) {
  AnnotatedArticle a = MakeAnnotated(
      {"Mayor Ilse Brandt, who rejected the auditors' findings as \u201cpure fiction,\u201d met "
       "the council on Monday."});
  const uint32_t e = AddEntity(a, EntityType::kPerson, "Ilse Brandt", {"Ilse Brandt"});
  const auto q = Annotate(a);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].content, "pure fiction");
  EXPECT_EQ(q[0].cue, "rejected the auditors' findings as");
  EXPECT_EQ(q[0].speaker, static_cast<int>(e));
}

// "X issued a statement Sunday calling the deal ``...''": the statement is
// not the speaker; its issuer, the subject of "issued", is.
TEST(QuotesTest, ParticipleAfterAnIssuedDocumentIsTheIssuers) {
  AnnotatedArticle a = MakeAnnotated(
      {"Nadia Sorel issued a statement Sunday calling the settlement \u201ca betrayal\u201d and "
       "thanking the members."});
  const uint32_t e = AddEntity(a, EntityType::kPerson, "Nadia Sorel", {"Nadia Sorel"});
  const auto q = Annotate(a);
  ASSERT_FALSE(q.empty());
  EXPECT_EQ(q[0].content, "a betrayal");
  EXPECT_EQ(q[0].speaker, static_cast<int>(e));
  EXPECT_EQ(q[0].speaker_span, "Nadia Sorel");
}

// A long appositive (17 words, a relative clause inside) still ties the name
// before it to the verb after it.
TEST(QuotesTest, LongAppositiveKeepsItsSpeaker) {
  AnnotatedArticle a = MakeAnnotated(
      {"Tomas Varga, chairman of the regional water board and the head of the committee that "
       "drafted the 1994 charter, told reporters Sunday \u201cevery reservoir is full\u201d "
       "after the rains."});
  const uint32_t e = AddEntity(a, EntityType::kPerson, "Tomas Varga", {"Tomas Varga"});
  const auto q = Annotate(a);
  ASSERT_FALSE(q.empty());
  EXPECT_EQ(q[0].content, "every reservoir is full");
  EXPECT_EQ(q[0].speaker, static_cast<int>(e));
}

TEST(QuotesTest, WroteOnXTheCueNotThePerson) {
  AnnotatedArticle a = MakeAnnotated({"\"The count was fair and final,\" Kowalski wrote on X."});
  const uint32_t e = AddEntity(a, EntityType::kPerson, "Jan Kowalski", {"Kowalski"});
  const auto q = Annotate(a);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, "wrote on X");
  EXPECT_EQ(q[0].speaker, static_cast<int>(e));
  EXPECT_EQ(q[0].speaker_span, "Kowalski");  // X is the platform, never the speaker
}

TEST(QuotesTest, SplitQuoteBothHalvesShareTheSpeaker) {
  AnnotatedArticle a = MakeAnnotated(
      {"Negotiator Pham Van Duc left the hotel late on Tuesday.",
       "\u201cWe agreed,\u201d he said, \u201cand we will meet again in March.\u201d"});
  const uint32_t e = AddEntity(a, EntityType::kPerson, "Pham Van Duc", {"Pham Van Duc"});
  const auto q = Annotate(a);
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].content, "We agreed");
  EXPECT_EQ(q[1].content, "and we will meet again in March.");
  for (const Seen& s : q) {
    EXPECT_EQ(s.speaker_span, "he");
    EXPECT_EQ(s.speaker, static_cast<int>(e));
    EXPECT_EQ(s.cue, "said");
  }
}

TEST(QuotesTest, PronounTakesTheLatestNarrativePersonNotOneInsideTheQuote) {
  AnnotatedArticle a =
      MakeAnnotated({"Mayor Lucy Ellis spoke after the council vote on Wednesday.",
                     "\u201cGovernor Park has let this city down,\u201d she said."});
  const uint32_t ellis = AddEntity(a, EntityType::kPerson, "Lucy Ellis", {"Lucy Ellis"});
  AddEntity(a, EntityType::kPerson, "Park", {"Park"});
  const auto q = Annotate(a);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, static_cast<int>(ellis));
}

TEST(QuotesTest, PronounPrefersTheNearestSentence) {
  AnnotatedArticle a =
      MakeAnnotated({"Chancellor Weber met President Duarte in Lisbon on Friday. Duarte later flew "
                     "home to Maputo.",
                     "\u201cIt was a frank exchange,\u201d she told reporters."});
  AddEntity(a, EntityType::kPerson, "Weber", {"Weber"});
  const uint32_t duarte = AddEntity(a, EntityType::kPerson, "Duarte", {"Duarte"});
  AddEntity(a, EntityType::kPlace, "Lisbon", {"Lisbon"});
  const auto q = Annotate(a);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, static_cast<int>(duarte));
}

TEST(QuotesTest, ItSaidTakesAnOrganisation) {
  AnnotatedArticle a = MakeAnnotated(
      {"Greenfield Energy cut its forecast for the year. Chief executive Omar Haddad resigned in "
       "June.",
       "\u201cDemand has fallen sharply in every market,\u201d it said in a statement."});
  const uint32_t org =
      AddEntity(a, EntityType::kOrganization, "Greenfield Energy", {"Greenfield Energy"});
  AddEntity(a, EntityType::kPerson, "Omar Haddad", {"Omar Haddad"});
  const auto q = Annotate(a);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, static_cast<int>(org));
  EXPECT_EQ(q[0].cue, "said in a statement");
}

TEST(QuotesTest, QuoteOverTwoParagraphsIsOneQuote) {
  AnnotatedArticle a =
      MakeAnnotated({"\u201cThe first phase of the plan is ready.",
                     "\u201cThe second phase will follow next year,\u201d Okafor said."});
  AddEntity(a, EntityType::kPerson, "Okafor", {"Okafor"});
  const auto q = Annotate(a);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(
      q[0].content,
      "The first phase of the plan is ready.\n\n\u201cThe second phase will follow next year");
  EXPECT_EQ(q[0].speaker_span, "Okafor");
}

TEST(QuotesTest, FurtherSentencesContinueTheSpeaker) {
  AnnotatedArticle a =
      MakeAnnotated({"\"Prices will keep rising,\" said economist Lena Fischer. \"Nobody should "
                     "expect relief before autumn.\""});
  const uint32_t e = AddEntity(a, EntityType::kPerson, "Lena Fischer", {"Lena Fischer"});
  const auto q = Annotate(a);
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[1].content, "Nobody should expect relief before autumn.");
  EXPECT_EQ(q[1].speaker, static_cast<int>(e));
}

TEST(QuotesTest, ReportedSpeechKeptApart) {
  AnnotatedArticle a =
      MakeAnnotated({"Peskov said on Thursday that the talks had been useful.",
                     "The talks will resume next month, officials said.",
                     "According to the health ministry, 40 people were injured.",
                     "Three people were arrested overnight, according to local police."});
  const uint32_t peskov = AddEntity(a, EntityType::kPerson, "Dmitry Peskov", {"Peskov"});
  const auto q = Annotate(a);
  ASSERT_EQ(q.size(), 4u);
  for (const Seen& s : q) EXPECT_FALSE(s.direct) << s.content;
  EXPECT_EQ(q[0].content, "the talks had been useful");
  EXPECT_EQ(q[0].speaker, static_cast<int>(peskov));
  EXPECT_EQ(q[1].content, "The talks will resume next month");
  EXPECT_EQ(q[1].speaker_span, "officials");
  EXPECT_EQ(q[1].speaker, -1);
  EXPECT_EQ(q[2].content, "40 people were injured");
  EXPECT_EQ(q[2].speaker_span, "the health ministry");
  EXPECT_EQ(q[2].cue, "According to");
  EXPECT_EQ(q[3].content, "Three people were arrested overnight");
  EXPECT_EQ(q[3].speaker_span, "local police");
}

// Found by analyze_quotes_fuzzer: the clause after the comma starts one past
// the last token, and reading its sentence read past the token array.
TEST(QuotesTest, AccordingToAtTheEndOfTheTextReportsNothing) {
  for (const char* text : {"According to the health ministry,", "According to Peskov, ,"}) {
    AnnotatedArticle a = MakeAnnotated({text});
    AddEntity(a, EntityType::kPerson, "Dmitry Peskov", {"Peskov"});
    EXPECT_TRUE(Annotate(a).empty()) << text;
  }
  const AnnotatedArticle a = MakeAnnotated({"According to Peskov,"});
  const auto text = analyze::quote_internal::BuildQuoteText(a.body, a.sentences);
  const auto past_end = static_cast<uint32_t>(text.tokens.size());
  EXPECT_EQ(text.SentenceEnd(past_end), past_end);
  EXPECT_EQ(text.SentenceStart(past_end), past_end);
}

// A time phrase between the verb and its clause says when, not what.
TEST(QuotesTest, TimePhraseAfterTheVerbIsNotPartOfTheClause) {
  AnnotatedArticle a =
      MakeAnnotated({"Mira Kohl said this week that about 5,000 homes had lost power.",
                     "Mira Kohl said earlier this month the levy would rise.",
                     "Mira Kohl said this year's harvest was the worst since 1990."});
  AddEntity(a, EntityType::kPerson, "Mira Kohl", {"Mira Kohl"});
  const auto q = Annotate(a);
  ASSERT_EQ(q.size(), 3u);
  EXPECT_EQ(q[0].content, "about 5,000 homes had lost power");
  EXPECT_EQ(q[1].content, "the levy would rise");
  EXPECT_EQ(q[2].content, "this year's harvest was the worst since 1990");
}

// A clause cut at `," while` keeps the closing mark of the quotation it
// ends with: a paraphrase never shows an opening mark without its close.
TEST(QuotesTest, ClauseCutAfterAQuotationKeepsItsClosingMark) {
  AnnotatedArticle a = MakeAnnotated(
      {"Ivo Brandt noted Thursday that talks showed \"progress\" and \"steady movement,\" while "
       "criticizing what he called interference."});
  AddEntity(a, EntityType::kPerson, "Ivo Brandt", {"Ivo Brandt"});
  const auto q = Annotate(a);
  bool clause = false;
  for (const auto& x : q) {
    if (x.direct) continue;
    clause = true;
    EXPECT_EQ(x.content, "talks showed \"progress\" and \"steady movement,\"");
  }
  EXPECT_TRUE(clause);
}

// "X said the rebels were tired because they believed Y": what X says they
// think is X's report, not words of theirs; only X is quoted.
TEST(QuotesTest, AThoughtInsideSomeoneElsesClauseIsNotItsSubjectsStatement) {
  AnnotatedArticle a = MakeAnnotated(
      {"Mira Kohl, in an interview with the Harbour Gazette, said the rebels were tired because "
       "they believed the war was lost.",
       "The rebels believe the war can still be won."});
  const uint32_t kohl = AddEntity(a, EntityType::kPerson, "Mira Kohl", {"Mira Kohl"});
  AddEntity(a, EntityType::kOrganization, "Harbour Gazette", {"Harbour Gazette"});
  const auto q = Annotate(a);
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].speaker, static_cast<int>(kohl));
  EXPECT_EQ(q[0].content, "the rebels were tired because they believed the war was lost");
  EXPECT_EQ(q[1].content, "the war can still be won");
  EXPECT_EQ(q[1].speaker_span, "The rebels");
}

TEST(QuotesTest, QuotedFragmentInsideReportedClauseGivesBoth) {
  AnnotatedArticle a =
      MakeAnnotated({"Umerov said the delegation sought a \u201cdignified and lasting peace,\u201d "
                     "without giving details."});
  AddEntity(a, EntityType::kPerson, "Rustem Umerov", {"Umerov"});
  const auto q = Annotate(a);
  ASSERT_EQ(q.size(), 2u);
  EXPECT_FALSE(q[0].direct);
  EXPECT_EQ(q[0].content.rfind("the delegation sought a", 0), 0u);
  EXPECT_TRUE(q[1].direct);
  EXPECT_EQ(q[1].content, "dignified and lasting peace");
  EXPECT_EQ(q[1].speaker_span, "Umerov");
}

TEST(QuotesTest, ScareQuotesTitlesAndNounsAreNotQuotes) {
  AnnotatedArticle a =
      MakeAnnotated({"The so-called \"peace plan\" was never published.",
                     "She appeared on \u201cMeet the Press\u201d on Sunday.",
                     "The report was published on Monday and the call lasted an hour.",
                     "He declined to comment.", "Both sides agreed to swap 157 prisoners each."});
  const auto q = Annotate(a);
  EXPECT_TRUE(q.empty()) << q.front().content;
}

TEST(QuotesTest, BritishSingleQuotesButNotApostrophes) {
  AnnotatedArticle a =
      MakeAnnotated({"\u2018We are heartbroken,\u2019 the family said.",
                     "The players\u2019 union met the club\u2019s owners on Friday."});
  const auto q = Annotate(a);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].content, "We are heartbroken");
  EXPECT_EQ(q[0].speaker_span, "the family");
}

TEST(QuotesTest, HonorificStaysTitleGoes) {
  AnnotatedArticle a = MakeAnnotated(
      {"\u201cThe voters have spoken,\u201d Mr. Delgado said.",
       "Indian Prime Minister Rajiv Menon said on Tuesday that the border was calm.",
       "The Ukrainian General Staff said in a statement that two drones were shot down."});
  const auto q = Annotate(a);
  ASSERT_EQ(q.size(), 3u);
  EXPECT_EQ(q[0].speaker_span, "Mr. Delgado");
  EXPECT_EQ(q[1].speaker_span, "Rajiv Menon");
  EXPECT_EQ(q[2].speaker_span, "The Ukrainian General Staff");
  EXPECT_EQ(q[2].cue, "said in a statement");
}

TEST(QuotesTest, ParticipleSharesTheSpeakerOfItsSentence) {
  AnnotatedArticle a = MakeAnnotated(
      {"Chen said in a post on Weibo, describing the visit as \u201cwarm and candid\u201d.",
       "The Herald endorsed the mayor on Sunday, saying she had earned a second term."});
  const uint32_t chen = AddEntity(a, EntityType::kPerson, "Chen Yu", {"Chen"});
  const auto q = Annotate(a);
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].content, "warm and candid");
  EXPECT_EQ(q[0].cue, "describing the visit as");
  EXPECT_EQ(q[0].speaker, static_cast<int>(chen));
  EXPECT_FALSE(q[1].direct);
  EXPECT_EQ(q[1].content, "she had earned a second term");
  // A name keeps its "the" as written (issue 18: PolNeAR's source spans do).
  EXPECT_EQ(q[1].speaker_span, "The Herald");
}

TEST(QuotesTest, DatelineIsNotWhatWasSaid) {
  AnnotatedArticle a =
      MakeAnnotated({"LAGOS, March 3 - Fuel prices rose by a third overnight, traders said."});
  const auto q = Annotate(a);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].content, "Fuel prices rose by a third overnight");
  EXPECT_EQ(q[0].speaker_span, "traders");
}

TEST(QuotesTest, ClauseStopsAtTheNextSpeaker) {
  AnnotatedArticle a =
      MakeAnnotated({"Ortega said the vote was fair, but Molina said it was rigged."});
  const auto q = Annotate(a);
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].content, "the vote was fair");
  EXPECT_EQ(q[0].speaker_span, "Ortega");
  EXPECT_EQ(q[1].content, "it was rigged");
  EXPECT_EQ(q[1].speaker_span, "Molina");
}

TEST(QuotesTest, UnresolvedSpeakerKeepsItsSpan) {
  AnnotatedArticle a = MakeAnnotated({"\u201cWe will rebuild every school,\u201d the mayor said."});
  const auto q = Annotate(a);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker_span, "the mayor");
  EXPECT_EQ(q[0].speaker, -1);
}

TEST(QuotesTest, RoleNamesTheSpeaker) {
  AnnotatedArticle a = MakeAnnotated({"Mayor Lucy Ellis toured the flooded district.",
                                      "\u201cWe will rebuild every school,\u201d the mayor said."});
  const uint32_t e = AddEntity(a, EntityType::kPerson, "Lucy Ellis", {"Lucy Ellis"}, {"mayor"});
  const auto q = Annotate(a);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, static_cast<int>(e));
}

TEST(QuotesTest, SurnameWithoutMentionMatchesTheEntityName) {
  AnnotatedArticle a = MakeAnnotated({"\u201cThe market has turned,\u201d Tanaka said."});
  a.entities.push_back(Entity{EntityType::kPerson, "Hiro Tanaka", "tanaka", {}, {}, ""});
  const auto q = Annotate(a);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, 0);
}

TEST(QuotesTest, WorksWithoutSentencesAndOnEmptyBody) {
  AnnotatedArticle a;
  a.body = "\"It is over,\" the coach said.";
  analyze::AnnotateQuotes(a);
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.Text(a.quotes[0].content), "It is over");
  AnnotatedArticle empty;
  analyze::AnnotateQuotes(empty);
  EXPECT_TRUE(empty.quotes.empty());
}

TEST(QuotesTest, UnbalancedMarksStayInsideTheBody) {
  AnnotatedArticle a = MakeAnnotated(
      {"\u201cNo end \u201cin sight,\u201d he said \u201d and \"", "\u201d", "\"\"\""});
  analyze::AnnotateQuotes(a);
  uint32_t prev = 0;
  for (const Quote& q : a.quotes) {
    EXPECT_LE(q.content.begin, q.content.end);
    EXPECT_LE(q.content.end, a.body.size());
    EXPECT_LE(q.speaker_span.end, a.body.size());
    EXPECT_GE(q.content.begin, prev);
    prev = q.content.begin;
  }
}

// Issue 18: newswire's ``…'' convention (with `…' nested inside), straight
// '…' and guillemets are direct quotes like curly ones.
TEST(QuotesTest, NewswireBacktickQuotesAreDirect) {
  AnnotatedArticle a = MakeAnnotated(
      {"Harbour officials called the closure ``a temporary measure.'' ``We expect the ferries back "
       "by Friday,'' "
       "Ingrid Solberg told reporters. She said the storm was ``unlike anything we have seen.''"});
  const uint32_t e = AddEntity(a, EntityType::kPerson, "Ingrid Solberg", {"Ingrid Solberg"});
  const auto q = Annotate(a);
  bool found = false;
  for (const auto& x : q) {
    if (x.content != "We expect the ferries back by Friday") continue;
    found = true;
    EXPECT_TRUE(x.direct);
    EXPECT_EQ(x.speaker, static_cast<int>(e));
  }
  EXPECT_TRUE(found);
  for (const auto& x : q) {
    if (x.direct) {
      EXPECT_EQ(x.content.find("``"), std::string::npos) << x.content;
    }
  }
}

TEST(QuotesTest, NestedBacktickSingleQuoteStaysInside) {
  AnnotatedArticle a =
      MakeAnnotated({"``They told us `stay indoors' and nothing more,'' said Petra Alm, a resident "
                     "of the island."});
  const uint32_t e = AddEntity(a, EntityType::kPerson, "Petra Alm", {"Petra Alm"});
  const auto q = Annotate(a);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].content, "They told us `stay indoors' and nothing more");
  EXPECT_EQ(q[0].speaker, static_cast<int>(e));
  EXPECT_TRUE(q[0].direct);
}

// A quote inside a quote closing with it (three marks in wire copy): the
// inner single mark closes first, then the double one, and the cue follows.
TEST(QuotesTest, NestedQuoteClosingTogetherKeepsTheCue) {
  AnnotatedArticle a = MakeAnnotated(
      {"``The coach told us at half time, `Play for each other,''' Nadia Fell said after the "
       "match."});
  const uint32_t e = AddEntity(a, EntityType::kPerson, "Nadia Fell", {"Nadia Fell"});
  const auto q = Annotate(a);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, static_cast<int>(e));
  EXPECT_EQ(q[0].cue, "said");
  EXPECT_TRUE(q[0].direct);
}

TEST(QuotesTest, StraightSingleQuotesButNotApostrophes) {
  AnnotatedArticle a =
      MakeAnnotated({"'The bridge will reopen in spring,' said Tomas Berg.",
                     "The drivers' union and the city's mayor don't agree about the '90s plan."});
  const uint32_t e = AddEntity(a, EntityType::kPerson, "Tomas Berg", {"Tomas Berg"});
  const auto q = Annotate(a);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].content, "The bridge will reopen in spring");
  EXPECT_EQ(q[0].speaker, static_cast<int>(e));
}

TEST(QuotesTest, GuillemetsAreDirectQuotes) {
  AnnotatedArticle a =
      MakeAnnotated({"\u00abWe will not sign this text,\u00bb said Claire Dubois."});
  const uint32_t e = AddEntity(a, EntityType::kPerson, "Claire Dubois", {"Claire Dubois"});
  const auto q = Annotate(a);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].content, "We will not sign this text");
  EXPECT_EQ(q[0].speaker, static_cast<int>(e));
}

// Issue 18: a place is where a speaker is, never the speaker; the phrase
// before a locative preposition speaks instead.
TEST(QuotesTest, PlaceIsNeverTheSpeaker) {
  AnnotatedArticle a = MakeAnnotated(
      {"\u201cThe archive must stay open,\u201d a heritage group in Lyon said on Tuesday.",
       "Norway argues that the treaty does not apply to the islands.",
       "\u201cWe will appeal,\u201d said the mayor of Lyon, Anne Morel.",
       "Ferry workers from Bergen said the strike would go on."});
  const uint32_t lyon = AddEntity(a, EntityType::kPlace, "Lyon", {"Lyon"});
  const uint32_t norway = AddEntity(a, EntityType::kPlace, "Norway", {"Norway"});
  const uint32_t bergen = AddEntity(a, EntityType::kPlace, "Bergen", {"Bergen"});
  const uint32_t morel = AddEntity(a, EntityType::kPerson, "Anne Morel", {"Anne Morel"}, {"mayor"});
  const auto q = Annotate(a);
  ASSERT_FALSE(q.empty());
  bool group = false, treaty = false, ferry = false;
  for (const auto& x : q) {
    EXPECT_NE(x.speaker, static_cast<int>(lyon)) << x.content;
    EXPECT_NE(x.speaker, static_cast<int>(bergen)) << x.content;
    if (x.content == "The archive must stay open") {
      group = true;
      EXPECT_EQ(x.speaker_span, "a heritage group in Lyon");
    }
    if (x.content.find("the treaty does not apply") != std::string::npos) {
      treaty = true;
      EXPECT_NE(x.speaker, static_cast<int>(norway));
    }
    if (x.content.find("the strike would go on") != std::string::npos) {
      ferry = true;
      EXPECT_EQ(x.speaker_span, "Ferry workers from Bergen");
    }
    if (x.content == "We will appeal") {
      EXPECT_EQ(x.speaker, static_cast<int>(morel));
    }
  }
  EXPECT_TRUE(group && treaty && ferry);
}

// A name after "in" or "near" is where the speakers are even when the
// entity annotator did not know it as a place and typed it a person (a lone
// unknown capitalised word reads like a surname); "at" names whom they work for.
TEST(QuotesTest, UnknownNameAfterInIsWhereTheSpeakersAreNotWhoSpeaks) {
  AnnotatedArticle a =
      MakeAnnotated({"Fishermen in Brellick said the gale had been the worst in a decade.",
                     "Two guards near Ostrava said the gate had been left open.",
                     "Analysts at Hollin Marsh said rates would fall."});
  const uint32_t brellick = AddEntity(a, EntityType::kPerson, "Brellick", {"Brellick"});
  const uint32_t ostrava = AddEntity(a, EntityType::kPerson, "Ostrava", {"Ostrava"});
  const uint32_t bank = AddEntity(a, EntityType::kOrganization, "Hollin Marsh", {"Hollin Marsh"});
  const auto q = Annotate(a);
  ASSERT_EQ(q.size(), 3u);
  EXPECT_EQ(q[0].speaker, -1);
  EXPECT_EQ(q[0].speaker_span, "Fishermen in Brellick");
  EXPECT_EQ(q[1].speaker, -1);
  EXPECT_EQ(q[1].speaker_span, "Two guards near Ostrava");
  EXPECT_EQ(q[2].speaker, static_cast<int>(bank));
  for (const auto& x : q) {
    EXPECT_NE(x.speaker, static_cast<int>(brellick)) << x.content;
    EXPECT_NE(x.speaker, static_cast<int>(ostrava)) << x.content;
  }
}

// "A lawyer for X said" is the lawyer's: crediting X would put a third
// person's words in X's mouth. A company's spokesman still speaks as it.
TEST(QuotesTest, AnAgentOfAPersonSpeaksForThemselves) {
  AnnotatedArticle a = MakeAnnotated({"A lawyer for Ruth Vane said the charges were false.",
                                      "An aide to Senator Ruth Vane said the vote was close.",
                                      "A spokesman for Hollin Marsh said rates would fall.",
                                      "Ruth Vane said she would appeal."});
  const uint32_t vane = AddEntity(a, EntityType::kPerson, "Ruth Vane", {"Ruth Vane"});
  const uint32_t bank = AddEntity(a, EntityType::kOrganization, "Hollin Marsh", {"Hollin Marsh"});
  const auto q = Annotate(a);
  ASSERT_EQ(q.size(), 4u);
  EXPECT_EQ(q[0].speaker, -1);
  EXPECT_EQ(q[0].speaker_span, "A lawyer for Ruth Vane");
  EXPECT_EQ(q[1].speaker, -1);
  EXPECT_EQ(q[1].speaker_span, "An aide to Senator Ruth Vane");
  EXPECT_EQ(q[2].speaker, static_cast<int>(bank));
  EXPECT_EQ(q[3].speaker, static_cast<int>(vane));
}

// The same agents after the quote they speak: the quote ends right before
// "an aide to", which is where the cue's subject starts.
TEST(QuotesTest, AQuoteBeforeAnAgentOfAPersonIsTheAgents) {
  AnnotatedArticle a =
      MakeAnnotated({"\u201cThe vote was close,\u201d an aide to Senator Ruth Vane "
                     "said.",
                     "\u201cRates will fall,\u201d a spokesman for Hollin Marsh said.",
                     "\u201cI will appeal,\u201d Ruth Vane said."});
  const uint32_t vane = AddEntity(a, EntityType::kPerson, "Ruth Vane", {"Ruth Vane"});
  const uint32_t bank = AddEntity(a, EntityType::kOrganization, "Hollin Marsh", {"Hollin Marsh"});
  const auto q = Annotate(a);
  ASSERT_EQ(q.size(), 3u);
  EXPECT_EQ(q[0].content, "The vote was close");
  EXPECT_EQ(q[0].speaker, -1);
  EXPECT_EQ(q[0].speaker_span, "an aide to Senator Ruth Vane");
  EXPECT_EQ(q[1].speaker, static_cast<int>(bank));
  EXPECT_EQ(q[2].speaker, static_cast<int>(vane));
}

// A quote whose closing mark was lost ends at the sentence before the next
// opening mark: "He added," is the reporter's, and introduces the next quote.
TEST(QuotesTest, AQuoteWithALostClosingMarkEndsAtTheSentenceBeforeTheNextQuote) {
  AnnotatedArticle a = MakeAnnotated(
      {"``We will not sign until the deal is fair,'' Ruth Vane said. ``The talks go on. He "
       "added, ``Nobody leaves the table.''"});
  const uint32_t vane = AddEntity(a, EntityType::kPerson, "Ruth Vane", {"Ruth Vane"});
  const auto q = Annotate(a);
  ASSERT_EQ(q.size(), 3u);
  EXPECT_EQ(q[1].content, "The talks go on.");
  EXPECT_EQ(q[2].content, "Nobody leaves the table.");
  EXPECT_EQ(q[2].speaker, static_cast<int>(vane));
}

// "White" in "the White House" is not Rick White: a word of a longer
// capitalised name never stands for the surname it spells.
TEST(QuotesTest, AWordOfALongerNameIsNotASurnameForAPronoun) {
  AnnotatedArticle a =
      MakeAnnotated({"Five members lost their seats, among them Rick White of Washington.",
                     "At the White House, President Bill Clinton called the results a vindication.",
                     "\u201cThey are clear and unambiguous,\u201d he said."});
  AddEntity(a, EntityType::kPerson, "Rick White", {"Rick White"});
  const uint32_t clinton = AddEntity(a, EntityType::kPerson, "Bill Clinton", {"Bill Clinton"});
  const auto q = Annotate(a);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, static_cast<int>(clinton));
}

// "Pinochet's son, Augusto" shares a name with his father; the entity that
// name finds is the father, who is not the one speaking.
TEST(QuotesTest, ANameBesideAPossessiveOfTheSamePersonIsSomeoneElse) {
  AnnotatedArticle a = MakeAnnotated(
      {"Augusto Pinochet was arrested in London.",
       "Pinochet's son, Augusto, said the family would hire the best lawyers in London.",
       "Pinochet said he was innocent."});
  const uint32_t general = AddEntity(a, EntityType::kPerson, "Augusto Pinochet",
                                     {"Augusto Pinochet", "Pinochet", "Augusto"});
  const auto q = Annotate(a);
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].speaker, -1);
  EXPECT_EQ(q[0].speaker_span, "Pinochet's son, Augusto");
  EXPECT_EQ(q[1].speaker, static_cast<int>(general));
}

// Issue 18: a country named after the verb, inside a longer phrase or after
// "in" is not the speaker either.
TEST(QuotesTest, PlaceAfterTheVerbIsNotTheSpeaker) {
  AnnotatedArticle a =
      MakeAnnotated({"\u201cThe border stays closed,\u201d said Norway on Monday.",
                     "Norway's envoy said the talks had stalled.",
                     "Weekend newspaper reports in Norway said the fleet would sail."});
  const uint32_t norway = AddEntity(a, EntityType::kPlace, "Norway", {"Norway"});
  const auto q = Annotate(a);
  for (const auto& x : q) EXPECT_NE(x.speaker, static_cast<int>(norway)) << x.content;
}

TEST(QuotesTest, WireQuoteOpenedWithTwoApostrophes) {
  AnnotatedArticle a =
      MakeAnnotated({"The harbour stayed shut. ''This is hard for all of us,'' a tearful Mia Holm "
                     "told reporters."});
  const uint32_t e = AddEntity(a, EntityType::kPerson, "Mia Holm", {"Mia Holm"});
  const auto q = Annotate(a);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].content, "This is hard for all of us");
  EXPECT_EQ(q[0].speaker, static_cast<int>(e));
  EXPECT_TRUE(q[0].direct);
}

// Issue 18: for "he said" after a quote, the subject of the sentence before
// speaks, even when general coreference tied "he" to someone else.
TEST(QuotesTest, SpeechPronounPrefersTheLastSubjectOverCoreference) {
  AnnotatedArticle a = MakeAnnotated(
      {"The council blamed Lars Vik for the delay. Ola Berg said the port needs money. "
       "\u201cWe cannot wait another winter,\u201d he said."});
  const uint32_t vik = AddEntity(a, EntityType::kPerson, "Lars Vik", {"Lars Vik"});
  const uint32_t berg = AddEntity(a, EntityType::kPerson, "Ola Berg", {"Ola Berg"});
  const size_t he = a.body.rfind("he said");
  a.mentions.push_back(Mention{Span{static_cast<uint32_t>(he), static_cast<uint32_t>(he + 2)}, vik,
                               MentionKind::kPronoun});
  std::sort(a.mentions.begin(), a.mentions.end(),
            [](const Mention& x, const Mention& y) { return x.span.begin < y.span.begin; });
  const auto q = Annotate(a);
  bool found = false;
  for (const auto& x : q) {
    if (x.content != "We cannot wait another winter") continue;
    found = true;
    EXPECT_EQ(x.speaker, static_cast<int>(berg));
  }
  EXPECT_TRUE(found);
}

// Issue 18: after a quote that ends its sentence, "He said ``...''" opens
// the next sentence and introduces the next quote.
TEST(QuotesTest, CapitalAfterAFinishedQuoteStartsTheNextAttribution) {
  AnnotatedArticle a =
      MakeAnnotated({"Ola Berg spoke at the quay. ``That is why the port must stay open.'' He said "
                     "``the ferries come first.''"});
  const uint32_t e = AddEntity(a, EntityType::kPerson, "Ola Berg", {"Ola Berg"});
  const auto q = Annotate(a);
  bool second = false;
  for (const auto& x : q) {
    if (x.content.find("the ferries come first") == std::string::npos) continue;
    second = true;
    EXPECT_EQ(x.speaker, static_cast<int>(e)) << x.content;
  }
  EXPECT_TRUE(second);
}

// Issue 18: the German convention closes with the English opening mark
// („…“) and German print also points guillemets inward (»…«); read as
// English marks, either quotes the rest of the paragraph.
TEST(QuotesTest, LowNineAndInwardGuillemetsClose) {
  AnnotatedArticle a = MakeAnnotated(
      {"Greta Lindqvist said: \u201eThe plant will reopen in May.\u201c Then the workers went "
       "home to their families.",
       "Tomas Berg said: \u00bbThe union will not sign this year.\u00ab The talks ended early in "
       "the evening."});
  AddEntity(a, EntityType::kPerson, "Greta Lindqvist", {"Greta Lindqvist"});
  AddEntity(a, EntityType::kPerson, "Tomas Berg", {"Tomas Berg"});
  const auto q = Annotate(a);
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].content, "The plant will reopen in May.");
  EXPECT_EQ(q[1].content, "The union will not sign this year.");
}

// Issue 18: wire copy sometimes opens a quote with one straight mark and
// closes it with two ('...'').
TEST(QuotesTest, SingleOpeningMarkClosedByTwo) {
  AnnotatedArticle a = MakeAnnotated(
      {"``It is very hard for us,'' Greta Lindqvist said. 'I would ask for patience from "
       "everyone who waits for the ferry.'' The ferry left an hour late."});
  AddEntity(a, EntityType::kPerson, "Greta Lindqvist", {"Greta Lindqvist"});
  const auto q = Annotate(a);
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[1].content, "I would ask for patience from everyone who waits for the ferry.");
}

}  // namespace
}  // namespace newsfuse
