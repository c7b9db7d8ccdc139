// newsfuse-serve: the HTTP server, a binary of its own so that `newsfuse`
// does not load the server's libraries (serve_exec.cc runs this one for
// `newsfuse serve`).
#include <CLI/CLI.hpp>

#include "cli/command.h"

int main(int argc, char** argv) {
  CLI::App app{"newsfuse serve: the store over HTTP, a JSON API and a web page (docs/api.md)",
               "newsfuse serve"};
  int exit_code = 0;
  newsfuse::cli::AddServe(app, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? 0 : 1;  // usage errors leave with 1, as for `newsfuse`
  }
  return exit_code;
}
