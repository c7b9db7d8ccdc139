// `newsfuse extract`: what the extractor makes of pages, without storing them.
#include <algorithm>
#include <cstdio>

#include "cli/command.h"
#include "pipeline/pipeline.h"
#include "render/render.h"

namespace newsfuse::cli {
namespace {

struct ExtractArgs {
  std::vector<std::string> sources;
  std::string format = "json";
};

int RunExtract(const ExtractArgs& args) {
  int exit_code = 0;
  auto on_error = [&](const Status& s) { exit_code = std::max(exit_code, Fail(s)); };
  Status read = ReadSources(
      args.sources, IngestOptions{},
      [&](RawPage&& page) {
        auto article = ExtractPage(page, ExtractOptions{});
        if (!article.ok()) return on_error(article.status());
        if (args.format == "json") {
          std::fputs(RenderArticleJson(*article).c_str(), stdout);
        } else {
          std::printf("# %s\n\n%s\n\n", article->title.c_str(), article->Body().c_str());
        }
      },
      on_error);
  if (!read.ok()) on_error(read);
  return exit_code;
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
