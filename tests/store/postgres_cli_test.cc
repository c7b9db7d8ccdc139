// End to end through the `newsfuse` binary: `ingest` (in one run or a page
// at a time), `stories`, `story` and `search` on a PostgreSQL --db give what
// they give on a SQLite file,
// on a small corpus written for this test (two stories of several outlets
// and one lone article). Needs NEWSFUSE_TEST_PG, like the store tests.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "../e2e/cli_runner.h"
#include "store_backends.h"

namespace newsfuse::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

struct Page {
  const char* name;
  const char* text;
};

constexpr Page kCorpus[] = {
    {"2026-03-02_valley-herald.txt",
     "Norrvik dam opens its spillway after record rain\n\n"
     "NORRVIK, March 2 (Valley Herald) — Engineers at the Norrvik dam opened the main spillway "
     "on Monday after three days of record rain filled the reservoir to its highest level since "
     "the dam was built in 1968.\n"
     "The regional water board said the release would raise the Lauva river by about forty "
     "centimetres downstream, and asked farmers near the river to move livestock to higher "
     "ground.\n"
     "\"The dam is safe and the spillway is doing what it was designed to do,\" chief engineer "
     "Maja Lindqvist told reporters at the control house.\n"},
    {"2026-03-02_north-wire.txt",
     "Spillway opened at Norrvik dam as reservoir nears the top\n\n"
     "NORRVIK, March 2 (North Wire) — The Norrvik dam spillway was opened on Monday as the "
     "reservoir neared the crest after record rain, the regional water board said.\n"
     "Chief engineer Maja Lindqvist said the dam was safe. Farmers along the Lauva river were "
     "told to expect the water to rise by about forty centimetres and to move livestock.\n"
     "The board will review the release on Tuesday morning.\n"},
    {"2026-03-03_coast-daily.txt",
     "Lauva river rises after Norrvik spillway release\n\n"
     "MELBY, March 3 (Coast Daily) — The Lauva river rose by thirty-eight centimetres overnight "
     "after the Norrvik dam opened its spillway, the regional water board said on Tuesday.\n"
     "No homes were flooded. Farmers who moved livestock from the river meadows said the "
     "warning came in time. Engineer Maja Lindqvist said the spillway would stay open until the "
     "reservoir falls below the crest.\n"},
    {"2026-03-02_chess-today.txt",
     "Okafor wins the Bergen chess final in a rapid tiebreak\n\n"
     "BERGEN, March 2 (Chess Today) — Grandmaster Adaeze Okafor won the Bergen Open chess final "
     "on Monday, beating Tomas Weiss two games to one in a rapid tiebreak after four drawn "
     "classical games.\n"
     "Okafor sacrificed a knight in the deciding game and converted the endgame with two passed "
     "pawns. The title brings her a place in the candidates tournament.\n"},
    {"2026-03-03_board-review.txt",
     "Knight sacrifice decides Bergen Open chess final\n\n"
     "BERGEN, March 3 (Board Review) — Adaeze Okafor took the Bergen Open chess title after a "
     "knight sacrifice in the third rapid tiebreak game against Tomas Weiss.\n"
     "The four classical games of the final were drawn. Okafor, who qualifies for the "
     "candidates tournament, said the sacrifice was prepared at home.\n"},
    {"2026-03-01_bird-notes.txt",
     "Grey herons return early to the Melby marsh\n\n"
     "MELBY, March 1 (Bird Notes) — The first grey herons of the year arrived at the Melby marsh "
     "on Sunday, two weeks earlier than the average of the last decade.\n"
     "Volunteers counted eleven birds at the old nesting colony beside the reed beds.\n"},
};

