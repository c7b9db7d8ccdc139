// newsfuse: many raw news reports in, one verified, cited story per event out.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "cli/command.h"
#include "cli/unknown_command.h"

int main(int argc, char** argv) {
  CLI::App app{"newsfuse: turns many news reports of one event into one cited story"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("newsfuse 0.1.0"));
  int exit_code = 0;
  newsfuse::cli::RegisterDigest(app, exit_code);
  newsfuse::cli::RegisterIngest(app, exit_code);
  newsfuse::cli::RegisterStories(app, exit_code);
  newsfuse::cli::RegisterStory(app, exit_code);
  newsfuse::cli::RegisterSearch(app, exit_code);
  newsfuse::cli::RegisterExtract(app, exit_code);
  newsfuse::cli::RegisterAnalyze(app, exit_code);
  newsfuse::cli::RegisterServe(app, exit_code);
  newsfuse::cli::RegisterEnqueue(app, exit_code);
  newsfuse::cli::RegisterWorker(app, exit_code);
  newsfuse::cli::RegisterClusterWorker(app, exit_code);
  // A first word that is no option and no command is a mistyped command.
  if (argc > 1 && argv[1][0] != '-' && app.get_subcommands({}).size() > 0) {
    std::vector<std::string> names;
    for (const CLI::App* sub : app.get_subcommands({})) names.push_back(sub->get_name());
    if (std::find(names.begin(), names.end(), argv[1]) == names.end()) {
      std::fprintf(stderr, "newsfuse: %s\n",
                   newsfuse::cli::UnknownCommandMessage(argv[1], names).c_str());
      return 1;
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // CLI11 prints help with code 0 and usage errors with a non-zero code;
    // every usage error leaves with 1, as documented.
    const int rc = app.exit(e);
    return rc == 0 ? 0 : 1;
  }
  return exit_code;
}
