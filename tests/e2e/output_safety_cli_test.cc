// Issue 11, items 3 and 6, through the `newsfuse` binary: hostile input gives
// no script link, no raw HTML in Markdown, no terminal escapes on stdout;
// UTF-16 and stray-NUL pages are read; a 20 MB title is capped with a warning.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "cli_runner.h"

namespace {

namespace fs = std::filesystem;
using newsfuse::testing::CliRun;
using newsfuse::testing::RunCli;

constexpr const char* kBody =
    "The harbour council approved the new flood barrier budget on Tuesday after a long debate. "
    "Work on the barrier will start in May and should take two years, the council said. "
    "Residents of the old town have asked for better protection since the floods of last winter.";

class OutputSafetyCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("newsfuse-safety-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& bytes) const {
    std::ofstream(dir_ / name, std::ios::binary) << bytes;
    return (dir_ / name).string();
  }
  std::string Db() const { return " --db " + (dir_ / "news.db").string(); }
  static std::string Read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  fs::path dir_;
};

bool HasTerminalControl(const std::string& s) {
  for (unsigned char c : s) {
    if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) return true;
  }
  return false;
}

// A JSONL feed whose title carries a colour escape and a BEL, whose url is
// javascript:, and whose text holds a script tag and an onerror image.
std::string HostileFeed() {
  return std::string(
             "{\"url\": \"javascript:alert(1)\", \"outlet\": \"Harbour "
             "\\u001b]0;owned\\u0007Gazette\", ") +
         "\"title\": \"Barrier \\u001b[31mbudget\\u001b[0m approved\\u0007\", \"published\": "
         "\"2026-03-03\", " +
         "\"text\": \"" + kBody +
         " Critics wrote <script>alert(2)</script> and <img src=x onerror=alert(3)> " +
         "on the council \\u001b[2Jwebsite, the council said.\"}\n" +
         "{\"url\": \"data:text/html,<script>alert(4)</script>\", \"outlet\": \"Valley Herald\", " +
         "\"title\": \"Flood barrier budget passes\", \"published\": \"2026-03-03\", \"text\": \"" +
         kBody + "\"}\n";
}

TEST_F(OutputSafetyCliTest, JavascriptAndDataUrlsBecomeNoLinksAndMarkdownRunsNoHtml) {
  const std::string feed = Write("feed.jsonl", HostileFeed());
  const CliRun digest = RunCli("digest " + feed + Db() + " --out " + (dir_ / "out").string());
  ASSERT_EQ(digest.exit_code, 0) << digest.out;
  int reports = 0;
  for (const auto& e : fs::directory_iterator(dir_ / "out")) {
    const std::string text = Read(e.path());
    if (e.path().extension() == ".html") {
      ++reports;
      EXPECT_EQ(text.find("href=\"javascript"), std::string::npos) << text;
      EXPECT_EQ(text.find("href=\"data:"), std::string::npos) << text;
      EXPECT_EQ(text.find("<script"), std::string::npos);
      EXPECT_EQ(text.find("<img"), std::string::npos);
    }
    if (e.path().extension() == ".md") {
      ++reports;
      EXPECT_EQ(text.find("<javascript"), std::string::npos) << text;
      EXPECT_EQ(text.find("<data:"), std::string::npos) << text;
      for (size_t at = text.find('<'); at != std::string::npos; at = text.find('<', at + 1)) {
        EXPECT_TRUE(at > 0 && text[at - 1] == '\\')
            << "unescaped '<' from input: " << text.substr(at, 40);
      }
    }
    if (e.path().extension() != ".json") {
      EXPECT_FALSE(HasTerminalControl(text)) << e.path();
    }
  }
  EXPECT_GE(reports, 2);
  EXPECT_FALSE(HasTerminalControl(digest.out)) << digest.out;
}

