// The entity annotator on news sentences written for these tests (not the
// seed articles): each role pattern, each kind of alias, pronouns, and the
// negatives news is full of (sentence-initial words, "May", "X").
#include "analyze/entity/entities.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "analyze/analyze.h"

namespace newsfuse {
namespace {

AnnotatedArticle AnalyzeText(const std::string& text) {
  Article a;
  a.paragraphs.push_back(text);
  return Analyze(std::move(a));
}

// The entity a mention with exactly this text points to; nullptr when none.
const Entity* EntityAt(const AnnotatedArticle& a, std::string_view surface, size_t nth = 0) {
  for (const Mention& m : a.mentions) {
    if (a.Text(m.span) == surface && nth-- == 0) return &a.entities[m.entity];
  }
  return nullptr;
}

const Mention* MentionOf(const AnnotatedArticle& a, std::string_view surface) {
  for (const Mention& m : a.mentions) {
    if (a.Text(m.span) == surface) return &m;
  }
  return nullptr;
}

bool HasRole(const Entity* e, std::string_view role) {
  return e != nullptr && std::find(e->roles.begin(), e->roles.end(), role) != e->roles.end();
}

size_t CountType(const AnnotatedArticle& a, EntityType type) {
  return static_cast<size_t>(std::count_if(a.entities.begin(), a.entities.end(),
                                           [&](const Entity& e) { return e.type == type; }));
}

TEST(EntityRoles, NationalityAndLowerCaseRoleBeforeName) {
  auto a = AnalyzeText("U.S. special envoy Steve Witkoff arrived in Geneva on Monday.");
  const Entity* e = EntityAt(a, "Steve Witkoff");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->type, EntityType::kPerson);
  EXPECT_TRUE(HasRole(e, "special envoy"));
  EXPECT_EQ(e->country, "US");
  ASSERT_NE(EntityAt(a, "U.S."), nullptr);
  EXPECT_EQ(EntityAt(a, "U.S.")->key, "united states");
  ASSERT_NE(EntityAt(a, "Geneva"), nullptr);
  EXPECT_EQ(EntityAt(a, "Geneva")->type, EntityType::kPlace);
  EXPECT_EQ(EntityAt(a, "Geneva")->country, "CH");
}

TEST(EntityRoles, AppositiveAfterName) {
  auto a = AnalyzeText(
      "Kirill Dmitriev, head of the Russian Direct Investment Fund, told reporters the meeting "
      "went well. Maria Lopez, the finance minister who took office in March, disagreed.");
  EXPECT_TRUE(
      HasRole(EntityAt(a, "Kirill Dmitriev"), "head of the Russian Direct Investment Fund"));
  EXPECT_TRUE(HasRole(EntityAt(a, "Maria Lopez"), "finance minister"));
  const Entity* fund = EntityAt(a, "Russian Direct Investment Fund");
  ASSERT_NE(fund, nullptr);
  EXPECT_EQ(fund->type, EntityType::kOrganization);
  EXPECT_EQ(fund->country, "RU");
}

TEST(EntityRoles, CapitalisedTitleInsideTheName) {
  auto a = AnalyzeText(
      "Ukraine's National Security and Defense Council Secretary Rustem Umerov led the "
      "delegation, while Admiral Igor Kostioukov and President Donald Trump stayed away.");
  const Entity* umerov = EntityAt(a, "Rustem Umerov");
  EXPECT_TRUE(HasRole(umerov, "National Security and Defense Council Secretary"));
  ASSERT_NE(umerov, nullptr);
  EXPECT_EQ(umerov->country, "UA");
  EXPECT_TRUE(HasRole(EntityAt(a, "Igor Kostioukov"), "Admiral"));
  EXPECT_TRUE(HasRole(EntityAt(a, "Donald Trump"), "President"));
  ASSERT_NE(EntityAt(a, "Ukraine"), nullptr);
  EXPECT_EQ(EntityAt(a, "Ukraine")->country, "UA");
}

TEST(EntityRoles, PossessiveCountryAndCommaBeforeName) {
  auto a = AnalyzeText("Russia's envoy, Kirill Dmitriev, said progress had been made.");
  const Entity* e = EntityAt(a, "Kirill Dmitriev");
  EXPECT_TRUE(HasRole(e, "envoy"));
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->country, "RU");
}

