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
#include <vector>

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

// The headlines of a `stories` text listing, top to bottom.
std::vector<std::string> Headlines(const std::string& listing) {
  std::vector<std::string> out;
  std::istringstream lines(listing);
  for (std::string row; std::getline(lines, row);) {
    for (const char* title : {"Toll bridge", "New bridge", "Young chess", "Winter ferry"}) {
      if (row.find(title) != std::string::npos) out.push_back(title);
    }
  }
  return out;
}

TEST_F(NewcomerCliTest, StoriesSortLimitTotalAndUndatedLast) {
  Ingest();
  const CliRun recent = RunCli("stories" + Db(), false);
  ASSERT_EQ(recent.exit_code, 0) << recent.out;
  const auto by_recent = Headlines(recent.out);
  ASSERT_EQ(by_recent.size(), 3u) << recent.out;
  EXPECT_EQ(by_recent[0], "Young chess") << recent.out;
  EXPECT_EQ(by_recent[2], "Winter ferry") << "undated comes last\n" << recent.out;
  EXPECT_NE(recent.out.find("\n3 stories, 4 articles\n"), std::string::npos) << recent.out;

  const CliRun size = RunCli("stories --sort size" + Db(), false);
  const auto by_size = Headlines(size.out);
  ASSERT_EQ(by_size.size(), 3u) << size.out;
  EXPECT_NE(by_size[0].find("bridge"), std::string::npos) << size.out;
  EXPECT_EQ(by_size[2], "Winter ferry") << size.out;

  const CliRun updated = RunCli("stories --sort updated -n 2" + Db(), false);
  EXPECT_EQ(Headlines(updated.out).size(), 2u) << updated.out;
  EXPECT_EQ(Headlines(updated.out)[0], "Young chess") << updated.out;
  EXPECT_NE(updated.out.find("showing 2 of 3 stories, 4 articles"), std::string::npos)
      << updated.out;

  EXPECT_EQ(RunCli("stories --sort oldest" + Db()).exit_code, 1);
  EXPECT_EQ(RunCli("stories --limit 0" + Db()).exit_code, 1);
}

TEST_F(NewcomerCliTest, StoriesAsJsonParseAndCarryTheTotals) {
  Ingest();
  const CliRun run = RunCli("stories --format json --sort size --limit 2" + Db(), false);
  ASSERT_EQ(run.exit_code, 0) << run.out;
  const auto doc = nlohmann::json::parse(run.out);
  EXPECT_EQ(doc["total_stories"], 3);
  EXPECT_EQ(doc["total_articles"], 4);
  ASSERT_EQ(doc["stories"].size(), 2u);
  EXPECT_EQ(doc["stories"][0]["articles"], 2);
  EXPECT_EQ(doc["stories"][0]["first_seen"], "2026-04-02");
  EXPECT_EQ(doc["stories"][1]["headline"], "Young chess champion");
  const CliRun all = RunCli("stories --format json --sort size" + Db(), false);
  EXPECT_TRUE(nlohmann::json::parse(all.out)["stories"][2]["first_seen"].is_null()) << all.out;
}

std::string Read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

