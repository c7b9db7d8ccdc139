// The pipeline records the clusterer's copy decisions in the store: a copy
// is stored with its original's id, keeps it across runs (the clusterer is
// restored from the store) and when a merge moves its story.
//
// Real text: seed reports from examples/seeds, and "reprints" of them, the
// same page with a credit line added, as a regional paper prints a wire story.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/pipeline.h"

namespace newsfuse {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Pair;
using ::testing::UnorderedElementsAre;

const fs::path kSeeds = fs::path(NEWSFUSE_SOURCE_DIR) / "examples/seeds";
const fs::path kStraitsTimes = kSeeds / "2026-02-05_straits-times.txt";
const fs::path kGeokHub = kSeeds / "2026-02-05_geokhub.txt";
const fs::path kWalaw = kSeeds / "2026-02-05_walaw.txt";

std::string ReadText(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class PipelineCopiesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "newsfuse_pipeline_test_XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    db_ = (dir_ / "news.db").string();
  }
  void TearDown() override {
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }

  // The seed page with a credit line added: different bytes (so a new
  // article id), the same report.
  std::string Reprint(const fs::path& seed, const std::string& name) {
    const fs::path out = dir_ / name;
    std::ofstream(out, std::ios::binary)
        << ReadText(seed)
        << "\n\n(Reprinted with permission. Reporting by our Kyiv bureau; "
           "editing by the foreign desk.)\n";
    return out.string();
  }

  // One run of `newsfuse ingest`: a fresh store connection and pipeline, so
  // every run after the first restores the clusterer from the store.
  std::vector<std::string> IngestRun(const std::vector<std::string>& sources,
                                     const PipelineOptions& options = {}) {
    auto store = OpenSqliteStore(db_);
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    if (!store.ok()) return {};
    Pipeline pipeline(**store, options);
    auto summary = pipeline.Ingest(sources);
    EXPECT_TRUE(summary.ok()) << summary.status().ToString();
    if (!summary.ok()) return {};
    EXPECT_EQ(summary->failed, 0);
    EXPECT_EQ(summary->ingested, static_cast<int64_t>(sources.size()));
    return summary->article_ids;
  }

  std::unique_ptr<Store> Reopen() {
    auto store = OpenSqliteStore(db_);
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return store.ok() ? std::move(store).value() : nullptr;
  }

  fs::path dir_;
  std::string db_;
};

TEST_F(PipelineCopiesTest, ACopyIsStoredWithItsOriginalsId) {
  const auto ids = IngestRun({kStraitsTimes.string(), Reprint(kStraitsTimes, "reprint.txt")});
  ASSERT_EQ(ids.size(), 2u);
  auto store = Reopen();
  ASSERT_NE(store, nullptr);
  auto story = store->StoryOf(ids[1]);
  ASSERT_TRUE(story.ok()) << story.status().ToString();
  EXPECT_EQ(*store->StoryOf(ids[0]), *story) << "a copy joins its original's story";
  auto members = store->GetStory(*story);
  ASSERT_TRUE(members.ok());
  EXPECT_THAT(members->article_ids, ElementsAre(ids[0], ids[1]));
  EXPECT_THAT(members->copy_of, ElementsAre(Pair(ids[1], ids[0])));

  // The report points the copy at its original's citation key.
  Pipeline pipeline(*store);
  auto report = pipeline.Report(*story);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  ASSERT_EQ(report->sources.size(), 2u);
  const ReportSource& original =
      report->sources[0].article_id == ids[0] ? report->sources[0] : report->sources[1];
  const ReportSource& copy =
      &original == &report->sources[0] ? report->sources[1] : report->sources[0];
  EXPECT_EQ(copy.article_id, ids[1]);
  EXPECT_EQ(copy.copy_of, original.id);
  EXPECT_EQ(original.copy_of, "");
}

