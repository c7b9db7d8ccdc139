// `newsfuse digest`: the one command a newcomer runs. Ingests the inputs,
// finds the stories they belong to, prints each story and writes its JSON,
// Markdown and HTML reports to the output folder.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>

#include "cli/command.h"
#include "cli/ingest_run.h"
#include "render/render.h"

namespace newsfuse::cli {
namespace {

struct DigestArgs {
  StoreFlags store;
  ClusterFlags cluster;
  std::vector<std::string> sources;
  std::string out_dir = "reports";
  std::string print = "md";
};

Status WriteFile(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  out.close();
  if (!out) return Status::IoError(path.string(), "cannot write report");
  return Status::Ok();
}

// The stories the inputs landed in, in the order their first article arrived.
Result<std::vector<std::string>> StoriesOf(Store& store, const std::vector<std::string>& ids) {
  std::vector<std::string> stories;
  std::set<std::string> seen;
  for (const auto& id : ids) {
    auto story = store.StoryOf(id);
    if (!story.ok()) {
      if (story.status().code() == Status::Code::kNotFound) continue;
      return story.status();
    }
    if (seen.insert(*story).second) stories.push_back(*story);
  }
  return stories;
}

int RunDigest(const DigestArgs& args) {
  auto store = OpenStore(args.store.db, /*read_only=*/false);
  if (!store.ok()) return Fail(store.status());
  PipelineOptions options;
  args.cluster.ApplyTo(options);
  Pipeline pipeline(**store, options);
  auto summary = RunIngest(pipeline, args.sources);
  if (!summary.ok()) return Fail(summary.status());

  auto stories = StoriesOf(**store, summary->article_ids);
  if (!stories.ok()) return Fail(stories.status());
  std::error_code ec;
  std::filesystem::create_directories(args.out_dir, ec);
  if (ec)
    return Fail(Status::IoError(args.out_dir, "cannot create output folder: " + ec.message()));

  for (const auto& story_id : *stories) {
    auto report = pipeline.Report(story_id);
    if (!report.ok()) return Fail(report.status());
    const std::string json = RenderJson(*report);
    const std::string md = RenderMarkdown(*report);
    const std::string html = RenderHtml(*report);
    const auto base = std::filesystem::path(args.out_dir) / ("story-" + story_id);
    for (const auto& [ext, text] :
         {std::pair{".json", &json}, std::pair{".md", &md}, std::pair{".html", &html}}) {
      if (Status s = WriteFile(base.string() + ext, *text); !s.ok()) return Fail(s);
    }
    std::fputs((args.print == "json" ? json : md).c_str(), stdout);
    std::fputs("\n", stdout);
    std::fprintf(stderr, "wrote %s.{json,md,html}\n", base.c_str());
  }
  return summary->failed > 0 ? 2 : 0;
}

}  // namespace

void RegisterDigest(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<DigestArgs>();
  CLI::App* cmd = app.add_subcommand(
      "digest", "Ingest, cluster and fuse; print each story and write its reports");
  cmd->add_option("sources", args->sources, "Files, directories, or - for stdin")->required();
  cmd->add_option("-o,--out", args->out_dir,
                  "Folder for story-<id>.json, .md and .html (default: reports)");
  cmd->add_option("--print", args->print, "What to print: md or json")
      ->check(CLI::IsMember({"md", "json"}));
  args->store.Add(*cmd);
  args->cluster.Add(*cmd);
  cmd->callback([args, &exit_code] { exit_code = RunDigest(*args); });
}

}  // namespace newsfuse::cli
