// Runs the `newsfuse` binary built with the tests (NEWSFUSE_CLI) the way a
// user's shell would, for the end-to-end tests.
#pragma once

#include <sys/wait.h>

#include <cstdio>
#include <string>

namespace newsfuse::testing {

struct CliRun {
  int exit_code = -1;
  std::string out;
};

// `args` are appended to the binary's path as a shell would split them.
// With stderr false, out is stdout alone (for documents that must parse on
// their own); otherwise stdout and stderr together, as a user reads them.
// `prefix` goes before the binary (e.g. a command that drops privileges).
inline CliRun RunCli(const std::string& args, bool with_stderr = true,
                     const std::string& prefix = "") {
  CliRun run;
  const std::string cmd =
      prefix + NEWSFUSE_CLI + " " + args + (with_stderr ? " 2>&1" : " 2>/dev/null");
  FILE* pipe = popen(cmd.c_str(), "r");
  if (!pipe) return run;
  char buf[4096];
  for (size_t n; (n = fread(buf, 1, sizeof buf, pipe)) > 0;) run.out.append(buf, n);
  const int status = pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

}  // namespace newsfuse::testing
