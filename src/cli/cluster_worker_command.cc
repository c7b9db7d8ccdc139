// `newsfuse cluster-worker`: the one consumer that assigns stories, in the
// order pages were enqueued (docs/deploy.md).
//
// Why one, and why in stream order: every clustering decision depends on all
// the decisions before it, so the stories equal those of one `newsfuse
// ingest` over the same pages only if the articles are decided in the same
// order by one clusterer. Workers store articles in whatever order they
// finish; this process reads the stream in entry order (its own consumer
// group), waits until each page's article is stored (or a worker noted that
// the page gave none), and decides it then. Exactly one runs per store: the
// leader holds a PostgreSQL advisory lock and a second process waits as a
// standby until the leader's connection ends.
//
// Crash safety: the stories of a batch and what the batch changed in the
// clusterer's state (Store::PutClusterState) are committed in one store
// write, then the batch is acknowledged. A leader killed between the two
// leaves the batch pending; its successor loads the state, which includes
// the batch, re-reads the batch and finds those articles already in stories
// (skipped), so each article is decided once. Loading the state instead of
// replaying every stored story keeps a takeover seconds long on a large store.
#include <unistd.h>

#include <cstdio>
#include <optional>
#include <set>
#include <unordered_map>

#include "cli/command.h"
#include "cli/queue_flags.h"
#include "pipeline/cluster_signals.h"
#include "pipeline/story_assigner.h"
#include "queue/leader_lock.h"
#include "queue/queue.h"

namespace newsfuse::cli {
namespace {

// The clusterer reads its group as this one consumer: only the lock holder
// reads, so a successor finds its predecessor's pending entries as its own.
constexpr const char* kLeaderConsumer = "leader";

struct ClusterWorkerArgs {
  QueueFlags queue;
  StoreFlags store;
  ClusterFlags cluster;
  int batch_size = 256;
  double idle_exit = 0;
};

class ClusterWorker {
 public:
  ClusterWorker(PageQueue& queue, Store& store, const ClusterWorkerArgs& args)
      : queue_(queue), store_(store), args_(args), analyser_(ClusterSignalsAnalyser()) {
    PipelineOptions options;
    args.cluster.ApplyTo(options);
    cluster_options_ = options.cluster;
  }

  // Loads the clusterer's state the previous leader (or `newsfuse ingest`)
  // committed with its stories. Only when none is usable (none kept, kept by
  // another build, or not describing the stored stories) rebuilds it from
  // the stories already stored, in the store's ingest order, and keeps the
  // rebuilt state at once. Articles in no story are left: the stream still
  // holds them, in their order.
  Status Restore() {
    auto loaded = LoadKeptState();
    if (!loaded.ok()) return loaded.status();
    if (*loaded) return Status::Ok();
    auto replayed =
        ReplayStoredStories(store_, cluster_options_, AnalyzeOptions{}, analyser_, &restored_);
    if (!replayed.ok()) return replayed.status();
    clusterer_ = std::move(replayed).value();
    // Kept now rather than with the next batch: a successor of a leader
    // that dies before deciding anything would replay again.
    auto write = store_.BeginWrite();
    if (!write.ok()) return write.status();
    if (Status s = SaveState(); !s.ok()) return s;
    return (*write)->Commit();
  }
  Status Run() {
    if (Status s = queue_.EnsureGroup(kClusterGroup); !s.ok()) return s;
    double idle_since = WallSeconds();
    bool own_pending = true;  // the predecessor's unfinished batch first
    while (!StopRequested().load()) {
      auto pages = queue_.Read(kClusterGroup, kLeaderConsumer, args_.batch_size,
                               own_pending ? 0 : 1000, own_pending);
      if (!pages.ok()) return pages.status();
      if (pages->empty()) {
        if (own_pending) {
          own_pending = false;
          continue;
        }
        if (args_.idle_exit > 0 && WallSeconds() - idle_since >= args_.idle_exit) break;
        continue;
      }
      if (Status s = Handle(*pages); !s.ok()) return s;
      idle_since = WallSeconds();
    }
    return Status::Ok();
  }

  int64_t restored() const { return restored_; }
  bool state_loaded() const { return state_loaded_; }
  const std::string& why_replayed() const { return why_replayed_; }
  int64_t assigned() const { return assigned_; }
  int64_t skipped() const { return skipped_; }
  double wait_seconds() const { return wait_; }
  double decide_seconds() const { return decide_; }

