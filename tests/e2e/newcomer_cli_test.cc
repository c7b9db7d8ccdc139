// The CLI as a newcomer tries it (issue 13): search takes plain words,
// stories can be cut, sorted and read as JSON, digest prints one line per
// story and writes an index of its reports.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "cli_runner.h"

namespace {

namespace fs = std::filesystem;
using newsfuse::testing::CliRun;
using newsfuse::testing::RunCli;

// Three unrelated events, written for this test; the ferry one is undated.
constexpr const char* kBridge =
    "The U.S. transport agency approved a new toll bridge over the Marrow river. "
    "Governor al-Sharaa said the bridge would open in two years and cost less than planned. "
    "Engineers don't expect the river traffic to stop during the works.";
constexpr const char* kChess =
    "A twelve-year-old player won the national chess championship in Oldport on Sunday. "
    "She beat the defending champion in the final round after a five-hour game. "
    "The chess federation said she is the youngest winner in its history.";
constexpr const char* kFerry =
    "The island ferry will run twice a day through the winter, the harbour board said. "
    "Residents had asked for more crossings after storms cut the service last year. "
    "The board will hire two more crews for the ferry before December.";

std::string Line(const std::string& outlet, const std::string& title, const std::string& published,
                 const std::string& text) {
  std::string line = "{\"outlet\": \"" + outlet + "\", \"title\": \"" + title + "\", ";
  if (!published.empty()) line += "\"published\": \"" + published + "\", ";
  return line + "\"text\": \"" + text + "\"}\n";
}

class NewcomerCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("newsfuse-newcomer-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    feed_ = (dir_ / "feed.jsonl").string();
    std::ofstream(feed_) << Line("River Post", "Toll bridge approved", "2026-04-02", kBridge)
                         << Line("Delta News", "New bridge over the Marrow", "2026-04-03",
                                 std::string(kBridge) + " Work starts in May.")
                         << Line("Oldport Echo", "Young chess champion", "2026-06-10", kChess)
                         << Line("Island Voice", "Winter ferry timetable", "", kFerry);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Db() const { return " --db " + (dir_ / "news.db").string(); }
  void Ingest() const { ASSERT_EQ(RunCli("ingest " + feed_ + Db()).exit_code, 0); }
  fs::path dir_;
  std::string feed_;
};

TEST_F(NewcomerCliTest, SearchTakesPlainWordsWithoutFtsSyntaxErrors) {
  Ingest();
  // Each of these raised "fts5: syntax error" when passed to FTS5 as typed.
  for (const std::string query :
       {"al-Sharaa", "U.S.", "\"don't\"", "'river -twelve-year-old'", "'bridge \"toll bridge\"'",
        "'\"new toll'", "'bridge -chess'", "bridge OR", "'NOT bridge'", "river*", "'(bridge'"}) {
    const CliRun run = RunCli("search " + query + Db());
    EXPECT_EQ(run.exit_code, 0) << query << ": " << run.out;
    EXPECT_EQ(run.out.find("syntax error"), std::string::npos) << query << ": " << run.out;
    EXPECT_NE(run.out.find("bridge"), std::string::npos) << query << ": " << run.out;
  }
  // A quoted phrase stays a phrase: the words apart do not match it.
  const CliRun phrase = RunCli("search '\"bridge toll\"'" + Db());
  EXPECT_EQ(phrase.exit_code, 0) << phrase.out;
  EXPECT_NE(phrase.out.find("no matches for"), std::string::npos) << phrase.out;
  // -word excludes: the bridge story mentions the river, the chess one does not.
  const CliRun excluded = RunCli("search" + Db() + " -- 'champion -river'");
  EXPECT_EQ(excluded.exit_code, 0) << excluded.out;
  EXPECT_NE(excluded.out.find("Young chess champion"), std::string::npos) << excluded.out;
  const CliRun none = RunCli("search" + Db() + " -- 'bridge -river'");
  EXPECT_NE(none.out.find("no matches for 'bridge -river'"), std::string::npos) << none.out;
  // Only excluded words cannot be searched; the message names the query.
  const CliRun only_not = RunCli("search" + Db() + " -- -river");
  EXPECT_EQ(only_not.exit_code, 1) << only_not.out;
  EXPECT_NE(only_not.out.find("'-river'"), std::string::npos) << only_not.out;
}

TEST_F(NewcomerCliTest, SearchFtsPassesRawSyntaxAndNamesABadQuery) {
  Ingest();
  const CliRun either = RunCli("search --fts 'chess OR ferry'" + Db());
  EXPECT_EQ(either.exit_code, 0) << either.out;
  EXPECT_NE(either.out.find("Young chess champion"), std::string::npos) << either.out;
  EXPECT_NE(either.out.find("Winter ferry timetable"), std::string::npos) << either.out;
  const CliRun prefix = RunCli("search --fts 'champ*'" + Db());
  EXPECT_NE(prefix.out.find("Young chess champion"), std::string::npos) << prefix.out;

  const CliRun bad = RunCli("search --fts al-Sharaa" + Db());
  EXPECT_EQ(bad.exit_code, 1) << bad.out;
  EXPECT_NE(bad.out.find("search query 'al-Sharaa' is not valid"), std::string::npos) << bad.out;
}

}  // namespace
