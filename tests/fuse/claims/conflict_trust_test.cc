// Conflicts a reader can trust, end to end: text written for these tests
// goes through the analysers and fusion, and no conflict may be shown where
// the outlets do not disagree. Each story also holds a real disagreement,
// so a test cannot pass by finding no conflicts at all.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analyze/analyze.h"
#include "fuse/fuse.h"
#include "text/seed_corpus.h"

namespace newsfuse {
namespace {

using testing::MakeArticle;

StoryReport FuseAll(const std::vector<Article>& articles) {
  Story story{"sc10000000000", {}};
  std::vector<AnnotatedArticle> annotated;
  for (const Article& a : articles) {
    story.article_ids.push_back(a.id);
    annotated.push_back(Analyze(a));
  }
  return FuseStory(story, annotated);
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

TEST(ConflictTrustTest, DatelinesOfReportsWrittenOnDifferentDaysAreNoConflict) {
  const StoryReport r = FuseAll({
      MakeArticle("d1", "harwick-courier.example.org", "Trial date set in Harwick case",
                  {"Published at 12:45, Wednesday, 12 June 2013. A provisional trial date has "
                   "been set for the man accused of the Harwick mill fire.",
                   "The hearing lasted twenty minutes.", BondSentence("2009")}),
      MakeArticle("d2", "valley-news.example.net", "Trial date set in Harwick case",
                  {"Last updated at 11:24, Tuesday, 18 June 2013. A provisional trial date has "
                   "been set for the man accused of the Harwick mill fire.",
                   "He spoke only to confirm his name.", BondSentence("2010")}),
  });
  EXPECT_FALSE(Disputes(r, "2013-06-12", "2013-06-18")) << Shown(r);
  EXPECT_TRUE(Disputes(r, "2009", "2010")) << Shown(r);
}

TEST(ConflictTrustTest, SentenceThatRelatesBothFiguresIsNoSideOfADispute) {
  const StoryReport r = FuseAll({
      MakeArticle("v1", "screen-daily.example.org", "Lumen Awards ratings fall",
                  {"About 32 million people watched the Lumen Awards ceremony this year, "
                   "compared with 55.3 million a decade ago.",
                   BondSentence("2009")}),
      MakeArticle("v2", "broadcast-wire.example.net", "Lumen Awards ratings",
                  {"A record 55.3 million people watched the Lumen Awards ceremony in 2014, "
                   "the organisers said.",
                   BondSentence("2010")}),
  });
  EXPECT_FALSE(Disputes(r, "32 million", "55.3 million")) << Shown(r);
  EXPECT_TRUE(Disputes(r, "2009", "2010")) << Shown(r);
}

TEST(ConflictTrustTest, TimeElapsedIsNoRivalDuration) {
  const StoryReport r = FuseAll({
      MakeArticle("e1", "korvia-times.example.org", "Riots spread in Korvia",
                  {"The student was shot by police in Velm eight days ago, triggering riots "
                   "across Korvia.",
                   BondSentence("2009")}),
      MakeArticle("e2", "east-herald.example.net", "Korvia government under pressure",
                  {"The government is reeling from four days of riots triggered by the police "
                   "shooting of a student in Velm.",
                   BondSentence("2010")}),
  });
  EXPECT_FALSE(Disputes(r, "8 days", "4 days")) << Shown(r);
  EXPECT_TRUE(Disputes(r, "2009", "2010")) << Shown(r);
}

TEST(ConflictTrustTest, FamiliarFormOfAGivenNameIsNoConflictAnotherNameIs) {
  const StoryReport r = FuseAll({
      MakeArticle("n1", "albury-ledger.example.org", "Jury selection begins",
                  {"District Attorney Dave Rossler said the evidence would show the shooting "
                   "was planned.",
                   "Police said the third victim, Brian Dalworth, 39, was treated at Albury General "
                   "Hospital."}),
      MakeArticle("n2", "capital-press.example.net", "Jury selection begins",
                  {"District Attorney David Rossler said the evidence would show the shooting "
                   "was planned.",
                   "Police said the third victim, Bryant Dalworth, 39, was treated at Albury General "
                   "Hospital."}),
  });
  EXPECT_FALSE(Disputes(r, "Dave Rossler", "David Rossler")) << Shown(r);
  EXPECT_TRUE(Disputes(r, "Brian Dalworth", "Bryant Dalworth")) << Shown(r);
}

// Two counts of one noun in a story are often of two things: games missed
// this season, games played the season before.
TEST(ConflictTrustTest, CountsOfTheSameNounInDifferentClausesAreNoConflict) {
  const StoryReport r = FuseAll({
      MakeArticle("g1", "river-sports.example.org", "Pell placed on injured reserve",
                  {"Tavon Pell missed nine games this season because of an ankle injury, the "
                   "Harriers said on Wednesday.",
                   BondSentence("2009")}),
      MakeArticle("g2", "coast-sport.example.net", "Harriers lose Pell",
                  {"Last season Pell led the Harriers in rushing, posting 793 yards in 13 games "
                   "before the ankle injury.",
                   BondSentence("2010")}),
  });
  EXPECT_FALSE(Disputes(r, "9", "13")) << Shown(r);
  EXPECT_TRUE(Disputes(r, "2009", "2010")) << Shown(r);
}

}  // namespace
}  // namespace newsfuse
