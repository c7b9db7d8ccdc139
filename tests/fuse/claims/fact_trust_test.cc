// Fact rows a reader can trust: text written for these tests goes through
// the analysers and fusion. Each story also holds a row that must be shown,
// so a test cannot pass by showing no facts at all.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "fuse/claims/written_story.h"
#include "text/seed_corpus.h"

namespace newsfuse {
namespace {

using testing::MakeArticle;

StoryReport FuseAll(const std::vector<Article>& articles) {
  return testing::FuseAll(articles, "sf10000000000");
}

// Whether some fact row quotes a sentence holding `words`.
bool RowQuotes(const StoryReport& r, const std::string& words) {
  for (const Fact& f : r.facts)
    for (const Attestation& w : f.wording)
      if (w.text.find(words) != std::string::npos) return true;
  return false;
}

std::string Shown(const StoryReport& r) {
  std::string out;
  for (const Fact& f : r.facts) out += "\n  " + f.subject + ": " + f.value;
  return out.empty() ? "\n  (none)" : out;
}

TEST(FactTrustTest, AnOutletsGuessIsNoFactRowAReportedStatementIs) {
  const StoryReport r = FuseAll({
      MakeArticle("g1", "dunmore-herald.example.org", "Mill deal signed",
                  {"The Harwick mill closed in March 2024 after its owner went bankrupt.",
                   "In 2023 Mayor Ellen Tarrow said the mill might reopen under a new owner.",
                   "The sale could be a bargaining tactic before the county vote in 2027."}),
      MakeArticle("g2", "river-times.example.net", "Harwick mill sold",
                  {"The Harwick mill closed in March 2024, a year after its owner went "
                   "bankrupt.",
                   "In 2023 Mayor Ellen Tarrow said the mill might reopen under a new owner, the "
                   "paper reported.",
                   "The sale could be a bargaining tactic ahead of the county vote in 2027."}),
  });
  EXPECT_TRUE(RowQuotes(r, "mill closed in March 2024")) << Shown(r);
  EXPECT_TRUE(RowQuotes(r, "the mill might reopen")) << Shown(r);
  EXPECT_FALSE(RowQuotes(r, "bargaining tactic")) << Shown(r);
}

// The value of the row whose subject or wording holds `words`, or "".
std::string ValueOf(const StoryReport& r, const std::string& words) {
  for (const Fact& f : r.facts) {
    if (f.subject.find(words) != std::string::npos) return f.value;
    for (const Attestation& w : f.wording)
      if (w.text.find(words) != std::string::npos) return f.value;
  }
  return "";
}

TEST(FactTrustTest, AFigureIsShownAsItsSourcesWroteItAndANoteOnReportingIsNoFact) {
  const StoryReport r = FuseAll({
      MakeArticle("w1", "dunmore-herald.example.org", "Harvest falls",
                  {"Farmers in the valley harvested just 2.8 million tons of grain this year.",
                   "Crude settled at $11.86 a barrel on the Harwick exchange.",
                   "The yacht Tern set the race record of two days, 14 hours, seven minutes and "
                   "10 seconds.",
                   "The new pipeline is 1,200 km (746 miles) long.",
                   "Tern's skipper, Ann Ruel, was not immediately available for comment."}),
      MakeArticle("w2", "river-times.example.net", "Grain harvest shrinks",
                  {"Valley farmers harvested only 2.8 million tons of grain in the season.",
                   "Oil closed at $11.86 a barrel in Harwick trading.",
                   "The yacht Tern set the race record of two days, 14 hours, seven minutes and "
                   "10 seconds.",
                   "The pipeline is 1,200 km (746 miles) long.",
                   "Tern's skipper, Ann Ruel, was not immediately available for comment."}),
      MakeArticle("w3", "coast-daily.example.com", "Record stands",
                  {"Tern's race record of two days, 14 hours, seven minutes and 10 seconds "
                   "still stands.",
                   "Its pipeline is 1,200 km (746 miles) long.",
                   "Tern's skipper, Ann Ruel, was not immediately available for comment."}),
  });
  EXPECT_EQ(ValueOf(r, "million tons"), "2.8 million tons") << Shown(r);
  EXPECT_EQ(ValueOf(r, "barrel"), "11.86 USD") << Shown(r);
  EXPECT_EQ(ValueOf(r, "race record"), "two days, 14 hours, seven minutes and 10 seconds")
      << Shown(r);
  // A figure whose source gave the metric one first keeps it first.
  EXPECT_EQ(ValueOf(r, "pipeline"), "1,200 km (746 miles)") << Shown(r);
  // Three outlets running one wire's "not available for comment" is a note on
  // the reporting, not a corroborated fact.
  EXPECT_FALSE(RowQuotes(r, "for comment")) << Shown(r);
}

TEST(FactTrustTest, ATitleWrittenTwiceIsOneRole) {
  const StoryReport r = FuseAll({
      MakeArticle("t1", "dunmore-herald.example.org", "Bank blast",
                  {"Dunmore Fire Chief Dunmore Fire Chief Alma Brecker said the blast at the bank "
                   "was caused by a gas leak."}),
      MakeArticle("t2", "river-times.example.net", "Gas leak behind bank blast",
                  {"Dunmore Fire Chief Alma Brecker said a gas leak caused the blast."}),
  });
  bool shown = false;
  for (const Fact& f : r.facts) {
    if (f.kind != Fact::Kind::kRole || f.subject.find("Brecker") == std::string::npos) continue;
    EXPECT_EQ(f.value, "Dunmore Fire Chief") << Shown(r);
    shown = true;
  }
  EXPECT_TRUE(shown) << Shown(r);
}

}  // namespace
}  // namespace newsfuse
