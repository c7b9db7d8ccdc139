// Anti-chaining (ScoreWeights::anchor_min_cosine): a story keeps the word
// vector of its first article, and a join must resemble it, so a story cannot
// drift from one event to another through an article that shares words with
// both. The anchors are part of the persisted state.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "analyze/analyze.h"
#include "cluster/cluster.h"
#include "text/seed_corpus.h"

namespace newsfuse {
namespace {

// A: a ferry fire. B: the ferry fire and, at equal length, a harbour strike.
// C: the harbour strike only, sharing no event word with A. Written for this
// test.
AnnotatedArticle Ferry() {
  return Analyze(testing::MakeArticle(
      "a1000000000000000000000000000001", "Coast Daily",
      "Ferry fire forces evacuation of passengers off Kestrel Island",
      {"A fire broke out in the engine room of the ferry Marisol off Kestrel Island on "
       "Tuesday, and lifeboats carried its passengers ashore, the coast guard said.",
       "Firefighters boarded the ferry after the evacuation. Smoke was seen from the island, "
       "and the ferry operator said no passenger was hurt."}));
}

AnnotatedArticle FerryAndStrike() {
  return Analyze(testing::MakeArticle(
      "b2000000000000000000000000000002", "Harbour News",
      "Ferry fire and dock strike disrupt Kestrel harbour",
      {"The ferry Marisol, evacuated after an engine room fire off Kestrel Island, was towed "
       "to the harbour, where firefighters checked the passengers' cabins.",
       "At the same harbour, dock workers walked out over pay on Tuesday. The dockers' union "
       "said cranes and container cargo would stand idle until the port authority talks."}));
}

AnnotatedArticle Strike() {
  return Analyze(testing::MakeArticle(
      "c3000000000000000000000000000003", "Port Weekly",
      "Dockers strike over pay leaves container cargo idle",
      {"Dock workers at the harbour walked out over pay, and cranes and container cargo stood "
       "idle, the dockers' union said.",
       "The union said talks with the port authority over pay had failed and the strike of "
       "the dock workers would go on until a new offer."}));
}

ClusterOptions Open(double anchor) {
  ClusterOptions o;
  o.weights.join_threshold = 0.01;  // any shared words join, without the anchors
  o.weights.join_min_cosine = 0;
  o.weights.anchor_min_cosine = anchor;
  return o;
}

TEST(AnchorTest, WithoutAnchorsAStoryChainsFromOneEventToAnother) {
  StoryClusterer c(Open(0));
  const std::string story = c.Add(Ferry());
  ASSERT_EQ(c.Add(FerryAndStrike()), story);
  EXPECT_EQ(c.Add(Strike()), story) << "the texts must share enough words to chain";
}

TEST(AnchorTest, AJoinMustResembleTheFirstArticle) {
  StoryClusterer c(Open(0.1));
  const std::string story = c.Add(Ferry());
  EXPECT_EQ(c.Add(FerryAndStrike()), story);  // one member: no anchor test yet
  EXPECT_NE(c.Add(Strike()), story);
}

TEST(AnchorTest, FeatureIsTheCosineWithTheAnchor) {
  ClusterOptions o = Open(0.1);
  o.explain = true;
  StoryClusterer c(o);
  c.Add(Ferry());
  c.Add(FerryAndStrike());
  c.Add(Strike());
  ASSERT_FALSE(c.last_decision().candidates.empty());
  const PairFeatures& f = c.last_decision().candidates[0].features;
  EXPECT_EQ(f.anchors_known, 1);
  EXPECT_LT(f.anchor_cosine, 0.1);
  EXPECT_GT(f.cosine, f.anchor_cosine);  // the centroid has drifted towards the strike
}

TEST(AnchorTest, WeightsFileReadsTheFloor) {
  auto w = ScoreWeights::Parse("bias -2\ncosine 8\njoin_threshold 0.4\nanchor_min_cosine 0.12\n");
  ASSERT_TRUE(w.has_value());
  EXPECT_DOUBLE_EQ(w->anchor_min_cosine, 0.12);
  EXPECT_DOUBLE_EQ(ScoreWeights{}.anchor_min_cosine, 0);  // off unless a file sets it
}

// Anchors are state: a clusterer loaded from the rows of another decides the
// next article as the one long run does (without them it would chain).
TEST(AnchorTest, LoadedStateKeepsTheAnchors) {
  StoryClusterer run(Open(0.1));
  run.Add(Ferry());
  run.Add(FerryAndStrike());
  const ClusterStateChanges rows = run.TakeStateChanges("test-build");
  ASSERT_TRUE(rows.full);
  StoryClusterer loaded(Open(0.1));
  std::string why;
  ASSERT_TRUE(loaded.LoadState(rows.put, "test-build", &why)) << why;
  const std::string in_run = run.Add(Strike());
  const double score = run.last_decision().best_score;
  EXPECT_EQ(loaded.Add(Strike()), in_run);
  EXPECT_EQ(loaded.last_decision().best_score, score);
  EXPECT_FALSE(loaded.last_decision().joined);
}

}  // namespace
}  // namespace newsfuse
