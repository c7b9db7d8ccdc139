// The fixture of the CLI tests that ingest text written for the test into a
// store of their own: a fresh temporary folder per test, files written into
// it, JSONL lines, and the stories `newsfuse stories` lists.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "cli_runner.h"

namespace newsfuse::testing {

// One JSONL article line; the text must need no JSON escaping.
inline std::string Line(const std::string& outlet, const std::string& title,
                        const std::string& text, const std::string& published = "2026-04-14") {
  return "{\"outlet\": \"" + outlet + "\", \"title\": \"" + title + "\", \"published\": \"" +
         published + "\", \"text\": \"" + text + "\"}\n";
}

class CliStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    // The pid and the test's full name keep parallel ctest runs apart.
    dir_ = std::filesystem::temp_directory_path() /
           ("newsfuse-cli-" + std::to_string(::getpid()) + "-" + info->test_suite_name() + "-" +
            info->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    db_ = (dir_ / "news.db").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // Writes `text` to `name` under the test's folder (parents made) and
  // returns its path.
  std::string Write(const std::string& name, const std::string& text) {
    std::filesystem::create_directories((dir_ / name).parent_path());
    std::ofstream(dir_ / name, std::ios::binary) << text;
    return (dir_ / name).string();
  }
  nlohmann::json Stories() {
    const CliRun run = RunCli("stories --format json --db " + db_, false);
    EXPECT_EQ(run.exit_code, 0) << run.out;
    return run.exit_code == 0 ? nlohmann::json::parse(run.out) : nlohmann::json();
  }
  std::set<std::string> StoryIds() {
    std::set<std::string> ids;
    // Held in a local: a range-for over a member of the temporary Stories()
    // reads freed memory once the temporary dies.
    const nlohmann::json stories = Stories();
    for (const auto& s : stories["stories"]) ids.insert(s["id"].get<std::string>());
    return ids;
  }

  std::filesystem::path dir_;
  std::string db_;
};

}  // namespace newsfuse::testing
