// Story lifecycle: dormancy and revival, bounded memory, merging on a bridge.
#include <gtest/gtest.h>

#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "analyze/analyze.h"
#include "cluster/cluster.h"
#include "text/seed_corpus.h"

namespace newsfuse {
namespace {

using testing::MakeArticle;

AnnotatedArticle Dated(std::string id, std::string title, std::vector<std::string> paras,
                       DateTime day) {
  return Analyze(MakeArticle(std::move(id), "Test Wire", std::move(title), std::move(paras), day));
}

AnnotatedArticle Bridge(int day) {
  return Dated("f1000000000000000000000000000001", "Bridge collapse closes river crossing",
               {"A road bridge over the Marven river collapsed early on Sunday, sending two "
                "lorries into the water and closing the main crossing between the port and the "
                "northern suburbs, the regional transport authority said.",
                "Divers recovered both drivers alive. Engineers blamed corrosion in the steel "
                "cables and said the crossing would stay closed for months."},
               DateTime::Day(2025, 3, day));
}

AnnotatedArticle BridgeFollowUp(int month, int day) {
  return Dated("f2000000000000000000000000000002",
               "Marven bridge collapse: inquiry blames corrosion",
               {"An inquiry into the collapse of the Marven river bridge, which sent two lorries "
                "into the water in March, found that corroded steel cables had not been "
                "inspected for six years, the regional transport authority said.",
                "The crossing between the port and the northern suburbs remains closed."},
               DateTime::Day(2025, month, day));
}

// A made-up word per (i, k): fillers share no vocabulary, like reports on
// unrelated events.
std::string Word(int i, int k) {
  std::string w = "z";
  for (unsigned x = static_cast<unsigned>(i * 7919 + k * 104729 + 1); x > 0; x /= 26) {
    w += static_cast<char>('a' + x % 26);
  }
  return w;
}

// Short unrelated reports that move the stream's clock on.
AnnotatedArticle Filler(int i, DateTime day) {
  std::string text;
  for (int k = 0; k < 30; ++k) text += Word(i, k % 12) + (k % 6 == 5 ? ". " : " ");
  char id[40];
  std::snprintf(id, sizeof id, "f9%030d", i);
  return Dated(id, Word(i, 0) + " " + Word(i, 1), {text}, day);
}

TEST(LifecycleTest, IdleStoryGoesDormantAndARelatedArticleRevivesIt) {
  ClusterOptions options;
  options.dormant_after_days = 14;
  StoryClusterer clusterer(options);
  const std::string story = clusterer.Add(Bridge(2));
  for (int d = 0; d < 30; ++d) clusterer.Add(Filler(d, DateTime::Day(2025, 3, d + 2)));
  EXPECT_GE(clusterer.counts().dormant, 1u);
  // Still listed (dormant stories are kept), no longer in the live index.
  bool listed = false;
  for (const auto& s : clusterer.Stories()) listed |= s.id == story;
  EXPECT_TRUE(listed);

  EXPECT_EQ(clusterer.Add(BridgeFollowUp(4, 20)), story);
  EXPECT_TRUE(clusterer.last_decision().revived);
  EXPECT_EQ(clusterer.counts().revived, 1u);
}

// A report on the same subject as a story but dated beyond the dormancy window
// is a later event (this year's drought, not last year's) unless the model is
// sure: within the window the same report joins at the join threshold.
AnnotatedArticle Drought(std::string id, DateTime day) {
  return Dated(std::move(id), "Farmers in the Orlan valley count losses as wells run dry",
               {"Wells across the Orlan valley have run dry after months without rain, and "
                "farmers say wheat yields will fall by a third, the valley's farming union said.",
                "The union asked the provincial government for emergency water deliveries."},
               day);
}

AnnotatedArticle DroughtAid(std::string id, DateTime day) {
  return Dated(std::move(id), "Tankers sent to help Orlan growers",
               {"Tankers began delivering water to growers in the Orlan valley on Monday, a "
                "spokeswoman for the regional council said, after the union's appeal.",
                "Deliveries will run twice a week until the autumn rains, and a hotline for "
                "growers opens on Friday. Schools in the capital reopen next month."},
               day);
}

TEST(LifecycleTest, AReportBeyondTheWindowNeedsTheMergeThreshold) {
  ClusterOptions options;
  options.dormant_after_days = 30;
  // A two-article stream has no IDF to speak of, so the model is very sure of
  // any pair; a strict merge threshold puts this pair between the two.
  options.weights.merge_threshold = 0.999;
  {
    StoryClusterer clusterer(options);
    const std::string story =
        clusterer.Add(Drought("d1000000000000000000000000000001", DateTime::Day(2025, 6, 2)));
    EXPECT_EQ(
        clusterer.Add(DroughtAid("d2000000000000000000000000000002", DateTime::Day(2025, 6, 20))),
        story);
    // The premise of the case below: the model is not sure of this pair.
    ASSERT_LT(clusterer.last_decision().best_score, options.weights.merge_threshold);
  }
  StoryClusterer clusterer(options);
  const std::string story =
      clusterer.Add(Drought("d1000000000000000000000000000001", DateTime::Day(2025, 6, 2)));
  EXPECT_NE(
      clusterer.Add(DroughtAid("d2000000000000000000000000000002", DateTime::Day(2025, 9, 20))),
      story);
  EXPECT_FALSE(clusterer.last_decision().joined);
}

TEST(LifecycleTest, ArticlesWithinTheWindowJoinWithoutRevival) {
  StoryClusterer clusterer;  // default window: 30 days
  const std::string story = clusterer.Add(Bridge(2));
  EXPECT_EQ(clusterer.Add(BridgeFollowUp(3, 10)), story);
  EXPECT_FALSE(clusterer.last_decision().revived);
}

TEST(LifecycleTest, LiveAndDormantStoriesStayWithinTheirCaps) {
  ClusterOptions options;
  options.max_live_stories = 10;
  options.max_dormant_stories = 20;
  StoryClusterer clusterer(options);
  // Undated, so only the caps (not the time window) bound memory.
  for (int i = 0; i < 200; ++i) {
    AnnotatedArticle a = Filler(i, DateTime::Day(2025, 1, 1));
    a.article.published.reset();
    clusterer.Add(a);
    const auto c = clusterer.counts();
    ASSERT_LE(c.live, 10u) << i;
    ASSERT_LE(c.dormant, 20u) << i;
  }
  const auto c = clusterer.counts();
  EXPECT_GT(c.archived, 0u);
  EXPECT_EQ(clusterer.Stories().size(), c.live + c.dormant);
}

TEST(LifecycleTest, ABridgeArticleMergesTwoStoriesOfOneEvent) {
  // Two reports of one fire that share few words: the first on the blaze,
  // the second on the evacuation. A third report covering both bridges them.
  const std::vector<std::string> blaze = {
      "A fire tore through the Kessling timber warehouse overnight, sending black smoke over "
      "the docks; forty firefighters fought the blaze for six hours before bringing it under "
      "control, the fire brigade said."};
  const std::vector<std::string> evacuation = {
      "Police evacuated three hundred residents of Harbour Row on Tuesday night and opened the "
      "Kessling school gym as a shelter; families returned home at dawn after air quality "
      "checks, the council said."};
  std::vector<std::string> both = blaze;
  both.insert(both.end(), evacuation.begin(), evacuation.end());

  ClusterOptions options;
  options.weights = ScoreWeights{};
  options.weights.bias = -5;
  options.weights.cosine = 20;  // joins at cosine 0.25
  options.weights.join_threshold = 0.5;
  options.weights.merge_threshold = 0.5;  // any second story above the join bar merges
  StoryClusterer clusterer(options);
  const auto day = DateTime::Day(2025, 6, 3);
  const std::string first = clusterer.Add(
      Dated("f3000000000000000000000000000003", "Warehouse fire on the docks", blaze, day));
  const std::string second = clusterer.Add(
      Dated("f4000000000000000000000000000004", "Residents evacuated overnight", evacuation, day));
  ASSERT_NE(first, second) << "cosine " << clusterer.last_decision().best_cosine;
  EXPECT_EQ(clusterer.Add(Dated("f5000000000000000000000000000005", "Docks fire forces evacuation",
                                both, day)),
            first);
  ASSERT_EQ(clusterer.last_decision().merged, std::vector<std::string>{second});
  const auto stories = clusterer.Stories();
  ASSERT_EQ(stories.size(), 1u);
  EXPECT_EQ(stories[0].article_ids.size(), 3u);
  EXPECT_EQ(clusterer.counts().merged, 1u);

  // Without merging, the bridge joins one story and the other stays.
  options.merge_stories = false;
  StoryClusterer no_merge(options);
  no_merge.Add(
      Dated("f3000000000000000000000000000003", "Warehouse fire on the docks", blaze, day));
  no_merge.Add(
      Dated("f4000000000000000000000000000004", "Residents evacuated overnight", evacuation, day));
  no_merge.Add(
      Dated("f5000000000000000000000000000005", "Docks fire forces evacuation", both, day));
  EXPECT_EQ(no_merge.Stories().size(), 2u);

  // An undated bridge has no evidence that two dated stories are one
  // happening: it joins one and merges nothing.
  options.merge_stories = true;
  StoryClusterer undated_bridge(options);
  undated_bridge.Add(
      Dated("f3000000000000000000000000000003", "Warehouse fire on the docks", blaze, day));
  undated_bridge.Add(
      Dated("f4000000000000000000000000000004", "Residents evacuated overnight", evacuation, day));
  undated_bridge.Add(Analyze(MakeArticle("f5000000000000000000000000000005", "Test Wire",
                                         "Docks fire forces evacuation", both)));
  EXPECT_TRUE(undated_bridge.last_decision().joined);
  EXPECT_TRUE(undated_bridge.last_decision().merged.empty());
  EXPECT_EQ(undated_bridge.Stories().size(), 2u);
}

TEST(LifecycleTest, SameDatedStreamGivesSameDecisions) {
  std::vector<AnnotatedArticle> stream = {Bridge(2)};
  for (int d = 0; d < 40; ++d) stream.push_back(Filler(d, DateTime::Day(2025, 3, 1 + d % 28)));
  stream.push_back(BridgeFollowUp(5, 1));
  ClusterOptions options;
  options.dormant_after_days = 10;
  StoryClusterer a(options), b(options);
  for (const auto& x : stream) EXPECT_EQ(a.Add(x), b.Add(x));
  EXPECT_EQ(a.counts().dormant, b.counts().dormant);
  EXPECT_EQ(a.counts().revived, b.counts().revived);
}

}  // namespace
}  // namespace newsfuse