 private:
  // The stored articles of the batch's pages, by id, once every page's is
  // stored or noted as giving none (no page, or a worker set it aside); waits
  // for the workers meanwhile. A batch costs one store query and one
  // HMGET a round, not a round trip per page (bench/scale/README.md).
  Result<std::unordered_map<std::string, StoredArticle>> Await(
      const std::vector<QueuedPage>& pages) {
    std::unordered_map<std::string, StoredArticle> stored;
    std::vector<std::string> missing;
    for (const QueuedPage& queued : pages) {
      if (queued.problem.ok()) missing.push_back(PageId(queued.page));
    }
    const double start = WallSeconds();
    double told = start;
    for (;;) {
      auto found = store_.GetStoredArticles(missing);
      if (!found.ok()) return found.status();
      for (StoredArticle& article : *found) {
        const std::string id = article.article.id;
        stored.emplace(id, std::move(article));
      }
      std::erase_if(missing, [&](const std::string& id) { return stored.count(id) > 0; });
      if (missing.empty()) return stored;
      auto failed = queue_.GetNotes("failed", missing);
      if (!failed.ok()) return failed.status();
      std::vector<std::string> still;
      for (size_t i = 0; i < missing.size(); ++i) {
        if (!(*failed)[i]) still.push_back(missing[i]);
      }
      missing = std::move(still);
      if (missing.empty()) return stored;
      if (StopRequested().load()) return Status::IoError(missing.front(), "stopped");
      if (WallSeconds() - told > 30) {
        told = WallSeconds();
        std::fprintf(stderr,
                     "cluster-worker: waiting %.0f s for the workers to store %zu pages "
                     "(first %s)\n",
                     told - start, missing.size(), missing.front().c_str());
      }
      usleep(50 * 1000);
    }
  }

  Status Handle(const std::vector<QueuedPage>& pages) {
    const double wait_start = WallSeconds();
    auto stored = Await(pages);
    if (!stored.ok()) return stored.status();
    // Article ids in stream order, each once: a page enqueued twice, or a
    // batch re-read after a crash whose articles are in stories already, is
    // decided no second time. The stories read here are current: only the
    // leader assigns stories in this store.
    std::vector<std::string> ready;
    std::set<std::string> seen;
    for (const QueuedPage& queued : pages) {
      if (!queued.problem.ok()) continue;
      const std::string id = PageId(queued.page);
      auto it = stored->find(id);
      if (it == stored->end() || !seen.insert(id).second) continue;
      if (!it->second.story_id.empty()) {
        ++skipped_;
        continue;
      }
      ready.push_back(id);
    }
    auto signals = queue_.GetNotes("signals", ready);
    if (!signals.ok()) return signals.status();
    wait_ += WallSeconds() - wait_start;

    const double decide_start = WallSeconds();
    auto write = store_.BeginWrite();
    if (!write.ok()) return write.status();
    for (size_t i = 0; i < ready.size(); ++i) {
      Article& article = (*stored)[ready[i]].article;
      std::optional<AnnotatedArticle> analysed;
      if ((*signals)[i]) {
        auto decoded = DecodeClusterSignals(article, *(*signals)[i]);
        if (decoded.ok()) analysed = std::move(decoded).value();
      }
      if (!analysed) analysed = Analyze(std::move(article), AnalyzeOptions{});
      if (Status s = Decide(*analysed); !s.ok()) return s;
    }
    if (Status s = SaveState(); !s.ok()) return s;
    if (Status s = (*write)->Commit(); !s.ok()) return s;
    decide_ += WallSeconds() - decide_start;
    assigned_ += static_cast<int64_t>(ready.size());

    std::vector<std::string> entry_ids;
    for (const QueuedPage& queued : pages) entry_ids.push_back(queued.entry_id);
    if (Status s = queue_.Ack(kClusterGroup, entry_ids); !s.ok()) return s;
    if (Status s = queue_.DeleteNotes("signals", ready); !s.ok()) return s;
    // Every group is done with the entries before this batch's last: the
    // workers stored (or set aside) each one before it could be decided.
    return queue_.TrimBefore(pages.back().entry_id);
  }

  // True with clusterer_ set when the kept state describes exactly the
  // stored stories; false (why_replayed_ says why) when it must be rebuilt.
  Result<bool> LoadKeptState() {
    // Only the leader assigns stories, so the state a leader committed
    // describes every stored story; a store whose stories were written
    // without it (a build that kept none) is replayed instead.
    auto assigned = CountAssigned();
    if (!assigned.ok()) return assigned.status();
    auto loaded =
        LoadKeptClusterer(store_, cluster_options_, state_builder_, *assigned, why_replayed_);
    if (!loaded.ok()) return loaded.status();
    clusterer_ = std::move(loaded).value();
    if (!clusterer_) return false;
    restored_ = *assigned;
    state_loaded_ = true;
    return true;
  }

