// Temporal expression tagging and normalisation on the TempEval-3 platinum
// test set (20 TimeML news documents, 138 gold TIMEX3), scored with the
// measures of the official TE3 evaluator for Task A timexes:
//   strict extent  - the system span equals the gold span
//   relaxed extent - the spans overlap
//   value / type   - accuracy of the attribute over relaxed matches; the
//                    attribute's F1 is that accuracy times the relaxed F1
// The document creation time (DCT) is the anchor, as for every TE3 system.
// Spans are compared on characters of the tag-stripped text (the official
// script compares tokens; the two agree except where a span cuts a token).
//
//   tempeval_eval [--data DIR] [--errors] [--repeat-seconds S]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "analyze/time/timexes.h"
#include "bench_env.h"
#include "text/sentences.h"
#include "timex_corpus.h"

namespace fs = std::filesystem;
using namespace newsfuse;

namespace {

using Document = bench::TimexDocument;
using bench::GoldTimex;

AnnotatedArticle Prepare(const Document& doc) {
  AnnotatedArticle a;
  a.body = doc.text;
  a.article.published = DateTime::ParseIso(doc.dct);
  for (const Span& s : SplitSentences(a.body)) a.sentences.push_back(Sentence{s, 0});
  return a;
}

double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

bool Overlap(Span a, Span b) { return a.begin < b.end && b.begin < a.end; }

struct Counts {
  int gold = 0, system = 0;
  int strict_sys = 0, strict_gold = 0, relaxed_sys = 0, relaxed_gold = 0;
  int pairs = 0, value_ok = 0, type_ok = 0;
};

double Div(double a, double b) { return b > 0 ? a / b : 0; }
double F1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }

void Score(const Document& doc, const std::vector<Timex>& sys, Counts& c, bool show_errors) {
  c.gold += static_cast<int>(doc.gold.size());
  c.system += static_cast<int>(sys.size());
  auto text = [&](Span s) { return doc.text.substr(s.begin, s.end - s.begin); };
  for (const GoldTimex& g : doc.gold) {
    bool strict = false, relaxed = false;
    for (const Timex& t : sys) {
      strict |= t.span == g.span;
      relaxed |= Overlap(t.span, g.span);
    }
    c.strict_gold += strict;
    c.relaxed_gold += relaxed;
    if (!relaxed && show_errors)
      std::printf("  missed  %-28s %-22s %s  [%s]\n", doc.name.c_str(), text(g.span).c_str(),
                  g.value.c_str(), g.type.c_str());
  }
  for (const Timex& t : sys) {
    const GoldTimex* match = nullptr;
    bool strict = false;
    for (const GoldTimex& g : doc.gold) {
      if (t.span == g.span)
        strict = true, match = &g;
      else if (!match && Overlap(t.span, g.span))
        match = &g;
    }
    c.strict_sys += strict;
    if (!match) {
      if (show_errors)
        std::printf("  spurious %-27s %-22s %s\n", doc.name.c_str(), text(t.span).c_str(),
                    t.value.c_str());
      continue;
    }
    ++c.relaxed_sys;
    ++c.pairs;
    bool value_ok = t.value == match->value, type_ok = match->type == TimexTypeName(t.type);
    c.value_ok += value_ok;
    c.type_ok += type_ok;
    if (show_errors && (!value_ok || !type_ok || !strict))
      std::printf("  %-7s %-28s %-22s gold %-22s %-14s[%s]  ours %-14s[%s]\n",
                  value_ok ? (strict ? "type" : "extent") : "value", doc.name.c_str(),
                  text(t.span).c_str(), text(match->span).c_str(), match->value.c_str(),
                  match->type.c_str(), t.value.c_str(), TimexTypeName(t.type));
  }
}

void PrintPeers(const fs::path& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);  // header
  std::printf("%-18s %8s %9s %8s %8s  %s\n", "system", "strictF1", "relaxedF1", "valueF1", "typeF1",
              "note");
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::stringstream ss(line);
    std::string field;
    while (std::getline(ss, field, '\t')) f.push_back(field);
    if (f.size() < 9) continue;
    std::printf("%-18s %8s %9s %8s %8s  %s\n", f[0].c_str(), f[2].c_str(), f[5].c_str(),
                f[7].c_str(), f[0] == "HeidelTime" ? "82.09" : "-",
                f.size() > 8 ? f[8].substr(0, 60).c_str() : "");
  }
}

