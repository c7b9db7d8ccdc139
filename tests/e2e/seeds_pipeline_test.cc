// End to end on the bundled sample: the five seed reports, from files on disk
// to a fused report, through the same Pipeline the CLI uses. Assertions are
// about properties any good digest of any event must have, not about the
// particular sentences the engine picks.
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "pipeline/pipeline.h"
#include "render/render.h"

namespace newsfuse {
namespace {

const std::string kSeeds = std::string(NEWSFUSE_SOURCE_DIR) + "/examples/seeds";
const std::string kUnrelated =
    std::string(NEWSFUSE_SOURCE_DIR) + "/tests/data/e2e/harbour-bridge.txt";

class SeedsPipelineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = OpenSqliteStore(":memory:");
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
    pipeline_ = std::make_unique<Pipeline>(*store_);
  }
  IngestSummary IngestOk(const std::vector<std::string>& sources) {
    auto summary = pipeline_->Ingest(sources);
    EXPECT_TRUE(summary.ok()) << summary.status().ToString();
    return summary.ok() ? *summary : IngestSummary{};
  }
  std::unique_ptr<Store> store_;
  std::unique_ptr<Pipeline> pipeline_;
};

TEST_F(SeedsPipelineTest, FiveReportsOfOneEventFormOneStoryCitingEveryOutlet) {
  const IngestSummary summary = IngestOk({kSeeds});
  EXPECT_EQ(summary.ingested, 5);
  EXPECT_EQ(summary.failed, 0);
  auto stories = store_->ListStories();
  ASSERT_TRUE(stories.ok());
  ASSERT_EQ(stories->size(), 1u);
  EXPECT_EQ((*stories)[0].story.article_ids.size(), 5u);

  auto report = pipeline_->Report((*stories)[0].story.id);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  ASSERT_EQ(report->sources.size(), 5u);
  std::set<std::string> outlets;
  for (const auto& s : report->sources) {
    EXPECT_FALSE(s.outlet.empty()) << s.locator << " has no outlet";
    outlets.insert(s.outlet);
  }
  EXPECT_EQ(outlets.size(), 5u) << "five distinct outlets";

  ASSERT_GE(report->summary.size(), 5u);
  ASSERT_LE(report->summary.size(), 8u);
  std::set<std::string> cited;
  for (const auto& sentence : report->summary) {
    ASSERT_FALSE(sentence.citations.empty()) << sentence.text;
    cited.insert(sentence.citations.begin(), sentence.citations.end());
  }
  EXPECT_EQ(cited.size(), 5u) << "the summary as a whole cites all five sources";
  // Most-supported first.
  for (size_t i = 1; i < report->summary.size(); ++i)
    EXPECT_GE(report->summary[i - 1].citations.size(), report->summary[i].citations.size());
}

// Page furniture has recognisable shapes; none of them may reach the summary.
TEST_F(SeedsPipelineTest, SummaryHoldsNoPageFurniture) {
  IngestOk({kSeeds});
  auto stories = store_->ListStories();
  ASSERT_TRUE(stories.ok() && !stories->empty());
  auto report = pipeline_->Report((*stories)[0].story.id);
  ASSERT_TRUE(report.ok());
  const std::regex furniture(
      R"((^\s*-?\s*\d{1,2}:\d{2}\s*$)|#\w|@\w+\.\w+|newsletter|Recommended Articles|Skip to Content|Last Updated|^\s*Input\s*$)",
      std::regex::icase);
  for (const auto& sentence : report->summary) {
    EXPECT_FALSE(std::regex_search(sentence.text, furniture)) << sentence.text;
    EXPECT_GE(sentence.text.size(), 30u) << "fragment: " << sentence.text;
  }
}

TEST_F(SeedsPipelineTest, IngestingTwiceIsANoOp) {
  IngestOk({kSeeds});
  auto before = store_->CountArticles();
  const IngestSummary again = IngestOk({kSeeds});
  EXPECT_EQ(again.ingested, 0);
  EXPECT_EQ(again.duplicates, 5);
  auto after = store_->CountArticles();
  ASSERT_TRUE(before.ok() && after.ok());
  EXPECT_EQ(*before, *after);
  auto stories = store_->ListStories();
  ASSERT_TRUE(stories.ok());
  EXPECT_EQ(stories->size(), 1u);
}

TEST_F(SeedsPipelineTest, UnrelatedArticleFormsItsOwnStory) {
  IngestOk({kSeeds});
  IngestOk({kUnrelated});  // a later run: the clusterer must restore the first
  auto stories = store_->ListStories();
  ASSERT_TRUE(stories.ok());
  ASSERT_EQ(stories->size(), 2u);
  std::multiset<size_t> sizes;
  for (const auto& row : *stories) sizes.insert(row.story.article_ids.size());
  EXPECT_EQ(sizes, (std::multiset<size_t>{1, 5}));
}

TEST_F(SeedsPipelineTest, ReportJsonRoundTrips) {
  IngestOk({kSeeds});
  auto stories = store_->ListStories();
  ASSERT_TRUE(stories.ok() && !stories->empty());
  auto report = pipeline_->Report((*stories)[0].story.id);
  ASSERT_TRUE(report.ok());
  auto back = ParseReportJson(RenderJson(*report));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->summary.size(), report->summary.size());
  EXPECT_EQ(back->headline, report->headline);
}

}  // namespace
}  // namespace newsfuse
