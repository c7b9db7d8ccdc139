// `newsfuse story ID` prints an unchanged story's Markdown from the report
// cache, without analysing, parsing or rendering again, and rebuilds it once
// the story changes (issue 13). Text written for this test.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "cli_store_fixture.h"
#include "pipeline/pipeline.h"

namespace newsfuse {
namespace {

using testing::CliRun;
using testing::Line;
using testing::RunCli;

constexpr const char* kBridge =
    "Workers lifted the last steel span of the Marrowby footbridge into place on Tuesday. "
    "The bridge will link the two halves of the market town when it opens in June, the "
    "council said. Residents of Marrowby have crossed the river by ferry since the old bridge "
    "was closed.";

using StoryCacheCliTest = testing::CliStoreTest;

TEST_F(StoryCacheCliTest, StoryPrintsTheMarkdownCachedWithTheReportUntilTheStoryChanges) {
  const std::string first =
      Write("first.jsonl", Line("Marrowby Courier", "Last span of the footbridge lifted", kBridge) +
                               Line("Dale Herald", "Marrowby footbridge span in place",
                                    std::string(kBridge) + " The crane left on Wednesday."));
  ASSERT_EQ(RunCli("ingest " + first + " --db " + db_).exit_code, 0);
  const std::set<std::string> ids = StoryIds();
  ASSERT_EQ(ids.size(), 1u);
  const std::string id = *ids.begin();
  const CliRun built = RunCli("story " + id + " --db " + db_, false);
  ASSERT_EQ(built.exit_code, 0) << built.out;

  // The Markdown the first read cached is what the next one prints: marked
  // here, the mark shows, so nothing was rendered again.
  {
    auto store = OpenSqliteStore(db_);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    const std::string builder = ReportBuilderId(FuseOptions{});
    auto cached = (*store)->GetCachedMarkdown(id, builder);
    ASSERT_TRUE(cached.ok() && *cached) << "the first read caches the Markdown";
    EXPECT_EQ(**cached, built.out);
    ASSERT_TRUE(
        (*store)->PutCachedMarkdown(id, *(*store)->StoryVersion(id), builder, "MDMARK\n").value());
  }
  const CliRun again = RunCli("story " + id + " --db " + db_, false);
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_EQ(again.out, "MDMARK\n");
  // The other formats come from the report, not from the Markdown.
  const CliRun json = RunCli("story " + id + " --format json --db " + db_, false);
  EXPECT_EQ(json.out.find("MDMARK"), std::string::npos);
  EXPECT_TRUE(nlohmann::json::accept(json.out));

  // A new article joins the story: rebuilt, the mark is gone.
  const std::string later =
      Write("later.jsonl", Line("River Post", "Marrowby footbridge nears completion",
                                std::string(kBridge) + " Painting starts next week."));
  ASSERT_EQ(RunCli("ingest " + later + " --db " + db_).exit_code, 0);
  ASSERT_EQ(StoryIds(), ids);
  const CliRun rebuilt = RunCli("story " + id + " --db " + db_, false);
  EXPECT_EQ(rebuilt.exit_code, 0);
  EXPECT_EQ(rebuilt.out.find("MDMARK"), std::string::npos) << rebuilt.out;
  EXPECT_NE(rebuilt.out.find("River Post"), std::string::npos) << rebuilt.out;
}

}  // namespace
}  // namespace newsfuse
