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

// The new features: a shared headline, the share of the article's heaviest
// terms the story holds, and the story's size, on two reports of one event.
TEST(ModelTest, HeadlineHeavyTermsAndSizeAreSeen) {
  ClusterOptions options;
  options.explain = true;
  StoryClusterer clusterer(options);
  auto seeds = testing::SeedArticles();
  // Two headlines that share "Ukraine", "Russia" and "talks".
  ASSERT_NE(seeds[2].title.find("talks"), std::string::npos) << seeds[2].title;
  ASSERT_NE(seeds[3].title.find("talks"), std::string::npos) << seeds[3].title;
  clusterer.Add(Analyze(seeds[2]));
  clusterer.Add(Analyze(seeds[3]));
  const auto& f = clusterer.last_decision().candidates.at(0).features;
  EXPECT_GT(f.title_cosine, 0.1);
  EXPECT_LE(f.title_cosine, 1 + 1e-9);
  EXPECT_GT(f.heavy_share, 0.25);
  EXPECT_LE(f.heavy_share, 1);
  EXPECT_NEAR(f.log_story_size, std::log1p(1.0), 1e-9);
}

// The word-cosine floor holds even when the other features make the model
// sure: a model that scores every pair 1 still may not join two texts that
// share no word.
TEST(ModelTest, NoJoinBelowTheWordCosineFloor) {
  auto weights =
      ScoreWeights::Parse("bias 50\ncosine 1\njoin_threshold 0.5\njoin_min_cosine 0.1\n");
  ASSERT_TRUE(weights.has_value());
  ClusterOptions options;
  options.weights = *weights;
  StoryClusterer clusterer(options);
  auto seeds = testing::SeedArticles();
  clusterer.Add(Analyze(seeds[0]));
  clusterer.Add(Analyze(seeds[1]));
  EXPECT_TRUE(clusterer.last_decision().joined)
      << "same event, cosine " << clusterer.last_decision().best_cosine;
  Article weather = seeds[2];
  weather.id = "feed000000000000000000000000beef";
  weather.title = "Snow closes mountain passes";
  weather.paragraphs = {
      "Heavy snow closed three mountain passes in western Ukraine overnight "
      "and stranded lorries near the border crossing with Poland, highway "
      "officials said. Ploughs worked through the night and the passes are due "
      "to reopen on Saturday if the weather clears, forecasters said."};
  clusterer.Add(Analyze(weather));
  // A candidate (it shares "Ukraine"), scored sure by the model, yet apart.
  EXPECT_GT(clusterer.last_decision().best_cosine, 0);
  EXPECT_LT(clusterer.last_decision().best_cosine, 0.1);
  EXPECT_GT(clusterer.last_decision().best_score, 0.5);
  EXPECT_FALSE(clusterer.last_decision().joined)
      << "cosine " << clusterer.last_decision().best_cosine;
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

// Being dated is no evidence of one event: every page of a crawl or a feed is
// dated, so a bonus for it (learnt where few train articles had dates) only
// lowers the bar for every pair. Two reports of one port on the same day, of
// different happenings, score the same dated as undated (no day named).
TEST(ModelTest, ADateOnBothSidesIsNoEvidenceOfOneEvent) {
  auto article = [](const char* id, const char* title, const char* body, bool dated) {
    Article a;
    a.id = id;
    a.language = "en";
    a.title = title;
    a.paragraphs = {body};
    if (dated) a.published = DateTime::Day(2031, 3, 14);
    return Analyze(a);
  };
  auto score = [&](bool dated) {
    ClusterOptions options;
    options.explain = true;
    StoryClusterer clusterer(options);
    clusterer.Add(article("a1", "Ferry crews at Port Aldmere walk out over pay",
                          "Ferry crews at Port Aldmere stopped work in a dispute over wages, "
                          "leaving hundreds of travellers stranded. The union said the operator "
                          "had ignored its offer for months.",
                          dated));
    clusterer.Add(article("a2", "Warehouse fire at Port Aldmere",
                          "A fire destroyed a grain warehouse near the docks at Port Aldmere "
                          "overnight. Firefighters from three towns fought the blaze and nobody "
                          "was hurt, officials said.",
                          dated));
    const auto& candidates = clusterer.last_decision().candidates;
    EXPECT_FALSE(candidates.empty());
    return candidates.empty() ? -1.0 : candidates[0].score;
  };
  const double dated = score(true), undated = score(false);
  // Compared as log-odds, where a bonus shows even near either end of the scale.
  ASSERT_GT(undated, 1e-9);
  ASSERT_LT(undated, 1 - 1e-9);
  auto logit = [](double p) { return std::log(p / (1 - p)); };
  EXPECT_NEAR(logit(dated), logit(undated), 1e-6);
}

}  // namespace
}  // namespace newsfuse
