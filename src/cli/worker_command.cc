// `newsfuse worker`: one of N consumers of the page stream. Extracts and
// analyses each page and stores the article with its cluster signals; the
// cluster-worker assigns stories (docs/deploy.md).
//
// At least once, stored once: a page is acknowledged only after the commit
// that stored it, so a worker killed at any point leaves its pages pending,
// and a live worker takes them over (XAUTOCLAIM) once they have been idle for
// --claim-after. A page delivered twice has the same content id both times;
// the store keeps the first and reports the second as a duplicate.
#include <unistd.h>

#include <cstdio>
#include <optional>

#include "cli/command.h"
#include "cli/queue_flags.h"
#include "pipeline/cluster_signals.h"
#include "queue/queue.h"

namespace newsfuse::cli {
namespace {

struct WorkerArgs {
  QueueFlags queue;
  StoreFlags store;
  std::string name;
  int batch_size = 64;
  int64_t claim_after_ms = 30000;
  double idle_exit = 0;
};

struct WorkerCounts {
  int64_t pages = 0, stored = 0, duplicates = 0, failed = 0;
  // Seconds: CPU of this thread for extract and analyse (the work a worker
  // adds), wall time for the store and the queue (mostly waiting on servers).
  double extract = 0, analyse = 0, store = 0, queue = 0;
};

// One batch of pages read from the stream.
struct WorkItem {
  std::string entry_id;
  std::optional<Article> article;
  std::string signals;
};

class Worker {
 public:
  Worker(PageQueue& queue, Store& store, const WorkerArgs& args)
      : queue_(queue), store_(store), args_(args), analyser_(ClusterSignalsAnalyser()) {}

  Status Run() {
    if (Status s = queue_.EnsureGroup(kWorkerGroup); !s.ok()) return s;
    // What this consumer name held when it last stopped comes first.
    if (Status s = Drain(/*own_pending=*/true); !s.ok()) return s;
    double idle_since = WallSeconds();
    while (!StopRequested().load()) {
      double t = WallSeconds();
      auto claimed = queue_.Claim(kWorkerGroup, args_.name, args_.claim_after_ms, args_.batch_size);
      if (!claimed.ok()) return claimed.status();
      std::vector<QueuedPage> pages = std::move(claimed).value();
      if (pages.empty()) {
        auto fresh = queue_.Read(kWorkerGroup, args_.name, args_.batch_size, 1000, false);
        if (!fresh.ok()) return fresh.status();
        pages = std::move(fresh).value();
      }
      counts_.queue += WallSeconds() - t;
      if (!pages.empty()) {
        if (Status s = Handle(pages); !s.ok()) return s;
        idle_since = WallSeconds();
        continue;
      }
      if (args_.idle_exit > 0 && WallSeconds() - idle_since >= args_.idle_exit) {
        // Stay while another consumer's pages are pending: they may be a
        // dead worker's, for this one to claim.
        auto pending = queue_.Pending(kWorkerGroup);
        if (!pending.ok()) return pending.status();
        if (*pending == 0) break;
      }
    }
    return Status::Ok();
  }

  const WorkerCounts& counts() const { return counts_; }

 private:
  Status Drain(bool own_pending) {
    for (;;) {
      auto pages = queue_.Read(kWorkerGroup, args_.name, args_.batch_size, 0, own_pending);
      if (!pages.ok()) return pages.status();
      if (pages->empty()) return Status::Ok();
      if (Status s = Handle(*pages); !s.ok()) return s;
    }
  }

  Status Handle(const std::vector<QueuedPage>& pages) {
    std::vector<WorkItem> items;
    std::vector<std::string> ids;
    for (const QueuedPage& queued : pages) {
      ++counts_.pages;
      ids.push_back(queued.entry_id);
      WorkItem item{queued.entry_id, std::nullopt, {}};
      Status problem = queued.problem;
      if (problem.ok()) {
        double t = CpuSeconds();
        auto article = ExtractPage(queued.page, ExtractOptions{});
        counts_.extract += CpuSeconds() - t;
        if (article.ok()) {
          t = CpuSeconds();
          AnnotatedArticle analysed = Analyze(*article, AnalyzeOptions{});
          item.signals = EncodeClusterSignals(analysed);
          counts_.analyse += CpuSeconds() - t;
          item.article = std::move(article).value();
        } else {
          problem = article.status();
        }
      }
      if (!problem.ok()) {
        if (Status s = SetAside(queued, problem); !s.ok()) return s;
        continue;
      }
      items.push_back(std::move(item));
    }
    if (Status s = StoreBatch(items, pages); !s.ok()) return s;
    const double t = WallSeconds();
    // Only now: everything of the batch is committed (or set aside).
    Status acked = queue_.Ack(kWorkerGroup, ids);
    counts_.queue += WallSeconds() - t;
    return acked;
  }

  // A page that gives no article: said on stderr (as `ingest` does) and
  // noted for the cluster-worker, which would otherwise wait for it.
  Status SetAside(const QueuedPage& queued, const Status& problem) {
    ++counts_.failed;
    std::fprintf(stderr, "newsfuse: %s\n", problem.ToString().c_str());
    if (!queued.problem.ok()) return Status::Ok();  // no page, no id to wait for
    return queue_.PutNote("failed", PageId(queued.page), problem.ToString());
  }

