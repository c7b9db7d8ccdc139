// report_cache [--articles N] [--db PATH]: ingests N synthetic articles of one
// event (tests/pipeline/synthetic_news.h: made-up names, no data set) into a
// fresh store at PATH, then times the report of the story they form: once
// built (analysis and fusion), then served from the report cache. Prints
//   report_cache articles=N story=ID build_ms=... cached_ms=... (median of 21)
// Then end to end through the binary (--cli PATH, default the newsfuse built
// with the bench), process start-up included, as a user's shell runs it:
// `newsfuse --version` (start-up alone) and `newsfuse story ID` served from
// the cache, 21 runs each; then one more article of the event is ingested
// and `story ID` run three times: the first rebuilds the report, the next
// two read the rebuilt one. Prints
//   report_cache_cli ... version_ms=... story_cached_ms=... (best/median, wall
//   and the child's CPU) changed_ms=first,second,third rebuilt_once=yes|no

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "cli_time.h"
#include "pipeline/pipeline.h"
#include "synthetic_news.h"

namespace {

// CPU time of this process: on a shared machine wall time also counts the
// waits for a core, which say nothing about the code.
double CpuMillis() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

double MillisSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}

int Fail(const newsfuse::Status& s) {
  std::fprintf(stderr, "report_cache: %s\n", s.ToString().c_str());
  return 1;
}

using newsfuse::bench::CliTime;
using newsfuse::bench::RunCli;

