#include "cli/command.h"
#include "cli/ingest_run.h"

namespace newsfuse::cli {
namespace {

struct IngestArgs {
  StoreFlags store;
  ClusterFlags cluster;
  std::vector<std::string> sources;
  std::string format = "auto";
  size_t batch_size = PipelineOptions{}.batch_size;
  ProgressFlags progress;
};

int RunIngestCommand(const IngestArgs& args) {
  auto store = OpenStore(args.store.db, /*read_only=*/false);
  if (!store.ok()) return Fail(store.status());
  PipelineOptions options;
  options.ingest.format = args.format == "text"   ? PageFormat::kText
                          : args.format == "html" ? PageFormat::kHtml
                                                  : PageFormat::kAuto;
  args.cluster.ApplyTo(options);
  options.batch_size = args.batch_size;
  Pipeline pipeline(**store, options);
  auto summary = RunIngest(pipeline, **store, args.sources, args.progress);
  if (!summary.ok()) return Fail(summary.status());
  return summary->failed > 0 ? 2 : 0;
}

}  // namespace

void RegisterIngest(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<IngestArgs>();
  CLI::App* cmd = app.add_subcommand("ingest", "Store pages and assign them to stories");
  cmd->add_option("sources", args->sources, "Files, directories, or - for stdin")->required();
  cmd->add_option("--format", args->format, "Read every input as this format")
      ->check(CLI::IsMember({"auto", "text", "html"}));
  // Smaller batches commit more often (less lost to a crash, shorter waits
  // for a concurrent writer); larger ones are faster.
  cmd->add_option("--batch-size", args->batch_size, "Articles stored per commit")
      ->check(CLI::Range(size_t{1}, size_t{1} << 20))
      ->capture_default_str();
  args->store.Add(*cmd);
  args->cluster.Add(*cmd);
  args->progress.Add(*cmd);
  cmd->callback([args, &exit_code] { exit_code = RunIngestCommand(*args); });
}

}  // namespace newsfuse::cli
