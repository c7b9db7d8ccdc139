#include "htmldate_set.h"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "extract/extract.h"
#include "gzip_file.h"
#include "rejections.h"

namespace newsfuse::bench {
namespace {

namespace fs = std::filesystem;

struct Item {
  std::string file, subset, date, url;
};

struct Counts {
  int tp = 0, fp = 0, fn = 0, tn = 0;
  int Items() const { return tp + fp + fn; }  // TN always comes with an FN
  void Add(const std::string& got, const std::string& want) {
    if (got.empty()) {
      ++fn;
      if (want.empty()) ++tn;
    } else if (got == want) {
      ++tp;
    } else {
      ++fp;
    }
  }
};

void PrintCounts(const char* half, const std::string& subset, const Counts& c) {
  const double p = c.tp + c.fp ? static_cast<double>(c.tp) / (c.tp + c.fp) : 0;
  const double r = c.tp + c.fn ? static_cast<double>(c.tp) / (c.tp + c.fn) : 0;
  const int all = c.tp + c.tn + c.fp + c.fn;
  const double acc = all ? static_cast<double>(c.tp + c.tn) / all : 0;
  const double f = c.tp ? 2.0 * c.tp / (2.0 * c.tp + c.fp + c.fn) : 0;
  std::printf(
      "extraction_htmldate half=%s subset=%s items=%d tp=%d fp=%d fn=%d tn=%d precision=%.3f "
      "recall=%.3f accuracy=%.3f fscore=%.3f\n",
      half, subset.c_str(), c.Items(), c.tp, c.fp, c.fn, c.tn, p, r, acc, f);
}

std::vector<Item> ReadTruth(const fs::path& tsv) {
  std::vector<Item> items;
  std::ifstream in(tsv);
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    Item it;
    size_t a = line.find('\t'), b = line.find('\t', a + 1), c = line.find('\t', b + 1);
    if (c == std::string::npos) continue;
    it.file = line.substr(0, a);
    it.subset = line.substr(a + 1, b - a - 1);
    it.date = line.substr(b + 1, c - b - 1);
    it.url = line.substr(c + 1);
    items.push_back(std::move(it));
  }
  return items;
}

// Upstream docs/evaluation.rst, 2026-06-01 table (reviewed labels = this copy).
void PrintPublished() {
  struct Row {
    const char* package;
    double p, r, acc, f;
  };
  static constexpr Row kRows[] = {
      {"htmldate-1.10.0-extensive", 0.908, 0.993, 0.903, 0.949},
      {"htmldate-1.10.0-fast", 0.924, 0.927, 0.861, 0.925},
      {"newspaper4k-0.9.5", 0.912, 0.728, 0.680, 0.810},
      {"news-please-1.6.16", 0.845, 0.777, 0.680, 0.810},
      {"articleDateExtractor-0.20", 0.846, 0.745, 0.656, 0.792},
      {"goose3-3.1.21", 0.930, 0.568, 0.545, 0.706},
      {"date_guesser-2.1.4", 0.832, 0.611, 0.544, 0.705},
  };
  for (const Row& r : kRows)
    std::printf(
        "extraction_htmldate_published items=1000 package=%s precision=%.3f recall=%.3f "
        "accuracy=%.3f fscore=%.3f\n",
        r.package, r.p, r.r, r.acc, r.f);
}

}  // namespace

void HtmldateDates(const fs::path& dir, HalfSelection halves, int worst) {
  if (!fs::exists(dir / "truth.tsv")) {
    std::printf("skipped: htmldate-eval (%s not found; the set lives in ../shared/bench)\n",
                (dir / "truth.tsv").c_str());
    return;
  }
  const std::vector<Item> items = ReadTruth(dir / "truth.tsv");
  std::map<Half, std::map<std::string, Counts>> counts;  // half -> subset ("all" = pool)
  std::map<Half, std::map<std::string, int>> sources;
  std::map<Half, std::vector<std::string>> misses;
  int failures = 0, pages = 0;
  double seconds = 0;
  for (const Item& it : items) {
    const Half half = HalfOf(it.file);
    if (!halves.Wants(half)) continue;
    RawPage raw;
    raw.locator = it.file;
    raw.format = PageFormat::kHtml;
    if (!ReadGzip(dir / "pages" / it.file, raw.content)) {
      std::fprintf(stderr, "cannot read %s\n", it.file.c_str());
      continue;
    }
    const auto start = std::chrono::steady_clock::now();
    Result<Article> a = Status::BadInput(it.file, "not run");
    const Status refused = ExtractMetadata(raw, a);
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    ++pages;
    std::string got, why;
    if (!refused.ok()) {
      ++failures;
      why = " refused: " + refused.message();
      NoteRejection("htmldate", it.file, refused);
    }
    // A page refused for its body is still dated from its metadata.
    if (a.ok() && a->published && a->published->precision >= DatePrecision::kDay) {
      got = a->published->ToIso().substr(0, 10);
      ++sources[half][a->field_sources["published"]];
    }
    counts[half][it.subset].Add(got, it.date);
    counts[half]["all"].Add(got, it.date);
    if (got != it.date)
      misses[half].push_back("want=" + (it.date.empty() ? "-" : it.date) +
                             " got=" + (got.empty() ? "-" : got) +
                             (got.empty() ? "" : " from=" + a->field_sources["published"]) + " " +
                             it.file + " " + it.url + why);
  }
  for (const Half half : {Half::kDev, Half::kHeldOut}) {
    if (!halves.Wants(half)) continue;
    for (const auto& [subset, c] : counts[half]) PrintCounts(HalfName(half), subset, c);
    std::printf("extraction_htmldate_sources half=%s", HalfName(half));
    for (const auto& [src, n] : sources[half]) std::printf(" from:%s=%d", src.c_str(), n);
    std::printf("\n");
    for (int k = 0; k < worst && k < static_cast<int>(misses[half].size()); ++k)
      std::printf("htmldate_miss half=%s %s\n", HalfName(half), misses[half][k].c_str());
  }
  if (halves.dev && halves.held_out) {
    Counts pool;
    for (const Half half : {Half::kDev, Half::kHeldOut}) {
      const Counts& c = counts[half]["all"];
      pool.tp += c.tp, pool.fp += c.fp, pool.fn += c.fn, pool.tn += c.tn;
    }
    PrintCounts("all", "all", pool);
  }
  std::printf("extraction_htmldate_speed pages=%d failures=%d pages_per_s=%.0f\n", pages, failures,
              seconds > 0 ? pages / seconds : 0.0);
  PrintPublished();
}

}  // namespace newsfuse::bench
