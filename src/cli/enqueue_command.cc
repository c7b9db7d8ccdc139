// `newsfuse enqueue`: reads sources as `ingest` does and appends each raw page
// to a Redis stream for `newsfuse worker`s (docs/deploy.md).
//
// Memory stays bounded at both ends: this process holds one page at a time
// (the readers stream), and Redis holds at most --max-backlog entries, because
// enqueue waits while the stream is that long. The stream shrinks only as the
// cluster-worker trims what every consumer group is done with, so a slow
// cluster slows the crawl instead of filling the queue's memory.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include "cli/command.h"
#include "cli/queue_flags.h"
#include "queue/queue.h"

namespace newsfuse::cli {
namespace {

struct EnqueueArgs {
  std::vector<std::string> sources;
  QueueFlags queue;
  std::string format = "auto";
  int64_t max_backlog = 10000;
};

int RunEnqueue(const EnqueueArgs& args) {
  auto queue = PageQueue::Open(args.queue.url);
  if (!queue.ok()) return Fail(queue.status());
  // Both groups exist before the first page, reading from the start, so no
  // consumer that starts later misses a page.
  for (const char* group : {kWorkerGroup, kClusterGroup}) {
    if (Status s = (*queue)->EnsureGroup(group); !s.ok()) return Fail(s);
  }
  IngestOptions options;
  options.format = args.format == "text"   ? PageFormat::kText
                   : args.format == "html" ? PageFormat::kHtml
                                           : PageFormat::kAuto;
  int exit_code = 0;
  int64_t pages = 0, failed = 0;
  double waited = 0;
  Status queue_failure;
  const double start = WallSeconds();
  auto on_error = [&](const Status& s) {
    ++failed;
    exit_code = std::max(exit_code, Fail(s));
  };
  // XLEN is checked every few pages: cheap, and the backlog overshoots by
  // at most that many.
  constexpr int64_t kCheckEvery = 32;
  Status read = ReadSources(
      args.sources, options,
      [&](RawPage&& page) {
        if (!queue_failure.ok()) return;
        if (pages % kCheckEvery == 0) {
          for (;;) {
            auto length = (*queue)->Length();
            if (!length.ok()) {
              queue_failure = length.status();
              return;
            }
            if (*length < args.max_backlog) break;
            const double t = WallSeconds();
            usleep(100 * 1000);
            waited += WallSeconds() - t;
          }
        }
        auto id = (*queue)->Append(page);
        if (!id.ok()) {
          queue_failure = id.status();
          return;
        }
        ++pages;
      },
      on_error);
  if (!queue_failure.ok()) return Fail(queue_failure);
  if (!read.ok()) on_error(read);
  const double seconds = WallSeconds() - start;
  std::fprintf(stderr,
               "enqueued %lld pages (%lld failed) in %.1f s (%.1f s waiting on the backlog)\n",
               static_cast<long long>(pages), static_cast<long long>(failed), seconds, waited);
  return exit_code;
}

}  // namespace

void RegisterEnqueue(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<EnqueueArgs>();
  CLI::App* cmd =
      app.add_subcommand("enqueue", "Append raw pages to a Redis stream for `newsfuse worker`s");
  cmd->add_option("sources", args->sources, "Files, directories, or - for stdin")->required();
  args->queue.Add(*cmd);
  cmd->add_option("--format", args->format, "Read every input as this format")
      ->check(CLI::IsMember({"auto", "text", "html"}));
  cmd->add_option("--max-backlog", args->max_backlog,
                  "Wait while the stream holds this many pages (bounds Redis memory)")
      ->check(CLI::Range(int64_t{1}, int64_t{1} << 40))
      ->capture_default_str();
  cmd->callback([args, &exit_code] {
    if (args->queue.url.empty()) {
      exit_code = Fail(Status::Usage("enqueue: no --queue given and $NEWSFUSE_QUEUE is not set"));
      return;
    }
    exit_code = RunEnqueue(*args);
  });
}

}  // namespace newsfuse::cli
