// Article extraction quality and speed on the ScrapingHub benchmark
// (181 news pages with human-checked article bodies), scored with the
// benchmark's own shingle metric (shingle_metric.h), and publication-date
// accuracy on those pages (truth: the day in the URL path, date_truth.h) and
// on the seed pages (truth: seed_dates.tsv).
//
//   extraction_eval [--data DIR] [--peer NAME] [--worst N] [--repeat K]
//                   [--set NAME] [--half dev|held-out|all]
//
// It also scores the other sets in ../shared/bench (EXTRACTION-SETS.md):
// Readability test-page metadata, htmldate-eval dates (htmldate_set.h) and
// Dragnet bodies (dragnet_set.h). --set runs one of scrapinghub, readability,
// seeds, htmldate, dragnet. The last two are split by file name into a dev
// and a held-out half (set_split.h); --half picks what is printed (dev unless
// asked), so held-out figures are seen only on purpose.
//
// --peer scores a published extractor's stored output instead of ours: it
// checks this evaluator against the published table, and shows where a peer
// does better on a page. Speed is extraction only (pages already in memory),
// one thread, best of --repeat runs; pages/s is given by wall clock and by
// process CPU time, the second being the figure that holds on a shared machine.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "bench_env.h"
#include "date_truth.h"
#include "dragnet_set.h"
#include "extract/extract.h"
#include "gzip_file.h"
#include "htmldate_set.h"
#include "readability_meta.h"
#include "rejections.h"
#include "set_split.h"
#include "shingle_metric.h"

namespace fs = std::filesystem;
using nlohmann::json;
using namespace newsfuse;

