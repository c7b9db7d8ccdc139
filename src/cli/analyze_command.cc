// `newsfuse analyze`: what the analyzer makes of one article, without storing it.
#include <algorithm>
#include <cstdio>

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
  int exit_code = 0;
  auto on_error = [&](const Status& s) { exit_code = std::max(exit_code, Fail(s)); };
  Status read = ReadSources(
      args.sources, IngestOptions{},
      [&](RawPage&& page) {
        auto article = ExtractPage(page, ExtractOptions{});
        if (!article.ok()) return on_error(article.status());
        const AnnotatedArticle annotated = Analyze(std::move(*article), AnalyzeOptions{});
        const std::string out =
            args.format == "json" ? RenderAnnotationsJson(annotated) : RenderAnnotationsText(annotated);
        std::fputs(out.c_str(), stdout);
      },
      on_error);
  if (!read.ok()) on_error(read);
  return exit_code;
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
