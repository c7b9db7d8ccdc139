// `newsfuse extract`: what the extractor makes of pages, without storing them.
#include <cstdio>

#include "cli/command.h"
#include "core/terminal_text.h"
#include "render/render.h"

namespace newsfuse::cli {
namespace {

struct ExtractArgs {
  std::vector<std::string> sources;
  std::string format = "json";
};

int RunExtract(const ExtractArgs& args) {
  return ForEachExtracted(args.sources, [&](Article&& article) {
    if (args.format == "json") {
      std::fputs(RenderArticleJson(article).c_str(), stdout);
    } else {
      // Page text, stripped of escape sequences for the terminal. JSON
      // escapes control characters by itself.
      const std::string text =
          "# " + TerminalSafeLine(article.title) + "\n\n" + TerminalSafe(article.Body()) + "\n\n";
      std::fputs(text.c_str(), stdout);
    }
  });
}

}  // namespace

void RegisterExtract(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<ExtractArgs>();
  CLI::App* cmd = app.add_subcommand("extract", "Print the article and metadata found in pages");
  cmd->add_option("sources", args->sources, "Files, directories, or - for stdin")->required();
  cmd->add_option("--format", args->format, "json or text")->check(CLI::IsMember({"json", "text"}));
  cmd->callback([args, &exit_code] { exit_code = RunExtract(*args); });
}

}  // namespace newsfuse::cli
