// Fusion speed: one story of 100 articles (the documents of the first ten
// DUC 2004 clusters, extracted and analysed beforehand), fused on one thread.
// Target: under 100 ms. Prints the best and the median of --repeat runs, and
// how much of it the claim sections (facts, conflicts, quotes, timeline:
// fuse::AddClaims, timed alone on the same sources) take.
//
//   fuse_speed [--data DIR] [--articles N] [--repeat K]
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>

#include "analyze/analyze.h"
#include "bench_env.h"
#include "duc.h"
#include "extract/extract.h"
#include "fuse/claims/claims.h"
#include "fuse/fuse.h"

namespace fs = std::filesystem;
using namespace newsfuse;
using namespace newsfuse::bench;

namespace {

// CPU time of this thread: on a shared machine, wall time measures the
// neighbours; "on one core" is what the target asks.
double ThreadCpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

}  // namespace

int main(int argc, char** argv) {
  fs::path data = fs::path(NEWSFUSE_SHARED_DIR) / "bench/duc2004";
  size_t want = 100;
  int repeat = 15;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--data" && i + 1 < argc)
      data = argv[++i];
    else if (a == "--articles" && i + 1 < argc)
      want = static_cast<size_t>(std::atoi(argv[++i]));
    else if (a == "--repeat" && i + 1 < argc)
      repeat = std::max(1, std::atoi(argv[++i]));
    else {
      std::fprintf(stderr, "usage: fuse_speed [--data DIR] [--articles N] [--repeat K]\n");
      return 1;
    }
  }
  const auto topics = LoadDuc(data);
  if (topics.empty()) {
    std::printf("skipped: DUC 2004 data not found under %s (it lives in ../shared/bench)\n",
                data.c_str());
    return 0;
  }
  std::vector<AnnotatedArticle> articles;
  Story story{"speed", {}};
  size_t body_bytes = 0, sentences = 0;
  for (const auto& t : topics) {
    for (const auto& doc : t.docs) {
      if (articles.size() >= want) break;
      RawPage page;
      page.locator = doc.string();
      page.format = PageFormat::kText;
      page.content = DucDocumentText(doc);
      page.hint_outlet = t.id + "/" + doc.stem().string();
      auto article = ExtractArticle(page);
      if (!article.ok()) continue;
      article->id = page.hint_outlet;
      story.article_ids.push_back(article->id);
      articles.push_back(Analyze(std::move(*article)));
      body_bytes += articles.back().body.size();
      sentences += articles.back().sentences.size();
    }
  }
  std::vector<double> ms, cpu;
  size_t summary = 0;
  for (int r = 0; r < repeat; ++r) {
    const auto t0 = std::chrono::steady_clock::now();
    const double c0 = ThreadCpuMs();
    const StoryReport report = FuseStory(story, articles);
    cpu.push_back(ThreadCpuMs() - c0);
    ms.push_back(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    summary = report.summary.size();
  }
  std::sort(ms.begin(), ms.end());
  std::sort(cpu.begin(), cpu.end());
  // The claim sections alone, on the sources in report order.
  const StoryReport full = FuseStory(story, articles);
  std::vector<const AnnotatedArticle*> members;
  for (const auto& src : full.sources) {
    for (const auto& a : articles) {
      if (a.article.id == src.article_id) members.push_back(&a);
    }
  }
  std::vector<double> claims_ms;
  for (int r = 0; r < repeat; ++r) {
    StoryReport bare;
    bare.sources = full.sources;
    const double c0 = ThreadCpuMs();
    fuse::AddClaims(members, bare);
    claims_ms.push_back(ThreadCpuMs() - c0);
  }
  std::sort(claims_ms.begin(), claims_ms.end());
  // The split uses the best runs: on a loaded machine the minimum is the
  // stable estimate of what the code itself costs.
  const double median = cpu[cpu.size() / 2], best = cpu.front(), claims = claims_ms.front();
  std::printf(
      "fuse_speed articles=%zu sentences=%zu body_kb=%.0f summary=%zu cpu_best_ms=%.2f "
      "cpu_median_ms=%.2f "
      "claims_cpu_best_ms=%.2f rest_cpu_best_ms=%.2f wall_median_ms=%.2f target_ms=100 pass=%s\n",
      articles.size(), sentences, body_bytes / 1024.0, summary, best, median, claims, best - claims,
      ms[ms.size() / 2], median < 100 ? "yes" : "no");
  std::printf("machine %s\n", MachineLine().c_str());
  return 0;
}
