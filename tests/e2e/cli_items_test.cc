// CLI items of issue 13 that had no end-to-end test: read-only commands
// leave no -wal/-shm files where they found none, `--summary-words` gives a
// summary of about the length asked for, and an HTML page's canonical URL
// and site name reach the report. Through the binary, on text written for
// the test.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli_runner.h"

namespace {

namespace fs = std::filesystem;
using newsfuse::testing::CliRun;
using newsfuse::testing::RunCli;

// Three reports of one made-up event, eight sentences each, so a summary
// has more to choose from than its default five to eight sentences.
constexpr const char* kDamA =
    "Engineers finished repairs to the Greyfell dam on Tuesday, two months ahead of plan. "
    "The dam cracked in March after heavy rain filled the reservoir above the town of Ossel. "
    "Workers poured new concrete into the damaged spillway through the summer. "
    "The water board said the reservoir will be refilled slowly over six weeks. "
    "Families downstream in Ossel had been moved to a school during the worst week. "
    "The repairs cost the board eleven million pounds, less than first feared. "
    "Inspectors will check the wall every month until the spring floods have passed. "
    "The board thanked the crews who worked night shifts to finish the spillway.";
constexpr const char* kDamB =
    "Repairs to the Greyfell dam are finished, the regional water board said on Tuesday. "
    "A crack opened in the dam wall in March when heavy rain filled the reservoir. "
    "Crews rebuilt the spillway with new concrete over the summer months. "
    "The reservoir above Ossel will be refilled slowly over six weeks, the board said. "
    "The work cost eleven million pounds, which the board said was below its estimate. "
    "Residents of Ossel who left their homes in March have all returned. "
    "Anglers hope the lake will be stocked with trout again next year. "
    "Monthly inspections of the wall will continue until the spring floods have passed.";
constexpr const char* kDamC =
    "The Greyfell dam is safe again after repairs that ended on Tuesday. "
    "Heavy rain in March filled the reservoir and opened a crack in the wall. "
    "Night crews rebuilt the spillway with new concrete during the summer. "
    "Refilling the reservoir will take about six weeks, according to the water board. "
    "The council of Ossel said the school used as a shelter has reopened for pupils. "
    "A local farmer said his fields were flooded twice before the dam was repaired. "
    "The board put the cost at eleven million pounds. "
    "Engineers said the new spillway can carry twice the water of the old one.";

std::string Line(const std::string& outlet, const std::string& title, const std::string& text) {
  return "{\"outlet\": \"" + outlet + "\", \"title\": \"" + title +
         "\", \"published\": \"2026-09-08\", \"text\": \"" + text + "\"}\n";
}

class CliItemsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("newsfuse-cli-items-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = (dir_ / "news.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& bytes) {
    fs::create_directories((dir_ / name).parent_path());
    std::ofstream(dir_ / name, std::ios::binary) << bytes;
    return (dir_ / name).string();
  }
  std::string Db() const { return " --db " + db_; }
  bool WalFiles() const { return fs::exists(db_ + "-wal") || fs::exists(db_ + "-shm"); }
  // The id of the story `stories` lists first.
  std::string FirstStory() {
    const CliRun run = RunCli("stories --format json" + Db(), false);
    EXPECT_EQ(run.exit_code, 0) << run.out;
    if (run.exit_code != 0) return "";
    return nlohmann::json::parse(run.out)["stories"][0]["id"].get<std::string>();
  }
  void IngestDam() {
    const std::string feed =
        Write("dam.jsonl", Line("Ossel Courier", "Greyfell dam repaired", kDamA) +
                               Line("Water Weekly", "Dam repairs done", kDamB) +
                               Line("Valley Post", "Greyfell dam safe", kDamC));
    ASSERT_EQ(RunCli("ingest " + feed + Db()).exit_code, 0);
  }
  fs::path dir_;
  std::string db_;
};

// Was: `stories` and `search` left news.db-wal and news.db-shm behind; a
// read-only connection to a WAL store creates them and may not remove them.
TEST_F(CliItemsTest, ReadOnlyCommandsLeaveNoWalFiles) {
  IngestDam();
  ASSERT_FALSE(WalFiles()) << "ingest closes cleanly";
  const std::string id = FirstStory();
  ASSERT_FALSE(id.empty());
  EXPECT_FALSE(WalFiles()) << "after stories --format json";
  for (const std::string& command : std::vector<std::string>{
           "stories", "search spillway", "search --fts 'dam OR reservoir'", "story " + id,
           "story " + id + " --format json", "search nothingmatchesthis"}) {
    const CliRun run = RunCli(command + Db(), false);
    EXPECT_EQ(run.exit_code, 0) << command << ": " << run.out;
    EXPECT_FALSE(fs::exists(db_ + "-wal")) << "after " << command;
    EXPECT_FALSE(fs::exists(db_ + "-shm")) << "after " << command;
  }
}

