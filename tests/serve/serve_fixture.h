// A temporary store filled through the CLI with news written for the tests
// (tests/pipeline/synthetic_news.h), and a server started on it.
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "../e2e/cli_runner.h"
#include "../pipeline/synthetic_news.h"
#include "server_process.h"

namespace newsfuse::testing {

class TempStore {
 public:
  TempStore() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "newsfuse_serve_XXXXXX").string();
    if (mkdtemp(pattern.data())) dir_ = pattern;
  }
  ~TempStore() {
    std::error_code ignored;
    if (!dir_.empty()) std::filesystem::remove_all(dir_, ignored);
  }
  std::string db() const { return (dir_ / "store.db").string(); }
  std::string Path(const std::string& name) const { return (dir_ / name).string(); }

  // Writes `articles` as JSON Lines and ingests them with the CLI; the
  // CLI's output when it fails, else empty.
  std::string Ingest(const std::string& name, const std::vector<SyntheticArticle>& articles) {
    const std::string path = Path(name);
    std::ofstream(path) << ToJsonl(articles);
    CliRun run = RunCli("ingest --db " + db() + " " + path);
    return run.exit_code == 0 ? ""
                              : "ingest exit " + std::to_string(run.exit_code) + ": " + run.out;
  }

 private:
  std::filesystem::path dir_;
};

// stdout of a CLI command on the store, parsed.
inline nlohmann::json CliJson(const std::string& args) {
  CliRun run = RunCli(args, /*with_stderr=*/false);
  if (run.exit_code != 0) return nullptr;
  return nlohmann::json::parse(run.out, nullptr, /*allow_exceptions=*/false);
}

}  // namespace newsfuse::testing
