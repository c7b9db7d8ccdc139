// Event identity beyond words: named days, actors, and the merge gate that
// uses them (issue 12).
#include "cluster/event_evidence.h"

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "analyze/analyze.h"
#include "cluster/cluster.h"
#include "text/seed_corpus.h"

namespace newsfuse {
namespace {

using cluster::DayKey;
using testing::MakeArticle;

Timex DateTimex(std::string value) {
  Timex t;
  t.type = Timex::Type::kDate;
  t.value = std::move(value);
  return t;
}

AnnotatedArticle WithTimexes(std::vector<std::string> values) {
  AnnotatedArticle a;
  for (auto& v : values) a.timexes.push_back(DateTimex(std::move(v)));
  return a;
}

cluster::TermWeights StoryDays(std::vector<DayKey> days) {
  cluster::TermWeights out;
  for (DayKey d : days) out.emplace_back(d, 1.0);
  return out;
}

TEST(EventEvidenceTest, MentionedDaysAreDayPreciseDatesOnly) {
  const auto days = cluster::MentionedDays(
      WithTimexes({"XXXX-11-19", "2008-09-15", "2011-11-10T14:00", "XXXX-WXX-6", "PRESENT_REF",
                   "2011-09", "P6D", "2013-W37", "XXXX-11-19", "2010-13-40"}));
  EXPECT_EQ(days, (std::vector<DayKey>{1119, 20080915, 20111110}));
}

TEST(EventEvidenceTest, DaysShareWithinOneDayAndAcrossAMissingYear) {
  EXPECT_TRUE(cluster::ShareDay({1118}, StoryDays({1119})));
  EXPECT_TRUE(cluster::ShareDay({20081118}, StoryDays({1118})));  // "November 18": any year
  EXPECT_TRUE(cluster::ShareDay({20081231}, StoryDays({20090101})));
  EXPECT_FALSE(cluster::ShareDay({1110}, StoryDays({1118, 1102})));
  EXPECT_FALSE(cluster::ShareDay({20081118}, StoryDays({20111118})));  // same day, other year
  EXPECT_FALSE(cluster::ShareDay({}, StoryDays({1118})));
}

TEST(EventEvidenceTest, ADayMuchOfTheStreamNamesIsNotSpecific) {
  const std::vector<DayKey> days{1118, 20080915};
  const std::vector<uint32_t> terms{0, 1};
  const std::vector<uint32_t> df{30, 1};  // by term: the first day is the news cycle's
  EXPECT_EQ(cluster::SpecificDays(days, terms, df, 100, 0.05), (std::vector<DayKey>{20080915}));
  EXPECT_EQ(cluster::SpecificDays(days, terms, df, 100, 0.5), days);
  EXPECT_EQ(cluster::SpecificDays(days, terms, df, 100, 0), days);    // off
  EXPECT_EQ(cluster::SpecificDays(days, terms, df, 19, 0.05), days);  // too short to tell
  EXPECT_NE(cluster::DayTerm(1118), cluster::DayTerm(20081118));
}

TEST(EventEvidenceTest, LatestYearIgnoresNumbersThatAreNoYears) {
  AnnotatedArticle a = WithTimexes({"2003", "2013-09-17", "XXXX-11-02", "1000", "P12Y"});
  EXPECT_EQ(cluster::LatestYear(a), 2013);
  a.article.published = DateTime::Day(2014, 1, 2);
  EXPECT_EQ(cluster::LatestYear(a), 2014);
  EXPECT_EQ(cluster::LatestYear(WithTimexes({"1000", "XXXX-11-02"})), 0);
}

TEST(EventEvidenceTest, PeopleAndNamedThingsAreActorsPlacesAndOrganisationsAreNot) {
  Entity e;
  e.type = EntityType::kPerson;
  EXPECT_TRUE(cluster::IsActor(e));
  e.type = EntityType::kOther;  // a ship: "INS Tabar"
  EXPECT_TRUE(cluster::IsActor(e));
  e.type = EntityType::kPlace;
  EXPECT_FALSE(cluster::IsActor(e));
  e.type = EntityType::kOrganization;
  EXPECT_FALSE(cluster::IsActor(e));
}

Entity Named(std::string key, EntityType type) {
  Entity e;
  e.key = e.name = std::move(key);
  e.type = type;
  return e;
}

// Two reports of one kind of event: a navy frigate beats off pirates in the
// same waters, weeks apart, with different ships.
AnnotatedArticle Piracy(std::string id, std::string ship, std::string day) {
  AnnotatedArticle a = Analyze(MakeArticle(
      std::move(id), "Coast Courier", "Navy frigate fights off pirates in the gulf",
      {"A navy frigate escorting merchant ships fought off two pirate skiffs in the gulf, the "
       "defence ministry said, after the pirates fired on a bulk carrier.",
       "Marines aboard the frigate returned fire and the skiffs fled towards the coast."}));
  a.timexes.clear();
  a.timexes.push_back(DateTimex(std::move(day)));
  a.entities.clear();
  a.entities.push_back(Named(std::move(ship), EntityType::kOther));
  a.entities.push_back(Named("gulf of aden", EntityType::kPlace));
  return a;
}

TEST(EventEvidenceTest, ActorsAndNamedDaysAreFeaturesOfTheCandidate) {
  ClusterOptions options;
  options.explain = true;
  StoryClusterer clusterer(options);
  clusterer.Add(Piracy("e1000000000000000000000000000001", "ins tabar", "XXXX-11-18"));
  clusterer.Add(Piracy("e2000000000000000000000000000002", "ins tabar", "XXXX-11-19"));
  ASSERT_FALSE(clusterer.last_decision().candidates.empty());
  const PairFeatures same = clusterer.last_decision().candidates[0].features;
  EXPECT_EQ(same.actors_known, 1);
  EXPECT_GT(same.actor_cosine, 0.99);
  EXPECT_EQ(same.days_known, 1);
  EXPECT_EQ(same.day_match, 1);

  StoryClusterer other(options);
  other.Add(Piracy("e1000000000000000000000000000001", "ins tabar", "XXXX-11-18"));
  other.Add(Piracy("e3000000000000000000000000000003", "ins sukanya", "XXXX-09-10"));
  ASSERT_FALSE(other.last_decision().candidates.empty());
  const PairFeatures apart = other.last_decision().candidates[0].features;
  EXPECT_EQ(apart.actors_known, 1);
  EXPECT_EQ(apart.actor_cosine, 0);
  EXPECT_EQ(apart.days_known, 1);
  EXPECT_EQ(apart.day_match, 0);
  // The fitted model scores the same ship on the same days above the other.
  EXPECT_GT(clusterer.last_decision().best_score, other.last_decision().best_score);
}

// Day features of a second pirate report on the day of the first, after a
// stream of `others` unrelated reports that each name `filler_day(i)`.
PairFeatures AfterOtherNews(int others, const std::function<std::string(int)>& filler_day) {
  ClusterOptions options;
  options.explain = true;
  StoryClusterer clusterer(options);
  for (int i = 0; i < others; ++i) {
    AnnotatedArticle a = Analyze(MakeArticle(
        "f" + std::to_string(1000000 + i) + "0000000000000000000000001", "Valley Post",
        "Council " + std::to_string(i) + " approves library budget",
        {"The town council voted to fund the library extension and a reading room, the mayor "
         "said after the meeting."}));
    a.timexes.push_back(DateTimex(filler_day(i)));
    clusterer.Add(a);
  }
  clusterer.Add(Piracy("e1000000000000000000000000000001", "ins tabar", "2019-11-19"));
  clusterer.Add(Piracy("e2000000000000000000000000000002", "ins tabar", "2019-11-19"));
  for (const auto& c : clusterer.last_decision().candidates) {
    if (c.features.actors_known > 0) return c.features;
  }
  ADD_FAILURE() << "the first pirate report is no candidate";
  return {};
}

TEST(EventEvidenceTest, ADayTheWholeStreamNamesIsNoMatch) {
  // Every report of the feed names the same day: it is the news cycle's.
  const PairFeatures cycle = AfterOtherNews(40, [](int) { return std::string("2019-11-19"); });
  EXPECT_EQ(cycle.days_known, 1);
  EXPECT_EQ(cycle.day_match, 0);
  // The other reports name days of their own: the pirates' day is theirs.
  const PairFeatures own =
      AfterOtherNews(40, [](int i) { return "2019-10-" + std::to_string(10 + i % 19); });
  EXPECT_EQ(own.days_known, 1);
  EXPECT_EQ(own.day_match, 1);
}

// Two stories that share no words, and an article that shares half its words
// with each: a background piece over both, which merges them only when the
// stories themselves agree on the days they report.
AnnotatedArticle Part(std::string id, std::string title, std::string text, std::string day) {
  AnnotatedArticle a =
      Analyze(MakeArticle(std::move(id), "Valley Post", std::move(title), {std::move(text)}));
  a.timexes.clear();
  a.timexes.push_back(DateTimex(std::move(day)));
  a.entities.clear();
  return a;
}

size_t StoriesAfterBridge(const std::string& left_day, const std::string& right_day) {
  ScoreWeights w;
  w.bias = -3;
  w.cosine = 10;
  w.join_threshold = 0.5;
  w.merge_threshold = 0.5;
  w.merge_min_story_cosine = 0.01;
  ClusterOptions options;
  options.weights = w;
  StoryClusterer clusterer(options);
  clusterer.Add(Part("a1000000000000000000000000000001", "Orchard frost ruins apricot harvest",
                     "Frost ruined the apricot harvest in the orchards above Kellin; growers "
                     "counted blackened blossom on every terrace.",
                     left_day));
  clusterer.Add(Part("a2000000000000000000000000000002", "Tanneries fined over river dye",
                     "Inspectors fined three tanneries after purple dye reached the river "
                     "downstream of Ostrava weir.",
                     right_day));
  clusterer.Add(Part("a3000000000000000000000000000003", "Apricot growers and tanneries",
                     "Frost ruined the apricot harvest; growers counted blackened blossom. "
                     "Inspectors fined tanneries after purple dye reached the river.",
                     left_day));
  return clusterer.Stories().size();
}

TEST(EventEvidenceTest, ABridgeDoesNotMergeStoriesThatNameDifferentDays) {
  EXPECT_EQ(StoriesAfterBridge("XXXX-04-02", "XXXX-04-02"), 1u);  // the gate lets it through
  EXPECT_EQ(StoriesAfterBridge("XXXX-04-02", "XXXX-06-20"), 2u);
}

}  // namespace
}  // namespace newsfuse