// Words in the "## Summary" section of a Markdown report.
int SummaryWords(const std::string& md) {
  const size_t from = md.find("## Summary");
  if (from == std::string::npos) return -1;
  const size_t to = md.find("\n## ", from + 1);
  std::istringstream in(md.substr(from, to == std::string::npos ? std::string::npos : to - from));
  int words = 0;
  for (std::string w; in >> w;) {
    if (w[0] != '[' && w[0] != '-' && w[0] != '#' && w != "Summary") ++words;
  }
  return words;
}

TEST_F(CliItemsTest, SummaryWordsSetsTheSummaryLength) {
  IngestDam();
  const std::string id = FirstStory();
  const CliRun standard = RunCli("story " + id + Db(), false);
  ASSERT_EQ(standard.exit_code, 0) << standard.out;
  const int standard_words = SummaryWords(standard.out);
  ASSERT_GT(standard_words, 0) << standard.out;

  // The story has ~170 words of distinct content: 150 asked, about 150 given.
  const CliRun long_one = RunCli("story " + id + " --summary-words 150" + Db(), false);
  ASSERT_EQ(long_one.exit_code, 0) << long_one.out;
  const int long_words = SummaryWords(long_one.out);
  EXPECT_GT(long_words, standard_words) << long_one.out;
  EXPECT_GE(long_words, 130) << long_one.out;
  EXPECT_LE(long_words, 150 + 30) << "one sentence at most past the budget\n" << long_one.out;

  const CliRun short_one = RunCli("story " + id + " --summary-words 30" + Db(), false);
  ASSERT_EQ(short_one.exit_code, 0) << short_one.out;
  EXPECT_LT(SummaryWords(short_one.out), standard_words) << short_one.out;
  EXPECT_LE(SummaryWords(short_one.out), 30 + 30) << short_one.out;

  // Asked again, the default report is the cached one, not the long one.
  EXPECT_EQ(SummaryWords(RunCli("story " + id + Db(), false).out), standard_words);
  // digest takes the flag too and writes what it prints.
  const CliRun digest =
      RunCli("digest " + (dir_ / "dam.jsonl").string() + Db() +
                 " --print md --summary-words 150 --out " + (dir_ / "out").string(),
             false);
  ASSERT_EQ(digest.exit_code, 0) << digest.out;
  EXPECT_GE(SummaryWords(digest.out), 130) << digest.out;

  const CliRun bad = RunCli("story " + id + " --summary-words 0" + Db());
  EXPECT_EQ(bad.exit_code, 1) << bad.out;
  EXPECT_NE(bad.out.find("--summary-words"), std::string::npos) << bad.out;
}

// A page without a URL of its own gets its canonical one (or og:url); its
// outlet comes from og:site_name or the JSON-LD publisher.
TEST_F(CliItemsTest, PagesGiveTheirCanonicalUrlAndSiteNameToTheReport) {
  Write("pages/a.html",
        "<html><head><title>Quarry lake reopens for swimmers</title>"
        "<link rel=\"canonical\" href=\"https://www.lakeside-herald.example/news/quarry-lake\">"
        "<meta property=\"og:site_name\" content=\"Lakeside Herald\">"
        "<meta property=\"article:published_time\" content=\"2026-07-02T08:00:00Z\">"
        "</head><body><article><p>The council reopened the quarry lake at Millbrook for swimmers "
        "on Thursday after the water passed its tests.</p><p>Lifeguards will watch the beach "
        "every afternoon until September, the council said.</p><p>The lake had been closed "
        "since a chemical spill upstream in May.</p></article></body></html>");
  Write("pages/b.html",
        "<html><head><title>Millbrook lake open again</title>"
        "<meta property=\"og:url\" content=\"https://valleynews.example/2026/07/lake\">"
        "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"datePublished\": "
        "\"2026-07-02\", \"publisher\": {\"@type\": \"Organization\", \"name\": \"Valley "
        "News\"}}</script></head><body><article><p>Swimmers returned to the quarry lake at "
        "Millbrook on Thursday after the council said the water passed its tests.</p><p>The "
        "lake had been closed since a chemical spill upstream in May, and lifeguards will be "
        "on the beach each afternoon.</p></article></body></html>");
  const CliRun ingest = RunCli("ingest " + (dir_ / "pages").string() + Db());
  ASSERT_EQ(ingest.exit_code, 0) << ingest.out;
  EXPECT_NE(ingest.out.find("ingested 2, duplicate 0, failed 0"), std::string::npos) << ingest.out;
  const CliRun story = RunCli("story " + FirstStory() + " --format json" + Db(), false);
  ASSERT_EQ(story.exit_code, 0) << story.out;
  const auto sources = nlohmann::json::parse(story.out)["sources"];
  ASSERT_EQ(sources.size(), 2u) << story.out;
  std::map<std::string, std::string> url_of;
  for (const auto& s : sources) url_of[s["outlet"].get<std::string>()] = s["url"];
  EXPECT_EQ(url_of["Lakeside Herald"], "https://www.lakeside-herald.example/news/quarry-lake")
      << story.out;
  EXPECT_EQ(url_of["Valley News"], "https://valleynews.example/2026/07/lake") << story.out;
}