double Best(std::vector<double> v) { return *std::min_element(v.begin(), v.end()); }
double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// Best and median wall and CPU of 21 runs of `args`.
std::string Timed(const std::string& cli, const std::vector<std::string>& args) {
  std::vector<double> wall, cpu;
  for (int i = 0; i < 21; ++i) {
    const CliTime t = RunCli(cli, args);
    if (t.wall_ms < 0) return "failed";
    wall.push_back(t.wall_ms);
    cpu.push_back(t.cpu_ms);
  }
  char out[160];
  std::snprintf(out, sizeof out, "%.1f/%.1f (cpu %.1f/%.1f)", Best(wall), Median(wall), Best(cpu),
                Median(cpu));
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  int articles = 100;
  std::string cli = NEWSFUSE_CLI;
  std::string db = (std::filesystem::temp_directory_path() / "newsfuse-report-cache.db").string();
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--articles") articles = std::atoi(argv[i + 1]);
    if (flag == "--db") db = argv[i + 1];
    if (flag == "--cli") cli = argv[i + 1];
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix);
  const std::string feed = db + ".jsonl", later = db + ".later.jsonl";
  // One more article of the same event than the store starts with: the
  // last one is ingested later, to change the story.
  auto news = newsfuse::testing::SyntheticNews(1, articles + 1, 20261205);
  std::ofstream(later) << newsfuse::testing::ToJsonl({news.back()});
  news.pop_back();
  std::ofstream(feed) << newsfuse::testing::ToJsonl(news);

  std::string story_id;
  size_t story_size = 0;
  {
    auto store = newsfuse::OpenSqliteStore(db);
    if (!store.ok()) return Fail(store.status());
    newsfuse::Pipeline pipeline(**store);
    auto ingest = pipeline.Ingest({feed});
    if (!ingest.ok()) return Fail(ingest.status());
    auto rows = (*store)->ListStories();
    if (!rows.ok()) return Fail(rows.status());
    for (const auto& row : *rows) {
      if (row.story.article_ids.size() > story_size) {
        story_size = row.story.article_ids.size();
        story_id = row.story.id;
      }
    }
  }
  // Each timing opens the store afresh, as a `newsfuse story` run does;
  // open_ms is that open alone, report_ms the Report() call.
  struct Timing {
    double open_ms = 0, report_ms = 0, cpu_ms = 0;
    bool from_cache = false;
  };
  auto time_report = [&]() {
    Timing t;
    const double cpu_start = CpuMillis();
    auto start = std::chrono::steady_clock::now();
    newsfuse::SqliteStoreOptions options;
    options.read_only = true;
    auto store = newsfuse::OpenSqliteStore(db, options);
    if (!store.ok()) std::exit(Fail(store.status()));
    t.open_ms = MillisSince(start);
    start = std::chrono::steady_clock::now();
    newsfuse::Pipeline pipeline(**store);
    newsfuse::ReportOrigin origin;
    auto report = pipeline.Report(story_id, &origin);
    if (!report.ok()) std::exit(Fail(report.status()));
    t.report_ms = MillisSince(start);
    t.cpu_ms = CpuMillis() - cpu_start;
    t.from_cache = origin.from_cache;
    if (!origin.from_cache) {
      // A read-only open cannot cache; a writable one does, as `story` does.
      auto writable = newsfuse::OpenSqliteStore(db);
      if (!writable.ok()) std::exit(Fail(writable.status()));
      (void)newsfuse::SaveReport(**writable, *report, origin.story_version,
                                 pipeline.ReportBuilder());
    }
    return t;
  };
  const Timing built = time_report();
  if (built.from_cache)
    std::fprintf(stderr, "report_cache: the first report came from the cache\n");
  std::vector<double> opens, reports, totals, cpus;
  for (int i = 0; i < 21; ++i) {
    const Timing t = time_report();
    if (!t.from_cache) std::fprintf(stderr, "report_cache: a repeated report was rebuilt\n");
    opens.push_back(t.open_ms);
    reports.push_back(t.report_ms);
    totals.push_back(t.open_ms + t.report_ms);
    cpus.push_back(t.cpu_ms);
  }
  auto median = [](std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
  };
  std::printf(
      "report_cache articles=%zu story=%s build_ms=%.1f build_cpu_ms=%.1f cached_ms=%.2f "
      "cached_cpu_ms=%.2f (open_ms=%.2f report_ms=%.2f; medians of %zu)\n",
      story_size, story_id.c_str(), built.open_ms + built.report_ms, built.cpu_ms, median(totals),
      median(cpus), median(opens), median(reports), totals.size());

  // End to end through the binary.
  const std::string version = Timed(cli, {"--version"});
  const std::string cached = Timed(cli, {"story", story_id, "--db", db});
  {
    auto store = newsfuse::OpenSqliteStore(db);
    if (!store.ok()) return Fail(store.status());
    newsfuse::Pipeline pipeline(**store);
    auto ingest = pipeline.Ingest({later});
    if (!ingest.ok()) return Fail(ingest.status());
  }
  // Whether the store holds a current report for the story.
  auto cached_now = [&]() {
    newsfuse::SqliteStoreOptions options;
    options.read_only = true;
    auto store = newsfuse::OpenSqliteStore(db, options);
    if (!store.ok()) std::exit(Fail(store.status()));
    newsfuse::Pipeline pipeline(**store);
    auto json = (*store)->GetCachedReport(story_id, pipeline.ReportBuilder());
    return json.ok() && json->has_value();
  };
  const bool stale_after_ingest = !cached_now();
  std::vector<double> changed;
  bool current_after_each = true;
  for (int i = 0; i < 3; ++i) {
    changed.push_back(RunCli(cli, {"story", story_id, "--db", db}).wall_ms);
    current_after_each = current_after_each && cached_now();
  }
  std::printf(
      "report_cache_cli articles=%zu version_ms=%s story_cached_ms=%s (best/median of 21, wall) "
      "changed_ms=%.0f,%.0f,%.0f rebuilt_once=%s\n",
      story_size, version.c_str(), cached.c_str(), changed[0], changed[1], changed[2],
      stale_after_ingest && current_after_each ? "yes" : "no");
  std::printf("try: time %s story %s --db %s >/dev/null\n", cli.c_str(), story_id.c_str(),
              db.c_str());
  return 0;
}
