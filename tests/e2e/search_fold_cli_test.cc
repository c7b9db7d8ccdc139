// `search` folds near-duplicate hits (issue 13): a report reprinted by other
// outlets is one result line that says how many copies it stands for, while
// a different article that matches keeps a line of its own.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "cli_runner.h"

namespace {

namespace fs = std::filesystem;
using newsfuse::testing::CliRun;
using newsfuse::testing::RunCli;

constexpr const char* kReservoir =
    "The Kessel valley reservoir reached its lowest level in forty years on Tuesday, the water "
    "board said, and farmers downstream were told to expect cuts to irrigation within a week. "
    "Board engineers measured the lake at a fifth of its capacity after a dry spring and a "
    "summer without rain. The board will ask households to halve garden watering and will open "
    "two emergency wells near the village of Marn before the end of the month. Farmers said "
    "the cuts would cost them the second harvest of the year.";
constexpr const char* kPipeline =
    "Work on a new pipeline from the coast to the Kessel valley reservoir will start next "
    "spring, the regional council decided on Thursday after a long debate about its cost. "
    "Councillors said the line would bring desalinated water to the valley during droughts.";

std::string Line(const std::string& outlet, const std::string& title, const std::string& text) {
  return nlohmann::json{
             {"outlet", outlet}, {"title", title}, {"published", "2026-07-14"}, {"text", text}}
             .dump() +
         "\n";
}

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

class SearchFoldCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("newsfuse-search-fold-" + std::to_string(::getpid()) + "-" +
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

TEST_F(SearchFoldCliTest, ReprintsAreOneLineAndOtherArticlesKeepTheirs) {
  const std::string feed = (dir_ / "news.jsonl").string();
  std::ofstream(feed) << Line("Valley Courier", "Reservoir at forty-year low", kReservoir)
                      << Line("Coast Daily", "Reservoir at forty-year low",
                              std::string(kReservoir) + " (Reprinted from the Valley Courier.)")
                      << Line("Plains Post", "Kessel reservoir hits record low",
                              std::string(kReservoir) + " Editing by the news desk.")
                      << Line("Council Gazette", "Pipeline to the valley approved", kPipeline);
  const CliRun ingest = RunCli("ingest " + feed + Db());
  ASSERT_EQ(ingest.exit_code, 0) << ingest.out;

  const CliRun search = RunCli("search Kessel reservoir" + Db());
  ASSERT_EQ(search.exit_code, 0) << search.out;
  // Three reports of one text: one line, and the two others named.
  EXPECT_EQ(Count(search.out, "+ 2 near-duplicates"), 1u) << search.out;
  EXPECT_EQ(Count(search.out, "— Reservoir at forty-year low") +
                Count(search.out, "— Kessel reservoir hits record low"),
            1u)
      << search.out;
  // The pipeline article shares the words, not the text: its own line.
  EXPECT_EQ(Count(search.out, "— Pipeline to the valley approved"), 1u) << search.out;
  EXPECT_EQ(Count(search.out, "near-duplicate"), 1u) << search.out;
}

TEST_F(SearchFoldCliTest, WithoutCopiesEveryHitHasItsLine) {
  const std::string feed = (dir_ / "news.jsonl").string();
  std::ofstream(feed) << Line("Valley Courier", "Reservoir at forty-year low", kReservoir)
                      << Line("Council Gazette", "Pipeline to the valley approved", kPipeline);
  ASSERT_EQ(RunCli("ingest " + feed + Db()).exit_code, 0);
  const CliRun search = RunCli("search reservoir" + Db());
  ASSERT_EQ(search.exit_code, 0) << search.out;
  EXPECT_EQ(Count(search.out, "— Reservoir at forty-year low"), 1u) << search.out;
  EXPECT_EQ(Count(search.out, "— Pipeline to the valley approved"), 1u) << search.out;
  EXPECT_EQ(search.out.find("near-duplicate"), std::string::npos) << search.out;
}

}  // namespace
