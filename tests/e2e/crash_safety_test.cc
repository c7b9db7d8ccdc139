// Crash safety through the CLI: an ingest killed with SIGKILL at 20 seeded
// random moments, re-run after each kill, must end with the store a clean
// run gives: sound file, every article in exactly one story, same counts.
//
// The kill moments are drawn (seeded) as fractions of a clean run's time, so
// they fall before, inside and after the commits of a run; what the test
// asserts does not depend on where they fell.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <thread>

#include "../pipeline/synthetic_news.h"
#include "cli_runner.h"
#include "store_inspect.h"

namespace newsfuse {
namespace {

namespace fs = std::filesystem;
using testing::InspectStore;
using testing::RunCli;

// Small batches: many commits per run, so kills land between and inside them.
constexpr const char* kBatch = "16";

pid_t StartIngest(const std::string& input, const std::string& db) {
  pid_t pid = fork();
  if (pid == 0) {
    int devnull = open("/dev/null", O_WRONLY);
    dup2(devnull, 1);
    dup2(devnull, 2);
    execl(NEWSFUSE_CLI, NEWSFUSE_CLI, "ingest", input.c_str(), "--db", db.c_str(), "--batch-size",
          kBatch, static_cast<char*>(nullptr));
    _exit(127);
  }
  return pid;
}

class CrashSafetyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "newsfuse_crash_XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    input_ = (dir_ / "news.jsonl").string();
    // 16 events of 20 reports: 320 articles.
    std::ofstream(input_) << testing::ToJsonl(testing::SyntheticNews(16, 20, 20261204));
  }
  void TearDown() override {
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }
  fs::path dir_;
  std::string input_;
};

TEST_F(CrashSafetyTest, KilledIngestsEndAsACleanRun) {
  const std::string clean_db = (dir_ / "clean.db").string();
  const auto start = std::chrono::steady_clock::now();
  auto clean = RunCli("ingest " + input_ + " --db " + clean_db + " --batch-size " + kBatch);
  const auto clean_time = std::chrono::steady_clock::now() - start;
  ASSERT_EQ(clean.exit_code, 0) << clean.out;
  const auto expected = InspectStore(clean_db);
  ASSERT_EQ(expected.articles, 320);
  ASSERT_EQ(expected.unassigned, 0);
  ASSERT_GE(expected.story_sizes.size(), 8u) << "the events should give distinct stories";

  const std::string db = (dir_ / "killed.db").string();
  std::mt19937 rng(11);
  std::uniform_real_distribution<double> when(0.0, 1.2);
  int killed_running = 0;
  for (int kill = 0; kill < 20; ++kill) {
    pid_t pid = StartIngest(input_, db);
    ASSERT_GT(pid, 0);
    std::this_thread::sleep_for(
        std::chrono::duration_cast<std::chrono::microseconds>(clean_time * when(rng)));
    // A run that already finished is not an error; it only hit no crash.
    if (::kill(pid, SIGKILL) == 0) {
      int status = 0;
      waitpid(pid, &status, 0);
      if (WIFSIGNALED(status)) ++killed_running;
    }
    const auto facts = InspectStore(db);
    if (!facts.error.empty() && !fs::exists(db)) continue;  // killed before creating it
    // Between kills too: never an article without a story.
    EXPECT_EQ(facts.integrity, "ok") << "after kill " << kill << ": " << facts.error;
    EXPECT_EQ(facts.unassigned, 0) << "after kill " << kill;
    EXPECT_EQ(facts.dangling, 0) << "after kill " << kill;
  }
  std::printf("kills that interrupted a running ingest: %d of 20\n", killed_running);

  auto last = RunCli("ingest " + input_ + " --db " + db + " --batch-size " + kBatch);
  ASSERT_EQ(last.exit_code, 0) << last.out;
  const auto facts = InspectStore(db);
  EXPECT_EQ(facts.error, "");
  EXPECT_EQ(facts.integrity, "ok");
  EXPECT_EQ(facts.articles, expected.articles);
  EXPECT_EQ(facts.memberships, expected.articles);  // every article in exactly one story
  EXPECT_EQ(facts.unassigned, 0);
  EXPECT_EQ(facts.dangling, 0);
  EXPECT_EQ(facts.story_sizes, expected.story_sizes);
}

}  // namespace
}  // namespace newsfuse
