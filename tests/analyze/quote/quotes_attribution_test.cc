// Issue 18: speaker attribution on unseen news. Each case is a form of news
// prose where the name next to the cue is not (only) the speaker's.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "analyze/quote/quote_fixture.h"
#include "analyze/quote/quotes.h"

namespace newsfuse {
namespace {

using testing::AddEntity;
using testing::MakeAnnotated;
using testing::SpeakerOf;

// Roles are stored as written ("Ambassador"); "the ambassador said" must
// still find the holder.
TEST(QuoteAttributionTest, RoleWordMatchesWhateverItsCase) {
  AnnotatedArticle a = MakeAnnotated(
      {"Ines Marwood arrived in the capital on Tuesday. ``We will not yield on the border "
       "question,'' the ambassador said."});
  const uint32_t e =
      AddEntity(a, EntityType::kPerson, "Ines Marwood", {"Ines Marwood"}, {"Ambassador"});
  EXPECT_EQ(SpeakerOf(a, "We will not yield"), static_cast<int>(e));
}

// "a source close to Halvorsen" is not Halvorsen.
TEST(QuoteAttributionTest, SourceCloseToANameIsNotThatName) {
  AnnotatedArticle a = MakeAnnotated(
      {"A source close to Halvorsen said: \u201cThe deal is off for now and nobody is "
       "talking.\u201d"});
  const uint32_t e = AddEntity(a, EntityType::kPerson, "Lars Halvorsen", {"Halvorsen"});
  EXPECT_NE(SpeakerOf(a, "The deal is off"), static_cast<int>(e));
}

TEST(QuoteAttributionTest, PeopleFamiliarWithANameAreNotThatName) {
  AnnotatedArticle a = MakeAnnotated(
      {"People familiar with Brightwater said: \u201cThe board will sell the plant before "
       "spring.\u201d"});
  const uint32_t e = AddEntity(a, EntityType::kOrganization, "Brightwater", {"Brightwater"});
  EXPECT_NE(SpeakerOf(a, "The board will sell"), static_cast<int>(e));
}

// "The Tribune quoted Okonjo as saying": Okonjo's words, reported by the paper.
TEST(QuoteAttributionTest, QuotedAsSayingCreditsTheOneQuoted) {
  AnnotatedArticle a = MakeAnnotated(
      {"``We will rebuild the old bridge within a year,'' the Tribune quoted Okonjo as "
       "saying."});
  AddEntity(a, EntityType::kOrganization, "Tribune", {"Tribune"});
  const uint32_t e = AddEntity(a, EntityType::kPerson, "Ada Okonjo", {"Okonjo"});
  EXPECT_EQ(SpeakerOf(a, "We will rebuild"), static_cast<int>(e));
}

// The passive, "Okonjo was quoted as saying": the subject is the one quoted,
// the quote before it is hers, and the paper named earlier does not speak.
TEST(QuoteAttributionTest, WasQuotedAsSayingCreditsTheSubject) {
  AnnotatedArticle a = MakeAnnotated(
      {"The Tribune ran the interview on Monday. ``Whether the old bridge stays open depends "
       "on the inspectors,'' Okonjo was quoted as saying in the paper."});
  AddEntity(a, EntityType::kOrganization, "Tribune", {"Tribune"});
  const uint32_t e = AddEntity(a, EntityType::kPerson, "Ada Okonjo", {"Okonjo"});
  bool direct = false;
  EXPECT_EQ(SpeakerOf(a, "Whether the old bridge", &direct), static_cast<int>(e));
  EXPECT_TRUE(direct);
}

// "said the official ... ``...,'' he said": the pronoun is the unnamed
// official, not the person named before; unsure, the quote gets no speaker.
TEST(QuoteAttributionTest, PronounAfterAnUnnamedSpeakerIsNotAnEarlierName) {
  AnnotatedArticle a = MakeAnnotated(
      {"Workers finished the runway for Mayor Teodora Vance on Monday. ``The lights are not yet "
       "tested,'' said the official who showed reporters around. ``We need two more weeks for "
       "the radar,'' he said."});
  AddEntity(a, EntityType::kPerson, "Teodora Vance", {"Teodora Vance"});
  EXPECT_EQ(SpeakerOf(a, "We need two more weeks"), -1);
}

// A plural or bare-word speaker phrase is no one a "he" refers to.
TEST(QuoteAttributionTest, PronounSkipsAnUnnamedPluralSpeaker) {
  AnnotatedArticle a = MakeAnnotated(
      {"Oskar Brandt toured the plant on Friday. Local officials said the plant would close. "
       "``I will fight for every job here,'' he said."});
  const uint32_t e = AddEntity(a, EntityType::kPerson, "Oskar Brandt", {"Oskar Brandt"});
  EXPECT_EQ(SpeakerOf(a, "I will fight"), static_cast<int>(e));
}

// The entity annotator may leave a surname unmarked; a "he said" in its
// sentence still means that person, not the one named the sentence before.
TEST(QuoteAttributionTest, PronounFindsASurnameTheAnnotatorMissed) {
  AnnotatedArticle a = MakeAnnotated(
      {"Carla Neri praised the new wing last year. Over the decades, Ferrante, 70, has stayed "
       "loyal to the museum ``As long as I can walk, I will come here every week,'' he said in "
       "May."});
  AddEntity(a, EntityType::kPerson, "Carla Neri", {"Carla Neri"});
  const uint32_t e = AddEntity(a, EntityType::kPerson, "Bruno Ferrante", {"Bruno Ferrante"});
  EXPECT_EQ(SpeakerOf(a, "As long as I can walk"), static_cast<int>(e));
}

// "X said ... because they believed ``...''": a thought verb reports a
// clause but never quotes; the quoted words are the speaker's report.
TEST(QuoteAttributionTest, BelievedDoesNotQuote) {
  AnnotatedArticle a = MakeAnnotated(
      {"Okafor, in an interview with The Daily Post, said the rebels were emboldened because "
       "they believed they had the government ``in their back pocket.''"});
  const uint32_t okafor = AddEntity(a, EntityType::kPerson, "Ben Okafor", {"Okafor"});
  AddEntity(a, EntityType::kOrganization, "The Daily Post", {"The Daily Post"});
  analyze::AnnotateQuotes(a);
  int found = 0;
  for (const Quote& q : a.quotes) {
    if (!q.direct || a.Text(q.content) != "in their back pocket.") continue;
    ++found;
    EXPECT_TRUE(q.speaker && *q.speaker == okafor);
  }
  EXPECT_EQ(found, 1);
}

// "The inspector said" refers back to someone already named; a holder of
// the role introduced only later is not that person.
TEST(QuoteAttributionTest, RoleRefersOnlyToSomeoneNamedBefore) {
  AnnotatedArticle a = MakeAnnotated(
      {"The inspector said the bridge was ``beyond repair and unsafe for any traffic.'' Later "
       "a second inspector, Hana Roth, said the report was accurate."});
  const uint32_t roth =
      AddEntity(a, EntityType::kPerson, "Hana Roth", {"Hana Roth"}, {"inspector"});
  EXPECT_NE(SpeakerOf(a, "beyond repair"), static_cast<int>(roth));
}

// "Dana Whitcombe who said ...": the antecedent of "who" speaks.
TEST(QuoteAttributionTest, RelativeWhoSaidCreditsItsAntecedent) {
  AnnotatedArticle a = MakeAnnotated(
      {"The plan drew criticism from Dana Whitcombe, who said it was ``a slow disaster for the "
       "farmers.''"});
  const uint32_t e = AddEntity(a, EntityType::kPerson, "Dana Whitcombe", {"Dana Whitcombe"});
  EXPECT_EQ(SpeakerOf(a, "a slow disaster"), static_cast<int>(e));
}

// A cue-less quote after narrative about someone else is not the last
// speaker's: DUC copy has one paragraph per article, so "the next paragraph
// of the same speaker" cannot be read from paragraph breaks.
TEST(QuoteAttributionTest, ContinuationStopsWhenTheNarrativeTurnsToAnotherPerson) {
  AnnotatedArticle a = MakeAnnotated(
      {"``We will appeal the ruling,'' said Mara Quist. The court heard from Tobias Renn on "
       "Friday. Officials expect a decision soon. ``The evidence was never examined properly.''"});
  const uint32_t quist = AddEntity(a, EntityType::kPerson, "Mara Quist", {"Mara Quist"});
  AddEntity(a, EntityType::kPerson, "Tobias Renn", {"Tobias Renn"});
  EXPECT_EQ(SpeakerOf(a, "We will appeal"), static_cast<int>(quist));
  EXPECT_NE(SpeakerOf(a, "The evidence was never"), static_cast<int>(quist));
}

TEST(QuoteAttributionTest, CuelessQuoteBelongsToTheSubjectOfTheSentenceBefore) {
  AnnotatedArticle a = MakeAnnotated(
      {"``Taxes will fall next year,'' Mara Quist said. Tobias Renn rejected the plan on Friday. "
       "``It is a fantasy built on borrowed money.''"});
  AddEntity(a, EntityType::kPerson, "Mara Quist", {"Mara Quist"});
  const uint32_t renn = AddEntity(a, EntityType::kPerson, "Tobias Renn", {"Tobias Renn"});
  EXPECT_EQ(SpeakerOf(a, "It is a fantasy"), static_cast<int>(renn));
}

TEST(QuoteAttributionTest, CuelessQuoteContinuesTheVoiceTheSentenceBeforeReported) {
  AnnotatedArticle a = MakeAnnotated(
      {"``Taxes will fall,'' Mara Quist said on Monday. The vote may slip again, columnist "
       "Tobias Renn wrote. ``This could cost her the whole coalition.''"});
  AddEntity(a, EntityType::kPerson, "Mara Quist", {"Mara Quist"});
  const uint32_t renn = AddEntity(a, EntityType::kPerson, "Tobias Renn", {"Tobias Renn"});
  EXPECT_EQ(SpeakerOf(a, "This could cost her"), static_cast<int>(renn));
}

// Only "Varga" is a mention of Imre Varga; the first name before it makes
// the speaker another member of the family. "Mrs. Varga" stays his name's.
TEST(QuoteAttributionTest, AnotherFirstNameBeforeASurnameMentionIsAnotherPerson) {
  AnnotatedArticle a = MakeAnnotated(
      {"Imre Varga was held overnight. ``It hurts to watch this trial,'' a tearful Lucia Varga "
       "told reporters. ``He is innocent of all of it,'' Mr. Varga's lawyer said."});
  const uint32_t imre = AddEntity(a, EntityType::kPerson, "Imre Varga", {"Imre Varga", "Varga"});
  analyze::AnnotateQuotes(a);
  bool seen = false;
  for (const Quote& q : a.quotes) {
    if (std::string(a.Text(q.content)).find("It hurts") == std::string::npos) continue;
    seen = true;
    EXPECT_FALSE(q.speaker && *q.speaker == imre);
    EXPECT_EQ(a.Text(q.speaker_span), "Lucia Varga");
  }
  EXPECT_TRUE(seen);
}

// The article belongs to a name as written ("The New York Post"); the
// entity is still found.
TEST(QuoteAttributionTest, SpeakerSpanKeepsTheArticleOfAName) {
  AnnotatedArticle a = MakeAnnotated(
      {"``Prices will rise before the summer,'' the Daily Courier said. ``The port is closed "
       "until Friday,'' the Harbour Board said."});
  const uint32_t courier =
      AddEntity(a, EntityType::kOrganization, "Daily Courier", {"Daily Courier"});
  analyze::AnnotateQuotes(a);
  ASSERT_EQ(a.quotes.size(), 2u);
  EXPECT_EQ(a.Text(a.quotes[0].speaker_span), "the Daily Courier");
  EXPECT_TRUE(a.quotes[0].speaker && *a.quotes[0].speaker == courier);
  EXPECT_EQ(a.Text(a.quotes[1].speaker_span), "the Harbour Board");
}

// The span is the speaker phrase as written, its role words included; the
// entity is the person the name gives.
TEST(QuoteAttributionTest, SpeakerSpanIsTheWholePhraseWhenTheNameResolves) {
  AnnotatedArticle a = MakeAnnotated(
      {"Harbour Board spokesman Pavel Dunmore said: \u201cThe cranes will run again on "
       "Monday.\u201d"});
  const uint32_t e = AddEntity(a, EntityType::kPerson, "Pavel Dunmore", {"Pavel Dunmore"});
  analyze::AnnotateQuotes(a);
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_TRUE(a.quotes[0].speaker && *a.quotes[0].speaker == e);
  EXPECT_EQ(a.Text(a.quotes[0].speaker_span), "Harbour Board spokesman Pavel Dunmore");
}

// Issue 18: a daughter's words were credited to her father. A bare surname
// two people in the article share names neither of them for sure.
TEST(QuoteAttributionTest, SharedSurnameAloneCreditsNeitherNamesake) {
  AnnotatedArticle a = MakeAnnotated(
      {"The actor Tomas Brandt left hospital on Monday with his daughter Greta Brandt. Brandt "
       "thanked the nurses at length. ``I owe them everything I have,'' Brandt said."});
  AddEntity(a, EntityType::kPerson, "Tomas Brandt", {"Tomas Brandt"});
  AddEntity(a, EntityType::kPerson, "Greta Brandt", {"Greta Brandt", "Brandt"});
  EXPECT_EQ(SpeakerOf(a, "I owe them"), -1);
}

// ... but right after one namesake spoke, the bare surname goes on with
// that speaker, as a reader takes it; further back it stays unresolved.
TEST(QuoteAttributionTest, SharedSurnameRightAfterANamesakeSpokeIsThatSpeaker) {
  AnnotatedArticle a = MakeAnnotated(
      {"The sailor Tomas Brandt was pulled from the sea on Monday. Harbour spokesman Erik "
       "Brandt said the search had taken nine hours. ``The water was very cold,'' Brandt said.",
       "Rescuers praised the crew. The boat was towed to port. Repairs will take weeks. ``I "
       "owe them my life,'' Brandt said."});
  AddEntity(a, EntityType::kPerson, "Tomas Brandt", {"Tomas Brandt"});
  const uint32_t spokesman =
      AddEntity(a, EntityType::kPerson, "Erik Brandt", {"Erik Brandt", "Brandt"});
  EXPECT_EQ(SpeakerOf(a, "The water was very cold"), static_cast<int>(spokesman));
  EXPECT_EQ(SpeakerOf(a, "I owe them my life"), -1);
}

// A possessive of the surname shortly before ("Varga's father, Imre")
// brings in a relative the bare surname may mean: no namesake reading, and
// no reading of a surname the annotator filed as a place either.
TEST(QuoteAttributionTest, SurnameAfterARelativesPossessiveStaysUnresolved) {
  AnnotatedArticle a = MakeAnnotated(
      {"Police arrested Lars Varga on Friday. Varga's father, Imre, condemned the attack. His "
       "van had been used in the kidnapping. ``The press blew it out of proportion,'' Varga told "
       "a local paper."});
  AddEntity(a, EntityType::kPerson, "Lars Varga", {"Lars Varga"});
  AddEntity(a, EntityType::kPlace, "Varga", {"Varga"});
  EXPECT_EQ(SpeakerOf(a, "blew it out"), -1);
}

// A place never speaks: "Daly said" where the annotator filed "Daly" as a
// place, in an article that names one person Daly, is that person's.
TEST(QuoteAttributionTest, SurnameFiledAsAPlaceIsTheOnePersonOfThatName) {
  AnnotatedArticle a = MakeAnnotated(
      {"The campaign is counting on voters like Timothy Daly, a 38-year-old teacher. ``I am tired "
       "of the party's games,'' Daly said."});
  const uint32_t daly = AddEntity(a, EntityType::kPerson, "Timothy Daly", {"Timothy Daly"});
  AddEntity(a, EntityType::kPlace, "Daly", {"Daly"});
  EXPECT_EQ(SpeakerOf(a, "I am tired"), static_cast<int>(daly));
}

// "Ambassador to Norway Erik Lund", "NATO Secretary-General Erik Lund": the
// capitalised word before the name is a place or a title, not a first name
// of another Lund.
TEST(QuoteAttributionTest, PlaceOrHyphenatedTitleBeforeANameIsNoFirstName) {
  AnnotatedArticle a = MakeAnnotated(
      {"Asked about the report, British Ambassador to Norway Erik Lund said, ``We do not comment "
       "on these things.'' Later NATO Secretary-General Anna Sild said, ``The alliance stands "
       "together.''"});
  AddEntity(a, EntityType::kPlace, "Norway", {"Norway"});
  const uint32_t lund = AddEntity(a, EntityType::kPerson, "Erik Lund", {"Erik Lund"});
  AddEntity(a, EntityType::kOrganization, "NATO", {"NATO"});
  const uint32_t sild = AddEntity(a, EntityType::kPerson, "Anna Sild", {"Anna Sild"});
  EXPECT_EQ(SpeakerOf(a, "We do not comment"), static_cast<int>(lund));
  EXPECT_EQ(SpeakerOf(a, "The alliance stands"), static_cast<int>(sild));
}

// A role the resolver cannot place, then the person its appositive names by
// full name: that person; a possessive there names someone else.
TEST(QuoteAttributionTest, PersonNamedInTheAppositiveOfARoleSpeaks) {
  AnnotatedArticle a = MakeAnnotated(
      {"``You have set us an example,'' the leader of the majority, Rep. Nils Aronsen of Ohio, "
       "told the speaker on Saturday. ``We will lose,'' said a spokesman for the union, the "
       "largest group in Nils Aronsen's coalition."});
  const uint32_t aronsen =
      AddEntity(a, EntityType::kPerson, "Nils Aronsen", {"Nils Aronsen", "Aronsen"});
  AddEntity(a, EntityType::kPlace, "Ohio", {"Ohio"});
  EXPECT_EQ(SpeakerOf(a, "You have set us"), static_cast<int>(aronsen));
  EXPECT_NE(SpeakerOf(a, "We will lose"), static_cast<int>(aronsen));
}

// A person the entity annotator missed, named next to the cue with a first
// name or with an appositive that says what the person is: kept as written
// instead of dropping the quote.
TEST(QuoteAttributionTest, UnknownNameNextToTheCueIsADescribedSpeaker) {
  AnnotatedArticle a = MakeAnnotated(
      {"``Sure, it is frustrating,'' said Peter Quarrie, the launch director. ``We do not cut "
       "corners,'' observed Vantongeren, the company chairman. ``Nobody came,'' said Flemmings."});
  analyze::AnnotateQuotes(a);
  std::vector<std::string> described;
  for (const Quote& q : a.quotes) {
    EXPECT_FALSE(q.speaker.has_value());
    described.emplace_back(q.speaker_description.size() ? a.Text(q.speaker_description) : "");
  }
  ASSERT_EQ(described.size(), 3u);
  EXPECT_EQ(described[0], "Peter Quarrie");
  EXPECT_EQ(described[1], "Vantongeren");
  EXPECT_EQ(described[2], "");  // one unknown word, nothing says it is a person
}

// "he said" after a surname two people share goes to the namesake of that
// gender when the other is known to be of the other one.
TEST(QuoteAttributionTest, PronounGenderChoosesBetweenNamesakes) {
  AnnotatedArticle a = MakeAnnotated(
      {"Tomas Brandt and Greta Brandt left the clinic together. Brandt looked tired. ``We are "
       "going home at last,'' she said."});
  AddEntity(a, EntityType::kPerson, "Tomas Brandt", {"Tomas Brandt"});
  const uint32_t daughter =
      AddEntity(a, EntityType::kPerson, "Greta Brandt", {"Greta Brandt", "Brandt"});
  EXPECT_EQ(SpeakerOf(a, "going home"), static_cast<int>(daughter));
}

// ``…,'' the crowd chanted: an attribution the cue list does not know is
// still an attribution; the quote is not the previous speaker's.
TEST(QuoteAttributionTest, UnknownAttributionAfterAQuoteIsNotTheLastSpeaker) {
  AnnotatedArticle a = MakeAnnotated(
      {"``The port will stay closed until Monday,'' Ola Berg said. Later about 300 dock workers "
       "marched through the town. ``We want our jobs back, not more promises,'' the marchers "
       "chanted."});
  const uint32_t berg = AddEntity(a, EntityType::kPerson, "Ola Berg", {"Ola Berg"});
  EXPECT_EQ(SpeakerOf(a, "The port will stay closed"), static_cast<int>(berg));
  EXPECT_NE(SpeakerOf(a, "We want our jobs back"), static_cast<int>(berg));
}

// "CLAUSE, said X. ``...,'' he said": X is the sentence's subject even when
// the clause before it names another man first.
TEST(QuoteAttributionTest, PronounAfterAnInvertedCueIsItsSpeaker) {
  AnnotatedArticle a = MakeAnnotated(
      {"Most of what is written about Tomas Brenner is false, said Erik Lindqvist, head of the "
       "network company. ``No site has been blocked by the government,'' he said."});
  const uint32_t brenner = AddEntity(a, EntityType::kPerson, "Tomas Brenner", {"Tomas Brenner"});
  const uint32_t lindqvist =
      AddEntity(a, EntityType::kPerson, "Erik Lindqvist", {"Erik Lindqvist"});
  EXPECT_EQ(SpeakerOf(a, "No site has been blocked"), static_cast<int>(lindqvist));
  EXPECT_NE(SpeakerOf(a, "No site has been blocked"), static_cast<int>(brenner));
}

// ... unless the phrase after the verb is no person ("said the prison
// sentences were ..."): then the subject named before the verb stays.
TEST(QuoteAttributionTest, PronounIgnoresAMisreadInversion) {
  AnnotatedArticle a = MakeAnnotated(
      {"Rep. Nora Halvik, who has long criticised the ministry, said the prison sentences "
       "handed out on Monday were unjust. ``They are pathetic, really pathetic,'' she said."});
  const uint32_t halvik = AddEntity(a, EntityType::kPerson, "Nora Halvik", {"Nora Halvik"});
  EXPECT_EQ(SpeakerOf(a, "They are pathetic"), static_cast<int>(halvik));
}

// "and asked" with no subject of its own goes on from the cue before it,
// unless that cue sits inside what another speaker reports ("She said
// authorities have denied ..., and asked"): then it goes on from the one who
// reports, not from the subject of the reported clause.
TEST(QuoteAttributionTest, ConjunctVerbAfterANestedCueGoesOnFromTheReporter) {
  AnnotatedArticle a = MakeAnnotated(
      {"Lena Varga met reporters on Monday.",
       "She said authorities have denied lawyers access to her husband, and asked: ``How are "
       "they going to prepare for his defense?''",
       "Otto Kellner denied the claim and added: ``The files were open to every lawyer who "
       "asked for them.''"});
  const uint32_t varga = AddEntity(a, EntityType::kPerson, "Lena Varga", {"Lena Varga"});
  const uint32_t kellner = AddEntity(a, EntityType::kPerson, "Otto Kellner", {"Otto Kellner"});
  analyze::AnnotateQuotes(a);
  const Quote* nested = nullptr;
  for (const Quote& q : a.quotes)
    if (std::string(a.Text(q.content)).find("How are they") != std::string::npos) nested = &q;
  ASSERT_NE(nested, nullptr);
  EXPECT_EQ(nested->speaker, std::optional<uint32_t>(varga));
  EXPECT_EQ(nested->speaker_description.size(), 0u);
  EXPECT_EQ(SpeakerOf(a, "files were open"), static_cast<int>(kellner));
}

// "his cousin, the Rev. Anne Kitch, said": the name in apposition speaks,
// the "the" before its title notwithstanding; "his cousin, the pastor, said"
// names no one, and the person named before is not the speaker.
TEST(QuoteAttributionTest, NameAfterTheAndATitleInAppositionSpeaks) {
  AnnotatedArticle a = MakeAnnotated(
      {"Anne Kitch led the service on Friday.",
       "``He made every life around him better,'' his cousin, the Rev. Anne Kitch, said.",
       "``He never missed a Sunday in twenty years,'' his uncle, the pastor, said."});
  const uint32_t kitch = AddEntity(a, EntityType::kPerson, "Anne Kitch", {"Anne Kitch"});
  EXPECT_EQ(SpeakerOf(a, "every life around"), static_cast<int>(kitch));
  EXPECT_EQ(SpeakerOf(a, "never missed a Sunday"), -1);
}

// ``What?'' came the reply from the officer: words after a question go on
// the sentence with an attribution the cue list lacks; the voice before
// (the doorman) is not the speaker. A question followed by a new sentence
// still goes on from the voice before.
TEST(QuoteAttributionTest, QuestionWithItsOwnUnknownAttributionIsNotContinued) {
  AnnotatedArticle a = MakeAnnotated(
      {"In the corridor, Karl Brenner shouted to a guard: ``The vote is over!'' ``What? "
       "Already?'' came the reply from the guard.",
       "``Is it over?'' Karl Brenner asked. ``Are you sure the count has ended already?'' "
       "The guard nodded."});
  const uint32_t brenner = AddEntity(a, EntityType::kPerson, "Karl Brenner", {"Karl Brenner"});
  EXPECT_EQ(SpeakerOf(a, "The vote is over"), static_cast<int>(brenner));
  EXPECT_LT(SpeakerOf(a, "What? Already"), 0);
  EXPECT_EQ(SpeakerOf(a, "Are you sure"), static_cast<int>(brenner));
}

// ``...,'' NAME VERBed with a verb the cue list lacks: the named person
// spoke; with more words after the verb ("Reyes recalled nothing of it") or
// an object-taking form, no speaker is guessed.
TEST(QuoteAttributionTest, NamedPersonWithAnUnlistedVerbAfterTheQuoteSpeaks) {
  AnnotatedArticle a = MakeAnnotated(
      {"``The president is getting everything he wants from this budget,'' Mara Quint "
       "lamented. ``We should have seen it coming,'' sighed Ivo Reyes, a senator.",
       "``The hall was full of people from every district of the city,'' Ivo Reyes "
       "remembered them all."});
  const uint32_t quint = AddEntity(a, EntityType::kPerson, "Mara Quint", {"Mara Quint"});
  const uint32_t reyes = AddEntity(a, EntityType::kPerson, "Ivo Reyes", {"Ivo Reyes"});
  EXPECT_EQ(SpeakerOf(a, "getting everything"), static_cast<int>(quint));
  EXPECT_EQ(SpeakerOf(a, "seen it coming"), static_cast<int>(reyes));
  EXPECT_EQ(SpeakerOf(a, "hall was full"), -1);
}

// "quotes Lars Ebbe, the firm's president, as saying": the one quoted, past
// his appositive; "As Rep. Ola Brenn, R-Ore., put it, ``...''": the subject
// between "as" and "put it".
TEST(QuoteAttributionTest, QuotedAsSayingPastAnAppositiveAndAsXPutIt) {
  AnnotatedArticle a = MakeAnnotated(
      {"The memoir quotes Lars Ebbe, the firm's president, as saying, ``Customers cannot "
       "take a cataclysm every two years.''",
       "As Rep. Ola Brenn, R-Ore., put it, ``When the share price falls, it is the chief "
       "who gets fired.''"});
  const uint32_t lars = AddEntity(a, EntityType::kPerson, "Lars Ebbe", {"Lars Ebbe"});
  const uint32_t ola = AddEntity(a, EntityType::kPerson, "Ola Brenn", {"Ola Brenn"});
  EXPECT_EQ(SpeakerOf(a, "cataclysm"), static_cast<int>(lars));
  EXPECT_EQ(SpeakerOf(a, "share price falls"), static_cast<int>(ola));
}

// A role phrase refers back to the one holder of that role, except when it
// is indefinite ("a port spokesman" is someone new) or names another body
// ("the former FTC official" is not the Justice Department's former
// official); an appositive that names the holder still gives the holder.
TEST(QuoteAttributionTest, IndefiniteOrOtherBodyRolePhraseIsNotTheHolder) {
  AnnotatedArticle a = MakeAnnotated(
      {"Race spokesman Tor Lunde said the fleet was safe. A harbour spokesman said that "
       "``three boats are still missing off the cape.''",
       "Ivo Marek, a former official in the Justice Department, recalled the case. Or, as the "
       "former FTC official put it, ``there is a common thread that runs all the way through.''",
       "A former trader, Tor Lunde, said the market ``was never as calm as it looked.''"});
  const uint32_t tor = AddEntity(a, EntityType::kPerson, "Tor Lunde", {"Tor Lunde"}, {"spokesman"});
  const uint32_t ivo = AddEntity(a, EntityType::kPerson, "Ivo Marek", {"Ivo Marek"},
                                 {"former official in the Justice Department"});
  EXPECT_NE(SpeakerOf(a, "three boats"), static_cast<int>(tor));
  EXPECT_NE(SpeakerOf(a, "common thread"), static_cast<int>(ivo));
  EXPECT_EQ(SpeakerOf(a, "never as calm"), static_cast<int>(tor));
}

}  // namespace
}  // namespace newsfuse
