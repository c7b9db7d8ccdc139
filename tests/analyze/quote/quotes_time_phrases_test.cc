// Issue 18: a time phrase between a reporting verb and its clause ("said in
// 2023 that", "said earlier in the day the") says when, not what; and a
// dateline's agency ("HARWICK, England (AP) -") is no one a pronoun means.
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

TEST(QuoteTimePhrasesTest, TimePhrasesBetweenTheVerbAndItsClause) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Mayor Ellen Tarrow said in 2023 that the mill might reopen.", "the mill might reopen"},
      {"Ellen Tarrow said in March that the mill might reopen.", "the mill might reopen"},
      {"Ellen Tarrow said on May 3 that the mill might reopen.", "the mill might reopen"},
      {"Ellen Tarrow said on May 3, 2021, that the mill might reopen.", "the mill might reopen"},
      {"Ellen Tarrow said in early June 2022 the mill might reopen.", "the mill might reopen"},
      {"Ellen Tarrow said earlier in the day that the mill might reopen.", "the mill might reopen"},
      {"Ellen Tarrow said in the morning the mill might reopen.", "the mill might reopen"},
      {"Ellen Tarrow said on Tuesday that the mill might reopen.", "the mill might reopen"},
      {"Ellen Tarrow said late Monday that the mill might reopen.", "the mill might reopen"},
      {"Ellen Tarrow said last week the mill might reopen.", "the mill might reopen"},
      {"Ellen Tarrow said last March the mill might reopen.", "the mill might reopen"},
      {"In 2023 Mayor Ellen Tarrow said the mill might reopen.", "the mill might reopen"},
  };
  for (const auto& [text, clause] : cases) {
    AnnotatedArticle a = MakeAnnotated({text});
    const uint32_t ellen = AddEntity(a, EntityType::kPerson, "Ellen Tarrow", {"Ellen Tarrow"});
    EXPECT_EQ(ReportedWith(a, "mill"), clause) << text;
    EXPECT_EQ(SpeakerOf(a, "mill"), static_cast<int>(ellen)) << text;
  }
}

// A month with neither preposition nor day, and a lowercase "may" or
// "march", are what was said, not when.
TEST(QuoteTimePhrasesTest, MonthWordsThatAreWhatWasSaid) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Ellen Tarrow said March was the wettest month on record.",
       "March was the wettest month on record"},
      {"Ellen Tarrow said this may cost the town its mill.", "this may cost the town its mill"},
      {"Ellen Tarrow said this march would block the harbour road.",
       "this march would block the harbour road"},
      {"Ellen Tarrow said in 2023 terms the mill cost too much.", "<none>"},
  };
  for (const auto& [text, clause] : cases) {
    AnnotatedArticle a = MakeAnnotated({text});
    AddEntity(a, EntityType::kPerson, "Ellen Tarrow", {"Ellen Tarrow"});
    const std::string words = clause == "<none>" ? "mill" : clause.substr(0, 8);
    EXPECT_EQ(ReportedWith(a, words), clause) << text;
  }
}

// "HARWICK, England (AP) - ... It said ...": the agency that filed the story
// is not the "it" that said something in it.
TEST(QuoteTimePhrasesTest, PronounNeverMeansTheDatelineAgency) {
  AnnotatedArticle a = MakeAnnotated(
      {"HARWICK, England (AP) - Water charges in the port will rise by a fifth. It said the old "
       "pipes under the harbour could no longer be patched."});
  AddEntity(a, EntityType::kPlace, "Harwick", {"HARWICK"});
  AddEntity(a, EntityType::kOrganization, "Associated Press", {"AP"});
  EXPECT_EQ(ReportedWith(a, "old pipes"),
            "the old pipes under the harbour could no longer be patched");
  EXPECT_EQ(SpeakerOf(a, "old pipes"), -1);
}

// A dateline set off by a dash, or by the underscore older wire copy uses,
// is not part of the clause a later "officials said" reports.
TEST(QuoteTimePhrasesTest, ReportedClauseStartsAfterTheDateline) {
  for (const char* dash : {"-", "\xE2\x80\x94", "_"}) {
    AnnotatedArticle a = MakeAnnotated({std::string("HARWICK, England (AP) ") + dash +
                                        " Water charges in the port will rise by a fifth next "
                                        "month, officials said on Monday."});
    EXPECT_EQ(ReportedWith(a, "Water"), "Water charges in the port will rise by a fifth next month")
        << dash;
  }
}

// Nor when the entity annotator's coreference reads the pronoun as it.
TEST(QuoteTimePhrasesTest, AnnotatorsPronounReadingOfTheDatelineAgencyIsDropped) {
  AnnotatedArticle a = MakeAnnotated(
      {"HARWICK, England (AP) - Water charges in the port will rise by a fifth. It said the old "
       "pipes under the harbour could no longer be patched."});
  const uint32_t ap = AddEntity(a, EntityType::kOrganization, "Associated Press", {"AP"});
  const auto it = static_cast<uint32_t>(a.body.find("It said"));
  a.mentions.push_back(Mention{Span{it, it + 2}, ap, MentionKind::kPronoun});
  EXPECT_EQ(SpeakerOf(a, "old pipes"), -1);
}

// The same agency named in the prose is someone a pronoun can mean.
TEST(QuoteTimePhrasesTest, AgencyNamedOutsideTheDatelineStillCounts) {
  AnnotatedArticle a = MakeAnnotated(
      {"HARWICK, England - Water charges in the port will rise by a fifth, AP reported. It said "
       "the old pipes under the harbour could no longer be patched."});
  const uint32_t ap = AddEntity(a, EntityType::kOrganization, "Associated Press", {"AP"});
  EXPECT_EQ(SpeakerOf(a, "old pipes"), static_cast<int>(ap));
}

}  // namespace
}  // namespace newsfuse
