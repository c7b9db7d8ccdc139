// Speed of the entity annotator alone, on the DUC 2004 news documents under
// ../shared/bench/duc2004/docs (500 newswire articles, read in place).
// Sentences are split before the clock starts, so the figure is
// AnnotateEntities' own: bytes of article body per CPU second of one thread,
// best of three passes (NEWSFUSE_BENCH_PASSES to change). Prints `entity_speed key=value ...` and
// the machine line; `skipped: <reason>` (exit 0) when the data is absent.
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "analyze/entity/entities.h"
#include "bench_env.h"
#include "text/sentences.h"

namespace fs = std::filesystem;
using newsfuse::AnnotatedArticle;

namespace {

// CPU time of this thread: the machine is shared, and wall time would count
// other processes' turns as ours.
double CpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// One DUC file as an article: blank lines separate paragraphs, single line
// breaks are wrapping.
AnnotatedArticle Load(const fs::path& path) {
  std::ifstream in(path);
  std::string line, para;
  AnnotatedArticle a;
  auto flush = [&] {
    if (!para.empty()) a.article.paragraphs.push_back(para);
    para.clear();
  };
  while (std::getline(in, line)) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) {
      flush();
    } else {
      if (!para.empty()) para += ' ';
      para += line;
    }
  }
  flush();
  a.body = a.article.Body();
  uint32_t base = 0;
  for (size_t p = 0; p < a.article.paragraphs.size(); ++p) {
    for (const newsfuse::Span& s : newsfuse::SplitSentences(a.article.paragraphs[p])) {
      a.sentences.push_back({{base + s.begin, base + s.end}, static_cast<uint32_t>(p)});
    }
    base += static_cast<uint32_t>(a.article.paragraphs[p].size()) + 2;
  }
  return a;
}

}  // namespace

int main() {
  const fs::path docs = fs::path(NEWSFUSE_SHARED_DIR) / "bench" / "duc2004" / "docs";
  if (!fs::is_directory(docs)) {
    std::printf("skipped: %s not found\n", docs.string().c_str());
    return 0;
  }
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(docs)) {
    if (e.is_regular_file()) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<AnnotatedArticle> articles;
  size_t bytes = 0;
  for (const fs::path& f : files) {
    articles.push_back(Load(f));
    bytes += articles.back().body.size();
  }
  // The gazetteer is built on first use; keep that out of the timing.
  AnnotatedArticle warm = articles.front();
  newsfuse::analyze::AnnotateEntities(warm);
  double best = 1e30;
  size_t entities = 0, mentions = 0;
  const char* passes_env = std::getenv("NEWSFUSE_BENCH_PASSES");
  const int passes = passes_env != nullptr ? std::max(1, std::atoi(passes_env)) : 3;
  for (int pass = 0; pass < passes; ++pass) {
    std::vector<AnnotatedArticle> work = articles;
    const double t0 = CpuSeconds();
    for (AnnotatedArticle& a : work) newsfuse::analyze::AnnotateEntities(a);
    const double s = CpuSeconds() - t0;
    best = std::min(best, s);
    entities = mentions = 0;
    for (const AnnotatedArticle& a : work) {
      entities += a.entities.size();
      mentions += a.mentions.size();
    }
  }
  std::printf(
      "entity_speed articles=%zu mb=%.2f seconds=%.3f mb_per_s=%.1f entities=%zu "
      "mentions=%zu\n",
      articles.size(), bytes / 1e6, best, bytes / 1e6 / best, entities, mentions);
  std::printf("machine %s\n", newsfuse::bench::MachineLine().c_str());
  return 0;
}
