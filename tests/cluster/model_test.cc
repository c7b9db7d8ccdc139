// The scoring model: its weights file, and the features it sees.
#include <gtest/gtest.h>

#include <cmath>

#include "analyze/analyze.h"
#include "cluster/cluster.h"
#include "text/seed_corpus.h"

namespace newsfuse {
namespace {

TEST(ModelTest, CompiledWeightsParseAndScoreRisesWithSimilarity) {
  const ScoreWeights& w = ScoreWeights::Fitted();
  EXPECT_GT(w.cosine, 0);
  EXPECT_GT(w.join_threshold, 0);
  EXPECT_LT(w.join_threshold, 1);
  EXPECT_GE(w.merge_threshold, w.join_threshold);
  PairFeatures low, high;
  low.cosine = 0.05;
  high.cosine = 0.6;
  EXPECT_LT(w.Score(low), w.join_threshold);
  EXPECT_GT(w.Score(high), w.join_threshold);
}

TEST(ModelTest, ParseRejectsUnknownNamesAndGarbage) {
  auto ok = ScoreWeights::Parse("# comment\nbias -2\ncosine 8.5\njoin_threshold 0.4\n");
  ASSERT_TRUE(ok.has_value());
  EXPECT_DOUBLE_EQ(ok->cosine, 8.5);
  EXPECT_DOUBLE_EQ(ok->join_threshold, 0.4);
  EXPECT_FALSE(ScoreWeights::Parse("bias -2\ncosine 8\nsimilarity 3\n").has_value());
  EXPECT_FALSE(ScoreWeights::Parse("bias -2\ncosine eight\njoin_threshold 0.4\n").has_value());
  EXPECT_FALSE(ScoreWeights::Parse("bias -2\n").has_value());
  EXPECT_FALSE(ScoreWeights::Parse("").has_value());
}

// Entity keys are optional: without them the entity features are 0 and the
// model still decides; with them the entity cosine is computed.
TEST(ModelTest, EntityFeaturesAreUsedWhenKeysArePresent) {
  auto seeds = testing::SeedArticles();
  ClusterOptions options;
  options.explain = true;
  {
    StoryClusterer clusterer(options);
    for (const auto& a : seeds) {
      AnnotatedArticle x = Analyze(a);
      x.entities.clear();
      clusterer.Add(x);
    }
    ASSERT_FALSE(clusterer.last_decision().candidates.empty());
    EXPECT_EQ(clusterer.last_decision().candidates[0].features.entities_known, 0);
    EXPECT_EQ(clusterer.last_decision().candidates[0].features.entity_cosine, 0);
  }
  StoryClusterer clusterer(options);
  for (const auto& a : seeds) {
    AnnotatedArticle x = Analyze(a);
    x.entities.clear();
    for (const char* key : {"zelensky", "witkoff", "abu dhabi", "dmitriev"}) {
      Entity e;
      e.key = key;
      x.entities.push_back(e);
    }
    clusterer.Add(x);
  }
  const auto& top = clusterer.last_decision().candidates.at(0).features;
  EXPECT_EQ(top.entities_known, 1);
  EXPECT_NEAR(top.entity_cosine, 1.0, 1e-9);
}

TEST(ModelTest, TimeGapIsSeenWhenBothSidesAreDated) {
  ClusterOptions options;
  options.explain = true;
  StoryClusterer clusterer(options);
  auto seeds = testing::SeedArticles();
  clusterer.Add(Analyze(seeds[0]));  // 2026-02-05
  seeds[1].published = DateTime::Day(2026, 2, 12);
  clusterer.Add(Analyze(seeds[1]));
  const auto& f = clusterer.last_decision().candidates.at(0).features;
  EXPECT_EQ(f.dates_known, 1);
  EXPECT_NEAR(f.log_gap_days, std::log1p(7.0), 1e-9);
  seeds[2].published.reset();
  clusterer.Add(Analyze(seeds[2]));
  EXPECT_EQ(clusterer.last_decision().candidates.at(0).features.dates_known, 0);
}

}  // namespace
}  // namespace newsfuse
