// `newsfuse serve --db postgres://...`: the API on a PostgreSQL store answers
// what it answers on SQLite, and a POST is stored there. Needs
// NEWSFUSE_TEST_PG (scripts/pg_throwaway.sh), like the store tests, and
// psql to make a schema of its own; skips otherwise (fails with
// NEWSFUSE_REQUIRE_SERVERS=1, as in CI).
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>

#include "require_servers.h"
#include "serve_fixture.h"

namespace newsfuse {
namespace {

using nlohmann::json;
using testing::CliJson;
using testing::RunCli;
using testing::ServerProcess;
using testing::SyntheticNews;
using testing::TempStore;
using testing::ToJsonl;

std::string Quoted(const std::string& text) { return "'" + text + "'"; }

class ServePostgresTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* uri = std::getenv("NEWSFUSE_TEST_PG");
    if (uri == nullptr || *uri == '\0') {
      NEWSFUSE_SKIP_WITHOUT_SERVER("NEWSFUSE_TEST_PG is not set: the PostgreSQL run is skipped");
    }
    uri_ = uri;
    std::random_device device;
    schema_ = "nfserve_" + std::to_string(getpid()) + "_" + std::to_string(device() % 100000);
    const testing::CliRun made = Psql("CREATE SCHEMA " + schema_);
    if (made.exit_code != 0) {
      NEWSFUSE_SKIP_WITHOUT_SERVER("psql could not make a schema: " << made.out);
    }
    made_ = true;
    location_ = uri_ + (uri_.find('?') == std::string::npos ? "?" : "&") +
                "options=-csearch_path%3D" + schema_;
  }
  void TearDown() override {
    if (made_) Psql("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE");
  }

  static testing::CliRun Psql(const std::string& sql) {
    // RunCli runs the newsfuse binary; psql is run the same way, by popen.
    testing::CliRun run;
    const std::string cmd = "psql -q -v ON_ERROR_STOP=1 " +
                            Quoted(std::getenv("NEWSFUSE_TEST_PG")) + " -c " + Quoted(sql) +
                            " 2>&1";
    FILE* pipe = popen(cmd.c_str(), "r");
    if (!pipe) return run;
    char buf[4096];
    for (size_t n; (n = fread(buf, 1, sizeof buf, pipe)) > 0;) run.out.append(buf, n);
    const int status = pclose(pipe);
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
  }

  std::string uri_, schema_, location_;
  bool made_ = false;
};

TEST_F(ServePostgresTest, ServesAndStoresOnPostgres) {
  const auto news = SyntheticNews(2, 4, 6203);
  const std::vector<testing::SyntheticArticle> first(news.begin(), news.end() - 1);
  TempStore files;
  std::ofstream(files.Path("first.jsonl")) << ToJsonl(first);
  const testing::CliRun ingest =
      RunCli("ingest --db " + Quoted(location_) + " " + files.Path("first.jsonl"));
  ASSERT_EQ(ingest.exit_code, 0) << ingest.out;

  ServerProcess server;
  ASSERT_TRUE(server.Start(location_, files.Path("serve.log"))) << server.error();
  httplib::Client client = server.Client();

  // The list and each story are what the CLI prints from the same store.
  const json cli_stories = CliJson("stories --format json --db " + Quoted(location_));
  auto list = client.Get("/api/stories?limit=100");
  ASSERT_TRUE(list);
  ASSERT_EQ(list->status, 200) << list->body;
  const json listed = json::parse(list->body);
  ASSERT_EQ(listed["total_stories"].get<size_t>(), cli_stories["stories"].size());
  ASSERT_GE(listed["stories"].size(), 1u);
  const std::string id = listed["stories"][0]["id"];
  auto story = client.Get("/api/stories/" + id);
  ASSERT_TRUE(story);
  ASSERT_EQ(story->status, 200) << story->body;
  EXPECT_EQ(json::parse(story->body),
            CliJson("story " + id + " --format json --db " + Quoted(location_)));
  const std::string etag = story->get_header_value("ETag");
  ASSERT_FALSE(etag.empty());
  auto again = client.Get("/api/stories/" + id, {{"If-None-Match", etag}});
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 304);

  // A POST is stored in PostgreSQL: the CLI sees it, and the story it joined
  // has a new version.
  const auto& last = news.back();
  const json article = {{"url", last.url},
                        {"outlet", last.outlet},
                        {"title", last.title},
                        {"published_at", last.published},
                        {"text", last.text}};
  auto posted = client.Post("/api/articles", article.dump(), "application/json");
  ASSERT_TRUE(posted);
  ASSERT_EQ(posted->status, 201) << posted->body;
  const json joined = json::parse(posted->body);
  const std::string article_id = joined["article"]["id"];
  const std::string joined_id = joined["story"]["id"];
  auto health = client.Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(json::parse(health->body)["articles"].get<size_t>(), news.size());
  const json cli_article =
      CliJson("story " + joined_id + " --format json --db " + Quoted(location_));
  bool found = false;
  for (const auto& source : cli_article["sources"]) found |= source["article_id"] == article_id;
  EXPECT_TRUE(found) << "the posted article is not in the CLI's story " << joined_id;
  if (joined_id == id) {
    auto changed = client.Get("/api/stories/" + id, {{"If-None-Match", etag}});
    ASSERT_TRUE(changed);
    EXPECT_EQ(changed->status, 200);
  }
  EXPECT_EQ(server.Stop(), 0);
}

// A URI naming a schema that holds no store is refused at start: serve never
// creates one (as on SQLite, where a missing file is refused).
TEST_F(ServePostgresTest, AnEmptySchemaIsRefusedAtStart) {
  TempStore files;
  ServerProcess server;
  EXPECT_FALSE(server.Start(location_, files.Path("serve.log")));
}

}  // namespace
}  // namespace newsfuse