class PostgresCliTest : public StoreBackendTest {
 protected:
  void SetUp() override {
    StoreBackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    dir_ = fs::temp_directory_path() / ("newsfuse-pg-cli-" + std::to_string(getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "corpus");
    for (const Page& page : kCorpus) std::ofstream(dir_ / "corpus" / page.name) << page.text;
    sqlite_ = (dir_ / "news.db").string();
    postgres_ = Location("cli");
  }
  void TearDown() override {
    if (!dir_.empty()) fs::remove_all(dir_);
    StoreBackendTest::TearDown();
  }
  static std::string Db(const std::string& location) { return " --db '" + location + "'"; }
  CliRun Run(const std::string& args, const std::string& location) {
    return RunCli(args + Db(location), /*with_stderr=*/false);
  }
  // The hits' header lines (story, article, date, outlet, title), sorted:
  // both stores must find the same articles, though bm25 and ts_rank may
  // order close scores differently.
  std::vector<std::string> Hits(const std::string& query, const std::string& location) {
    CliRun run = Run("search '" + query + "'", location);
    EXPECT_EQ(run.exit_code, 0) << query << ": " << run.out;
    std::vector<std::string> lines;
    std::istringstream in(run.out);
    for (std::string line; std::getline(in, line);) {
      if (!line.empty() && line[0] != ' ') lines.push_back(line);
    }
    std::sort(lines.begin(), lines.end());
    return lines;
  }

  fs::path dir_;
  std::string sqlite_;
  std::string postgres_;
};

TEST_P(PostgresCliTest, IngestStoriesAndSearchMatchSqlite) {
  const std::string corpus = (dir_ / "corpus").string();
  for (const std::string& db : {sqlite_, postgres_}) {
    CliRun ingest = RunCli("ingest " + corpus + Db(db));
    ASSERT_EQ(ingest.exit_code, 0) << db << ": " << ingest.out;
    EXPECT_THAT(ingest.out, HasSubstr("ingested 6, duplicate 0, failed 0")) << db;
  }
  // The content-hash dedupe: a second ingest stores nothing new.
  CliRun again = RunCli("ingest " + corpus + Db(postgres_));
  ASSERT_EQ(again.exit_code, 0) << again.out;
  EXPECT_THAT(again.out, HasSubstr("ingested 0, duplicate 6, failed 0"));

  CliRun sqlite_stories = Run("stories --format json", sqlite_);
  CliRun pg_stories = Run("stories --format json", postgres_);
  ASSERT_EQ(sqlite_stories.exit_code, 0) << sqlite_stories.out;
  ASSERT_EQ(pg_stories.exit_code, 0) << pg_stories.out;
  const auto sqlite_json = nlohmann::json::parse(sqlite_stories.out);
  const auto pg_json = nlohmann::json::parse(pg_stories.out);
  EXPECT_EQ(pg_json, sqlite_json);
  // And they are the stories the corpus tells: the dam (3), the final (2),
  // the herons (1).
  ASSERT_EQ(pg_json["stories"].size(), 3u);
  std::vector<int> sizes;
  for (const auto& story : pg_json["stories"]) sizes.push_back(story["articles"].get<int>());
  std::sort(sizes.begin(), sizes.end());
  EXPECT_EQ(sizes, (std::vector<int>{1, 2, 3}));

  for (const char* query : {"spillway", "knight sacrifice", "\"Bergen Open\"", "herons",
                            "river -livestock", "Lindqvist spillway", "zeppelin"}) {
    EXPECT_EQ(Hits(query, postgres_), Hits(query, sqlite_)) << query;
  }
  EXPECT_EQ(Hits("spillway", postgres_).size(), 3u);
  EXPECT_EQ(Hits("\"Bergen Open\"", postgres_).size(), 2u);

  // A report built from the PostgreSQL store is cached there, and the
  // listing then shows its headline, as on SQLite.
  const std::string dam = pg_json["stories"][0]["id"];
  for (const std::string& db : {sqlite_, postgres_}) {
    CliRun story = Run("story " + dam + " --format json", db);
    ASSERT_EQ(story.exit_code, 0) << db << ": " << story.out;
  }
  EXPECT_EQ(nlohmann::json::parse(Run("stories --format json", postgres_).out),
            nlohmann::json::parse(Run("stories --format json", sqlite_).out));
  EXPECT_EQ(Raw(postgres_)->Query("SELECT count(*) FROM story_reports"), "1");
}

// Ingested one page at a time, each run after the first loads the kept
// clusterer state from PostgreSQL (its stories, posting lists and terms read
// on demand, an article's terms in one read) and decides as one SQLite run.
TEST_P(PostgresCliTest, OnePageAtATimeMatchesOneSqliteRun) {
  const std::string corpus = (dir_ / "corpus").string();
  CliRun one = RunCli("ingest " + corpus + Db(sqlite_));
  ASSERT_EQ(one.exit_code, 0) << one.out;
  std::vector<fs::path> pages;
  for (const auto& entry : fs::directory_iterator(dir_ / "corpus")) pages.push_back(entry.path());
  std::sort(pages.begin(), pages.end());  // the directory walk's order
  for (const fs::path& page : pages) {
    CliRun run = RunCli("ingest " + page.string() + Db(postgres_), /*with_stderr=*/true);
    ASSERT_EQ(run.exit_code, 0) << page << ": " << run.out;
    EXPECT_THAT(run.out, HasSubstr("ingested 1, duplicate 0, failed 0")) << page;
    EXPECT_THAT(run.out, ::testing::Not(HasSubstr("rebuilt the clusterer's state"))) << page;
  }
  EXPECT_EQ(nlohmann::json::parse(Run("stories --format json", postgres_).out),
            nlohmann::json::parse(Run("stories --format json", sqlite_).out));
}

INSTANTIATE_TEST_SUITE_P(Backends, PostgresCliTest, ::testing::Values(Backend::kPostgres),
                         BackendName);

}  // namespace
}  // namespace newsfuse::testing
