// `newsfuse analyze FILE --format json|text`: one article in, every
// annotation out, each with the span and text it covers.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "cli_runner.h"

namespace {

namespace fs = std::filesystem;

using CliOutput = newsfuse::testing::CliRun;

// stdout only: the document must parse on its own.
CliOutput RunCli(const std::string& args) { return newsfuse::testing::RunCli(args, false); }

class AnalyzeCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("newsfuse-analyze-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    file_ = (dir_ / "2026-03-02_harbour-herald.txt").string();
    std::ofstream(file_)
        << "Ferry strike ends after two days\n\n"
           "DOVER, March 2 - Two ferry unions ended a strike on Monday after the operator "
           "agreed to hire 120 new crew members and raise pay by 6.5%.\n\n"
           "The stoppage stranded about 4,000 passengers and cost the company an estimated "
           "\xc2\xa3"
           "3m, a spokeswoman said. Both unions will get 40 extra seats each on "
           "the safety board.\n";
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
  std::string file_;
};

TEST_F(AnalyzeCliTest, JsonHoldsEveryAnnotationWithSpansIntoTheBody) {
  const CliOutput run = RunCli("analyze " + file_ + " --format json");
  ASSERT_EQ(run.exit_code, 0) << run.out;
  const nlohmann::json doc = nlohmann::json::parse(run.out);
  const std::string body = doc.at("body");
  for (const char* key : {"sentences", "entities", "mentions", "quantities", "timexes", "quotes"})
    EXPECT_TRUE(doc.at(key).is_array()) << key;
  EXPECT_GE(doc["sentences"].size(), 3u);
  // Every span's text is exactly the body bytes it points at.
  for (const char* key : {"sentences", "mentions", "quantities", "timexes"}) {
    for (const auto& a : doc[key]) {
      const size_t b = a.at("begin"), e = a.at("end");
      ASSERT_LE(e, body.size()) << key;
      EXPECT_EQ(body.substr(b, e - b), a.at("text").get<std::string>()) << key;
    }
  }
  std::map<std::string, nlohmann::json> by_text;
  for (const auto& q : doc["quantities"]) by_text[q.at("text")] = q;
  ASSERT_TRUE(by_text.count("120")) << doc["quantities"].dump();
  EXPECT_EQ(by_text["120"]["counted"], "new crew member");
  ASSERT_TRUE(by_text.count("6.5%"));
  EXPECT_EQ(by_text["6.5%"]["unit"], "%");
  ASSERT_TRUE(by_text.count("about 4,000"));
  EXPECT_EQ(by_text["about 4,000"]["low"], 3600.0);
  ASSERT_TRUE(
      by_text.count("an estimated \xc2\xa3"
                    "3m"));
  EXPECT_EQ(by_text["an estimated \xc2\xa3"
                    "3m"]["unit"],
            "GBP");
  ASSERT_TRUE(by_text.count("40"));
  EXPECT_EQ(by_text["40"]["total"], 80.0);
  // The dateline's "March 2" is a date, not a quantity.
  EXPECT_FALSE(by_text.count("2"));
}

TEST_F(AnalyzeCliTest, TextFormatListsEachKindOfAnnotation) {
  const CliOutput run = RunCli("analyze " + file_ + " --format text");
  ASSERT_EQ(run.exit_code, 0) << run.out;
  for (const char* section :
       {"## sentences", "## entities", "## quantities", "## timexes", "## quotes"})
    EXPECT_NE(run.out.find(section), std::string::npos) << section;
  EXPECT_NE(run.out.find("\"about 4,000\" = 4000"), std::string::npos) << run.out;
}

TEST_F(AnalyzeCliTest, MissingFileAndBadFormatFail) {
  EXPECT_NE(RunCli("analyze " + (dir_ / "nope.txt").string()).exit_code, 0);
  EXPECT_EQ(RunCli("analyze " + file_ + " --format xml").exit_code, 1);
}

}  // namespace
