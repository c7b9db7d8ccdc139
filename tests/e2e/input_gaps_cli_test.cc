// Input gaps of issue 13 through the binary: a folder of gzipped pages is
// read and what a folder walk passes over is said; JSONL takes the usual
// names of the publication date and names the fields it ignores; the
// progress line shows when asked and only then. Text written for the test.
#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "cli_runner.h"

namespace {

namespace fs = std::filesystem;
using newsfuse::testing::CliRun;
using newsfuse::testing::RunCli;

std::string Gzip(const std::string& data) {
  z_stream z{};
  EXPECT_EQ(deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY),
            Z_OK);
  std::string out(deflateBound(&z, data.size()) + 32, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&z, Z_FINISH), Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

constexpr const char* kPierText =
    "The harbour board opened the new ferry pier at Westhaven on Friday. "
    "Passengers boarded the morning boat from the pier for the first time, the board said. "
    "The pier replaces a wooden jetty that storms damaged two winters ago.";
constexpr const char* kPierHtml =
    "<html><head><title>Westhaven pier opens to passengers</title></head><body><article>"
    "<p>The harbour board opened the new ferry pier at Westhaven on Friday, a year after "
    "building began.</p><p>Passengers boarded the morning boat from the pier for the first "
    "time, and the board said the old wooden jetty will be taken down in spring.</p>"
    "</article></body></html>";

class InputGapsCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("newsfuse-input-gaps-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  void Write(const std::string& name, const std::string& bytes) {
    fs::create_directories((dir_ / name).parent_path());
    std::ofstream(dir_ / name, std::ios::binary) << bytes;
  }
  std::string Path(const std::string& name) const { return (dir_ / name).string(); }
  std::string Db() const { return " --db " + Path("news.db"); }
  int64_t Articles() {
    const CliRun run = RunCli("stories --format json" + Db(), false);
    if (run.exit_code != 0) return -1;
    return nlohmann::json::parse(run.out)["total_articles"].get<int64_t>();
  }
  fs::path dir_;
};