TEST(EntityAliases, TransliterationVariantsAreOneEntity) {
  auto a = AnalyzeText(
      "President Volodymyr Zelensky met the delegation in Kyiv. Zelenskiy later said the "
      "talks were hard, and Zelenskyy's office published a statement.");
  const Entity* full = EntityAt(a, "Volodymyr Zelensky");
  ASSERT_NE(full, nullptr);
  EXPECT_EQ(EntityAt(a, "Zelenskiy"), full);
  EXPECT_EQ(EntityAt(a, "Zelenskyy"), full);  // possessive: the name without "'s"
  EXPECT_EQ(full->key, "zelensky");
  EXPECT_EQ(full->name, "Volodymyr Zelensky");
  ASSERT_NE(MentionOf(a, "Zelenskiy"), nullptr);
  EXPECT_EQ(MentionOf(a, "Zelenskiy")->kind, MentionKind::kAlias);
  EXPECT_EQ(CountType(a, EntityType::kPerson), 1u);
}

TEST(EntityAliases, SurnameOnlyMentionsJoinTheFullName) {
  auto a = AnalyzeText(
      "Jared Kushner joined the talks on Friday. Officials said Kushner had flown in from "
      "Miami, and Kushner's aides confirmed it.");
  const Entity* full = EntityAt(a, "Jared Kushner");
  ASSERT_NE(full, nullptr);
  EXPECT_EQ(EntityAt(a, "Kushner", 0), full);
  EXPECT_EQ(EntityAt(a, "Kushner", 1), full);
  EXPECT_EQ(full->key, "kushner");
}

// Two people share a surname: a bare surname goes to the one named last
// before it, so the answer changes with the order (issue 11 rewrote this
// lookup as one sweep; the rule it keeps is this one).
TEST(EntityAliases, BareSurnameGoesToThePersonNamedLastBeforeIt) {
  auto a = AnalyzeText(
      "Gareth Pellow met Miranda Pellow in Leeds on Monday. Officials said Pellow left early. "
      "Gareth Pellow returned on Tuesday, and Pellow spoke to reporters.");
  const Entity* gareth = EntityAt(a, "Gareth Pellow");
  const Entity* miranda = EntityAt(a, "Miranda Pellow");
  ASSERT_NE(gareth, nullptr);
  ASSERT_NE(miranda, nullptr);
  ASSERT_NE(gareth, miranda);
  EXPECT_EQ(EntityAt(a, "Pellow", 0), miranda);
  EXPECT_EQ(EntityAt(a, "Pellow", 1), gareth);
}

TEST(EntityAliases, AcronymAndExpansionAreOneEntity) {
  auto a = AnalyzeText(
      "The talks were held in the United Arab Emirates. The UAE has hosted several rounds. "
      "The International Atomic Energy Agency sent inspectors, and the IAEA said more would "
      "follow.");
  const Entity* uae = EntityAt(a, "United Arab Emirates");
  ASSERT_NE(uae, nullptr);
  EXPECT_EQ(EntityAt(a, "UAE"), uae);
  EXPECT_EQ(uae->key, "united arab emirates");
  EXPECT_EQ(uae->country, "AE");
  const Entity* iaea = EntityAt(a, "International Atomic Energy Agency");
  ASSERT_NE(iaea, nullptr);
  EXPECT_EQ(iaea->type, EntityType::kOrganization);
  EXPECT_EQ(EntityAt(a, "IAEA"), iaea);
}