TEST_F(OutputSafetyCliTest, StoriesSearchExtractAndAnalyzePrintNoEscapes) {
  const std::string feed = Write("feed.jsonl", HostileFeed());
  ASSERT_EQ(RunCli("ingest " + feed + Db()).exit_code, 0);

  const CliRun stories = RunCli("stories" + Db(), false);
  ASSERT_EQ(stories.exit_code, 0) << stories.out;
  EXPECT_FALSE(HasTerminalControl(stories.out)) << stories.out;

  const CliRun search = RunCli("search barrier" + Db(), false);
  ASSERT_EQ(search.exit_code, 0) << search.out;
  EXPECT_NE(search.out.find("Barrier budget approved"), std::string::npos) << search.out;
  EXPECT_NE(search.out.find("Harbour Gazette"), std::string::npos) << search.out;
  EXPECT_FALSE(HasTerminalControl(search.out)) << search.out;

  const CliRun extract = RunCli("extract " + feed + " --format text", false);
  ASSERT_EQ(extract.exit_code, 0) << extract.out;
  EXPECT_NE(extract.out.find("# Barrier budget approved\n"), std::string::npos) << extract.out;
  EXPECT_NE(extract.out.find("on the council website"), std::string::npos) << extract.out;
  EXPECT_FALSE(HasTerminalControl(extract.out)) << extract.out;

  const CliRun analyze = RunCli("analyze " + feed + " --format text", false);
  ASSERT_EQ(analyze.exit_code, 0) << analyze.out;
  EXPECT_NE(analyze.out.find("# Barrier budget approved\n"), std::string::npos) << analyze.out;
  EXPECT_FALSE(HasTerminalControl(analyze.out)) << analyze.out;

  const std::string id = stories.out.substr(stories.out.find('\n') + 1, 13);
  for (const char* format : {"md", "html", "json"}) {
    const CliRun story = RunCli("story " + id + " --format " + format + Db(), false);
    ASSERT_EQ(story.exit_code, 0) << story.out;
    EXPECT_FALSE(HasTerminalControl(story.out)) << format;
  }
}

std::string Utf16(const std::string& ascii, bool little) {
  std::string out = little ? "\xFF\xFE" : "\xFE\xFF";
  for (char c : ascii) out += little ? std::string{c, '\0'} : std::string{'\0', c};
  return out;
}

const std::string kPage =
    std::string("<html><head><title>Flood barrier approved</title></head><body><article>") +
    "<h1>Flood barrier approved</h1><p>" + kBody + "</p></article></body></html>";

TEST_F(OutputSafetyCliTest, Utf16PagesWithBomAreExtracted) {
  const std::string le = Write("le.html", Utf16(kPage, true));
  const std::string be = Write("be.html", Utf16(kPage, false));
  const CliRun run = RunCli("extract " + le + " " + be + " --format text");
  EXPECT_EQ(run.exit_code, 0) << run.out;
  EXPECT_EQ(run.out.find("binary"), std::string::npos) << run.out;
  size_t titles = 0;
  for (size_t at = run.out.find("# Flood barrier approved\n"); at != std::string::npos;
       at = run.out.find("# Flood barrier approved\n", at + 1)) {
    ++titles;
  }
  EXPECT_EQ(titles, 2u) << run.out;
  EXPECT_NE(run.out.find("harbour council approved"), std::string::npos) << run.out;
  const CliRun ingest = RunCli("ingest " + le + " " + be + Db());
  EXPECT_EQ(ingest.exit_code, 0) << ingest.out;
  EXPECT_NE(ingest.out.find("ingested 2, duplicate 0, failed 0"), std::string::npos) << ingest.out;
}

TEST_F(OutputSafetyCliTest, APageWithOneNulByteIsExtracted) {
  std::string page = kPage;
  page.insert(page.find("approved the new"), 1, '\0');
  const CliRun run = RunCli("extract " + Write("nul.html", page) + " --format text");
  EXPECT_EQ(run.exit_code, 0) << run.out;
  EXPECT_NE(run.out.find("# Flood barrier approved"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("the new flood barrier budget"), std::string::npos) << run.out;
}

TEST_F(OutputSafetyCliTest, ATwentyMegabyteTitleIsCappedWithAWarning) {
  const std::string title(20u << 20, 'T');
  const std::string feed = Write(
      "big.jsonl", "{\"outlet\": \"Valley Herald\", \"published\": \"2026-03-03\", \"title\": \"" +
                       title + "\", \"text\": \"" + kBody + "\"}\n");
  const CliRun ingest = RunCli("ingest " + feed + Db());
  EXPECT_EQ(ingest.exit_code, 0) << ingest.out.substr(0, 400);
  EXPECT_NE(ingest.out.find(feed + ":1: warning: field \"title\" is 20971520 bytes"),
            std::string::npos)
      << ingest.out.substr(0, 400);
  EXPECT_NE(ingest.out.find("ingested 1, duplicate 0, failed 0"), std::string::npos)
      << ingest.out.substr(0, 400);

  const CliRun stories = RunCli("stories" + Db(), false);
  ASSERT_EQ(stories.exit_code, 0);
  EXPECT_LT(stories.out.size(), 4096u);
  const std::string id = stories.out.substr(stories.out.find('\n') + 1, 13);
  const CliRun html = RunCli("story " + id + " --format html" + Db(), false);
  ASSERT_EQ(html.exit_code, 0);
  EXPECT_LT(html.out.size(), 64u << 10);  // was 73 MB

  const CliRun extract = RunCli("extract " + feed + " --format json");
  EXPECT_EQ(extract.exit_code, 0);
  EXPECT_NE(extract.out.find(feed + ":1: warning: field \"title\""), std::string::npos);
  EXPECT_LT(extract.out.size(), 64u << 10);
}

}  // namespace