TEST_F(InputGapsCliTest, AFolderOfGzippedPagesIsReadAndWhatIsSkippedIsSaid) {
  Write("pages/2026-03-06_west-post.html.gz", Gzip(kPierHtml));
  Write("pages/more/pier.txt.gz", Gzip(kPierText));
  Write("pages/scan.pdf", "%PDF-1.4 not a page");
  Write("pages/README", "notes about the crawl");
  const CliRun run = RunCli("ingest " + Path("pages") + Db());
  EXPECT_EQ(run.exit_code, 0) << run.out;
  EXPECT_NE(run.out.find("ingested 2, duplicate 0, failed 0"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("skipped 2 files in folders: 1 unknown type (no extension), 1 unknown "
                         "type .pdf"),
            std::string::npos)
      << run.out;
  EXPECT_EQ(Articles(), 2);

  // A folder of nothing readable says so rather than a bare "ingested 0".
  Write("other/a.pdf", "%PDF");
  Write("other/b.pdf", "%PDF");
  const CliRun none = RunCli("ingest " + Path("other") + Db());
  EXPECT_EQ(none.exit_code, 0) << none.out;
  EXPECT_NE(none.out.find("ingested 0"), std::string::npos) << none.out;
  EXPECT_NE(none.out.find("skipped 2 files in folders: 2 unknown type .pdf"), std::string::npos)
      << none.out;
}

TEST_F(InputGapsCliTest, ABrokenGzippedPageIsNamedAndTheStoreKeepsItsData) {
  Write("first/pier.txt", kPierText);
  ASSERT_EQ(RunCli("ingest " + Path("first") + Db()).exit_code, 0);
  std::string broken = Gzip(std::string(kPierText) + " The mayor came to the opening.");
  broken.resize(broken.size() / 2);
  Write("second/broken.txt.gz", broken);
  Write("second/ok.html.gz", Gzip(kPierHtml));
  const CliRun run = RunCli("ingest " + Path("second") + Db());
  EXPECT_EQ(run.exit_code, 2) << run.out;
  EXPECT_NE(run.out.find(Path("second/broken.txt.gz")), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("ingested 1, duplicate 0, failed 1"), std::string::npos) << run.out;
  EXPECT_EQ(Articles(), 2);
}

TEST_F(InputGapsCliTest, JsonlDatesUnderOtherNamesAreReadAndIgnoredFieldsNamed) {
  Write("feed.jsonl",
        std::string("{\"title\": \"Pier opens\", \"pubDate\": \"2026-03-06\", \"section\": "
                    "\"local\", \"text\": \"") +
            kPierText +
            "\"}\n"
            "{\"title\": \"Chess final in Oldport\", \"published_at\": \"2026-05-10T09:00:00Z\", "
            "\"section\": \"sport\", \"likes\": 4, \"text\": \"A twelve-year-old player won the "
            "national chess final in Oldport on Sunday after a five-hour game.\"}\n"
            "{\"title\": \"Orchard harvest\", \"date\": \"2026-08-20\", \"text\": \"Growers in "
            "the southern valley picked a record apple harvest this week.\"}\n");
  const CliRun run = RunCli("ingest " + Path("feed.jsonl") + Db());
  EXPECT_EQ(run.exit_code, 0) << run.out;
  EXPECT_EQ(run.out.find("undated"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("ignored JSONL fields newsfuse does not read: \"likes\" (1 record), "
                         "\"section\" (2 records)"),
            std::string::npos)
      << run.out;
  const auto doc = nlohmann::json::parse(RunCli("stories --format json" + Db(), false).out);
  std::set<std::string> dates;
  for (const auto& story : doc["stories"]) dates.insert(story["first_seen"].get<std::string>());
  EXPECT_EQ(dates, (std::set<std::string>{"2026-03-06", "2026-05-10T09:00:00Z", "2026-08-20"}))
      << doc.dump(1);

  // A date of the wrong type is an error naming the line; the rest is kept.
  Write("bad.jsonl", std::string("{\"pubDate\": 20260306, \"text\": \"") + kPierText + "\"}\n");
  const CliRun bad = RunCli("ingest " + Path("bad.jsonl") + Db());
  EXPECT_EQ(bad.exit_code, 2) << bad.out;
  EXPECT_NE(bad.out.find(Path("bad.jsonl") + ":1"), std::string::npos) << bad.out;
  EXPECT_NE(bad.out.find("\"pubDate\" must be a string"), std::string::npos) << bad.out;
  EXPECT_EQ(Articles(), 3);
}

TEST_F(InputGapsCliTest, ProgressShowsWhenAskedAndNeverInAPipeOtherwise) {
  Write("pages/a.txt", kPierText);
  Write("pages/b.html", kPierHtml);
  // stderr is a pipe here: no progress unless asked.
  const CliRun quiet = RunCli("ingest " + Path("pages") + Db());
  ASSERT_EQ(quiet.exit_code, 0) << quiet.out;
  EXPECT_EQ(quiet.out.find("articles/s"), std::string::npos) << quiet.out;
  EXPECT_EQ(quiet.out.find('\r'), std::string::npos) << quiet.out;

  const CliRun asked = RunCli("ingest --progress " + Path("pages") + " --db " + Path("p.db"));
  ASSERT_EQ(asked.exit_code, 0) << asked.out;
  EXPECT_NE(asked.out.find("2 articles, "), std::string::npos) << asked.out;
  EXPECT_NE(asked.out.find("articles/s, "), std::string::npos) << asked.out;
  EXPECT_NE(asked.out.find("100% of input, ETA 0:00"), std::string::npos) << asked.out;
  // The line ends before the summary, which starts a line of its own.
  EXPECT_NE(asked.out.find("\ningested 2"), std::string::npos) << asked.out;

  const CliRun digest = RunCli("digest --progress " + Path("pages") + " --db " + Path("d.db") +
                               " --out " + Path("out") + " --print none");
  ASSERT_EQ(digest.exit_code, 0) << digest.out;
  EXPECT_NE(digest.out.find("articles/s"), std::string::npos) << digest.out;

  const CliRun off = RunCli("ingest --no-progress " + Path("pages") + " --db " + Path("q.db"));
  EXPECT_EQ(off.out.find("articles/s"), std::string::npos) << off.out;
  EXPECT_EQ(RunCli("ingest --progress --no-progress " + Path("pages") + Db()).exit_code, 1);
}

}  // namespace

namespace {

TEST_F(InputGapsCliTest, SearchHitsShowTheirDateAndOutlet) {
  Write("feed.jsonl",
        std::string("{\"outlet\": \"Harbour Herald\", \"title\": \"Pier opens\", \"pubDate\": "
                    "\"2026-03-06\", \"text\": \"") +
            kPierText +
            "\"}\n{\"outlet\": \"Island Voice\", \"title\": \"Pier plans\", \"text\": \"The "
            "island council wants a pier of its own like the one at Westhaven.\"}\n");
  ASSERT_EQ(RunCli("ingest " + Path("feed.jsonl") + Db()).exit_code, 0);
  const CliRun run = RunCli("search pier" + Db(), false);
  ASSERT_EQ(run.exit_code, 0) << run.out;
  EXPECT_NE(run.out.find("2026-03-06  Harbour Herald — Pier opens"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("undated  Island Voice — Pier plans"), std::string::npos) << run.out;
}

}  // namespace