TEST(EntityAliases, NationalityWordsLinkToTheirCountry) {
  auto a = AnalyzeText(
      "Russian and Ukrainian negotiators met again. Russia said the next round would follow, "
      "and Emirati officials offered to host it.");
  const Entity* russian = EntityAt(a, "Russian");
  ASSERT_NE(russian, nullptr);
  EXPECT_EQ(russian, EntityAt(a, "Russia"));
  EXPECT_EQ(russian->country, "RU");
  ASSERT_NE(MentionOf(a, "Russian"), nullptr);
  EXPECT_EQ(MentionOf(a, "Russian")->kind, MentionKind::kNationality);
  ASSERT_NE(EntityAt(a, "Ukrainian"), nullptr);
  EXPECT_EQ(EntityAt(a, "Ukrainian")->name, "Ukraine");
  EXPECT_EQ(EntityAt(a, "Ukrainian")->country, "UA");
  ASSERT_NE(EntityAt(a, "Emirati"), nullptr);
  EXPECT_EQ(EntityAt(a, "Emirati")->country, "AE");
}

TEST(EntityPronouns, HeAndSheResolveToTheCompatiblePerson) {
  auto a = AnalyzeText(
      "Foreign Minister Annalena Baerbock met Sergei Lavrov in Vienna. \"We are far apart,\" "
      "she said. Lavrov disagreed. He said the gap was narrowing.");
  const Entity* baerbock = EntityAt(a, "Annalena Baerbock");
  const Entity* lavrov = EntityAt(a, "Sergei Lavrov");
  ASSERT_NE(baerbock, nullptr);
  ASSERT_NE(lavrov, nullptr);
  EXPECT_EQ(EntityAt(a, "she"), baerbock);
  EXPECT_EQ(EntityAt(a, "He"), lavrov);
  ASSERT_NE(MentionOf(a, "she"), nullptr);
  EXPECT_EQ(MentionOf(a, "she")->kind, MentionKind::kPronoun);
}

TEST(EntityPronouns, SameSentenceAntecedentWins) {
  auto a = AnalyzeText(
      "Witkoff spoke first. Jared Kushner said he would return to Abu Dhabi next week.");
  EXPECT_EQ(EntityAt(a, "he"), EntityAt(a, "Jared Kushner"));
}

TEST(EntityPronouns, NoPersonNoResolution) {
  auto a = AnalyzeText("The ministry issued a statement. He was not named.");
  EXPECT_EQ(MentionOf(a, "He"), nullptr);
}

TEST(EntityNegatives, PlatformXIsNotAPerson) {
  auto a = AnalyzeText("\"We made progress,\" Steve Witkoff wrote on X after the meeting.");
  EXPECT_EQ(EntityAt(a, "X"), nullptr);
  ASSERT_NE(EntityAt(a, "Steve Witkoff"), nullptr);
  EXPECT_EQ(CountType(a, EntityType::kPerson), 1u);
}

TEST(EntityNegatives, MonthMayIsNotAPersonButTheresaMayIs) {
  auto a = AnalyzeText("The ceasefire collapsed in May. Talks resumed in May 2025 in Istanbul.");
  EXPECT_EQ(EntityAt(a, "May"), nullptr);
  EXPECT_EQ(CountType(a, EntityType::kPerson), 0u);
  auto b = AnalyzeText("Former Prime Minister Theresa May criticised the deal.");
  const Entity* may = EntityAt(b, "Theresa May");
  ASSERT_NE(may, nullptr);
  EXPECT_EQ(may->type, EntityType::kPerson);
}

TEST(EntityNegatives, SentenceInitialWordsAreNotNamesByThemselves) {
  auto a = AnalyzeText(
      "Negotiators met for six hours. Officials declined to comment. Talks will resume. "
      "Despite the snow, crowds gathered.");
  EXPECT_TRUE(a.entities.empty()) << a.entities.front().name;
}

TEST(EntityNegatives, ShoutedHeadingsAndTitleCaseHeadlinesAreNotEntities) {
  auto a = AnalyzeText("RUSSIA SEES PROGRESS AND POSITIVE MOVEMENT");
  EXPECT_TRUE(a.entities.empty());
}