std::vector<Document> ReadCorpus(const std::vector<fs::path>& files, bool timeml, size_t& skipped) {
  std::vector<Document> docs;
  for (const fs::path& p : files) {
    std::ifstream in(p, std::ios::binary);
    std::string xml((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    Document d;
    d.name = p.stem().string().substr(0, 28);
    if (!(timeml ? bench::ParseTimeMl(xml, d) : bench::ParseCatXml(xml, d))) {
      std::fprintf(stderr, "tempeval_eval: cannot read %s\n", p.c_str());
      std::exit(2);
    }
    // Every system is given the document date; without one the task is another.
    if (d.dct.empty()) {
      ++skipped;
      continue;
    }
    docs.push_back(std::move(d));
  }
  return docs;
}

std::vector<fs::path> FilesUnder(const fs::path& dir, const char* extension) {
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.path().extension() == extension) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

// Tags every document, scores it, and prints "<name> key=value ...".
void Evaluate(const char* name, const std::vector<Document>& docs, size_t skipped,
              bool show_errors) {
  Counts c;
  for (const Document& d : docs) {
    AnnotatedArticle a = Prepare(d);
    analyze::AnnotateTime(a);
    std::erase_if(a.timexes, [&](const Timex& t) {
      return std::any_of(d.unscored.begin(), d.unscored.end(),
                         [&](Span u) { return Overlap(u, t.span); });
    });
    Score(d, a.timexes, c, show_errors);
  }
  double sp = Div(c.strict_sys, c.system), sr = Div(c.strict_gold, c.gold);
  double rp = Div(c.relaxed_sys, c.system), rr = Div(c.relaxed_gold, c.gold);
  double rf = F1(rp, rr);
  double vacc = Div(c.value_ok, c.pairs), tacc = Div(c.type_ok, c.pairs);
  std::printf(
      "%s docs=%zu skipped_no_dct=%zu gold=%d system=%d strict_p=%.2f strict_r=%.2f strict_f1=%.2f "
      "relaxed_p=%.2f relaxed_r=%.2f relaxed_f1=%.2f value_acc=%.2f value_f1=%.2f "
      "type_acc=%.2f type_f1=%.2f\n",
      name, docs.size(), skipped, c.gold, c.system, 100 * sp, 100 * sr, 100 * F1(sp, sr), 100 * rp,
      100 * rr, 100 * rf, 100 * vacc, 100 * vacc * rf, 100 * tacc, 100 * tacc * rf);
}

}  // namespace

int main(int argc, char** argv) {
  fs::path shared = fs::path(NEWSFUSE_SHARED_DIR) / "bench";
  fs::path data = shared / "tempeval3-platinum", meantime = shared / "meantime-en";
  bool show_errors = false;
  double repeat_seconds = 2.0;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--data") && i + 1 < argc)
      data = argv[++i];
    else if (!std::strcmp(argv[i], "--meantime") && i + 1 < argc)
      meantime = argv[++i];
    else if (!std::strcmp(argv[i], "--errors"))
      show_errors = true;
    else if (!std::strcmp(argv[i], "--repeat-seconds") && i + 1 < argc)
      repeat_seconds = std::atof(argv[++i]);
  }
  if (!fs::is_directory(data / "tml")) {
    std::printf("skipped: no TempEval-3 platinum data at %s\n", data.c_str());
    return 0;
  }
  size_t skipped = 0;
  std::vector<Document> docs = ReadCorpus(FilesUnder(data / "tml", ".tml"), true, skipped);
  Evaluate("tempeval3", docs, skipped, show_errors);
  // MEANTIME (120 WikiNews articles): a second, held-out check. The rules
  // were written knowing TempEval-3's conventions; MEANTIME's gold was not
  // looked at, so its figures say how the rules carry to unseen news.
  if (fs::is_directory(meantime)) {
    size_t no_dct = 0;
    auto held_out = ReadCorpus(FilesUnder(meantime, ".xml"), false, no_dct);
    Evaluate("meantime", held_out, no_dct, show_errors);
  } else
    std::printf("meantime skipped: no data at %s\n", meantime.c_str());

  // Speed: tagging only (sentences split beforehand), one thread, repeated
  // over the corpus until the clock has something to measure. Measured in
  // this thread's CPU time: the machine is shared, and wall time would
  // measure the other processes as much as this one (wall figure printed too).
  std::vector<AnnotatedArticle> prepared;
  size_t bytes = 0;
  for (const Document& d : docs) prepared.push_back(Prepare(d)), bytes += d.text.size();
  size_t rounds = 0, timexes = 0;
  auto start = std::chrono::steady_clock::now();
  double cpu_start = ThreadCpuSeconds(), elapsed = 0, cpu = 0;
  do {
    for (AnnotatedArticle& a : prepared) {
      a.timexes.clear();
      analyze::AnnotateTime(a);
      timexes += a.timexes.size();
    }
    ++rounds;
    elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    cpu = ThreadCpuSeconds() - cpu_start;
  } while (cpu < repeat_seconds);
  std::printf(
      "tempeval3_speed bytes=%zu rounds=%zu cpu_s=%.2f mb_per_s=%.1f wall_mb_per_s=%.1f "
      "timexes_per_s=%.0f peak_rss_mib=%.1f\n",
      bytes, rounds, cpu, static_cast<double>(bytes * rounds) / cpu / 1e6,
      static_cast<double>(bytes * rounds) / elapsed / 1e6, static_cast<double>(timexes) / cpu,
      bench::PeakRssMiB());
  std::printf("%s\n", bench::MachineLine().c_str());
  if (fs::exists(data / "peer_results.tsv")) {
    std::printf("\npublished and measured peers (peer_results.tsv):\n");
    PrintPeers(data / "peer_results.tsv");
  }
  return 0;
}