TEST_F(PipelineCopiesTest, OtherReportsOfTheEventAreNotCopies) {
  const auto ids = IngestRun({kStraitsTimes.string(), kGeokHub.string(), kWalaw.string()});
  ASSERT_EQ(ids.size(), 3u);
  auto store = Reopen();
  ASSERT_NE(store, nullptr);
  auto rows = store->ListStories();
  ASSERT_TRUE(rows.ok());
  for (const auto& row : *rows) EXPECT_THAT(row.story.copy_of, IsEmpty()) << row.story.id;
}

TEST_F(PipelineCopiesTest, ACopySurvivesReopenAndLaterRuns) {
  // Run 1 stores the original; run 2 must find the copy through the
  // clusterer restored from the store; run 3 must leave the mark alone.
  const auto first = IngestRun({kStraitsTimes.string()});
  const auto second = IngestRun({Reprint(kStraitsTimes, "reprint.txt")});
  const auto third = IngestRun({kGeokHub.string()});
  ASSERT_EQ(first.size(), 1u);
  ASSERT_EQ(second.size(), 1u);
  ASSERT_EQ(third.size(), 1u);

  auto store = Reopen();
  ASSERT_NE(store, nullptr);
  auto story = store->StoryOf(first[0]);
  ASSERT_TRUE(story.ok());
  EXPECT_EQ(*store->StoryOf(second[0]), *story);
  auto members = store->GetStory(*story);
  ASSERT_TRUE(members.ok());
  EXPECT_THAT(members->copy_of, ElementsAre(Pair(second[0], first[0])));
  auto rows = store->ListStories();
  ASSERT_TRUE(rows.ok());
  size_t copies = 0;
  for (const auto& row : *rows) copies += row.story.copy_of.size();
  EXPECT_EQ(copies, 1u);
}

TEST_F(PipelineCopiesTest, AMergeKeepsTheCopiesOfTheStoryItMoves) {
  // Run 1 keeps two reports of the event apart (no joining on score, no
  // merging), with a reprint of the second in the second's story.
  PipelineOptions apart;
  apart.cluster.join_threshold = 1.0;
  apart.cluster.merge_stories = false;
  const auto run1 = IngestRun(
      {kStraitsTimes.string(), kGeokHub.string(), Reprint(kGeokHub, "geok-reprint.txt")}, apart);
  ASSERT_EQ(run1.size(), 3u);
  {
    auto store = Reopen();
    ASSERT_NE(store, nullptr);
    auto older = store->StoryOf(run1[0]), younger = store->StoryOf(run1[1]);
    ASSERT_TRUE(older.ok() && younger.ok());
    ASSERT_NE(*older, *younger) << "setup: the two reports must start in two stories";
    ASSERT_EQ(*store->StoryOf(run1[2]), *younger);
    ASSERT_THAT(store->GetStory(*younger)->copy_of, ElementsAre(Pair(run1[2], run1[1])));
  }

  // Run 2: a reprint of the first report joins the older story as a copy and
  // bridges it with the younger one, which merges in (merge threshold low so
  // the bridge does not depend on the fitted model's calibration).
  PipelineOptions bridging = apart;
  bridging.cluster.merge_stories = true;
  bridging.cluster.weights.merge_threshold = 0.2;
  const auto run2 = IngestRun({Reprint(kStraitsTimes, "st-reprint.txt")}, bridging);
  ASSERT_EQ(run2.size(), 1u);

  auto store = Reopen();
  ASSERT_NE(store, nullptr);
  auto story = store->StoryOf(run1[0]);
  ASSERT_TRUE(story.ok());
  for (const auto& id : {run1[1], run1[2], run2[0]}) {
    EXPECT_EQ(*store->StoryOf(id), *story) << id << " should have been merged in";
  }
  auto members = store->GetStory(*story);
  ASSERT_TRUE(members.ok());
  EXPECT_EQ(members->article_ids.size(), 4u);
  EXPECT_THAT(members->copy_of,
              UnorderedElementsAre(Pair(run1[2], run1[1]), Pair(run2[0], run1[0])));
}

}  // namespace
}  // namespace newsfuse