TEST(EntityTypes, OrganisationsPlacesAndRegions) {
  auto a = AnalyzeText(
      "Fighting continued in Donetsk Oblast, the Defense Ministry said, while the Kremlin "
      "declined to comment and Zaporizhzhya residents sheltered.");
  ASSERT_NE(EntityAt(a, "Defense Ministry"), nullptr);
  EXPECT_EQ(EntityAt(a, "Defense Ministry")->type, EntityType::kOrganization);
  ASSERT_NE(EntityAt(a, "Kremlin"), nullptr);
  EXPECT_EQ(EntityAt(a, "Kremlin")->type, EntityType::kOrganization);
  ASSERT_NE(EntityAt(a, "Donetsk Oblast"), nullptr);
  EXPECT_EQ(EntityAt(a, "Donetsk Oblast")->type, EntityType::kPlace);
  EXPECT_EQ(EntityAt(a, "Donetsk Oblast")->country, "UA");
  ASSERT_NE(EntityAt(a, "Zaporizhzhya"), nullptr);
  EXPECT_EQ(EntityAt(a, "Zaporizhzhya")->country, "UA");
}

TEST(EntityKeys, EqualAcrossArticlesForTheSamePlaceAndPerson) {
  auto a = AnalyzeText("Shelling hit Zaporizhzhia overnight, Governor Ivan Fedorov said.");
  auto b = AnalyzeText("Shelling hit Zaporizhzhya overnight, according to Ivan Fyodorov.");
  ASSERT_NE(EntityAt(a, "Zaporizhzhia"), nullptr);
  ASSERT_NE(EntityAt(b, "Zaporizhzhya"), nullptr);
  EXPECT_EQ(EntityAt(a, "Zaporizhzhia")->key, EntityAt(b, "Zaporizhzhya")->key);
  ASSERT_NE(EntityAt(a, "Ivan Fedorov"), nullptr);
  EXPECT_TRUE(HasRole(EntityAt(a, "Ivan Fedorov"), "Governor"));
}

TEST(EntityMentions, SpansAreInBodyOrderAndIndexValidEntities) {
  auto a = AnalyzeText(
      "U.S. President Donald Trump said on Friday that Russian President Vladimir Putin and "
      "Ukrainian President Volodymyr Zelensky should meet. Putin did not reply; Zelensky said "
      "he was ready.");
  ASSERT_FALSE(a.mentions.empty());
  for (size_t i = 0; i < a.mentions.size(); ++i) {
    ASSERT_LT(a.mentions[i].entity, a.entities.size());
    ASSERT_LE(a.mentions[i].span.end, a.body.size());
    if (i > 0) {
      EXPECT_LE(a.mentions[i - 1].span.begin, a.mentions[i].span.begin);
    }
  }
  EXPECT_EQ(EntityAt(a, "Putin"), EntityAt(a, "Vladimir Putin"));
  ASSERT_NE(EntityAt(a, "Vladimir Putin"), nullptr);
  EXPECT_EQ(EntityAt(a, "Vladimir Putin")->country, "RU");
  EXPECT_EQ(EntityAt(a, "he"), EntityAt(a, "Volodymyr Zelensky"));
  EXPECT_EQ(CountType(a, EntityType::kPerson), 3u);
}

TEST(EntityTypes, TitledPersonBeforeOfIsNotPartOfTheOrganisation) {
  auto a = AnalyzeText(
      "The ruling was welcomed by Professor Lawrence White of New York University on Monday.");
  const Entity* white = EntityAt(a, "Lawrence White");
  ASSERT_NE(white, nullptr);
  EXPECT_EQ(white->type, EntityType::kPerson);
  EXPECT_TRUE(HasRole(white, "Professor"));
  ASSERT_NE(EntityAt(a, "New York University"), nullptr);
  EXPECT_EQ(EntityAt(a, "New York University")->type, EntityType::kOrganization);
}

TEST(EntityAliases, SharedDemonymGoesToTheSovereignState) {
  auto a = AnalyzeText("A French diplomat and an American negotiator joined the talks.");
  ASSERT_NE(EntityAt(a, "French"), nullptr);
  EXPECT_EQ(EntityAt(a, "French")->country, "FR");
  ASSERT_NE(EntityAt(a, "American"), nullptr);
  EXPECT_EQ(EntityAt(a, "American")->country, "US");
}

