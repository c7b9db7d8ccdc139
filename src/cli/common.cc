#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "cli/command.h"
#include "pipeline/pipeline.h"

namespace newsfuse::cli {

int Fail(const Status& status) {
  std::fprintf(stderr, "newsfuse: %s\n", status.ToString().c_str());
  return status.ExitCode();
}

Result<std::unique_ptr<Store>> OpenStore(const std::string& path, bool read_only) {
  // A newcomer's first `stories` or `search` runs before any ingest: say what
  // to do, not only that the file is missing.
  std::error_code ec;
  if (read_only && !IsPostgresLocation(path) && !std::filesystem::exists(path, ec) && !ec) {
    return Status::StoreError("no database at " + path + " (create one with `newsfuse ingest`)");
  }
  StoreOptions options;
  options.read_only = read_only;
  return OpenStoreAt(path, options);
}

bool ProgressWanted() { return isatty(fileno(stderr)) != 0; }

int ForEachExtracted(const std::vector<std::string>& sources,
                     const std::function<void(Article&&)>& show) {
  int exit_code = 0;
  auto on_error = [&](const Status& s) { exit_code = std::max(exit_code, Fail(s)); };
  ExtractOptions extract;
  extract.on_warning = [](const Status& s) {
    std::fprintf(stderr, "newsfuse: %s\n", s.ToString().c_str());
  };
  Status read = ReadSources(
      sources, IngestOptions{},
      [&](RawPage&& page) {
        auto article = ExtractPage(page, extract);
        if (!article.ok()) return on_error(article.status());
        show(std::move(*article));
      },
      on_error);
  if (!read.ok()) on_error(read);
  return exit_code;
}

}  // namespace newsfuse::cli