  Status StoreBatch(std::vector<WorkItem>& items, const std::vector<QueuedPage>& pages) {
    if (items.empty()) return Status::Ok();
    const double t = WallSeconds();
    // The signals go to the queue first: the cluster-worker may find the
    // article the moment it is committed, and should not analyse it again.
    for (const WorkItem& item : items) {
      if (Status s = queue_.PutNote("signals", item.article->id, item.signals); !s.ok()) return s;
    }
    std::vector<Article> articles;
    for (const WorkItem& item : items) articles.push_back(*item.article);
    // No BeginWrite: a batch of inserts decides nothing, and outside a unit
    // PostgreSQL stores it without the write lock, so workers store in
    // parallel beside the cluster-worker's long decide-and-commit units.
    auto outcomes = store_.PutArticles(articles);
    counts_.store += WallSeconds() - t;
    if (!outcomes.ok() && outcomes.status().code() == Status::Code::kBadInput) {
      // One article the store refuses undoes the batch: store them one by
      // one so only that one is set aside.
      for (WorkItem& item : items) {
        if (Status s = StoreOne(item, pages); !s.ok()) return s;
      }
      return Status::Ok();
    }
    if (!outcomes.ok()) return outcomes.status();
    for (size_t i = 0; i < items.size(); ++i) {
      if (Status s = Count((*outcomes)[i], items[i]); !s.ok()) return s;
    }
    return Status::Ok();
  }

  Status StoreOne(const WorkItem& item, const std::vector<QueuedPage>& pages) {
    const double t = WallSeconds();
    auto outcome = store_.PutArticles({*item.article});
    counts_.store += WallSeconds() - t;
    if (!outcome.ok() && outcome.status().code() == Status::Code::kBadInput) {
      for (const QueuedPage& queued : pages) {
        if (queued.entry_id == item.entry_id) return SetAside(queued, outcome.status());
      }
      return Status::Ok();
    }
    if (!outcome.ok()) return outcome.status();
    return Count(outcome->front(), item);
  }

  Status Count(PutOutcome outcome, const WorkItem& item) {
    if (outcome == PutOutcome::kDuplicate) {
      ++counts_.duplicates;
      return Status::Ok();
    }
    ++counts_.stored;
    // Kept in the store too (by a store that keeps them), so a cluster-worker
    // that takes over replays stored stories without analysing again. A
    // crash before this write costs only that analysis.
    const double t = WallSeconds();
    Status s = store_.PutArticleSignals(item.article->id, analyser_, item.signals);
    counts_.store += WallSeconds() - t;
    return s;
  }

  PageQueue& queue_;
  Store& store_;
  const WorkerArgs& args_;
  std::string analyser_;
  WorkerCounts counts_;
};

int RunWorker(WorkerArgs args) {
  if (args.queue.url.empty())
    return Fail(Status::Usage("worker: no --queue given and $NEWSFUSE_QUEUE is not set"));
  if (args.name.empty()) {
    char host[256] = {};
    gethostname(host, sizeof host - 1);
    args.name = std::string(host) + "-" + std::to_string(getpid());
  }
  auto queue = PageQueue::Open(args.queue.url);
  if (!queue.ok()) return Fail(queue.status());
  auto store = OpenStore(args.store.db, /*read_only=*/false);
  if (!store.ok()) return Fail(store.status());
  StopOnSignals();
  Worker worker(**queue, **store, args);
  const double start = WallSeconds();
  Status status = worker.Run();
  const WorkerCounts& c = worker.counts();
  std::fprintf(stderr,
               "worker %s: %lld pages, %lld stored, %lld duplicate, %lld failed in %.1f s; "
               "seconds: extract %.2f, analyse %.2f (CPU), store %.2f, queue %.2f (wall)\n",
               args.name.c_str(), static_cast<long long>(c.pages), static_cast<long long>(c.stored),
               static_cast<long long>(c.duplicates), static_cast<long long>(c.failed),
               WallSeconds() - start, c.extract, c.analyse, c.store, c.queue);
  if (!status.ok()) return Fail(status);
  return 0;
}

}  // namespace

void RegisterWorker(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<WorkerArgs>();
  CLI::App* cmd = app.add_subcommand(
      "worker", "Extract, analyse and store pages from a Redis stream (one of many)");
  args->queue.Add(*cmd);
  args->store.Add(*cmd);
  cmd->add_option("--name", args->name,
                  "Consumer name in the stream's group (default: host-pid); a worker restarted "
                  "under its old name finishes that name's pending pages first");
  cmd->add_option("--batch-size", args->batch_size, "Pages read and committed at a time")
      ->check(CLI::Range(1, 10000))
      ->capture_default_str();
  cmd->add_option("--claim-after-ms", args->claim_after_ms,
                  "Take over another consumer's page pending this long (a dead worker's)")
      ->check(CLI::Range(int64_t{1}, int64_t{1} << 40))
      ->capture_default_str();
  cmd->add_option("--idle-exit", args->idle_exit,
                  "Leave after this many seconds with no page and none pending (0: never)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cmd->callback([args, &exit_code] { exit_code = RunWorker(*args); });
}

}  // namespace newsfuse::cli