TEST(EntityNames, HardWrappedNamesAreNamedWithOneSpace) {
  Article art;
  art.paragraphs.push_back("Opposition leader Norodom\n  Ranariddh returned on Friday.");
  auto a = Analyze(std::move(art));
  ASSERT_FALSE(a.entities.empty());
  EXPECT_EQ(a.entities.front().name, "Norodom Ranariddh");
  EXPECT_TRUE(HasRole(&a.entities.front(), "leader"));
}

TEST(EntityNegatives, SmallTownNeedsAPrepositionOfPlace) {
  // Papa (Hungary, 30,000 people) is a word first, a town only "in Papa".
  auto a = AnalyzeText("They call him Papa at the ministry, and he grew up in Papa.");
  size_t papas = 0;
  for (const Mention& m : a.mentions) {
    if (a.Text(m.span) != "Papa") continue;
    ++papas;
    EXPECT_GT(m.span.begin, a.body.find(" in Papa"));
    EXPECT_EQ(a.entities[m.entity].type, EntityType::kPlace);
  }
  EXPECT_EQ(papas, 1u);
}

TEST(EntityRobustness, OddInputsGiveValidSpans) {
  const char* inputs[] = {
      "",
      "'s",
      "U.S.",
      ", , ,",
      "\u201cHe\u201d said \u2014 she said.",
      "A. B. C. D. E.",
      "Mr. Mrs. Ms. Dr. Adm.",
      "of the and of",
      "Ж Ё Ünïcödé Ōsaka Šibenik",
      "X X X X X",
      "Zelensky's's Zelensky'",
      "the Emirates' role",
      "He he he. She she.",
      "Prime Minister",
      "Jr. Sr. III",
      "US-US-US",
      "123 456 Main St.",
  };
  for (const char* text : inputs) {
    auto a = AnalyzeText(text);
    for (const Mention& m : a.mentions) {
      ASSERT_LT(m.entity, a.entities.size()) << text;
      ASSERT_LT(m.span.begin, m.span.end) << text;
      ASSERT_LE(m.span.end, a.body.size()) << text;
    }
    for (const Entity& e : a.entities) EXPECT_FALSE(e.key.empty()) << text;
  }
}

// Issue 18: an age appositive marks a bare surname as a person ("Telek, 68,
// said"), so a quote's "he" and its speaker find him.
TEST(EntityPersons, SurnameWithAnAgeAppositiveIsAPerson) {
  auto a = AnalyzeText(
      "The coalition talks dragged on through the week. Throughout the years, Telek, 68, has "
      "kept his party together.");
  const Entity* e = EntityAt(a, "Telek");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->type, EntityType::kPerson);
}

TEST(EntityPersons, NumberBetweenCommasAfterAPlaceIsNoAge) {
  auto a = AnalyzeText("Exports from Norway rose in 2024, 12, the ministry said.");
  const Entity* e = EntityAt(a, "Norway");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->type, EntityType::kPlace);
}

// A role word that is also a surname ("Cook", "Judge") after a first name
// ends the name, not the title: "Foreign Secretary Robin Cook" is one person.
TEST(EntityRoles, TitleThenFirstNameThenARoleWordSurname) {
  auto a = AnalyzeText("Foreign Secretary Robin Cook flew to Madrid on Tuesday.");
  const Entity* e = EntityAt(a, "Robin Cook");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->type, EntityType::kPerson);
  EXPECT_EQ(e->name, "Robin Cook");
  ASSERT_FALSE(e->roles.empty());
  EXPECT_NE(e->roles[0].find("Secretary"), std::string::npos);
}

TEST(EntityRoles, BylineRoleAfterATwoWordNameIsStillARole) {
  auto a = AnalyzeText("The story was filed from Busan by Kim Kyung-min Reporter on Monday.");
  const Entity* e = EntityAt(a, "Kim Kyung-min");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->name, "Kim Kyung-min");
}

