// Checks our ROUGE (rouge.h) against golden ROUGE-1.5.5 output on DUC 2004
// Task 2: scores the stored summaries of 13 published systems, the oracle and
// the humans (each against the other three) and compares every system's
// recall with the Perl script's figures in expected/*.res.
//
//   rouge_eval [--data DIR] [--no-exceptions] [--snowball] [--no-stem] [--tolerance T]
//
// By default irregular forms are looked up in WordNet's *.exc tables before
// stemming, as ROUGE's exception database does (Debian's wordnet-base holds
// WordNet 3.0's; ROUGE shipped 2.0's), and words are stemmed with ROUGE's
// Porter variant. --no-exceptions and --snowball measure what each costs.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "bench_env.h"
#include "duc.h"
#include "rouge.h"

namespace fs = std::filesystem;
using namespace newsfuse::bench;

namespace {

// "<System> ROUGE-<n> Average_R: 0.37707 (...)" lines of every .res file.
std::map<std::string, std::pair<double, double>> GoldenScores(const fs::path& dir) {
  std::map<std::string, std::pair<double, double>> golden;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() != ".res") continue;
    std::ifstream in(e.path());
    std::string system, metric, what;
    double value;
    std::string line;
    while (std::getline(in, line)) {
      char sys[128], met[32], kind[32];
      if (std::sscanf(line.c_str(), "%127s %31s %31s %lf", sys, met, kind, &value) != 4) continue;
      if (std::string(kind) != "Average_R:") continue;
      if (std::string(met) == "ROUGE-1") golden[sys].first = value;
      if (std::string(met) == "ROUGE-2") golden[sys].second = value;
    }
  }
  return golden;
}

struct Mean {
  std::vector<double> r1, r2;  // per instance, in instance order
  int n = 0;
  void Add(double a, double b) { r1.push_back(a), r2.push_back(b), ++n; }
  double R1() const { return RougeAverage(r1); }
  double R2() const { return RougeAverage(r2); }
};

}  // namespace

int main(int argc, char** argv) {
  fs::path data = fs::path(NEWSFUSE_SHARED_DIR) / "bench/duc2004";
  bool exceptions = true, stem = true, snowball = false;
  double tolerance = 0.001;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--data" && i + 1 < argc)
      data = argv[++i];
    else if (a == "--no-exceptions")
      exceptions = false;
    else if (a == "--snowball")
      snowball = true;
    else if (a == "--no-stem")
      stem = false;
    else if (a == "--tolerance" && i + 1 < argc)
      tolerance = std::atof(argv[++i]);
    else {
      std::fprintf(stderr,
                   "usage: rouge_eval [--data DIR] [--no-exceptions] [--snowball] [--no-stem] "
                   "[--tolerance T]\n");
      return 1;
    }
  }
  const auto topics = LoadDuc(data);
  if (topics.empty() || !fs::is_directory(data / "expected")) {
    std::printf("skipped: DUC 2004 data not found under %s (it lives in ../shared/bench)\n",
                data.c_str());
    return 0;
  }
  Rouge rouge(RougeOptions{100, stem, snowball});
  if (exceptions) {
    std::vector<std::string> files;
    for (const char* pos : {"adj", "adv", "noun", "verb"})
      files.push_back(std::string("/usr/share/wordnet/") + pos + ".exc");
    const int loaded = rouge.LoadExceptions(files);
    if (loaded == 0) {
      std::printf(
          "skipped: WordNet's exception tables (/usr/share/wordnet/*.exc, Debian wordnet-base) "
          "are missing; ROUGE-1.5.5's stemming needs them\n");
      return 0;
    }
    std::printf("exceptions loaded=%d\n", loaded);
  }

  std::map<std::string, Mean> ours;
  std::set<std::string> systems;
  for (const auto& dir : {data / "sumrepo_peers", data / "oracle_peers"}) {
    if (!fs::is_directory(dir)) continue;
    for (const auto& e : fs::directory_iterator(dir))
      systems.insert(e.path().extension().string().substr(1));
  }
  for (const auto& t : topics) {
    std::vector<RougeTokens> models;
    for (const auto& r : t.refs) models.push_back(rouge.Tokenize(r));
    for (const auto& sys : systems) {
      for (const auto& dir : {data / "sumrepo_peers", data / "oracle_peers"}) {
        const fs::path p = dir / (t.id + "." + sys);
        if (!fs::exists(p)) continue;
        const RougeTokens peer = rouge.Tokenize(ReadSummaryLines(p.string()));
        ours[sys].Add(Rouge::Score(peer, models, 1).Recall(),
                      Rouge::Score(peer, models, 2).Recall());
      }
    }
    // Humans: each reference against the other three.
    for (size_t h = 0; h < models.size(); ++h) {
      std::vector<RougeTokens> others;
      for (size_t k = 0; k < models.size(); ++k) {
        if (k != h) others.push_back(models[k]);
      }
      ours["HUMAN"].Add(Rouge::Score(models[h], others, 1).Recall(),
                        Rouge::Score(models[h], others, 2).Recall());
    }
  }

  const auto golden = GoldenScores(data / "expected");
  double worst = 0;
  int compared = 0;
  for (const auto& [sys, m] : ours) {
    std::string key = sys;
    if (!golden.count(key) && sys == "LexRank" && golden.count("LexRankSPL")) key = "LexRankSPL";
    auto it = golden.find(key);
    if (it == golden.end()) {
      std::printf("rouge_eval system=%s topics=%d r1=%.5f r2=%.5f golden=none\n", sys.c_str(), m.n,
                  m.R1(), m.R2());
      continue;
    }
    const double d1 = m.R1() - it->second.first, d2 = m.R2() - it->second.second;
    worst = std::max({worst, std::fabs(d1), std::fabs(d2)});
    ++compared;
    std::printf(
        "rouge_eval system=%s topics=%d r1=%.5f r2=%.5f golden_r1=%.5f golden_r2=%.5f d1=%+.5f "
        "d2=%+.5f\n",
        sys.c_str(), m.n, m.R1(), m.R2(), it->second.first, it->second.second, d1, d2);
  }
  const bool pass = compared > 0 && worst <= tolerance;
  std::printf(
      "rouge_eval_check systems=%d max_abs_diff=%.5f tolerance=%.3f stem=%s exceptions=%s "
      "pass=%s\n",
      compared, worst, tolerance,
      !stem      ? "none"
      : snowball ? "snowball-porter"
                 : "rouge-porter",
      exceptions ? "wordnet" : "none", pass ? "yes" : "no");
  std::printf("machine %s\n", MachineLine().c_str());
  return pass ? 0 : 1;
}
