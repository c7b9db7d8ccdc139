// Conflicts a reader can trust: text written for these tests goes through
// the analysers and fusion, and no conflict may be shown where the outlets
// do not disagree. Each story also holds a real disagreement, so a test
// cannot pass by finding no conflicts at all. The cases that need a whole
// ingest (clustering, publication dates) are in
// tests/e2e/conflict_trust_cli_test.cc.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "fuse/claims/written_story.h"
#include "text/seed_corpus.h"

namespace newsfuse {
namespace {

using testing::MakeArticle;

StoryReport FuseAll(const std::vector<Article>& articles) {
  return testing::FuseAll(articles, "sc10000000000");
}

// Whether some conflict sets `x` against `y`, either way round.
bool Disputes(const StoryReport& r, const std::string& x, const std::string& y) {
  for (const Conflict& c : r.conflicts) {
    if (c.sides.size() != 2) continue;
    const std::string& a = c.sides[0].value;
    const std::string& b = c.sides[1].value;
    if ((a.find(x) != std::string::npos && b.find(y) != std::string::npos) ||
        (a.find(y) != std::string::npos && b.find(x) != std::string::npos))
      return true;
  }
  return false;
}

// The conflicts shown, for a failure's message.
std::string Shown(const StoryReport& r) {
  std::string out;
  for (const Conflict& c : r.conflicts) {
    out += "\n  " + c.subject + ":";
    for (const Conflict::Side& s : c.sides) out += " [" + s.value + "]";
  }
  return out.empty() ? "\n  (none)" : out;
}

// The control every story carries: a bond approved in 2009 or in 2010.
std::string BondSentence(const std::string& year) {
  return "Voters in " + year +
         " approved a $3 million bond to buy the Harwick mill site, the city manager said.";
}

TEST(ConflictTrustTest, FamiliarFormOfAGivenNameIsNoConflictAnotherNameIs) {
  const StoryReport r = FuseAll({
      MakeArticle("n1", "albury-ledger.example.org", "Jury selection begins",
                  {"Timmons remained at the courthouse with defence lawyer Peter Lanch and "
                   "Albury County District Attorney Dave Rossler.",
                   "Police identified the victims as Tanya Wilder, 47, and Bryant A. Dalworth, "
                   "39, both of Albury."}),
      MakeArticle("n2", "capital-press.example.net", "Timmons trial opens",
                  {"Prosecutor David Rossler said Timmons is charged with murder because he "
                   "meant to kill someone.",
                   "The third victim, identified as Brian Dalworth, was rushed to hospital with "
                   "a gunshot wound."}),
  });
  EXPECT_FALSE(Disputes(r, "Dave Rossler", "David Rossler")) << Shown(r);
  EXPECT_TRUE(Disputes(r, "Brian Dalworth", "Bryant A. Dalworth")) << Shown(r);
}

TEST(ConflictTrustTest, ARangeHoldsTheFigureItMeetsAndIsShownAsWritten) {
  const StoryReport r = FuseAll({
      MakeArticle("r1", "gulf-report.example.org", "Spill estimates rise",
                  {"Government scientists estimate 35,000 to 60,000 barrels of oil a day are "
                   "leaking from the damaged Corvell well.",
                   BondSentence("2009")}),
      MakeArticle("r2", "energy-wire.example.net", "Corvell leak",
                  {"Government scientists estimate about 60,000 barrels of oil a day are "
                   "leaking from the damaged Corvell well.",
                   BondSentence("2010")}),
  });
  EXPECT_FALSE(Disputes(r, "60,000", "47,500")) << Shown(r);
  for (const Conflict& c : r.conflicts)
    for (const Conflict::Side& side : c.sides)
      EXPECT_EQ(side.value.find("47,500"), std::string::npos);
  EXPECT_TRUE(Disputes(r, "2009", "2010")) << Shown(r);
}

TEST(ConflictTrustTest, OneFigureConvertedOrRoundedIsNoConflict) {
  const StoryReport r = FuseAll({
      MakeArticle(
          "c1", "gulf-report.example.org", "Relief well nears Corvell leak",
          {"The first relief well is within 200 feet of the damaged Corvell well, the "
           "company said.",
           "Its escort ship stood some 13 miles away from the platform.", BondSentence("2009")}),
      MakeArticle("c2", "energy-wire.example.net", "Relief well close",
                  {"The first relief well is within 60 metres of the damaged Corvell well, the "
                   "company said.",
                   "Its escort ship stood 13 nautical miles (about 24km) away from the platform.",
                   BondSentence("2010")}),
  });
  EXPECT_TRUE(r.conflicts.size() == 1 && Disputes(r, "2009", "2010")) << Shown(r);
}

TEST(ConflictTrustTest, DenialOfOneCompoundIsNoConflictWithAnother) {
  const StoryReport r = FuseAll({
      MakeArticle("s1", "city-ledger.example.org", "Corvell names new chairman",
                  {"The new Corvell chairman has no oil industry experience, having run a "
                   "telecoms group for six years.",
                   BondSentence("2009")}),
      MakeArticle("s2", "market-post.example.net", "Corvell board changes",
                  {"The new Corvell chief executive began his oil industry career in 1979 "
                   "with a drilling firm.",
                   BondSentence("2010")}),
  });
  EXPECT_FALSE(Disputes(r, "no oil industry", "oil industry")) << Shown(r);
  EXPECT_TRUE(Disputes(r, "2009", "2010")) << Shown(r);
}

TEST(ConflictTrustTest, StampsOfReadersCommentsAreNoDateConflict) {
  const StoryReport r = FuseAll({
      MakeArticle(
          "m1", "world-desk.example.org", "Rebels hold the coast road",
          {"Rebels held the coast road on Monday, commanders said.", "Readers wrote in all day.",
           "Arm them now. April 5, 2011 at 5:56 am | Reply Death to tyrants everywhere!",
           BondSentence("2009")}),
      MakeArticle(
          "m2", "global-view.example.net", "Coast road fighting",
          {"Rebels held the coast road on Monday, their commanders said.", "Comments poured in.",
           "Well said. April 12, 2011 at 5:13 pm | Reply April 12, 2011 at 5:23 pm | "
           "Reply Big difference here.",
           BondSentence("2010")}),
  });
  EXPECT_FALSE(Disputes(r, "2011-04-05", "2011-04-12")) << Shown(r);
  EXPECT_TRUE(Disputes(r, "2009", "2010")) << Shown(r);
}

// A length keeps the unit its outlets wrote, with metres beside it, as a
// duration does: "300 yards" is not "274 m", and "1,098 yards" not "1 km".
TEST(ConflictTrustTest, LengthIsShownInTheUnitItsSourcesWrote) {
  const StoryReport r = FuseAll({
      MakeArticle("l1", "river-post.example.org", "Flood wall finished",
                  {"The new flood wall runs for 300 yards along the Tessel river, the council "
                   "said on Monday."}),
      MakeArticle("l2", "valley-times.example.net", "Tessel flood wall",
                  {"Workers finished the flood wall, which runs for 300 yards along the Tessel "
                   "river, on Monday."}),
      MakeArticle("l3", "north-wire.example.com", "Wall against the Tessel",
                  {"The council said on Monday the flood wall runs for 300 yards along the "
                   "Tessel."}),
  });
  bool shown = false;
  for (const Fact& f : r.facts) shown |= f.value == "300 yards (274 m)";
  EXPECT_TRUE(shown) << Shown(r);
}

// One party named two ways beside the same leader is a dispute a reader
// needs; two organisations one word apart that no sentence names with a
// common person are two organisations, and two forms of one word
// ("Democracy"/"Democratic") are one name translated two ways.
TEST(ConflictTrustTest, OnePartyNamedTwoWaysBesideItsLeaderIsAConflict) {
  const StoryReport r = FuseAll({
      MakeArticle("p1", "harbour-daily.example.org", "Coalition talks fail",
                  {"Marten Vaskel of the Civic Reform Party gave up his attempt to form a "
                   "coalition on Monday.",
                   "The Northern Farmers Union backed the talks until the end.",
                   "Ilse Morrow of the Green Democracy Party said she would back him."}),
      MakeArticle("p2", "inland-courier.example.net", "Vaskel returns mandate",
                  {"The Civic Renewal Party, which Vaskel has led since 1990, could not find "
                   "partners for a coalition on Monday.",
                   "The Northern Fishers Union stayed out of the talks.",
                   "Ilse Morrow, whose Green Democratic Party holds nine seats, backed him."}),
      MakeArticle("p3", "east-wire.example.com", "Talks collapse",
                  {"Vaskel said his Civic Reform Party would go into opposition after the "
                   "talks failed on Monday."}),
  });
  EXPECT_TRUE(Disputes(r, "Civic Reform Party", "Civic Renewal Party")) << Shown(r);
  EXPECT_FALSE(Disputes(r, "Northern Farmers Union", "Northern Fishers Union")) << Shown(r);
  EXPECT_FALSE(Disputes(r, "Green Democracy Party", "Green Democratic Party")) << Shown(r);
}

}  // namespace
}  // namespace newsfuse
