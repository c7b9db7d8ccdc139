// Summary selection by concept coverage (src/fuse/summary_select.h), through
// the public FuseStory: a fictional wildfire told by four outlets, written
// for these tests.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "analyze/analyze.h"
#include "fuse/fuse.h"
#include "text/seed_corpus.h"

namespace newsfuse {
namespace {

using ::testing::HasSubstr;
using testing::MakeArticle;

std::vector<AnnotatedArticle> Wildfire() {
  const std::vector<Article> raw = {
      MakeArticle("w1000000000000000000000000000001", "Valley Courier",
                  "Wildfire forces evacuations",
                  {"A fast-moving wildfire near the town of Carrow forced the evacuation of 4,000 "
                   "residents on Tuesday as strong winds pushed the flames toward the highway.",
                   "Firefighters said the blaze had burned 12,000 acres by the evening and was "
                   "five percent contained.",
                   "The county opened two shelters at local high schools for evacuated families.",
                   "Officials said the cause of the fire was under investigation."}),
      MakeArticle("w2000000000000000000000000000002", "State Ledger",
                  "Carrow fire grows to 12,000 acres",
                  {"The wildfire near Carrow has burned 12,000 acres and forced the evacuation of "
                   "4,000 residents, fire officials said on Tuesday.",
                   "Strong winds are expected to ease on Thursday, giving crews a chance to build "
                   "containment lines on the eastern flank.",
                   "A local bakery handed out free bread to firefighters at the command post."}),
      MakeArticle(
          "w3000000000000000000000000000003", "Mountain Daily",
          "Evacuations ordered as fire spreads",
          {"Authorities ordered the evacuation of 4,000 residents near Carrow on Tuesday as "
           "the wildfire spread toward the highway.",
           "Crews hope calmer winds on Thursday will let them build containment lines on "
           "the eastern flank.",
           "The governor declared a state of emergency for the county late on Tuesday."}),
      MakeArticle("w4000000000000000000000000000004", "Coastal Wire",
                  "Governor declares emergency over fire",
                  {"The governor declared a state of emergency for the county on Tuesday as the "
                   "Carrow wildfire burned 12,000 acres.",
                   "Two shelters opened at high schools for evacuated families, the county said.",
                   "Smoke from the fire drifted over the coast, and air quality warnings were "
                   "issued for three cities."}),
  };
  std::vector<AnnotatedArticle> out;
  for (const Article& a : raw) out.push_back(Analyze(a));
  return out;
}

Story StoryOf(const std::vector<AnnotatedArticle>& articles) {
  Story story{"sw10000000000", {}};
  for (const auto& a : articles) story.article_ids.push_back(a.article.id);
  return story;
}

std::string Dump(const StoryReport& r) {
  std::string out;
  for (const auto& s : r.summary) out += "\n  [" + std::to_string(s.support) + "] " + s.text;
  return out;
}

int Words(const std::string& s) {
  int n = 0;
  bool in = false;
  for (char c : s) {
    const bool w = std::isalnum(static_cast<unsigned char>(c)) != 0;
    if (w && !in) ++n;
    in = w;
  }
  return n;
}

TEST(SummarySelectTest, WordBudgetIsFilledAndOnlyTheLastSentenceRunsOver) {
  const auto articles = Wildfire();
  FuseOptions options;
  options.min_summary_sentences = 1;
  options.max_summary_sentences = 20;
  options.max_summary_words = 60;
  const StoryReport report = FuseStory(StoryOf(articles), articles, options);
  ASSERT_GE(report.summary.size(), 2u);
  int total = 0, longest = 0;
  for (const auto& s : report.summary) {
    total += Words(s.text);
    longest = std::max(longest, Words(s.text));
  }
  // Without the last sentence chosen (any one of them), the budget holds.
  EXPECT_LE(total - longest, 60);
  EXPECT_GE(total, 50) << "a budget is filled, not left half empty";
  EXPECT_LT(total, 60 + longest);
}

TEST(SummarySelectTest, ShortBudgetTakesWhatMostOutletsState) {
  const auto articles = Wildfire();
  FuseOptions options;
  options.min_summary_sentences = 1;
  options.max_summary_sentences = 1;
  const StoryReport report = FuseStory(StoryOf(articles), articles, options);
  ASSERT_EQ(report.summary.size(), 1u);
  // The evacuation of 4,000 near Carrow is stated by three outlets; the
  // bakery and the smoke by one each.
  EXPECT_THAT(report.summary[0].text, HasSubstr("4,000")) << Dump(report);
  EXPECT_THAT(report.summary[0].text, HasSubstr("Carrow"));
}

TEST(SummarySelectTest, ContentIsCoveredOnceAndAsidesStayOut) {
  const auto articles = Wildfire();
  const StoryReport report = FuseStory(StoryOf(articles), articles);
  ASSERT_GE(report.summary.size(), 3u);
  // Each of these is stated by two or three outlets in different words; one
  // wording of each is enough.
  int evacuation = 0, emergency = 0, containment = 0, shelters = 0;
  for (const auto& s : report.summary) {
    if (s.text.find("4,000") != std::string::npos) ++evacuation;
    if (s.text.find("state of emergency") != std::string::npos) ++emergency;
    if (s.text.find("containment lines") != std::string::npos) ++containment;
    if (s.text.find("shelters") != std::string::npos) ++shelters;
    EXPECT_THAT(s.text, ::testing::Not(HasSubstr("bakery")));
    EXPECT_THAT(s.text, ::testing::Not(HasSubstr("air quality")));
  }
  EXPECT_EQ(evacuation, 1) << Dump(report);
  EXPECT_EQ(emergency, 1) << Dump(report);
  EXPECT_LE(containment, 1) << Dump(report);
  EXPECT_LE(shelters, 1) << Dump(report);
}

TEST(SummarySelectTest, OneSourceStoryIsStillSummarised) {
  auto articles = Wildfire();
  articles.resize(1);
  const StoryReport report = FuseStory(StoryOf(articles), articles);
  ASSERT_FALSE(report.summary.empty());
  for (const auto& s : report.summary) EXPECT_EQ(s.citations, std::vector<std::string>{"S1"});
}

}  // namespace
}  // namespace newsfuse