  // Articles in a story. Workers store articles meanwhile, without a lock:
  // counted again until no article arrived between the two counts (stored
  // articles are never deleted), so the difference is one moment's. Should
  // they never pause, the last count may be off, which costs a replay.
  Result<int64_t> CountAssigned() {
    for (int attempt = 1;; ++attempt) {
      auto before = store_.CountArticles();
      if (!before.ok()) return before.status();
      auto unassigned = store_.CountUnassigned();
      if (!unassigned.ok()) return unassigned.status();
      auto after = store_.CountArticles();
      if (!after.ok()) return after.status();
      if (*after == *before || attempt == 20) return *before - *unassigned;
    }
  }

  // What the batch changed in the clusterer's state, into the open write.
  Status SaveState() {
    const ClusterStateChanges changes = clusterer_->TakeStateChanges(state_builder_);
    return store_.PutClusterState(changes.put, changes.erase, changes.full);
  }

  // The pipeline's own decision (DecideStory), so these stories are
  // `ingest`'s stories.
  Status Decide(const AnnotatedArticle& article) {
    std::string why;
    Status s = DecideStoryOrReplay(clusterer_, store_, article, cluster_options_, AnalyzeOptions{},
                                   analyser_, why);
    if (!why.empty()) std::fprintf(stderr, "cluster-worker: %s\n", why.c_str());
    return s;
  }

  PageQueue& queue_;
  Store& store_;
  const ClusterWorkerArgs& args_;
  std::string analyser_;
  std::string state_builder_ = ClusterStateBuilder();
  ClusterOptions cluster_options_;
  std::unique_ptr<StoryClusterer> clusterer_;
  int64_t restored_ = 0, assigned_ = 0, skipped_ = 0;
  bool state_loaded_ = false;
  std::string why_replayed_;
  double wait_ = 0, decide_ = 0;
};

int RunClusterWorker(const ClusterWorkerArgs& args) {
  if (args.queue.url.empty())
    return Fail(Status::Usage("cluster-worker: no --queue given and $NEWSFUSE_QUEUE is not set"));
  if (!IsPostgresLocation(args.store.db)) {
    return Fail(Status::Usage("cluster-worker: --db " + args.store.db +
                              " is not a postgres:// URI (the leader lock is a PostgreSQL "
                              "advisory lock; on one machine, `newsfuse ingest` clusters)"));
  }
  StopOnSignals();
  // Connected before waiting as a standby: a connection that breaks later is
  // re-made (Redis restarting as the leader dies), a first connect is not.
  auto queue = PageQueue::Open(args.queue.url);
  if (!queue.ok()) return Fail(queue.status());
  bool told = false;
  auto lock = LeaderLock::Acquire(args.store.db, 500, [&] {
    if (!told) std::fprintf(stderr, "cluster-worker: standby, another cluster-worker leads\n");
    told = true;
  });
  if (!lock.ok()) return Fail(lock.status());
  auto store = OpenStore(args.store.db, /*read_only=*/false);
  if (!store.ok()) return Fail(store.status());
  ClusterWorker worker(**queue, **store, args);
  const double start = WallSeconds();
  if (Status s = worker.Restore(); !s.ok()) return Fail(s);
  if (worker.state_loaded()) {
    std::fprintf(stderr,
                 "cluster-worker: leading; kept state of %lld stored articles loaded in %.1f s\n",
                 static_cast<long long>(worker.restored()), WallSeconds() - start);
  } else {
    std::fprintf(stderr, "cluster-worker: leading; %lld stored articles replayed in %.1f s (%s)\n",
                 static_cast<long long>(worker.restored()), WallSeconds() - start,
                 worker.why_replayed().c_str());
  }
  Status status = worker.Run();
  std::fprintf(stderr,
               "cluster-worker: %lld assigned, %lld already in a story, in %.1f s; seconds: "
               "waiting for workers and reading %.2f, deciding and committing %.2f\n",
               static_cast<long long>(worker.assigned()), static_cast<long long>(worker.skipped()),
               WallSeconds() - start, worker.wait_seconds(), worker.decide_seconds());
  if (!status.ok()) return Fail(status);
  return 0;
}

}  // namespace

void RegisterClusterWorker(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<ClusterWorkerArgs>();
  CLI::App* cmd = app.add_subcommand(
      "cluster-worker",
      "Assign stored articles to stories in stream order (one leader per store, others wait)");
  args->queue.Add(*cmd);
  args->store.Add(*cmd);
  args->cluster.Add(*cmd);
  cmd->add_option("--batch-size", args->batch_size, "Pages decided per commit")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  cmd->add_option("--idle-exit", args->idle_exit,
                  "Leave after this many seconds with no new page (0: never)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cmd->callback([args, &exit_code] { exit_code = RunClusterWorker(*args); });
}

}  // namespace newsfuse::cli