// Names spelt several ways: the typed spelling finds the others through the
// entity keys the analysis stores; a word that is no name gets no variants.
TEST_F(CliItemsTest, SearchFindsOtherSpellingsOfAName) {
  const std::string feed = Write(
      "names.jsonl",
      "{\"outlet\": \"East Wire\", \"title\": \"Envoys in Kyiv\", \"published\": "
      "\"2026-05-04\", \"text\": \"President Volodymyr Zelenskiy met European envoys in Kyiv on "
      "Monday. Zelenskiy said the talks on grain exports were useful.\"}\n"
      "{\"outlet\": \"Polish Daily\", \"title\": \"Warsaw visit\", \"published\": "
      "\"2026-05-05\", \"text\": \"Ukraine's president Zelenskyy visited Warsaw on Tuesday to "
      "meet Polish leaders about farm trade.\"}\n"
      "{\"outlet\": \"Desert Times\", \"title\": \"Old speech found\", \"published\": "
      "\"2026-05-06\", \"text\": \"Archivists in Tripoli found a recording of a speech by "
      "Muammar Qaddafi from 1979. Qaddafi spoke for four hours about oil prices.\"}\n"
      "{\"outlet\": \"Law Review\", \"title\": \"Codes of practice\", \"published\": "
      "\"2026-05-07\", \"text\": \"Lawyers asked parliament to codify the rules on tenancy "
      "deposits before the summer recess.\"}\n");
  ASSERT_EQ(RunCli("ingest " + feed + Db()).exit_code, 0);

  const CliRun zelensky = RunCli("search Zelensky" + Db(), false);
  ASSERT_EQ(zelensky.exit_code, 0) << zelensky.out;
  EXPECT_NE(zelensky.out.find("Envoys in Kyiv"), std::string::npos) << zelensky.out;
  EXPECT_NE(zelensky.out.find("Warsaw visit"), std::string::npos) << zelensky.out;
  EXPECT_EQ(zelensky.out.find("Old speech"), std::string::npos) << zelensky.out;

  const CliRun gadhafi = RunCli("search Gadhafi" + Db(), false);
  ASSERT_EQ(gadhafi.exit_code, 0) << gadhafi.out;
  EXPECT_NE(gadhafi.out.find("Old speech found"), std::string::npos) << gadhafi.out;
  EXPECT_EQ(gadhafi.out.find("Codes of practice"), std::string::npos) << gadhafi.out;
  // With other words, the variants stand in for the name alone.
  EXPECT_NE(RunCli("search gadhafi oil" + Db(), false).out.find("Old speech found"),
            std::string::npos);
  EXPECT_NE(RunCli("search gadhafi tenancy" + Db()).out.find("no matches"), std::string::npos);
  // "codify" shares Gadhafi's consonants but names no one: not a variant.
  const CliRun codify = RunCli("search kodafy" + Db());
  EXPECT_EQ(codify.out.find("Codes of practice"), std::string::npos) << codify.out;
  // A quoted word is searched as typed.
  EXPECT_NE(RunCli("search '\"Gadhafi\"'" + Db()).out.find("no matches"), std::string::npos);
}

}  // namespace
