// Issues 12 and 18 through the `newsfuse` binary: articles with no
// publication date are counted after ingest, and a story of them shows
// "undated" in `stories` and says so in its report.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "cli_runner.h"

namespace {

namespace fs = std::filesystem;
using newsfuse::testing::CliRun;
using newsfuse::testing::RunCli;

constexpr const char* kLighthouse =
    "The old lighthouse on the northern cape will be restored by a volunteer trust. "
    "The trust raised the money from local families and two fishing cooperatives. "
    "Engineers found the lamp room sound but the stairs rusted through in places.";
constexpr const char* kOrchard =
    "Growers in the southern valley picked a record apple harvest this season. "
    "Warm spring weather and steady rain helped the orchards, the growers association said. "
    "Packing houses hired extra staff to keep up with the fruit arriving from the farms.";

std::string Line(const std::string& outlet, const std::string& title, const std::string& published,
                 const std::string& text) {
  std::string line = "{\"outlet\": \"" + outlet + "\", \"title\": \"" + title + "\", ";
  if (!published.empty()) line += "\"published\": \"" + published + "\", ";
  return line + "\"text\": \"" + text + "\"}\n";
}

class UndatedCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("newsfuse-undated-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    feed_ = (dir_ / "feed.jsonl").string();
    std::ofstream(feed_) << Line("Cape Herald", "Lighthouse to be restored", "", kLighthouse)
                         << Line("North Shore News", "Trust saves the cape lighthouse", "",
                                 std::string(kLighthouse) + " Work begins after the winter storms.")
                         << Line("Valley Times", "Record apple harvest", "2026-05-04", kOrchard);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Db() const { return " --db " + (dir_ / "news.db").string(); }
  // The `stories` row whose headline contains `headline`, or "".
  static std::string RowOf(const std::string& listing, const std::string& headline) {
    std::istringstream lines(listing);
    for (std::string row; std::getline(lines, row);) {
      if (row.find(headline) != std::string::npos) return row;
    }
    return "";
  }
  fs::path dir_;
  std::string feed_;
};

TEST_F(UndatedCliTest, IngestCountsUndatedArticlesAndStoriesSayUndated) {
  const CliRun ingest = RunCli("ingest " + feed_ + Db());
  ASSERT_EQ(ingest.exit_code, 0) << ingest.out;
  EXPECT_NE(ingest.out.find("ingested 3, duplicate 0, failed 0"), std::string::npos) << ingest.out;
  EXPECT_NE(ingest.out.find("undated: 2 of 3 new articles have no publication date"),
            std::string::npos)
      << ingest.out;

  const CliRun stories = RunCli("stories" + Db(), /*with_stderr=*/false);
  ASSERT_EQ(stories.exit_code, 0) << stories.out;
  const std::string lighthouse = RowOf(stories.out, "ighthouse");
  const std::string orchard = RowOf(stories.out, "apple harvest");
  ASSERT_FALSE(lighthouse.empty()) << stories.out;
  ASSERT_FALSE(orchard.empty()) << stories.out;
  // Both date columns of the undated story say so; the dated one shows its date.
  EXPECT_NE(lighthouse.find("undated     undated"), std::string::npos) << stories.out;
  EXPECT_EQ(orchard.find("undated"), std::string::npos) << stories.out;
  EXPECT_NE(orchard.find("2026-05-04"), std::string::npos) << stories.out;

  // The undated story's report says so; the dated one's does not.
  const std::string id = lighthouse.substr(0, lighthouse.find(' '));
  const CliRun report = RunCli("story " + id + Db(), /*with_stderr=*/false);
  ASSERT_EQ(report.exit_code, 0) << report.out;
  EXPECT_NE(report.out.find("No source of this story states a publication date"), std::string::npos)
      << report.out;
  const std::string dated_id = orchard.substr(0, orchard.find(' '));
  const CliRun dated = RunCli("story " + dated_id + Db(), /*with_stderr=*/false);
  EXPECT_EQ(dated.out.find("No source of this story states a publication date"), std::string::npos)
      << dated.out;
}

TEST_F(UndatedCliTest, ReingestAddsNothingNewAndReportsNoUndated) {
  ASSERT_EQ(RunCli("ingest " + feed_ + Db()).exit_code, 0);
  const CliRun again = RunCli("ingest " + feed_ + Db());
  ASSERT_EQ(again.exit_code, 0) << again.out;
  EXPECT_NE(again.out.find("ingested 0, duplicate 3"), std::string::npos) << again.out;
  EXPECT_EQ(again.out.find("undated:"), std::string::npos) << again.out;
}

TEST_F(UndatedCliTest, DigestCountsUndatedArticlesToo) {
  const CliRun digest = RunCli("digest " + feed_ + Db() + " --out " + (dir_ / "out").string());
  ASSERT_EQ(digest.exit_code, 0) << digest.out;
  EXPECT_NE(digest.out.find("undated: 2 of 3 new articles"), std::string::npos) << digest.out;
}

}  // namespace
