// incremental [--sizes 1000,10000,100000] [--dir PATH] [--new N]: what one
// more ingest costs as the store grows (issue 13).
//
// For each size, a base store of that many synthetic articles
// (tests/pipeline/synthetic_news.h: made-up names, ten articles per event) is
// built once and kept in --dir (base-SIZE.db, reused by later runs: building
// 100k takes long). Then, on a fresh copy of it, each stream of N new articles
// (default 100) is ingested in one run, and one more article in a run of its
// own, as a user adding news to a store that only grows would:
//   synthetic  N articles of new made-up events
//   duc        the first N DUC 2004 documents in stream order (skipped with a
//              message when ../shared/bench/duc2004 is absent)
// Prints one line per (size, stream):
//   incremental size=S stream=X new=N ms_per_article=... restore_ms=...
//     analyze_ms=... put_ms=... assign_ms=... commit_ms=... other_ms=...
//     one_article_ms=... one_restore_ms=... cpu_ms_per_article=... reanalysed=...
//     cli_one_cpu_ms=... cli_one_ms=...
// where ms_per_article and one_article_ms are wall time, the parts
// (restore_ms ... commit_ms, IngestTimes) CPU time of the ingesting thread,
// other_ms the process CPU time outside them (reading and extraction),
// restore is bringing the clusterer in step with the store, and reanalysed counts stored articles
// analysed again to restore it (all of them in a store of an older build, once).
// cli_one_cpu_ms and cli_one_ms are `newsfuse ingest` of the one article into
// another fresh copy of the base, run as a child (its CPU, user + system, and
// wall): what a user pays, process start-up and a fresh heap included.
// A one-article run that stores no article (it is already in the base, or a
// feed could not be written) stops the bench: its figures would time no
// clustering at all.
#include <time.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "bench_env.h"
#include "cli_time.h"
#include "corpora.h"
#include "pipeline/pipeline.h"
#include "synthetic_news.h"

namespace {

namespace fs = std::filesystem;
using newsfuse::IngestSummary;

int Fail(const newsfuse::Status& s) {
  std::fprintf(stderr, "incremental: %s\n", s.ToString().c_str());
  return 1;
}

std::vector<int> ParseSizes(const std::string& list) {
  std::vector<int> sizes;
  std::stringstream in(list);
  for (std::string item; std::getline(in, item, ',');) {
    if (!item.empty()) sizes.push_back(std::atoi(item.c_str()));
  }
  return sizes;
}

void RemoveDb(const fs::path& db) {
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db.string() + suffix);
}

// Ingests `feed` into the store at `db` in one run, as `newsfuse ingest` does.
// CPU time of this process: the machine is shared, and wall time also counts
// the waits for a core.
double CpuMillis() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

newsfuse::Result<IngestSummary> IngestInto(const fs::path& db, const fs::path& feed,
                                           double* wall_ms, double* cpu_ms = nullptr) {
  auto store = newsfuse::OpenSqliteStore(db.string());
  if (!store.ok()) return store.status();
  newsfuse::Pipeline pipeline(**store);
  const auto start = std::chrono::steady_clock::now();
  const double cpu_start = CpuMillis();
  auto summary = pipeline.Ingest({feed.string()});
  if (cpu_ms) *cpu_ms = CpuMillis() - cpu_start;
  *wall_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return summary;
}

// The base store of `size` synthetic articles, built when absent.
newsfuse::Status EnsureBase(const fs::path& base, int size) {
  if (fs::exists(base)) return newsfuse::Status::Ok();
  const fs::path building = base.string() + ".building";
  RemoveDb(building);
  const fs::path feed = base.string() + ".jsonl";
  std::ofstream(feed) << newsfuse::testing::ToJsonl(
      newsfuse::testing::SyntheticNews(size / 10, 10, 20261205));
  double ms = 0;
  std::fprintf(stderr, "incremental: building a base store of %d articles...\n", size);
  auto summary = IngestInto(building, feed, &ms);
  fs::remove(feed);
  if (!summary.ok()) return summary.status();
  std::fprintf(stderr, "incremental: base of %lld articles built in %.1f s\n",
               static_cast<long long>(summary->ingested), ms / 1e3);
  // Folded into one file, so a copy is the whole store.
  {
    auto store = newsfuse::OpenSqliteStore(building.string());
    if (!store.ok()) return store.status();
  }
  fs::rename(building, base);
  for (const char* suffix : {"-wal", "-shm"}) fs::remove(building.string() + suffix);
  return newsfuse::Status::Ok();
}

// The feed's text in `path`, or a failure: a feed silently left empty (a full
// disk) would time a run that ingests nothing.
newsfuse::Status WriteFeed(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) return newsfuse::Status::IoError(path.string(), "cannot write the feed");
  return newsfuse::Status::Ok();
}

// Articles in the store at `db`.
newsfuse::Result<int64_t> CountArticles(const fs::path& db) {
  auto store = newsfuse::OpenSqliteStore(db.string());
  if (!store.ok()) return store.status();
  return (*store)->CountArticles();
}