int CountOf(const std::string& text, const std::string& what) {
  int n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST_F(NewcomerCliTest, DigestPrintsOneLinePerStoryByDefault) {
  const CliRun run = RunCli("digest " + feed_ + Db() + " --out " + (dir_ / "out").string(), false);
  ASSERT_EQ(run.exit_code, 0) << run.out;
  EXPECT_EQ(CountOf(run.out, "\n"), 3) << run.out;
  EXPECT_EQ(run.out.find("## Summary"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("Young chess champion"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("undated"), std::string::npos) << run.out;
}

TEST_F(NewcomerCliTest, DigestPrintNoneMdAndJson) {
  const std::string out = " --out " + (dir_ / "out").string();
  const CliRun none = RunCli("digest " + feed_ + Db() + out + " --print none", false);
  ASSERT_EQ(none.exit_code, 0) << none.out;
  EXPECT_EQ(none.out, "");
  const CliRun md = RunCli("digest " + feed_ + Db() + out + " --print md", false);
  EXPECT_EQ(CountOf(md.out, "## Summary"), 3) << md.out;
  const CliRun json = RunCli("digest " + feed_ + Db() + out + " --print json", false);
  EXPECT_EQ(CountOf(json.out, "\"schema_version\""), 3) << json.out;
  EXPECT_EQ(RunCli("digest " + feed_ + Db() + out + " --print all").exit_code, 1);
}

TEST_F(NewcomerCliTest, DigestIndexLinksEveryReportInTheFolderAndEscapesHeadlines) {
  const fs::path out = dir_ / "out";
  ASSERT_EQ(RunCli("digest " + feed_ + Db() + " --out " + out.string()).exit_code, 0);
  // A second run into the same folder: its story joins the earlier ones.
  const std::string hostile = (dir_ / "hostile.jsonl").string();
  std::ofstream(hostile) << Line("Hill <b>Gazette</b>",
                                 "Orchard <script>alert(1)</script> [x](javascript:alert(2))",
                                 "2026-07-01",
                                 "Growers in the southern valley picked a record apple harvest. "
                                 "Warm spring weather helped the orchards, the growers said. "
                                 "Packing houses hired extra staff for the fruit.");
  const CliRun second = RunCli("digest " + hostile + Db() + " --out " + out.string());
  ASSERT_EQ(second.exit_code, 0) << second.out;
  EXPECT_NE(second.out.find("index.html"), std::string::npos) << second.out;

  const std::string html = Read(out / "index.html");
  const std::string md = Read(out / "index.md");
  int stories = 0;
  for (const auto& e : fs::directory_iterator(out)) {
    const std::string name = e.path().filename().string();
    if (name.rfind("story-", 0) != 0 || e.path().extension() != ".html") continue;
    ++stories;
    EXPECT_NE(html.find("href=\"" + name + "\""), std::string::npos) << name << "\n" << html;
    const std::string md_name = e.path().stem().string() + ".md";
    EXPECT_NE(md.find("](" + md_name + ")"), std::string::npos) << md_name << "\n" << md;
  }
  EXPECT_EQ(stories, 4);
  EXPECT_NE(html.find("Young chess champion"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos) << html;
  EXPECT_EQ(html.find("javascript:alert(2)\""), std::string::npos) << html;
  EXPECT_NE(html.find("&lt;script&gt;"), std::string::npos) << html;
  for (size_t at = md.find('<'); at != std::string::npos; at = md.find('<', at + 1)) {
    EXPECT_TRUE(at > 0 && md[at - 1] == '\\') << "unescaped '<': " << md.substr(at, 40);
  }
  EXPECT_EQ(md.find("](javascript"), std::string::npos) << md;
  // Newest story first, the undated one last.
  EXPECT_LT(html.find("Orchard"), html.find("Young chess")) << html;
  EXPECT_LT(html.find("Young chess"), html.find("Winter ferry")) << html;
}

TEST_F(NewcomerCliTest, AMistypedCommandGetsASuggestion) {
  const CliRun typo = RunCli("storys" + Db());
  EXPECT_EQ(typo.exit_code, 1) << typo.out;
  EXPECT_NE(typo.out.find("unknown command 'storys'; did you mean"), std::string::npos) << typo.out;
  EXPECT_NE(typo.out.find("'stories'"), std::string::npos) << typo.out;
  const CliRun prefix = RunCli("dig " + feed_);
  EXPECT_NE(prefix.out.find("did you mean 'digest'?"), std::string::npos) << prefix.out;
  const CliRun far = RunCli("frobnicate");
  EXPECT_EQ(far.exit_code, 1) << far.out;
  EXPECT_NE(far.out.find("unknown command 'frobnicate'; the commands are"), std::string::npos)
      << far.out;
  EXPECT_EQ(RunCli("--version").exit_code, 0);
}

TEST_F(NewcomerCliTest, AMissingDatabaseSaysHowToCreateOne) {
  const std::string db = (dir_ / "none.db").string();
  for (const std::string command : {"stories", "search bridge", "story s0"}) {
    const CliRun run = RunCli(command + " --db " + db);
    EXPECT_EQ(run.exit_code, 3) << command << ": " << run.out;
    EXPECT_NE(run.out.find("no database at " + db + " (create one with `newsfuse ingest`)"),
              std::string::npos)
        << command << ": " << run.out;
  }
  EXPECT_FALSE(fs::exists(db));
}

}  // namespace
