// `newsfuse serve` runs the separate newsfuse-serve binary with the same
// arguments. The server links cpp-httplib and, through it, OpenSSL and
// Brotli; kept out of `newsfuse`, every other command starts without
// loading them (bench/store/README.md has the library counts and times).
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

#include "cli/command.h"

namespace newsfuse::cli {
namespace {

constexpr const char* kServeBinary = "newsfuse-serve";

// Replaces this process with newsfuse-serve: the one installed beside this
// binary (so a build tree or an install prefix runs its own), else the first
// on $PATH. Returns only on failure.
int ExecServe(const std::vector<std::string>& rest) {
  std::vector<std::string> argv_text = {kServeBinary};
  argv_text.insert(argv_text.end(), rest.begin(), rest.end());
  std::vector<char*> argv;
  for (std::string& arg : argv_text) argv.push_back(arg.data());
  argv.push_back(nullptr);

  std::error_code ec;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
  std::string beside;
  if (!ec) {
    beside = (self.parent_path() / kServeBinary).string();
    if (::access(beside.c_str(), X_OK) == 0) ::execv(beside.c_str(), argv.data());
  }
  ::execvp(kServeBinary, argv.data());
  const int error = errno;
  return Fail(Status::IoError(kServeBinary, std::string("cannot run the server binary (looked ") +
                                                (beside.empty() ? "" : "at " + beside + " and ") +
                                                "on $PATH): " + std::strerror(error)));
}

}  // namespace

void RegisterServe(CLI::App& app, int& exit_code) {
  CLI::App* cmd = app.add_subcommand(
      "serve", "Serve the store over HTTP: a JSON API and a web page (docs/api.md)");
  // Every argument, --help included, is newsfuse-serve's to read.
  cmd->prefix_command();
  cmd->set_help_flag();
  cmd->callback([cmd, &exit_code] { exit_code = ExecServe(cmd->remaining()); });
}

}  // namespace newsfuse::cli
