// Pipeline::Report serves an unchanged story from the store's report cache
// and rebuilds it once when its articles change (issue 13).
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "pipeline/pipeline.h"
#include "render/render.h"
#include "synthetic_news.h"

namespace newsfuse {
namespace {

namespace fs = std::filesystem;

class ReportCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "newsfuse_report_cache_XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    // One event in two halves: the second half joins the story of the first.
    const auto news = testing::SyntheticNews(1, 12, 7);
    std::ofstream((dir_ / "first.jsonl").string())
        << testing::ToJsonl(std::vector(news.begin(), news.begin() + 6));
    std::ofstream((dir_ / "second.jsonl").string())
        << testing::ToJsonl(std::vector(news.begin() + 6, news.end()));
    auto store = OpenSqliteStore((dir_ / "news.db").string());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
  }
  void TearDown() override {
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }
  // The one story the store holds.
  std::string Ingest(Pipeline& pipeline, const std::string& file) {
    auto sum = pipeline.Ingest({(dir_ / file).string()});
    EXPECT_TRUE(sum.ok()) << sum.status().ToString();
    auto rows = store_->ListStories();
    EXPECT_TRUE(rows.ok() && rows->size() == 1u) << "one event, one story";
    return rows.ok() && !rows->empty() ? (*rows)[0].story.id : "";
  }
  fs::path dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(ReportCacheTest, AnUnchangedStoryIsServedFromTheCacheAndRendersTheSame) {
  Pipeline pipeline(*store_);
  const std::string id = Ingest(pipeline, "first.jsonl");
  ReportOrigin first, second;
  auto built = pipeline.Report(id, &first);
  ASSERT_TRUE(built.ok()) << built.status().ToString();
  EXPECT_FALSE(first.from_cache);
  EXPECT_TRUE(first.saved);
  auto cached = pipeline.Report(id, &second);
  ASSERT_TRUE(cached.ok()) << cached.status().ToString();
  EXPECT_TRUE(second.from_cache);
  EXPECT_EQ(cached->sources.size(), 6u);
  EXPECT_EQ(RenderJson(*cached), RenderJson(*built));
  EXPECT_EQ(RenderMarkdown(*cached), RenderMarkdown(*built));
  EXPECT_EQ(RenderHtml(*cached), RenderHtml(*built));

  // Another process (a second Pipeline on its own connection) sees it too.
  auto other_store = OpenSqliteStore((dir_ / "news.db").string());
  ASSERT_TRUE(other_store.ok());
  Pipeline other(**other_store);
  ReportOrigin third;
  ASSERT_TRUE(other.Report(id, &third).ok());
  EXPECT_TRUE(third.from_cache);
}

TEST_F(ReportCacheTest, AChangedStoryIsRebuiltOnce) {
  Pipeline pipeline(*store_);
  const std::string id = Ingest(pipeline, "first.jsonl");
  ASSERT_TRUE(pipeline.Report(id).ok());
  ASSERT_EQ(Ingest(pipeline, "second.jsonl"), id);
  ReportOrigin after, again;
  auto report = pipeline.Report(id, &after);
  ASSERT_TRUE(report.ok());
  EXPECT_FALSE(after.from_cache) << "the story gained six articles";
  EXPECT_EQ(report->sources.size(), 12u);
  ASSERT_TRUE(pipeline.Report(id, &again).ok());
  EXPECT_TRUE(again.from_cache);
}

TEST_F(ReportCacheTest, OtherFusionOptionsDoNotShareReports) {
  Pipeline pipeline(*store_);
  const std::string id = Ingest(pipeline, "first.jsonl");
  ASSERT_TRUE(pipeline.Report(id).ok());
  PipelineOptions shorter;
  shorter.fuse.max_summary_sentences = 2;
  shorter.fuse.min_summary_sentences = 1;
  Pipeline short_pipeline(*store_, shorter);
  ReportOrigin origin;
  auto report = short_pipeline.Report(id, &origin);
  ASSERT_TRUE(report.ok());
  EXPECT_FALSE(origin.from_cache);
  EXPECT_LE(report->summary.size(), 2u);
}

TEST_F(ReportCacheTest, ACorruptCachedReportIsRebuiltNotServed) {
  Pipeline pipeline(*store_);
  const std::string id = Ingest(pipeline, "first.jsonl");
  ReportOrigin origin;
  ASSERT_TRUE(pipeline.Report(id, &origin).ok());
  auto put = store_->PutCachedReport(id, origin.story_version, pipeline.ReportBuilder(), "x",
                                     "{\"schema_version\": \"not json of a report");
  ASSERT_TRUE(put.ok() && *put);
  auto report = pipeline.Report(id, &origin);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_FALSE(origin.from_cache);
  EXPECT_EQ(report->sources.size(), 6u);
}

TEST_F(ReportCacheTest, AnUnknownStoryIsNotFound) {
  Pipeline pipeline(*store_);
  Ingest(pipeline, "first.jsonl");
  EXPECT_EQ(pipeline.Report("s-none").status().code(), Status::Code::kNotFound);
}

}  // namespace
}  // namespace newsfuse
