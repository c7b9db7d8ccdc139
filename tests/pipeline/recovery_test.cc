// Articles an interrupted run left in no story are clustered by the next run.
//
// Builds before the fix committed articles batch by batch and assigned stories
// only at the end, so a kill between the two left stored articles in no story,
// which every later run counted as duplicates and never assigned.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "pipeline/pipeline.h"
#include "synthetic_news.h"

namespace newsfuse {
namespace {

namespace fs = std::filesystem;

std::set<std::set<std::string>> Partition(Store& store) {
  std::set<std::set<std::string>> out;
  auto rows = store.ListStories();
  EXPECT_TRUE(rows.ok()) << rows.status().ToString();
  if (!rows.ok()) return out;
  for (const auto& row : *rows) {
    out.insert(std::set<std::string>(row.story.article_ids.begin(), row.story.article_ids.end()));
  }
  return out;
}

class RecoveryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "newsfuse_recovery_XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    input_ = (dir_ / "news.jsonl").string();
    std::ofstream(input_) << testing::ToJsonl(testing::SyntheticNews(6, 12, 31));
  }
  void TearDown() override {
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }
  std::unique_ptr<Store> Open(const std::string& name) {
    auto store = OpenSqliteStore((dir_ / name).string());
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return store.ok() ? std::move(store).value() : nullptr;
  }
  // The articles of the input as the pipeline stores them.
  std::vector<Article> Extracted() {
    std::vector<Article> out;
    Status read = ReadSources(
        {input_}, IngestOptions{},
        [&](RawPage&& page) {
          auto article = ExtractPage(page, ExtractOptions{});
          if (article.ok()) out.push_back(std::move(article).value());
        },
        [](const Status&) {});
    EXPECT_TRUE(read.ok());
    return out;
  }
  fs::path dir_;
  std::string input_;
};

TEST_F(RecoveryTest, ReRunAssignsWhatAnInterruptedRunLeftInNoStory) {
  auto clean = Open("clean.db");
  ASSERT_TRUE(clean);
  ASSERT_TRUE(Pipeline(*clean).Ingest({input_}).ok());

  // An older build's interrupted run: 30 articles committed, no stories.
  auto store = Open("interrupted.db");
  ASSERT_TRUE(store);
  std::vector<Article> articles = Extracted();
  ASSERT_EQ(articles.size(), 72u);
  articles.resize(30);
  ASSERT_TRUE(store->PutArticles(articles).ok());
  ASSERT_EQ(*store->CountUnassigned(), 30);

  auto summary = Pipeline(*store).Ingest({input_});
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_EQ(summary->recovered, 30);
  EXPECT_EQ(summary->duplicates, 30);
  EXPECT_EQ(summary->ingested, 42);
  EXPECT_EQ(*store->CountUnassigned(), 0);
  // Recovered in their place in ingest order: the stories of one clean run.
  EXPECT_TRUE(Partition(*store) == Partition(*clean));
}

TEST_F(RecoveryTest, RecoveryNeedsNoNewArticles) {
  auto store = Open("leftovers.db");
  ASSERT_TRUE(store);
  std::vector<Article> articles = Extracted();
  ASSERT_TRUE(store->PutArticles(articles).ok());

  // The same input again: every page is a duplicate, and still the leftovers
  // are clustered.
  auto summary = Pipeline(*store).Ingest({input_});
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_EQ(summary->recovered, 72);
  EXPECT_EQ(summary->ingested, 0);
  EXPECT_EQ(*store->CountUnassigned(), 0);
  EXPECT_GE(Partition(*store).size(), 5u);
}

TEST_F(RecoveryTest, BatchesCommitWithTheirStories) {
  // Small batches: each commit must leave every stored article in a story,
  // which the progress callback (called after each commit) can see.
  auto store = Open("batches.db");
  ASSERT_TRUE(store);
  PipelineOptions options;
  options.batch_size = 8;
  IngestCallbacks callbacks;
  int commits = 0;
  callbacks.on_progress = [&](const IngestSummary&) {
    ++commits;
    auto unassigned = store->CountUnassigned();
    ASSERT_TRUE(unassigned.ok());
    EXPECT_EQ(*unassigned, 0) << "after batch " << commits;
  };
  ASSERT_TRUE(Pipeline(*store, options).Ingest({input_}, callbacks).ok());
  EXPECT_EQ(commits, 9);
}

}  // namespace
}  // namespace newsfuse
