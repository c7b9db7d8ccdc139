// `newsfuse analyze`: what the analyzer makes of one article, without storing it.
#include <cstdio>
#include <utility>

#include "cli/command.h"
#include "pipeline/pipeline.h"
#include "render/json_annotations.h"

namespace newsfuse::cli {
namespace {

struct AnalyzeArgs {
  std::vector<std::string> sources;
  std::string format = "json";
};

// Extracts each page the sources hold, analyses it and prints every
// annotation with its span and text. A file of several pages (JSONL, WARC)
// prints one document per page.
int RunAnalyze(const AnalyzeArgs& args) {
  return ForEachExtracted(args.sources, [&](Article&& article) {
    const AnnotatedArticle annotated = Analyze(std::move(article), AnalyzeOptions{});
    // The text form strips escape sequences from the page's text itself.
    const std::string out =
        args.format == "json" ? RenderAnnotationsJson(annotated) : RenderAnnotationsText(annotated);
    std::fputs(out.c_str(), stdout);
  });
}

}  // namespace

void RegisterAnalyze(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<AnalyzeArgs>();
  CLI::App* cmd = app.add_subcommand(
      "analyze", "Print the sentences, entities, quantities, dates and quotes found in an article");
  cmd->add_option("sources", args->sources, "Files, directories, or - for stdin")->required();
  cmd->add_option("--format", args->format, "json or text")->check(CLI::IsMember({"json", "text"}));
  cmd->callback([args, &exit_code] { exit_code = RunAnalyze(*args); });
}

}  // namespace newsfuse::cli
