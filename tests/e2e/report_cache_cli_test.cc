// `newsfuse story ID` serves an unchanged story from the store's report
// cache and rebuilds it when the story changes (issue 13), through the
// binary, on text written for this test.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "cli_store_fixture.h"
#include "pipeline/pipeline.h"

namespace newsfuse {
namespace {

namespace fs = std::filesystem;
using testing::CliRun;
using testing::Line;
using testing::RunCli;

constexpr const char* kDate = "2026-03-02";
constexpr const char* kLock =
    "Engineers opened the new river lock at Calder Ferry on Monday after three years of work. "
    "The lock lets barges pass the old weir without unloading, the canal trust said. "
    "Boat owners at Calder Ferry had waited for the lock since the weir closed.";

class ReportCacheCliTest : public testing::CliStoreTest {
 protected:
  void SetUp() override {
    CliStoreTest::SetUp();
    Write("first.jsonl", Line("Canal Weekly", "Calder Ferry lock opens", kLock, kDate) +
                             Line("Barge News", "New lock at Calder Ferry",
                                  std::string(kLock) + " Tolls start in May.", kDate));
    Write("later.jsonl", Line("River Times", "Barges pass the Calder Ferry lock",
                              std::string(kLock) + " The first barge carried grain.", kDate));
  }

  std::string OnlyStory() {
    auto store = OpenSqliteStore(db_);
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    if (!store.ok()) return "";
    auto rows = (*store)->ListStories();
    EXPECT_TRUE(rows.ok() && rows->size() == 1u);
    return rows.ok() && !rows->empty() ? (*rows)[0].story.id : "";
  }
  // The report JSON the store holds for the story, "" when none is current.
  std::string CachedJson(const std::string& id) {
    auto store = OpenSqliteStore(db_);
    if (!store.ok()) return "";
    auto json = (*store)->GetCachedReport(id, ReportBuilderId(FuseOptions{}));
    return json.ok() && *json ? **json : "";
  }
  // Puts a marked copy of the cached report back, so what `story` prints
  // tells whether it read the cache.
  void MarkCachedHeadline(const std::string& id, const std::string& headline) {
    std::string json = CachedJson(id);
    ASSERT_FALSE(json.empty());
    const std::string key = "\"headline\": \"";
    const size_t at = json.find(key);
    ASSERT_NE(at, std::string::npos) << json;
    json.insert(at + key.size(), headline + " ");
    auto store = OpenSqliteStore(db_);
    ASSERT_TRUE(store.ok());
    auto put = (*store)->PutCachedReport(id, *(*store)->StoryVersion(id),
                                         ReportBuilderId(FuseOptions{}), headline, json);
    ASSERT_TRUE(put.ok() && *put);
  }
};

TEST_F(ReportCacheCliTest, StoryIsBuiltOnceThenServedFromTheCacheUntilTheStoryChanges) {
  ASSERT_EQ(RunCli("ingest " + (dir_ / "first.jsonl").string() + " --db " + db_).exit_code, 0);
  const std::string id = OnlyStory();
  ASSERT_FALSE(id.empty());
  EXPECT_EQ(CachedJson(id), "") << "ingest builds no report";

  const CliRun first = RunCli("story " + id + " --db " + db_, false);
  ASSERT_EQ(first.exit_code, 0) << first.out;
  EXPECT_NE(first.out.find("Calder Ferry"), std::string::npos) << first.out;
  EXPECT_NE(CachedJson(id), "") << "the first read caches the report";
  EXPECT_FALSE(fs::exists(db_ + "-wal"));
  EXPECT_FALSE(fs::exists(db_ + "-shm"));

  // Served from the cache: the mark put there shows, in every format and in
  // the list of stories.
  MarkCachedHeadline(id, "CACHEDMARK");
  for (const std::string format : {"md", "json", "html"}) {
    const CliRun again = RunCli("story " + id + " --format " + format + " --db " + db_, false);
    ASSERT_EQ(again.exit_code, 0) << again.out;
    EXPECT_NE(again.out.find("CACHEDMARK"), std::string::npos) << format << "\n" << again.out;
  }
  const CliRun listed = RunCli("stories --db " + db_, false);
  EXPECT_NE(listed.out.find("CACHEDMARK"), std::string::npos) << listed.out;

  // A new article joins the story: the report is rebuilt, with it.
  ASSERT_EQ(RunCli("ingest " + (dir_ / "later.jsonl").string() + " --db " + db_).exit_code, 0);
  ASSERT_EQ(OnlyStory(), id);
  const CliRun rebuilt = RunCli("story " + id + " --db " + db_, false);
  ASSERT_EQ(rebuilt.exit_code, 0) << rebuilt.out;
  EXPECT_EQ(rebuilt.out.find("CACHEDMARK"), std::string::npos) << rebuilt.out;
  EXPECT_NE(rebuilt.out.find("River Times"), std::string::npos) << rebuilt.out;
  EXPECT_EQ(RunCli("stories --db " + db_, false).out.find("CACHEDMARK"), std::string::npos);
}

TEST_F(ReportCacheCliTest, DigestCachesTheReportsItWrites) {
  const CliRun digest = RunCli("digest " + (dir_ / "first.jsonl").string() + " --db " + db_ +
                               " --out " + (dir_ / "out").string());
  ASSERT_EQ(digest.exit_code, 0) << digest.out;
  const std::string id = OnlyStory();
  EXPECT_NE(CachedJson(id), "");
}

}  // namespace
}  // namespace newsfuse