namespace {

struct Page {
  std::string key, url, truth, html;
};

std::string Body(const Article& a) {
  std::string out;
  for (const auto& p : a.paragraphs) out += p + "\n";
  return out;
}

// Peer files store {key: {"articleBody": ...}}, sometimes under "output".
json PeerOutputs(const fs::path& path) {
  std::ifstream in(path);
  json doc = json::parse(in);
  return doc.contains("output") ? doc["output"] : doc;
}

double CpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

RawPage HtmlPage(const Page& p, bool with_url) {
  RawPage raw;
  raw.locator = p.key;
  if (with_url) raw.url = p.url;
  raw.format = PageFormat::kHtml;
  raw.content = p.html;
  return raw;
}

// True when `when` is an instant (time and UTC offset stated) that falls on
// `day` in some time zone between UTC-12 and UTC+14: "2019-11-19T04:58Z" is
// the evening of 18 November in New York, where the URL was written.
bool InSomeZone(const DateTime& when, const DateTime& day) {
  if (!when.utc_offset_minutes || when.precision < DatePrecision::kMinute) return false;
  const int64_t utc =
      (when.DaysSinceEpoch() * 24 * 60) + when.hour * 60 + when.minute - *when.utc_offset_minutes;
  const int64_t day_start = day.DaysSinceEpoch() * 24 * 60;
  // Local day D in zone z covers UTC [D - z, D + 24h - z).
  return utc >= day_start - 14 * 60 && utc < day_start + 24 * 60 + 12 * 60;
}

// Publication dates with the URL withheld, against the day the URL states.
// "exact" compares calendar days as written; "zone_consistent" also accepts a
// UTC instant whose day differs only by the writer's time zone (InSomeZone).
void DateAccuracy(const std::vector<Page>& pages, int worst) {
  int truths = 0, stated = 0, exact = 0, near = 0;
  std::map<std::string, int> sources;
  std::vector<std::string> misses;
  for (const Page& p : pages) {
    const auto truth = bench::DayFromUrl(p.url);
    if (!truth) continue;
    ++truths;
    auto a = ExtractArticle(HtmlPage(p, /*with_url=*/false));
    if (!a.ok() || !a->published || a->published->precision < DatePrecision::kDay) {
      misses.push_back("none " + p.url);
      continue;
    }
    ++stated;
    ++sources[a->field_sources["published"]];
    const int64_t gap = a->published->DaysSinceEpoch() - truth->DaysSinceEpoch();
    const bool same_day = gap == 0;
    exact += same_day;
    const bool tz_day = same_day || InSomeZone(*a->published, *truth);
    near += tz_day;
    if (!tz_day) misses.push_back(a->published->ToIso() + " " + p.url);
  }
  std::printf(
      "extraction_dates truth=url-day pages=%d stated=%d exact=%d zone_consistent=%d "
      "accuracy=%.3f zone_accuracy=%.3f",
      truths, stated, exact, near, truths ? static_cast<double>(exact) / truths : 0.0,
      truths ? static_cast<double>(near) / truths : 0.0);
  for (const auto& [src, n] : sources) std::printf(" from:%s=%d", src.c_str(), n);
  std::printf("\n");
  for (int k = 0; k < worst && k < static_cast<int>(misses.size()); ++k)
    std::printf("date_miss %s\n", misses[k].c_str());
}

// The seeds: plain text as ingest hands it over (locator = file name).
void SeedDateAccuracy(const fs::path& seeds) {
  if (!fs::exists(seeds)) {
    std::printf("skipped: seed dates (%s not found)\n", seeds.c_str());
    return;
  }
  std::ifstream truth_in(fs::path(NEWSFUSE_BENCH_DIR) / "seed_dates.tsv");
  int pages = 0, correct = 0;
  std::string line;
  while (std::getline(truth_in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    const std::string name = line.substr(0, tab), want = line.substr(tab + 1);
    std::ifstream f(seeds / name, std::ios::binary);
    RawPage raw;
    raw.locator = name;
    raw.content.assign(std::istreambuf_iterator<char>(f), {});
    auto a = ExtractArticle(raw);
    const std::string got = a.ok() && a->published ? a->published->ToIso() : "-";
    ++pages;
    correct += got == want;
    if (got != want)
      std::printf("seed_date_miss %s want=%s got=%s\n", name.c_str(), want.c_str(), got.c_str());
  }
  std::printf("extraction_seed_dates pages=%d correct=%d accuracy=%.3f\n", pages, correct,
              pages ? static_cast<double>(correct) / pages : 0.0);
}

}  // namespace

int main(int argc, char** argv) {
  fs::path data = fs::path(NEWSFUSE_SHARED_DIR) / "bench/article-extraction";
  std::string peer;
  std::string only;
  bench::HalfSelection halves;
  int worst = 0, repeat = 3;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--data" && i + 1 < argc)
      data = argv[++i];
    else if (a == "--peer" && i + 1 < argc)
      peer = argv[++i];
    else if (a == "--worst" && i + 1 < argc)
      worst = std::atoi(argv[++i]);
    else if (a == "--repeat" && i + 1 < argc)
      repeat = std::max(1, std::atoi(argv[++i]));
    else if (a == "--set" && i + 1 < argc)
      only = argv[++i];
    else if (a == "--half" && i + 1 < argc && bench::ParseHalfSelection(argv[i + 1]))
      halves = *bench::ParseHalfSelection(argv[++i]);
    else {
      std::fprintf(stderr,
                   "usage: extraction_eval [--data DIR] [--peer NAME] [--worst N] [--repeat K] "
                   "[--set scrapinghub|readability|seeds|htmldate|dragnet] "
                   "[--half dev|held-out|all]\n");
      return 1;
    }
  }
  auto wants = [&](const char* set) { return only.empty() || only == set; };
  const fs::path shared_bench = fs::path(NEWSFUSE_SHARED_DIR) / "bench";
  if (peer.empty()) {
    if (wants("seeds")) SeedDateAccuracy(fs::path(NEWSFUSE_SOURCE_DIR) / "examples/seeds");
    if (wants("readability"))
      bench::ReadabilityMetadata(shared_bench / "readability-testpages", halves, worst > 0);
    if (wants("htmldate")) bench::HtmldateDates(shared_bench / "htmldate-eval", halves, worst);
    if (wants("dragnet")) bench::DragnetBodies(shared_bench / "dragnet", halves, worst);
  }
  if (!wants("scrapinghub")) {
    std::printf("machine %s\n", bench::MachineLine().c_str());
    return 0;
  }
  if (!fs::exists(data / "ground-truth.json")) {
    std::printf("skipped: %s not found (the benchmark data lives in ../shared/bench)\n",
                data.c_str());
    std::printf("machine %s\n", bench::MachineLine().c_str());
    return 0;
  }
  std::ifstream gt_in(data / "ground-truth.json");
  const json truth = json::parse(gt_in);
  std::vector<Page> pages;
  size_t html_bytes = 0;
  for (const auto& [key, item] : truth.items()) {
    Page p{key, item.value("url", ""), item.value("articleBody", ""), {}};
    if (!bench::ReadGzip(data / "html" / (key + ".html.gz"), p.html)) {
      std::fprintf(stderr, "cannot read %s.html.gz\n", key.c_str());
      return 2;
    }
    html_bytes += p.html.size();
    pages.push_back(std::move(p));
  }
  std::sort(pages.begin(), pages.end(), [](const Page& a, const Page& b) { return a.key < b.key; });

