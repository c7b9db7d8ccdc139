// `newsfuse serve --watch DIR` against the built binary: files dropped into
// the folder (written in place, or renamed in) become the stories a CLI
// ingest of the same files makes; a file still being written is not read
// before it is closed; bad files are reported by name and the server lives.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <thread>

#include "serve_fixture.h"

namespace newsfuse {
namespace {

using nlohmann::json;
using testing::CliJson;
using testing::RunCli;
using testing::ServerProcess;
using testing::SyntheticArticle;
using testing::SyntheticNews;
using testing::TempStore;
using testing::ToJsonl;

std::string ReadAll(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Waits up to 30 s (the machine may be busy) for `done`.
template <typename Fn>
bool WaitFor(Fn done) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return done();
}

int64_t ArticlesServed(ServerProcess& server) {
  auto res = server.Client().Get("/healthz");
  if (!res || res->status != 200) return -1;
  return json::parse(res->body)["articles"].get<int64_t>();
}

// Each story of the store as the set of its article ids (via the CLI).
std::set<std::set<std::string>> Partition(const std::string& db) {
  std::set<std::set<std::string>> out;
  const json stories = CliJson("stories --format json --db " + db);
  for (const auto& story : stories["stories"]) {
    const json report =
        CliJson("story " + story["id"].get<std::string>() + " --format json --db " + db);
    std::set<std::string> ids;
    for (const auto& source : report["sources"]) ids.insert(source["article_id"]);
    out.insert(ids);
  }
  return out;
}

TEST(ServeWatchTest, DroppedFilesMakeTheStoriesTheCliIngestMakes) {
  const auto news = SyntheticNews(3, 6, 9113);
  const std::vector<SyntheticArticle> first(news.begin(), news.begin() + 6);
  const std::vector<SyntheticArticle> written(news.begin() + 6, news.begin() + 12);
  const std::vector<SyntheticArticle> renamed(news.begin() + 12, news.end());
  TempStore by_cli, watched;
  ASSERT_EQ(by_cli.Ingest("first.jsonl", first), "");
  ASSERT_EQ(by_cli.Ingest("written.jsonl", written), "");
  ASSERT_EQ(by_cli.Ingest("renamed.jsonl", renamed), "");
  ASSERT_EQ(watched.Ingest("first.jsonl", first), "");
  const std::string inbox = watched.Path("inbox");
  std::filesystem::create_directory(inbox);

  ServerProcess server;
  ASSERT_TRUE(server.Start(watched.db(), watched.Path("serve.log"), {"--watch", inbox}))
      << server.error();
  ASSERT_EQ(ArticlesServed(server), 6);

  // Written in place in two parts, the first ending mid-line: nothing may be
  // read until the writer closes the file.
  const std::string text = ToJsonl(written);
  const size_t half = text.size() / 2;
  {
    std::ofstream out(inbox + "/written.jsonl");
    out << text.substr(0, half) << std::flush;
    std::this_thread::sleep_for(std::chrono::milliseconds(800));
    EXPECT_EQ(ArticlesServed(server), 6) << "a half-written file was read";
    out << text.substr(half);
  }
  ASSERT_TRUE(WaitFor([&] { return ArticlesServed(server) == 12; }))
      << ReadAll(watched.Path("serve.log"));

  // Written under a hidden name, then renamed in: how careful writers publish.
  {
    std::ofstream(inbox + "/.renamed.jsonl.tmp") << ToJsonl(renamed);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    EXPECT_EQ(ArticlesServed(server), 12) << "a hidden file was read";
    std::filesystem::rename(inbox + "/.renamed.jsonl.tmp", inbox + "/renamed.jsonl");
  }
  ASSERT_TRUE(WaitFor([&] { return ArticlesServed(server) == 18; }))
      << ReadAll(watched.Path("serve.log"));

  // The stories listed by the API are the ones the CLI made from the same files.
  auto list = server.Client().Get("/api/stories?limit=100");
  ASSERT_TRUE(list);
  EXPECT_EQ(json::parse(list->body)["total_stories"].get<size_t>(), Partition(by_cli.db()).size());
  EXPECT_EQ(Partition(watched.db()), Partition(by_cli.db()));
  const std::string log = ReadAll(watched.Path("serve.log"));
  EXPECT_NE(log.find("written.jsonl: 6 new, 0 duplicate, 0 failed"), std::string::npos) << log;
  EXPECT_NE(log.find("renamed.jsonl: 6 new, 0 duplicate, 0 failed"), std::string::npos) << log;
  EXPECT_EQ(server.Stop(), 0);
}

TEST(ServeWatchTest, BadFilesAreReportedByNameAndWatchingGoesOn) {
  const auto news = SyntheticNews(2, 3, 5171);
  TempStore store;
  ASSERT_EQ(store.Ingest("seed.jsonl", {news.front()}), "");
  const std::string inbox = store.Path("inbox");
  std::filesystem::create_directory(inbox);
  ServerProcess server;
  ASSERT_TRUE(server.Start(store.db(), store.Path("serve.log"), {"--watch", inbox}))
      << server.error();

  std::ofstream(inbox + "/broken-lines.jsonl") << "{\"url\": \"https://x.example/1\", \"text\"\n"
                                               << "not json at all\n";
  std::ofstream(inbox + "/binary-junk.txt") << std::string(4000, '\0') << "tail";
  std::ofstream(inbox + "/notes.pdf") << "%PDF-1.4 not an article";
  std::ofstream(inbox + "/empty.html");
  // A good file after the bad ones: handled in arrival order, so once it is
  // in, the bad ones have been dealt with.
  const std::vector<SyntheticArticle> good(news.begin() + 1, news.end());
  std::ofstream(inbox + "/good.jsonl") << ToJsonl(good);
  ASSERT_TRUE(WaitFor([&] {
    return ArticlesServed(server) == 1 + static_cast<int64_t>(good.size());
  })) << ReadAll(store.Path("serve.log"));

  EXPECT_TRUE(server.Alive());
  const std::string log = ReadAll(store.Path("serve.log"));
  // Each bad file is named with what is wrong with it.
  EXPECT_NE(log.find("broken-lines.jsonl:1"), std::string::npos) << log;
  EXPECT_NE(log.find("broken-lines.jsonl:2"), std::string::npos) << log;
  EXPECT_NE(log.find("binary-junk.txt"), std::string::npos) << log;
  EXPECT_NE(log.find("empty.html"), std::string::npos) << log;
  // A file of a type `ingest DIR` passes over is passed over here too.
  EXPECT_EQ(log.find("notes.pdf"), std::string::npos) << log;
  auto metrics = server.Client().Get("/metrics");
  ASSERT_TRUE(metrics);
  EXPECT_NE(metrics->body.find("newsfuse_watch_files_total{outcome=\"with_errors\"} 3"),
            std::string::npos)
      << metrics->body;
  EXPECT_NE(metrics->body.find("newsfuse_watch_files_total{outcome=\"ok\"} 1"), std::string::npos)
      << metrics->body;
  EXPECT_EQ(server.Stop(), 0);
}

TEST(ServeWatchTest, AWatchPathThatIsNoFolderIsRefusedByName) {
  TempStore store;
  ASSERT_EQ(store.Ingest("seed.jsonl", SyntheticNews(1, 1, 3)), "");
  const testing::CliRun run =
      RunCli("serve --db " + store.db() + " --listen 127.0.0.1:0 --watch " + store.Path("nope"));
  EXPECT_NE(run.exit_code, 0);
  EXPECT_NE(run.out.find(store.Path("nope")), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("not a folder"), std::string::npos) << run.out;
}

}  // namespace
}  // namespace newsfuse
