// The `newsfuse` binary as a user meets it: exit codes, messages, and what a
// bad input does (and does not do) to a store that already holds data.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "cli_runner.h"

namespace {

namespace fs = std::filesystem;
const std::string kSeeds = std::string(NEWSFUSE_SOURCE_DIR) + "/examples/seeds";

using newsfuse::testing::CliRun;
using newsfuse::testing::RunCli;

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("newsfuse-cli-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = (dir_ / "news.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Db() const { return " --db " + db_; }
  fs::path dir_;
  std::string db_;
};

TEST_F(CliTest, DigestPrintsAStoryAndWritesReports) {
  const CliRun run =
      RunCli("digest " + kSeeds + Db() + " --print md --out " + (dir_ / "out").string());
  ASSERT_EQ(run.exit_code, 0) << run.out;
  EXPECT_NE(run.out.find("ingested 5, duplicate 0, failed 0"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("## Summary"), std::string::npos);
  int json = 0, md = 0;
  for (const auto& e : fs::directory_iterator(dir_ / "out")) {
    if (e.path().filename().string().rfind("story-", 0) != 0) continue;
    json += e.path().extension() == ".json";
    md += e.path().extension() == ".md";
  }
  EXPECT_EQ(json, 1);
  EXPECT_EQ(md, 1);

  const CliRun stories = RunCli("stories" + Db());
  ASSERT_EQ(stories.exit_code, 0) << stories.out;
  const std::string id = stories.out.substr(stories.out.find('\n') + 1, 13);
  EXPECT_EQ(id[0], 's');
  const CliRun story = RunCli("story " + id + " --format json" + Db());
  ASSERT_EQ(story.exit_code, 0) << story.out;
  EXPECT_NE(story.out.find("\"schema_version\""), std::string::npos);
}

// A reprint (the same page with a credit line) is counted as a copy by
// `stories` and points at its original in the JSON report.
TEST_F(CliTest, ACopyIsCountedAndMarkedInTheReport) {
  const fs::path original = fs::path(kSeeds) / "2026-02-05_geokhub.txt";
  const fs::path reprint = dir_ / "reprint.txt";
  {
    std::ifstream in(original, std::ios::binary);
    std::ofstream out(reprint, std::ios::binary);
    out << in.rdbuf() << "\n\n(Reprinted with permission; editing by the news desk.)\n";
  }
  ASSERT_EQ(RunCli("ingest " + original.string() + " " + reprint.string() + Db()).exit_code, 0);

  const CliRun stories = RunCli("stories" + Db());
  ASSERT_EQ(stories.exit_code, 0) << stories.out;
  EXPECT_NE(stories.out.find("ARTICLES COPIES"), std::string::npos) << stories.out;
  const std::string row = stories.out.substr(stories.out.find('\n') + 1);
  std::istringstream fields(row);
  std::string id;
  int articles = 0, copies = 0;
  ASSERT_TRUE(fields >> id >> articles >> copies) << stories.out;
  EXPECT_EQ(articles, 2);
  EXPECT_EQ(copies, 1);

  const CliRun story = RunCli("story " + id + " --format json" + Db());
  ASSERT_EQ(story.exit_code, 0) << story.out;
  EXPECT_NE(story.out.find("\"copy_of\": \"S1\""), std::string::npos) << story.out;
  EXPECT_NE(story.out.find("\"copy_of\": \"\""), std::string::npos) << story.out;
}

TEST_F(CliTest, RandomBytesAsTextAreRejectedAndTheStoreIsUnchanged) {
  ASSERT_EQ(RunCli("ingest " + kSeeds + Db()).exit_code, 0);
  const std::string before = RunCli("stories" + Db()).out;

  const fs::path junk = dir_ / "junk.txt";
  {
    std::mt19937_64 rng(42);
    std::ofstream out(junk, std::ios::binary);
    for (int i = 0; i < (1 << 20) / 8; ++i) {
      const uint64_t v = rng();
      out.write(reinterpret_cast<const char*>(&v), sizeof v);
    }
  }
  const CliRun run = RunCli("ingest " + junk.string() + Db());
  EXPECT_EQ(run.exit_code, 2) << run.out;
  EXPECT_NE(run.out.find(junk.string()), std::string::npos)
      << "the error names the file: " << run.out;
  EXPECT_NE(run.out.find("failed 1"), std::string::npos) << run.out;
  EXPECT_EQ(RunCli("stories" + Db()).out, before);
}

TEST_F(CliTest, BadFileAmongGoodOnesDoesNotStopTheRest) {
  const fs::path empty = dir_ / "empty.txt";
  std::ofstream(empty).close();
  const CliRun run = RunCli("ingest " + empty.string() + " " + kSeeds + Db());
  EXPECT_EQ(run.exit_code, 2) << run.out;
  EXPECT_NE(run.out.find("ingested 5, duplicate 0, failed 1"), std::string::npos) << run.out;
}

TEST_F(CliTest, UsageErrorsExitWithOne) {
  EXPECT_EQ(RunCli("").exit_code, 1);
  EXPECT_EQ(RunCli("no-such-command").exit_code, 1);
  EXPECT_EQ(RunCli("story" + Db()).exit_code, 1);
  EXPECT_EQ(RunCli("--help").exit_code, 0);
}

// The dormancy window is the user's to set; a window that is not a positive
// number of days is a usage error naming the flag, and nothing is stored.
TEST_F(CliTest, DormancyWindowIsAFlagAndChecked) {
  for (const char* bad : {"0", "-3", "week"}) {
    const CliRun run = RunCli("ingest " + kSeeds + " --dormant-after " + bad + Db());
    EXPECT_EQ(run.exit_code, 1) << bad << ": " << run.out;
    EXPECT_NE(run.out.find("--dormant-after"), std::string::npos) << run.out;
  }
  EXPECT_FALSE(fs::exists(db_)) << "a usage error must not create the store";
  const CliRun run = RunCli("ingest " + kSeeds + " --dormant-after 7" + Db());
  EXPECT_EQ(run.exit_code, 0) << run.out;
  const CliRun digest =
      RunCli("digest " + kSeeds + " --dormant-after 2.5 --out " + (dir_ / "out").string() + Db());
  EXPECT_EQ(digest.exit_code, 0) << digest.out;
}

TEST_F(CliTest, UnknownStoryIsAClearError) {
  ASSERT_EQ(RunCli("ingest " + kSeeds + Db()).exit_code, 0);
  const CliRun run = RunCli("story s000000000000" + Db());
  EXPECT_NE(run.exit_code, 0);
  EXPECT_NE(run.out.find("s000000000000"), std::string::npos) << run.out;
}

TEST_F(CliTest, ANonDatabaseFileIsAStoreErrorAndIsLeftAlone) {
  const fs::path notes = dir_ / "notes.txt";
  std::ofstream(notes) << "my notes, not a database\n";
  const CliRun run = RunCli("ingest " + kSeeds + " --db " + notes.string());
  EXPECT_EQ(run.exit_code, 3) << run.out;
  std::ifstream in(notes);
  std::string content((std::istreambuf_iterator<char>(in)), {});
  EXPECT_EQ(content, "my notes, not a database\n");
}

TEST_F(CliTest, SearchFindsAPhrase) {
  ASSERT_EQ(RunCli("ingest " + kSeeds + Db()).exit_code, 0);
  const CliRun run = RunCli("search '\"prisoner exchange\"'" + Db());
  ASSERT_EQ(run.exit_code, 0) << run.out;
  EXPECT_NE(run.out.find("[prisoner exchange]"), std::string::npos) << run.out;
}

}  // namespace