  std::vector<std::string> predicted(pages.size());
  double best_seconds = 1e30, best_cpu = 1e30;
  int failures = 0;
  if (!peer.empty()) {
    const json outputs = PeerOutputs(data / "peer-output" / (peer + ".json"));
    for (size_t i = 0; i < pages.size(); ++i) {
      auto it = outputs.find(pages[i].key);
      if (it != outputs.end() && it->contains("articleBody") && (*it)["articleBody"].is_string())
        predicted[i] = (*it)["articleBody"].get<std::string>();
    }
  } else {
    std::vector<RawPage> raws;
    for (const Page& p : pages) raws.push_back(HtmlPage(p, /*with_url=*/true));
    for (int r = 0; r < repeat; ++r) {
      failures = 0;
      const auto start = std::chrono::steady_clock::now();
      const double cpu_start = CpuSeconds();
      for (size_t i = 0; i < raws.size(); ++i) {
        auto article = ExtractArticle(raws[i]);
        if (article.ok())
          predicted[i] = Body(*article);
        else {
          predicted[i].clear();
          ++failures;
          if (r == 0) bench::NoteRejection("scrapinghub", pages[i].key, article.status());
        }
      }
      best_cpu = std::min(best_cpu, CpuSeconds() - cpu_start);
      best_seconds =
          std::min(best_seconds,
                   std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
  }

  if (peer.empty()) {
    // Where each page's outlet came from (issue 13: a page naming no site gets
    // its URL's registrable domain), and how many pages are left without one.
    std::map<std::string, int> outlet_from;
    for (const Page& p : pages) {
      auto a = ExtractArticle(HtmlPage(p, /*with_url=*/true));
      if (!a.ok()) continue;
      const auto src = a->field_sources.find("outlet");
      ++outlet_from[a->outlet.empty() ? "none" : src == a->field_sources.end() ? "?" : src->second];
    }
    std::printf("extraction_outlets pages=%zu", pages.size());
    for (const auto& [src, n] : outlet_from) std::printf(" from:%s=%d", src.c_str(), n);
    std::printf("\n");
  }

  std::vector<bench::PageScore> scores;
  for (size_t i = 0; i < pages.size(); ++i)
    scores.push_back(bench::ScorePage(predicted[i], pages[i].truth));
  const bench::Totals t = bench::Aggregate(scores);
  std::printf("extraction_eval system=%s pages=%d precision=%.3f recall=%.3f f1=%.3f accuracy=%.3f",
              peer.empty() ? "newsfuse" : peer.c_str(), t.pages, t.precision, t.recall, t.f1,
              t.accuracy);
  if (peer.empty()) std::printf(" failures=%d", failures);
  std::printf("\n");
  if (peer.empty()) {
    std::printf(
        "extraction_speed pages_per_s=%.0f cpu_pages_per_s=%.0f mb_per_s=%.1f cpu_mb_per_s=%.1f "
        "peak_rss_mib=%.0f html_mb=%.1f\n",
        pages.size() / best_seconds, pages.size() / best_cpu, html_bytes / 1e6 / best_seconds,
        html_bytes / 1e6 / best_cpu, bench::PeakRssMiB(), html_bytes / 1e6);
    DateAccuracy(pages, worst);
  }
  std::printf("machine %s\n", bench::MachineLine().c_str());

  if (worst > 0) {
    std::vector<size_t> order(pages.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    auto f1 = [&](size_t i) {
      const auto& s = scores[i];
      return s.tp > 0 ? 2 * s.tp / (2 * s.tp + s.fp + s.fn) : 0.0;
    };
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return f1(a) < f1(b); });
    for (int k = 0; k < worst && k < static_cast<int>(order.size()); ++k) {
      const size_t i = order[k];
      std::printf(
          "worst f1=%.3f p=%.2f r=%.2f %s %s\n", f1(i),
          scores[i].tp + scores[i].fp > 0 ? scores[i].tp / (scores[i].tp + scores[i].fp) : 0.0,
          scores[i].tp + scores[i].fn > 0 ? scores[i].tp / (scores[i].tp + scores[i].fn) : 0.0,
          pages[i].key.substr(0, 12).c_str(), pages[i].url.c_str());
    }
  }
  return 0;
}
