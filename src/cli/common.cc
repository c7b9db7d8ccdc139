#include <unistd.h>

#include <cstdio>

#include "cli/command.h"

namespace newsfuse::cli {

int Fail(const Status& status) {
  std::fprintf(stderr, "newsfuse: %s\n", status.ToString().c_str());
  return status.ExitCode();
}

Result<std::unique_ptr<Store>> OpenStore(const std::string& path, bool read_only) {
  SqliteStoreOptions options;
  options.read_only = read_only;
  return OpenSqliteStore(path, options);
}

bool ProgressWanted() { return isatty(fileno(stderr)) != 0; }

}  // namespace newsfuse::cli
