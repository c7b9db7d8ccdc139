// The event gate (cluster/event_gate.h): in the ambiguous band of word
// cosine, a join needs a shared headline or shared actors.
#include "cluster/event_gate.h"

#include <gtest/gtest.h>

#include <string>

#include "analyze/analyze.h"
#include "text/seed_corpus.h"

namespace newsfuse {
namespace {

ScoreWeights Gated(double band, double title, double actor) {
  ScoreWeights w;
  w.event_band_cosine = band;
  w.event_min_title = title;
  w.event_min_actor = actor;
  return w;
}

TEST(EventGateTest, OffByDefaultAndAboveTheBand) {
  PairFeatures f;
  f.cosine = 0.2;
  EXPECT_TRUE(cluster::EventEvidence(ScoreWeights{}, f));  // band 0: off
  f.cosine = 0.45;
  EXPECT_TRUE(cluster::EventEvidence(Gated(0.4, 0.2, 0.2), f));
}

TEST(EventGateTest, InTheBandAHeadlineOrActorsAreNeeded) {
  const ScoreWeights w = Gated(0.4, 0.2, 0.2);
  PairFeatures f;
  f.cosine = 0.3;
  EXPECT_FALSE(cluster::EventEvidence(w, f));  // topic words only
  f.title_cosine = 0.25;
  EXPECT_TRUE(cluster::EventEvidence(w, f));
  f.title_cosine = 0.1;
  f.actor_cosine = 0.3;  // actors that one side does not have are no evidence
  EXPECT_FALSE(cluster::EventEvidence(w, f));
  f.actors_known = 1;
  EXPECT_TRUE(cluster::EventEvidence(w, f));
}

TEST(EventGateTest, WeightsFileReadsTheGate) {
  auto w = ScoreWeights::Parse(
      "bias -2\ncosine 8\njoin_threshold 0.4\nevent_band_cosine 0.35\nevent_min_title 0.2\n"
      "event_min_actor 0.15\n");
  ASSERT_TRUE(w.has_value());
  EXPECT_DOUBLE_EQ(w->event_band_cosine, 0.35);
  EXPECT_DOUBLE_EQ(w->event_min_title, 0.2);
  EXPECT_DOUBLE_EQ(w->event_min_actor, 0.15);
}

// Two reports of one kind of event (two storms' damage, two towns) share
// their topic's words; with the gate over the whole range they stay apart
// unless headline or actors agree. Written for this test.
TEST(EventGateTest, TwoEventsOfOneTopicStayApartUnderTheGate) {
  const AnnotatedArticle a = Analyze(testing::MakeArticle(
      "c1000000000000000000000000000001", "Valley Post",
      "Tornado flattens barns near Millbrook as farmers count losses",
      {"A tornado tore through farmland near Millbrook on Monday evening, flattening barns, "
       "uprooting trees and killing livestock, county emergency officials said.",
       "Farmer Alice Brennan said the storm destroyed her grain silo. The county opened a "
       "shelter for families whose homes lost their roofs, and power crews worked overnight."}));
  const AnnotatedArticle b = Analyze(testing::MakeArticle(
      "c2000000000000000000000000000002", "Plains Herald",
      "Hail and high winds batter Oakridge orchards",
      {"A storm with hail and high winds battered orchards and farmland around Oakridge on "
       "Thursday, flattening barns and uprooting trees, county emergency officials said.",
       "Grower Tomas Keller said the storm destroyed his apple crop. The county opened a "
       "shelter for families whose homes lost their roofs, and power crews worked overnight."}));
  ClusterOptions open;
  open.weights.join_threshold = 0.01;  // any shared words join, without the gate
  open.weights.join_min_cosine = 0;
  StoryClusterer without(open);
  ASSERT_EQ(without.Add(a), without.Add(b)) << "the texts must share enough words to join";
  ClusterOptions gated = open;
  gated.weights.event_band_cosine = 1;  // every join needs event evidence
  gated.weights.event_min_title = 0.3;
  gated.weights.event_min_actor = 0.3;
  StoryClusterer with(gated);
  EXPECT_NE(with.Add(a), with.Add(b));
  // The second body under a headline naming the first event does join.
  AnnotatedArticle c = b;
  c.article.id = "c3000000000000000000000000000003";
  c.article.title = "Tornado flattens barns near Millbrook as farmers count losses";
  StoryClusterer fresh(gated);
  EXPECT_EQ(fresh.Add(a), fresh.Add(c));
}

}  // namespace
}  // namespace newsfuse
