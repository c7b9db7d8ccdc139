// Story-to-story merging: a story split off an event heals once the two
// stories have grown alike (issue 12).
#include "cluster/story_merge.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "analyze/analyze.h"
#include "cluster/cluster.h"
#include "text/seed_corpus.h"

namespace newsfuse {
namespace {

using testing::MakeArticle;

AnnotatedArticle Report(std::string id, std::string title, std::string text) {
  AnnotatedArticle a =
      Analyze(MakeArticle(std::move(id), "Harbour Gazette", std::move(title), {std::move(text)}));
  a.timexes.clear();
  a.entities.clear();
  return a;
}

// The join model accepts an article at a word cosine of 0.3 and no bridge
// merges; the story model (when on) merges two stories at a word cosine of
// 0.2.
ClusterOptions Options(bool story_merge) {
  ScoreWeights w;
  w.bias = -3;
  w.cosine = 10;
  w.join_threshold = 0.5;
  w.merge_threshold = 1.1;
  if (story_merge) {
    w.story_merge.bias = -2;
    w.story_merge.cosine = 10;
    w.story_merge.threshold = 0.5;
    w.story_merge.min_cosine = 0.01;
  }
  ClusterOptions options;
  options.weights = w;
  return options;
}

// A landslide's first report, then a casualty update in other words (too
// unlike the first report to join it), then a second report that tells both.
struct LandslideRun {
  size_t stories = 0;
  std::vector<std::string> merged;  // by the last article
  std::string last_story;
  std::string first_story;
};

LandslideRun Landslide(bool story_merge) {
  StoryClusterer clusterer(Options(story_merge));
  LandslideRun run;
  run.first_story = clusterer.Add(Report(
      "b1000000000000000000000000000001", "Landslide buries road above Tarnby",
      "A landslide buried the mountain road above Tarnby after days of rain; mud and boulders "
      "covered the road for a kilometre."));
  clusterer.Add(Report("b2000000000000000000000000000002", "Rescuers find two hikers alive",
                       "Rescuers with dogs found two hikers alive under debris near the pass; "
                       "helicopters flew the injured hikers to hospital."));
  run.last_story = clusterer.Add(Report(
      "b3000000000000000000000000000003", "Landslide above Tarnby: hikers found alive",
      "A landslide buried the mountain road above Tarnby after rain, and mud and boulders covered "
      "the road. Rescuers with dogs found hikers alive under debris near the pass."));
  run.stories = clusterer.Stories().size();
  run.merged = clusterer.last_decision().merged;
  return run;
}

TEST(StoryMergeTest, AStorySplitOffAnEventMergesOnceTheStoriesAgree) {
  const LandslideRun with = Landslide(true);
  EXPECT_EQ(with.stories, 1u);
  // The younger story goes into the older, whose id is kept and reported.
  EXPECT_EQ(with.last_story, with.first_story);
  ASSERT_EQ(with.merged.size(), 1u);
  EXPECT_NE(with.merged[0], with.first_story);
}

TEST(StoryMergeTest, WithoutThePassTheSplitStays) {
  const LandslideRun without = Landslide(false);
  EXPECT_EQ(without.stories, 2u);
  EXPECT_TRUE(without.merged.empty());
}

cluster::StoryState State(cluster::Centroid words, std::vector<uint32_t> days, int members,
                          double first_day, double last_day) {
  cluster::StoryState s;
  s.words = std::move(words);
  for (uint32_t d : days) s.days.emplace_back(d, 1.0);
  s.story.article_ids.assign(members, "x");
  s.first_day = first_day;
  s.last_day = last_day;
  return s;
}

TEST(StoryMergeTest, FeaturesOfTwoStories) {
  const std::vector<uint32_t> df = {1, 1, 1, 1};
  const cluster::StreamIdf idf{&df, 10};
  const auto a = State({{0, 1.0}, {1, 1.0}}, {20240402}, 3, 100, 102);
  const auto b = State({{1, 1.0}, {2, 1.0}}, {403}, 1, 110, 110);
  const auto f = cluster::CompareStories(a, b, idf);
  EXPECT_NEAR(f.cosine, 0.5, 1e-9);  // one of two equally weighted terms shared
  EXPECT_EQ(f.days_known, 1);
  EXPECT_EQ(f.day_shared, 1);  // April 3 without a year is a day after April 2
  EXPECT_NEAR(f.log_small, std::log(2.0), 1e-9);
  EXPECT_NEAR(f.log_large, std::log(4.0), 1e-9);
  EXPECT_EQ(f.dates_known, 1);
  EXPECT_NEAR(f.log_gap, std::log(9.0), 1e-9);  // published days 102 and 110
  EXPECT_EQ(f.actors_known, 0);

  const auto c = State({{0, 1.0}}, {20240610}, 2, NAN, NAN);
  const auto g = cluster::CompareStories(a, c, idf);
  EXPECT_EQ(g.day_shared, 0);
  EXPECT_EQ(g.dates_known, 0);
}

// The fitted story model ships switched off (min_cosine 0; see
// data/cluster/weights.txt); these test its weights with the pass on.
TEST(StoryMergeTest, TheFittedStoryModelWantsAgreementBeyondWords) {
  StoryMergeWeights w = ScoreWeights::Fitted().story_merge;
  EXPECT_EQ(w.min_cosine, 0);
  w.min_cosine = 0.15;
  cluster::StoryPairFeatures same, other_day;
  same.cosine = other_day.cosine = 0.5;
  same.log_small = other_day.log_small = std::log(4.0);
  same.log_large = other_day.log_large = std::log(11.0);
  same.days_known = other_day.days_known = 1;
  same.day_shared = 1;
  EXPECT_GT(cluster::StoryMergeScore(w, same), cluster::StoryMergeScore(w, other_day));
  // Stories that share nothing never merge, whatever their sizes.
  cluster::StoryPairFeatures nothing;
  EXPECT_FALSE(cluster::SameEvent(w, nothing));
}

// Below the pass's word-cosine floor the pair is refused whatever else it
// shares, so the other centroids are not compared; above it they are.
TEST(StoryMergeTest, BelowTheFloorOnlyWordsAreCompared) {
  const std::vector<uint32_t> df = {1, 1, 1, 1};
  const cluster::StreamIdf idf{&df, 10};
  const auto a = State({{0, 1.0}, {1, 1.0}}, {20240402}, 3, 100, 102);
  const auto b = State({{1, 1.0}, {2, 1.0}}, {20240402}, 1, 101, 101);
  const auto below = cluster::CompareStories(a, b, idf, 0.6);
  EXPECT_NEAR(below.cosine, 0.5, 1e-9);
  EXPECT_EQ(below.days_known, 0);
  EXPECT_EQ(below.dates_known, 0);
  const auto above = cluster::CompareStories(a, b, idf, 0.4);
  EXPECT_EQ(above.days_known, 1);
  EXPECT_EQ(above.day_shared, 1);
  EXPECT_EQ(above.dates_known, 1);
}

TEST(StoryMergeTest, StoriesAreComparedAtCheckpointSizes) {
  std::vector<size_t> at;
  for (size_t n = 1; n <= 30; ++n) {
    if (cluster::StoryCheckpoint(n)) at.push_back(n);
  }
  EXPECT_EQ(at, (std::vector<size_t>{2, 3, 5, 8, 12, 18, 27}));
}

// A story of one article is what the online decision just turned down: the
// pass waits until it (or a neighbour) grows. Here no article ever joins and
// the story model merges any two neighbours, so before checkpoints the second
// report's new story merged at once.
TEST(StoryMergeTest, ANewStoryOfOneArticleIsNotComparedYet) {
  ClusterOptions options = Options(true);
  options.weights.join_threshold = 1.1;
  options.weights.story_merge.bias = 10;
  StoryClusterer clusterer(options);
  clusterer.Add(Report("c1000000000000000000000000000001", "Landslide buries road above Tarnby",
                       "A landslide buried the mountain road above Tarnby after rain."));
  clusterer.Add(Report("c2000000000000000000000000000002", "Landslide above Tarnby",
                       "Mud from the landslide covered the road above Tarnby."));
  EXPECT_TRUE(clusterer.last_decision().merged.empty());
  EXPECT_EQ(clusterer.Stories().size(), 2u);
}

}  // namespace
}  // namespace newsfuse
