// Several `newsfuse` processes on one store, and a store that cannot be
// written: through the CLI, as users hit them.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "../pipeline/synthetic_news.h"
#include "cli_runner.h"
#include "store_inspect.h"

namespace newsfuse {
namespace {

namespace fs = std::filesystem;
using testing::InspectStore;
using testing::RunCli;
using testing::SyntheticArticle;

// Starts `newsfuse ARGS...` without waiting; its output goes to `log`.
pid_t Start(const std::vector<std::string>& args, const std::string& log) {
  pid_t pid = fork();
  if (pid == 0) {
    int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(fd, 1);
    dup2(fd, 2);
    std::vector<char*> argv{const_cast<char*>(NEWSFUSE_CLI)};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(NEWSFUSE_CLI, argv.data());
    _exit(127);
  }
  return pid;
}

int Wait(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

class ConcurrencyCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "newsfuse_concurrency_XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  void TearDown() override {
    std::error_code ignored;
    fs::permissions(dir_, fs::perms::owner_all, fs::perm_options::add, ignored);
    fs::remove_all(dir_, ignored);
  }
  std::string Write(const std::string& name, const std::vector<SyntheticArticle>& articles) {
    const std::string path = (dir_ / name).string();
    std::ofstream(path) << testing::ToJsonl(articles);
    return path;
  }
  fs::path dir_;
};

// Was: one of two fails with "enabling WAL: database is locked", exit 3.
TEST_F(ConcurrencyCliTest, ProcessesCreatingOneNewStoreAllSucceed) {
  const auto news = testing::SyntheticNews(4, 3, 5);
  std::vector<std::string> inputs;
  for (size_t i = 0; i < news.size(); ++i) {
    inputs.push_back(Write("one" + std::to_string(i) + ".jsonl", {news[i]}));
  }
  for (int round = 0; round < 6; ++round) {
    const std::string db = (dir_ / ("new" + std::to_string(round) + ".db")).string();
    std::vector<pid_t> pids;
    std::vector<std::string> logs;
    for (int p = 0; p < 4; ++p) {
      logs.push_back((dir_ / ("log" + std::to_string(p))).string());
      pids.push_back(
          Start({"ingest", inputs[(round * 2 + p) % inputs.size()], "--db", db}, logs.back()));
    }
    for (size_t p = 0; p < pids.size(); ++p) {
      EXPECT_EQ(Wait(pids[p]), 0) << "round " << round << ": " << Slurp(logs[p]);
    }
    const auto facts = InspectStore(db);
    EXPECT_EQ(facts.articles, 4) << "round " << round;
    EXPECT_EQ(facts.unassigned, 0) << "round " << round;
  }
}

// Was: two halves ingested at once split stories that a sequential run keeps
// whole, since each process clustered without the other's stories.
TEST_F(ConcurrencyCliTest, ConcurrentHalvesGiveTheStoriesOfASequentialRun) {
  const auto news = testing::SyntheticNews(10, 16, 81);
  const std::vector<SyntheticArticle> first(news.begin(), news.begin() + news.size() / 2);
  const std::vector<SyntheticArticle> second(news.begin() + news.size() / 2, news.end());
  const std::string a = Write("a.jsonl", first), b = Write("b.jsonl", second);

  const std::string seq_db = (dir_ / "seq.db").string();
  ASSERT_EQ(RunCli("ingest " + a + " --db " + seq_db).exit_code, 0);
  ASSERT_EQ(RunCli("ingest " + b + " --db " + seq_db).exit_code, 0);
  const auto sequential = InspectStore(seq_db);
  ASSERT_EQ(sequential.articles, 160);
  // The events are far apart: one story each, whatever the arrival order,
  // so any difference below comes from the writers, not from the order.
  ASSERT_EQ(sequential.partition.size(), 10u) << "one story per event expected";

  for (int round = 0; round < 2; ++round) {
    const std::string db = (dir_ / ("both" + std::to_string(round) + ".db")).string();
    // Small batches so the two really interleave.
    const std::string la = (dir_ / "la").string(), lb = (dir_ / "lb").string();
    pid_t pa = Start({"ingest", a, "--db", db, "--batch-size", "8"}, la);
    pid_t pb = Start({"ingest", b, "--db", db, "--batch-size", "8"}, lb);
    ASSERT_EQ(Wait(pa), 0) << Slurp(la);
    ASSERT_EQ(Wait(pb), 0) << Slurp(lb);
    const auto together = InspectStore(db);
    EXPECT_EQ(together.articles, 160);
    EXPECT_EQ(together.unassigned, 0);
    EXPECT_TRUE(together.partition == sequential.partition)
        << "round " << round << ": " << together.partition.size() << " stories against "
        << sequential.partition.size() << " in sequence";
  }
}

// As root, permissions do not stop writes; the read-only cases run the CLI
// as nobody then, which they do stop.
std::string AsUnprivileged() {
  if (geteuid() != 0) return "";
  if (access("/usr/bin/setpriv", X_OK) != 0) return "-";
  return "/usr/bin/setpriv --reuid=65534 --regid=65534 --clear-groups ";
}

testing::CliRun RunAs(const std::string& prefix, const std::string& args) {
  return testing::RunCli(args, /*with_stderr=*/true, prefix);
}

class ReadOnlyStoreTest : public ConcurrencyCliTest, public ::testing::WithParamInterface<bool> {};

// Was: "reading schema version: attempt to write a readonly database", exit 3,
// for `stories` on a store in a read-only folder.
TEST_P(ReadOnlyStoreTest, ReadCommandsWorkAndWritesSayWhy) {
  const bool folder_read_only = GetParam();
  const std::string prefix = AsUnprivileged();
  if (prefix == "-") GTEST_SKIP() << "running as root without setpriv";
  const auto news = testing::SyntheticNews(3, 4, 9);
  const std::string input = Write("news.jsonl", news);
  const fs::path store_dir = dir_ / "store";
  fs::create_directory(store_dir);
  const std::string db = (store_dir / "news.db").string();
  ASSERT_EQ(RunCli("ingest " + input + " --db " + db).exit_code, 0);
  ASSERT_FALSE(fs::exists(db + "-wal")) << "a clean close leaves no WAL";

  // The test's own folder must be enterable by the unprivileged user.
  fs::permissions(dir_, fs::perms::owner_all | fs::perms::others_exec | fs::perms::group_exec);
  if (folder_read_only) {
    fs::permissions(db, fs::perms(0644));
    fs::permissions(store_dir, fs::perms(0555));
  } else {
    fs::permissions(store_dir, fs::perms(0777));
    fs::permissions(db, fs::perms(0444));
  }

  auto stories = RunAs(prefix, "stories --db " + db);
  EXPECT_EQ(stories.exit_code, 0) << stories.out;
  EXPECT_NE(stories.out.find("STORY"), std::string::npos) << stories.out;
  const size_t line = stories.out.find('\n');
  ASSERT_NE(line, std::string::npos);
  const std::string story_id = stories.out.substr(line + 1, stories.out.find(' ', line) - line - 1);
  auto story = RunAs(prefix, "story " + story_id + " --db " + db);
  EXPECT_EQ(story.exit_code, 0) << story_id << ": " << story.out;
  const std::string word = news[0].title.substr(0, news[0].title.find(' '));
  auto search = RunAs(prefix, "search " + word + " --db " + db);
  EXPECT_EQ(search.exit_code, 0) << search.out;
  EXPECT_NE(search.out.find(word), std::string::npos) << search.out;

  auto ingest = RunAs(prefix, "ingest " + input + " --db " + db);
  EXPECT_EQ(ingest.exit_code, 3) << ingest.out;
  EXPECT_NE(ingest.out.find(db), std::string::npos) << ingest.out;
  EXPECT_NE(ingest.out.find("read-only"), std::string::npos) << ingest.out;
  fs::permissions(store_dir, fs::perms(0755));
}

INSTANTIATE_TEST_SUITE_P(FolderOrFile, ReadOnlyStoreTest, ::testing::Bool(),
                         [](const auto& info) { return info.param ? "Folder" : "File"; });

}  // namespace
}  // namespace newsfuse