std::string DucFeed(int count, std::string* skipped) {
  auto corpus = newsfuse::bench::LoadDuc(NEWSFUSE_SHARED_DIR);
  if (corpus.items.empty()) {
    *skipped = corpus.skipped.empty() ? "no DUC 2004 documents" : corpus.skipped;
    return "";
  }
  newsfuse::bench::StreamOrder(corpus.items);
  std::string out;
  for (int i = 0; i < count && i < static_cast<int>(corpus.items.size()); ++i) {
    const auto& page = corpus.items[i].page;
    nlohmann::json line = {{"url", "https://duc.example/" + page.locator}, {"text", page.content}};
    if (!page.hint_published.empty()) line["published"] = page.hint_published;
    if (!page.hint_title.empty()) line["title"] = page.hint_title;
    out += line.dump() + "\n";
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<int> sizes = {1000, 10000, 100000};
  fs::path dir = fs::temp_directory_path() / "newsfuse-incremental";
  int fresh = 100;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--sizes") sizes = ParseSizes(argv[i + 1]);
    if (flag == "--dir") dir = argv[i + 1];
    if (flag == "--new") fresh = std::atoi(argv[i + 1]);
  }
  fs::create_directories(dir);

  struct Stream {
    std::string name, jsonl, one;
  };
  std::vector<Stream> streams;
  {
    // Seeds other than the base's: events the store has not seen.
    Stream s{"synthetic",
             newsfuse::testing::ToJsonl(newsfuse::testing::SyntheticNews(fresh / 10, 10, 777)),
             newsfuse::testing::ToJsonl(newsfuse::testing::SyntheticNews(1, 1, 778))};
    streams.push_back(std::move(s));
  }
  std::string skipped;
  const std::string duc = DucFeed(fresh + 1, &skipped);
  if (duc.empty()) {
    std::printf("incremental stream=duc skipped: %s\n", skipped.c_str());
  } else {
    const size_t last = duc.rfind('\n', duc.size() - 2);
    streams.push_back({"duc", duc.substr(0, last + 1), duc.substr(last + 1)});
  }

  for (int size : sizes) {
    const fs::path base = dir / ("base-" + std::to_string(size) + ".db");
    if (auto s = EnsureBase(base, size); !s.ok()) return Fail(s);
    for (const Stream& stream : streams) {
      const fs::path work = dir / "work.db", feed = dir / "new.jsonl", one = dir / "one.jsonl";
      RemoveDb(work);
      fs::copy_file(base, work);
      for (const auto& [path, text] : {std::pair{feed, stream.jsonl}, std::pair{one, stream.one}}) {
        if (auto s = WriteFeed(path, text); !s.ok()) return Fail(s);
      }
      double many_ms = 0, one_ms = 0, many_cpu_ms = 0;
      auto many = IngestInto(work, feed, &many_ms, &many_cpu_ms);
      if (!many.ok()) return Fail(many.status());
      auto single = IngestInto(work, one, &one_ms);
      if (!single.ok()) return Fail(single.status());
      // A run that stored nothing would time no clustering at all.
      if (single->ingested != 1) {
        std::fprintf(stderr,
                     "incremental: the one new article was not ingested (ingested %lld, "
                     "duplicate %lld, failed %lld)\n",
                     static_cast<long long>(single->ingested),
                     static_cast<long long>(single->duplicates),
                     static_cast<long long>(single->failed));
        return 1;
      }
      RemoveDb(work);
      fs::copy_file(base, work);
      auto before = CountArticles(work);
      if (!before.ok()) return Fail(before.status());
      const newsfuse::bench::CliTime cli =
          newsfuse::bench::RunCli(NEWSFUSE_CLI, {"ingest", one.string(), "--db", work.string()});
      if (cli.cpu_ms < 0) {
        std::fprintf(stderr, "incremental: %s ingest failed\n", NEWSFUSE_CLI);
        return 1;
      }
      auto after = CountArticles(work);
      if (!after.ok()) return Fail(after.status());
      if (*after != *before + 1) {
        std::fprintf(stderr, "incremental: %s ingest stored %lld articles, not 1\n", NEWSFUSE_CLI,
                     static_cast<long long>(*after - *before));
        return 1;
      }
      const auto& t = many->times;
      const double n = static_cast<double>(many->ingested);
      const double parts = t.restore + t.analyze + t.put + t.assign + t.commit;
      std::printf(
          "incremental size=%d stream=%s new=%lld ms_per_article=%.1f restore_ms=%.0f "
          "analyze_ms=%.0f put_ms=%.0f assign_ms=%.0f commit_ms=%.0f other_ms=%.0f "
          "one_article_ms=%.0f one_restore_ms=%.0f cpu_ms_per_article=%.1f reanalysed=%lld "
          "cli_one_cpu_ms=%.0f cli_one_ms=%.0f\n",
          size, stream.name.c_str(), static_cast<long long>(many->ingested),
          n > 0 ? many_ms / n : 0.0, t.restore * 1e3, t.analyze * 1e3, t.put * 1e3, t.assign * 1e3,
          t.commit * 1e3, many_cpu_ms - parts * 1e3, one_ms, single->times.restore * 1e3,
          n > 0 ? many_cpu_ms / n : 0.0, static_cast<long long>(many->reanalysed), cli.cpu_ms,
          cli.wall_ms);
      std::fflush(stdout);
      RemoveDb(work);
    }
  }
  std::printf("machine %s\n", newsfuse::bench::MachineLine().c_str());
  return 0;
}