// An appositive role may have modifiers the word lists do not hold ("the
// science minister"); two unknown capitalised words then still make a person.
TEST(EntityRoles, AppositiveRoleWithAnUnlistedModifier) {
  auto a = AnalyzeText("Later Vatrin Osmark, the science minister, left the meeting early.");
  const Entity* e = EntityAt(a, "Vatrin Osmark");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->type, EntityType::kPerson);
  EXPECT_TRUE(HasRole(e, "science minister"));
}

// The same before the name: the words between a determiner and the role
// word belong to the role ("harbour" is in no list of role modifiers).
TEST(EntityRoles, RoleBeforeTheNameKeepsItsUnlistedModifier) {
  auto a = AnalyzeText("On Monday the harbour master, Tomas Reilly, closed the port.");
  const Entity* e = EntityAt(a, "Tomas Reilly");
  ASSERT_NE(e, nullptr);
  EXPECT_TRUE(HasRole(e, "harbour master"));
  EXPECT_FALSE(HasRole(e, "master"));
  // No determiner: only the listed words are the role.
  auto b = AnalyzeText("Crews hailed harbour master Tomas Reilly on Monday.");
  EXPECT_FALSE(HasRole(EntityAt(b, "Tomas Reilly"), "hailed harbour master"));
}

// The first word of a sentence is capitalised whatever it is: a role
// modifier there still belongs to the role.
TEST(EntityRoles, SentenceInitialRoleModifierIsKept) {
  auto a = AnalyzeText("Former envoy Tomas Reilly arrived in Geneva on Monday.");
  EXPECT_TRUE(HasRole(EntityAt(a, "Tomas Reilly"), "Former envoy"));
}

// A role after a comma that runs straight into a capitalised name titles
// that name: ", former vice president Herb Calder," is Calder's role.
TEST(EntityRoles, AppositiveRoleBeforeAnotherNameIsThatNamesRole) {
  auto a = AnalyzeText(
      "The board heard Tomas Reilly, former vice president Herb Calder, and two clerks.");
  const Entity* reilly = EntityAt(a, "Tomas Reilly");
  ASSERT_NE(reilly, nullptr);
  for (const std::string& r : reilly->roles) EXPECT_EQ(r.find("president"), std::string::npos) << r;
  EXPECT_TRUE(HasRole(EntityAt(a, "Herb Calder"), "former vice president"));
}

// Without a determiner, a phrase after a comma is no appositive: ", with
// one lawmaker saying" gives the name no role "with one lawmaker".
TEST(EntityRoles, PrepositionalPhraseAfterACommaIsNoRole) {
  auto a = AnalyzeText(
      "Norway has defended its arrest of Vatrin Osmark, with one lawmaker saying the claim was "
      "absurd.");
  const Entity* e = EntityAt(a, "Vatrin Osmark");
  if (e != nullptr) {
    for (const std::string& r : e->roles) EXPECT_EQ(r.find("lawmaker"), std::string::npos) << r;
  }
}

// Many people in the news are called by their given name (Malay, Arab,
// Indonesian, Thai names): a bare word that is the given name of the one
// person of the article who bears it is that person.
TEST(EntityAliases, GivenNameOfOnePersonIsThatPerson) {
  auto a = AnalyzeText(
      "Prime Minister Rahimat Osmanbek opened the session on Monday. Critics say Rahimat has "
      "ruled for too long.");
  const Entity* full = EntityAt(a, "Rahimat Osmanbek");
  ASSERT_NE(full, nullptr);
  EXPECT_EQ(EntityAt(a, "Rahimat"), full);
}

TEST(EntityAliases, GivenNameTwoPeopleShareIsNoOnes) {
  auto a = AnalyzeText(
      "Prime Minister Rahimat Osmanbek met opposition leader Rahimat Dulkarov on Monday. Critics "
      "say Rahimat has ruled for too long.");
  const Entity* one = EntityAt(a, "Rahimat Osmanbek");
  const Entity* two = EntityAt(a, "Rahimat Dulkarov");
  ASSERT_NE(one, nullptr);
  ASSERT_NE(two, nullptr);
  const Entity* bare = EntityAt(a, "Rahimat");
  EXPECT_NE(bare, one);
  EXPECT_NE(bare, two);
}

// A first name opening a building's name makes no person to call by it.
TEST(EntityAliases, GivenNameOfABuildingIsNoOnes) {
  auto a = AnalyzeText(
      "Mourners gathered outside Casper City Hall on Friday. Later Casper said the service "
      "would be held on Monday.");
  const Entity* hall = EntityAt(a, "Casper City Hall");
  const Entity* bare = EntityAt(a, "Casper", 1);
  if (hall != nullptr) {
    EXPECT_NE(bare, hall);
  }
}

bool IsPerson(const Entity* e) { return e != nullptr && e->type == EntityType::kPerson; }

// "Dick", "Bill", "Rich": given names the word lists also hold as ordinary
// words. Where the context says person (a cue verb, an age, an appositive
// role) they open the name, also at a sentence's start; alone they make no
// person ("Crystal Palace", below).
TEST(EntityPersons, GivenNameThatIsAlsoAWord) {
  auto a = AnalyzeText(
      "Dick Tanner said the vote had been rigged. Rich Delahunt, 64, agreed. Bill Okafor, a "
      "former judge, did not. ``We will appeal,'' said Ray Castellano, the UN envoy.");
  EXPECT_TRUE(IsPerson(EntityAt(a, "Dick Tanner")));
  EXPECT_TRUE(IsPerson(EntityAt(a, "Rich Delahunt")));
  const Entity* okafor = EntityAt(a, "Bill Okafor");
  ASSERT_TRUE(IsPerson(okafor));
  EXPECT_TRUE(HasRole(okafor, "former judge"));
  EXPECT_EQ(EntityAt(a, "Tanner"), nullptr);
  EXPECT_TRUE(IsPerson(EntityAt(a, "Ray Castellano")));
}

TEST(EntityPersons, WordThatIsAlsoAGivenNameMakesNoPerson) {
  auto a = AnalyzeText(
      "Crystal Palace lost at home on Saturday. Fans flew to Art Basel in June, and Rich Nations "
      "Pledge More was the headline. Will Ferrante agree to the plan?");
  for (const char* name : {"Crystal Palace", "Art Basel", "Rich Nations", "Will Ferrante"}) {
    EXPECT_FALSE(IsPerson(EntityAt(a, name))) << name;
  }
}

// Arabic particles ("al-", "el-", "bin", "ibn") inside a capitalised name
// belong to it.
TEST(EntityPersons, ArabicParticlesStayInTheName) {
  auto a = AnalyzeText(
      "Vice President Farouq al-Shadid met Abdul Karim el-Masri in Damascus. Khalid ibn Rashid "
      "and Mohammed bin Tariq joined them later.");
  const Entity* farouq = EntityAt(a, "Farouq al-Shadid");
  ASSERT_TRUE(IsPerson(farouq));
  EXPECT_TRUE(HasRole(farouq, "Vice President"));
  EXPECT_TRUE(IsPerson(EntityAt(a, "Abdul Karim el-Masri")));
  EXPECT_TRUE(IsPerson(EntityAt(a, "Khalid ibn Rashid")));
  EXPECT_TRUE(IsPerson(EntityAt(a, "Mohammed bin Tariq")));
  EXPECT_EQ(EntityAt(a, "Farouq"), nullptr);
}

// "don" is a role noun and a given name: right after a title it is the
// person's given name, not a second title.
TEST(EntityRoles, TitleWordThatIsAGivenNameAfterATitle) {
  auto a = AnalyzeText("Sgt. Don Talamaivao said the patrol had come under fire near the border.");
  const Entity* e = EntityAt(a, "Don Talamaivao");
  ASSERT_TRUE(IsPerson(e));
  EXPECT_TRUE(HasRole(e, "Sgt."));
  EXPECT_FALSE(HasRole(e, "Sgt. Don"));
}

}  // namespace
}  // namespace newsfuse
