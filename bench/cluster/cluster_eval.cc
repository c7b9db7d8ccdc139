// Story clustering evaluator (issue 5).
//
// Replays labelled corpora as streams through the real extract -> analyze ->
// cluster path and scores the stories against the gold events: B-cubed and
// pairwise precision/recall/F1, articles per second for clustering alone
// (analysis done once and cached in memory) and end to end, and peak RSS.
//
//   cluster_eval [--corpus duc2004|meantime|semeval2015|ecbplus|crawl|miranda2018_en|all]
//                [--split all|train|test] [--threshold X] [--weights FILE] [--no-merge]
//                [--sweep | --sweep-range LO:HI:STEP]
//                                          scores over a range of join thresholds
//                [--dump-features FILE]    teacher-forced (article, story) features for
//                                          scripts/fit_cluster_weights.py
//   cluster_eval --orders N [--seed S] [--baseline-threshold X] [--corpus ...] [--split ...]
//                                          each split replayed in N seeded random
//                                          orders: mean, min and max B-cubed and
//                                          pairwise F1, beside the naive baseline on
//                                          the same orders (issue 12);
//                                          CLUSTER_EVAL_VERSUS=1: the pairs where
//                                          newsfuse and the baseline part ways;
//                                          CLUSTER_EVAL_ROWS=FILE: every scored
//                                          candidate as a row (decision_rows.h)
//   cluster_eval --synthetic [--report-every N] < stream.jsonl
//                                          growth table of a synthetic stream
//                                          (scripts/synthetic_stream.py)
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <numeric>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "analyze/analyze.h"
#include "bench_env.h"
#include "cluster/cluster.h"
#include "core/hash.h"
#include "corpora.h"
#include "decision_rows.h"
#include "extract/extract.h"
#include "metrics.h"
#include "naive_baseline.h"
#include "text/terms.h"

namespace nb = newsfuse::bench;
using newsfuse::AnnotatedArticle;
using newsfuse::ClusterOptions;
using newsfuse::StoryClusterer;
using Clock = std::chrono::steady_clock;

namespace {

double Seconds(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

// CPU seconds of this thread: speed on one core, whatever else the (shared)
// machine is running.
double CpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + ts.tv_nsec * 1e-9;
}

double CurrentRssMiB() {
  std::ifstream statm("/proc/self/statm");
  long pages = 0, resident = 0;
  statm >> pages >> resident;
  return static_cast<double>(resident) * sysconf(_SC_PAGESIZE) / (1024.0 * 1024.0);
}

struct Analysed {
  std::vector<AnnotatedArticle> articles;  // stream order
  std::vector<std::string> gold;
  std::vector<bool> train;
  std::vector<std::string> related;
  double extract_s = 0, analyze_s = 0;
  size_t failed = 0;
};

Analysed Analyse(const nb::Corpus& corpus) {
  Analysed out;
  for (const auto& item : corpus.items) {
    const double t0 = CpuSeconds();
    auto article = newsfuse::ExtractArticle(item.page);
    const double t1 = CpuSeconds();
    out.extract_s += t1 - t0;
    if (!article.ok()) {
      ++out.failed;
      continue;
    }
    article->id = newsfuse::ContentHash(item.page.locator + "\n" + item.page.content);
    article->locator = item.page.locator;
    out.articles.push_back(newsfuse::Analyze(std::move(article).value()));
    out.analyze_s += CpuSeconds() - t1;
    out.gold.push_back(item.gold);
    out.train.push_back(item.train);
    out.related.push_back(item.related);
  }
  return out;
}

struct RunResult {
  nb::ClusterScores scores;
  double cluster_s = 0;
  size_t articles = 0;
  StoryClusterer::Counts counts;
  std::vector<nb::MixedStory> mixes;     // stories holding unrelated gold events
  std::vector<std::string> story, gold;  // final story and gold event per position
};

// Where the errors of runs are (CLUSTER_EVAL_ERRORS=1 with --orders): article
// pairs wrongly together, by the two gold events, and pairs of one event
// wrongly apart, by event; averaged over the runs.
struct ErrorTally {
  std::map<std::pair<std::string, std::string>, double> together;
  std::map<std::string, double> apart;
  size_t runs = 0;

  void Add(const RunResult& r) {
    ++runs;
    for (size_t i = 0; i < r.story.size(); ++i) {
      for (size_t j = i + 1; j < r.story.size(); ++j) {
        const bool same_story = r.story[i] == r.story[j];
        const bool same_event = r.gold[i] == r.gold[j];
        if (same_story && !same_event) {
          together[std::minmax(r.gold[i], r.gold[j])] += 1;
        } else if (!same_story && same_event) {
          apart[r.gold[i]] += 1;
        }
      }
    }
  }
  void Print(size_t top) const {
    std::vector<std::pair<double, std::string>> rows;
    for (const auto& [k, v] : together) rows.emplace_back(v / runs, k.first + " + " + k.second);
    std::sort(rows.rbegin(), rows.rend());
    for (size_t i = 0; i < std::min(top, rows.size()); ++i)
      std::printf("  together %.1f pairs: %s\n", rows[i].first, rows[i].second.c_str());
    rows.clear();
    for (const auto& [k, v] : apart) rows.emplace_back(v / runs, k);
    std::sort(rows.rbegin(), rows.rend());
    for (size_t i = 0; i < std::min(top, rows.size()); ++i)
      std::printf("  apart %.1f pairs: %s\n", rows[i].first, rows[i].second.c_str());
  }
};

// Where newsfuse and the baseline part ways on the same orders
// (CLUSTER_EVAL_VERSUS=1 with --orders, issue 12): pairs of one gold event
// that one of the two puts together and the other splits, and pairs of two
// events that one puts together and the other keeps apart; by event (pair),
// averaged over the runs.
struct VersusTally {
  struct Side {
    double split = 0, mixed = 0;  // pairs only this side gets wrong
    std::map<std::string, double> split_by_event;
    std::map<std::pair<std::string, std::string>, double> mixed_by_events;
  };
  Side ours, base;
  size_t runs = 0;

  void Add(const std::vector<std::string>& story, const std::vector<int>& cluster,
           const std::vector<std::string>& gold) {
    ++runs;
    for (size_t i = 0; i < story.size(); ++i) {
      for (size_t j = i + 1; j < story.size(); ++j) {
        const bool we = story[i] == story[j], they = cluster[i] == cluster[j];
        if (we == they) continue;
        Side& wrong = gold[i] == gold[j] ? (we ? base : ours) : (we ? ours : base);
        if (gold[i] == gold[j]) {
          wrong.split += 1;
          wrong.split_by_event[gold[i]] += 1;
        } else {
          wrong.mixed += 1;
          wrong.mixed_by_events[std::minmax(gold[i], gold[j])] += 1;
        }
      }
    }
  }
  void Print(size_t top) const {
    const double n = static_cast<double>(std::max<size_t>(runs, 1));
    for (const auto* side : {&ours, &base}) {
      const char* who = side == &ours ? "newsfuse" : "baseline";
      std::printf("  versus %s alone wrong per order: %.1f pairs split, %.1f pairs mixed\n", who,
                  side->split / n, side->mixed / n);
      std::vector<std::pair<double, std::string>> rows;
      for (const auto& [e, v] : side->split_by_event) rows.emplace_back(v / n, e);
      std::sort(rows.rbegin(), rows.rend());
      for (size_t i = 0; i < std::min(top, rows.size()); ++i)
        std::printf("    %s splits %.1f pairs: %s\n", who, rows[i].first, rows[i].second.c_str());
      rows.clear();
      for (const auto& [k, v] : side->mixed_by_events)
        rows.emplace_back(v / n, k.first + " + " + k.second);
      std::sort(rows.rbegin(), rows.rend());
      for (size_t i = 0; i < std::min(top, rows.size()); ++i)
        std::printf("    %s mixes %.1f pairs: %s\n", who, rows[i].first, rows[i].second.c_str());
    }
  }
};

// The positions of the stream that belong to `split`, in stream order.
std::vector<size_t> SplitIndices(const Analysed& a, const std::string& split) {
  std::vector<size_t> out;
  for (size_t i = 0; i < a.articles.size(); ++i) {
    if (split == "train" && !a.train[i]) continue;
    if (split == "test" && a.train[i]) continue;
    out.push_back(i);
  }
  return out;
}

// Clusters the articles at `order` (positions in the stream), in that order;
// merges are applied to earlier assignments as the pipeline applies them to
// the store.
RunResult RunOrder(const Analysed& a, const std::vector<size_t>& order,
                   const ClusterOptions& options) {
  ClusterOptions run_options = options;
  static nb::DecisionRows rows(std::getenv("CLUSTER_EVAL_ROWS"));
  // Explaining costs a feature vector per candidate: only when asked to print.
  if (std::getenv("CLUSTER_EVAL_VERBOSE") != nullptr || rows.on()) run_options.explain = true;
  rows.StartRun();
  StoryClusterer clusterer(run_options);
  std::vector<std::string> story, gold, related;
  std::map<std::string, std::string> merged_into;
  const bool verbose = std::getenv("CLUSTER_EVAL_VERBOSE") != nullptr;
  const double t0 = CpuSeconds();
  for (size_t i : order) {
    story.push_back(clusterer.Add(a.articles[i]));
    gold.push_back(a.gold[i]);
    related.push_back(a.related[i]);
    for (const auto& m : clusterer.last_decision().merged) merged_into[m] = story.back();
    rows.Record(a.gold[i], clusterer.last_decision());
    if (verbose) {
      const auto& d = clusterer.last_decision();
      const auto& art = a.articles[i].article;
      std::fprintf(stderr,
                   "%s gold=%s story=%s best=%.3f cos=%.3f copy_of=%s merged=%zu url=%s "
                   "published=%s title=\"%s\"",
                   art.locator.c_str(), a.gold[i].c_str(), d.story_id.c_str(), d.best_score,
                   d.best_cosine, d.copy_of.c_str(), d.merged.size(), art.url.c_str(),
                   art.published ? art.published->ToIso().c_str() : "-", art.title.c_str());
      for (const auto& c : d.candidates) {
        if (c.story_id != d.best_story) continue;
        const auto& f = c.features;
        std::fprintf(stderr,
                     " ent=%.3f known=%.0f name=%.3f title=%.3f heavy=%.3f gap=%.2f dated=%.0f",
                     f.entity_cosine, f.entities_known, f.name_cosine, f.title_cosine,
                     f.heavy_share, f.log_gap_days, f.dates_known);
      }
      std::fprintf(stderr, "\n");
    }
  }
  RunResult r;
  r.cluster_s = CpuSeconds() - t0;
  for (auto& s : story) {
    for (auto it = merged_into.find(s); it != merged_into.end(); it = merged_into.find(s)) {
      s = it->second;
    }
  }
  r.scores = nb::Score(story, gold);
  r.story = story;
  r.gold = gold;
  r.mixes = nb::Mixes(story, gold, related);
  r.articles = story.size();
  r.counts = clusterer.counts();
  return r;
}

RunResult Run(const Analysed& a, const std::string& split, const ClusterOptions& options) {
  return RunOrder(a, SplitIndices(a, split), options);
}

// ---- Seeded arrival orders (issue 12): a single order is an anecdote. ----

struct Spread {
  double mean = 0, min = 1e30, max = -1e30;
  void Add(double x, size_t n_after) {
    mean += (x - mean) / static_cast<double>(n_after);
    min = std::min(min, x);
    max = std::max(max, x);
  }
};

// Order k of a split: a uniform random permutation from a seed that depends
// only on (seed, k), so every run, machine and system sees the same orders.
std::vector<std::vector<size_t>> SeededOrders(const std::vector<size_t>& indices, int n,
                                              uint64_t seed) {
  std::vector<std::vector<size_t>> orders;
  for (int k = 0; k < n; ++k) {
    std::vector<size_t> order = indices;
    std::mt19937_64 rng(seed * 1000003ULL + static_cast<uint64_t>(k));
    // Fisher-Yates by hand: std::shuffle's draws are not specified by the
    // standard, and the orders must be the same on every library.
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
    orders.push_back(std::move(order));
  }
  return orders;
}

std::vector<nb::TermIds> BaselineTerms(const Analysed& a, size_t& vocabulary) {
  newsfuse::TermDictionary dict;
  newsfuse::TermExtractor extractor;
  std::vector<nb::TermIds> docs(a.articles.size());
  for (size_t i = 0; i < a.articles.size(); ++i) {
    extractor.Extract(a.articles[i].article.title, dict, docs[i]);
    extractor.Extract(a.articles[i].body, dict, docs[i]);
  }
  vocabulary = dict.size();
  return docs;
}

nb::ClusterScores ScoreBaseline(const Analysed& a, const nb::NaiveBaseline& baseline,
                                const std::vector<size_t>& order, double threshold,
                                size_t* mixed = nullptr) {
  const std::vector<int> clusters = baseline.Cluster(order, threshold);
  std::vector<std::string> predicted, gold, related;
  for (size_t k = 0; k < order.size(); ++k) {
    predicted.push_back(std::to_string(clusters[k]));
    gold.push_back(a.gold[order[k]]);
    related.push_back(a.related[order[k]]);
  }
  if (mixed) *mixed = nb::Mixes(predicted, gold, related).size();
  return nb::Score(predicted, gold);
}

// Mean B-cubed F1 of the baseline over `orders` at each threshold of a grid;
// the best threshold. The peer gets its threshold tuned, as published.
double TuneBaseline(const Analysed& a, const nb::NaiveBaseline& baseline,
                    const std::vector<std::vector<size_t>>& orders) {
  double best_t = 0.2, best_f1 = -1;
  for (double t = 0.05; t <= 0.60 + 1e-9; t += 0.025) {
    double f1 = 0;
    for (const auto& order : orders) f1 += ScoreBaseline(a, baseline, order, t).bcubed_f1;
    if (f1 > best_f1) {
      best_f1 = f1;
      best_t = t;
    }
  }
  return best_t;
}

void RunOrders(const std::string& corpus, const Analysed& a, const std::vector<std::string>& splits,
               const ClusterOptions& options, int n_orders, uint64_t seed,
               std::optional<double> baseline_threshold) {
  size_t vocabulary = 0;
  const auto docs = BaselineTerms(a, vocabulary);
  const nb::NaiveBaseline baseline(docs, vocabulary);
  // Tuned on the train split where the corpus has one, else on the stream
  // itself (which flatters the peer).
  // The crawl's halves (corpora.cc) are for measuring; its peer keeps the
  // threshold tuned on the whole crawl, as quoted since session 10.
  const bool has_train = corpus != "crawl" && std::count(a.train.begin(), a.train.end(), true) > 0;
  const std::string tune_split = has_train ? "train" : "all";
  const double threshold =
      baseline_threshold
          ? *baseline_threshold
          : TuneBaseline(a, baseline, SeededOrders(SplitIndices(a, tune_split), n_orders, seed));
  const std::string baseline_note = baseline_threshold ? "given" : "tuned on " + tune_split;
  for (const auto& split : splits) {
    const auto orders = SeededOrders(SplitIndices(a, split), n_orders, seed);
    Spread ours_b3, ours_pw, base_b3, base_pw, ours_mixed, base_mixed;
    Spread ours_p, ours_r, base_p, base_r;
    int better = 0, at_least_005 = 0;
    ErrorTally errors;
    const bool tally = std::getenv("CLUSTER_EVAL_ERRORS") != nullptr;
    VersusTally versus;
    const bool compare = std::getenv("CLUSTER_EVAL_VERSUS") != nullptr;
    size_t n = 0;
    for (const auto& order : orders) {
      ++n;
      const RunResult run = RunOrder(a, order, options);
      if (tally) errors.Add(run);
      if (compare) versus.Add(run.story, baseline.Cluster(order, threshold), run.gold);
      const auto& ours = run.scores;
      size_t mixed = 0;
      const auto base = ScoreBaseline(a, baseline, order, threshold, &mixed);
      ours_mixed.Add(static_cast<double>(run.mixes.size()), n);
      base_mixed.Add(static_cast<double>(mixed), n);
      ours_b3.Add(ours.bcubed_f1, n);
      ours_p.Add(ours.bcubed_p, n);
      ours_r.Add(ours.bcubed_r, n);
      base_p.Add(base.bcubed_p, n);
      base_r.Add(base.bcubed_r, n);
      ours_pw.Add(ours.pairwise_f1, n);
      base_b3.Add(base.bcubed_f1, n);
      base_pw.Add(base.pairwise_f1, n);
      better += ours.bcubed_f1 > base.bcubed_f1;
      at_least_005 += ours.bcubed_f1 >= base.bcubed_f1 + 0.05;
    }
    std::printf(
        "cluster_orders corpus=%s split=%s articles=%zu orders=%zu "
        "bcubed_f1_mean=%.4f min=%.4f max=%.4f pairwise_f1_mean=%.4f min=%.4f max=%.4f | "
        "baseline threshold=%.3f (%s) bcubed_f1_mean=%.4f min=%.4f max=%.4f "
        "pairwise_f1_mean=%.4f min=%.4f max=%.4f | newsfuse_better=%d/%zu by_0.05=%d/%zu "
        "mixed_stories newsfuse=%.1f (max %.0f) baseline=%.1f (max %.0f) | "
        "bcubed_p_mean newsfuse=%.4f baseline=%.4f bcubed_r_mean newsfuse=%.4f baseline=%.4f\n",
        corpus.c_str(), split.c_str(), orders.empty() ? 0 : orders[0].size(), n, ours_b3.mean,
        ours_b3.min, ours_b3.max, ours_pw.mean, ours_pw.min, ours_pw.max, threshold,
        baseline_note.c_str(), base_b3.mean, base_b3.min, base_b3.max, base_pw.mean, base_pw.min,
        base_pw.max, better, n, at_least_005, n, ours_mixed.mean, ours_mixed.max, base_mixed.mean,
        base_mixed.max, ours_p.mean, base_p.mean, ours_r.mean, base_r.mean);
    if (tally) errors.Print(15);
    if (compare) versus.Print(12);
    std::fflush(stdout);
  }
}

void PrintQuality(const std::string& corpus, const std::string& split, const RunResult& r,
                  double threshold) {
  const auto& s = r.scores;
  std::printf(
      "cluster_eval corpus=%s split=%s articles=%zu events=%zu stories=%zu threshold=%.3f "
      "bcubed_p=%.4f bcubed_r=%.4f bcubed_f1=%.4f pairwise_p=%.4f pairwise_r=%.4f "
      "pairwise_f1=%.4f copies=%zu merges=%zu revived=%zu mixed_stories=%zu\n",
      corpus.c_str(), split.c_str(), r.articles, s.gold_clusters, s.predicted_clusters, threshold,
      s.bcubed_p, s.bcubed_r, s.bcubed_f1, s.pairwise_p, s.pairwise_r, s.pairwise_f1,
      r.counts.copies, r.counts.merged, r.counts.revived, r.mixes.size());
  for (const auto& m : r.mixes) {
    std::string events;
    for (const auto& e : m.events) events += (events.empty() ? "" : " + ") + e;
    std::printf("  mixed story %s: %s\n", m.story.c_str(), events.c_str());
  }
}

// Teacher forcing: every article is scored against the stories built so far
// from the gold labels, then put in its gold story, so the features do not
// depend on the model being fitted.
void DumpFeatures(const Analysed& a, const std::string& split, const ClusterOptions& base,
                  std::ostream& out) {
  ClusterOptions options = base;
  options.explain = true;
  options.merge_stories = false;
  StoryClusterer clusterer(options);
  std::set<std::string> seen;
  out << "# "
         "kind\tarticle\tgold_exists|is_gold\tcosine\tentity_cosine\tname_cosine\tentities_known\t"
         "log_gap_days\tdates_known\ttitle_cosine\theavy_share\tlog_story_size\tactor_cosine\t"
         "actors_known\tday_match\tdays_known\tyear_share\tyears_known\n";
  size_t n = 0;
  for (size_t i = 0; i < a.articles.size(); ++i) {
    if (split == "train" && !a.train[i]) continue;
    if (split == "test" && a.train[i]) continue;
    const std::string gold_story = "g:" + a.gold[i];
    clusterer.Restore(gold_story, a.articles[i]);
    out << "A\t" << n << '\t' << (seen.count(gold_story) ? 1 : 0) << '\n';
    for (const auto& c : clusterer.last_decision().candidates) {
      const auto& f = c.features;
      out << "C\t" << n << '\t' << (c.story_id == gold_story ? 1 : 0) << '\t' << f.cosine << '\t'
          << f.entity_cosine << '\t' << f.name_cosine << '\t' << f.entities_known << '\t'
          << f.log_gap_days << '\t' << f.dates_known << '\t' << f.title_cosine << '\t'
          << f.heavy_share << '\t' << f.log_story_size << '\t' << f.actor_cosine << '\t'
          << f.actors_known << '\t' << f.day_match << '\t' << f.days_known << '\t' << f.year_share
          << '\t' << f.years_known << '\n';
    }
    seen.insert(gold_story);
    ++n;
  }
}

int Synthetic(int report_every) {
  StoryClusterer clusterer;
  newsfuse::AnnotatedArticle a;
  a.article.language = "en";
  size_t n = 0, next = 1000;
  const auto t0 = Clock::now();
  const double cpu0 = CpuSeconds();
  double last_cpu = cpu0;
  size_t last_n = 0;
  std::printf("growth articles=0 seconds=0 rss_mib=%.1f\n", CurrentRssMiB());
  for (std::string line; std::getline(std::cin, line);) {
    const auto doc = nlohmann::json::parse(line, nullptr, false);
    if (doc.is_discarded()) continue;
    a.article.id = doc.value("id", "");
    a.article.title = doc.value("title", "");
    a.body = doc.value("text", "");
    a.article.published = newsfuse::DateTime::ParseIso(doc.value("date", ""));
    clusterer.Add(a);
    ++n;
    if (n == next || (report_every > 0 && n % report_every == 0)) {
      const double cpu = CpuSeconds();
      const auto c = clusterer.counts();
      std::printf(
          "growth articles=%zu wall_s=%.1f cpu_s=%.1f articles_per_cpu_s=%.0f rss_mib=%.1f "
          "live=%zu dormant=%zu archived=%zu copies=%zu\n",
          n, Seconds(t0, Clock::now()), cpu - cpu0, (n - last_n) / std::max(1e-9, cpu - last_cpu),
          CurrentRssMiB(), c.live, c.dormant, c.archived, c.copies);
      std::fflush(stdout);
      last_cpu = cpu;
      last_n = n;
      if (n == next) next *= 10;
    }
  }
  const double cpu = CpuSeconds() - cpu0;
  std::printf(
      "synthetic articles=%zu wall_s=%.1f cpu_s=%.1f articles_per_cpu_s=%.0f peak_rss_mib=%.1f\n",
      n, Seconds(t0, Clock::now()), cpu, n / std::max(1e-9, cpu), nb::PeakRssMiB());
  std::printf("machine %s\n", nb::MachineLine().c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string corpus_name = "all", split = "all", weights_file, dump_file;
  bool sweep = false, synthetic = false;
  double sweep_lo = 0.02, sweep_hi = 0.98, sweep_step = 0.02;
  int report_every = 0, n_orders = 0;
  uint64_t seed = 1;
  std::optional<double> baseline_threshold;
  ClusterOptions options;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (arg == "--corpus")
      corpus_name = next();
    else if (arg == "--split")
      split = next();
    else if (arg == "--threshold")
      options.join_threshold = std::stod(next());
    else if (arg == "--weights")
      weights_file = next();
    else if (arg == "--no-merge")
      options.merge_stories = false;
    else if (arg == "--sweep")
      sweep = true;
    else if (arg == "--sweep-range") {
      sweep = true;
      if (std::sscanf(next().c_str(), "%lf:%lf:%lf", &sweep_lo, &sweep_hi, &sweep_step) != 3 ||
          sweep_step <= 0) {
        std::fprintf(stderr, "--sweep-range wants LO:HI:STEP\n");
        return 1;
      }
    } else if (arg == "--dump-features")
      dump_file = next();
    else if (arg == "--synthetic")
      synthetic = true;
    else if (arg == "--report-every")
      report_every = std::stoi(next());
    else if (arg == "--orders")
      n_orders = std::stoi(next());
    else if (arg == "--seed")
      seed = std::stoull(next());
    else if (arg == "--baseline-threshold")
      baseline_threshold = std::stod(next());
    else {
      std::fprintf(stderr, "unknown argument %s\n", arg.c_str());
      return 1;
    }
  }
  if (!weights_file.empty()) {
    std::ifstream in(weights_file);
    std::stringstream ss;
    ss << in.rdbuf();
    auto w = newsfuse::ScoreWeights::Parse(ss.str());
    if (!w) {
      std::fprintf(stderr, "cannot read weights from %s\n", weights_file.c_str());
      return 1;
    }
    options.weights = *w;
  }
  if (synthetic) return Synthetic(report_every);

  const std::filesystem::path shared = NEWSFUSE_SHARED_DIR;
  const auto load_crawl = [](const std::filesystem::path& dir) {
    return nb::LoadCrawl(dir, NEWSFUSE_CRAWL_EVENTS);
  };
  std::vector<std::function<nb::Corpus(const std::filesystem::path&)>> loaders = {
      nb::LoadDuc, nb::LoadMeantime, nb::LoadSemeval, nb::LoadEcbPlus, load_crawl, nb::LoadMiranda};
  bool any = false;
  for (const auto& load : loaders) {
    nb::Corpus corpus = load(shared);
    if (corpus_name != "all" && corpus.name != corpus_name) continue;
    if (corpus.items.empty()) {
      std::printf("cluster_eval corpus=%s skipped: %s\n", corpus.name.c_str(),
                  corpus.skipped.c_str());
      continue;
    }
    any = true;
    const Analysed a = Analyse(corpus);
    if (!dump_file.empty()) {
      // "-" is stdout; opening it as a file name would leave a stray file behind.
      std::ofstream out;
      if (dump_file != "-") out.open(dump_file);
      DumpFeatures(a, split, options, dump_file == "-" ? std::cout : out);
      continue;
    }
    const double threshold = options.join_threshold.value_or(options.weights.join_threshold);
    const std::vector<std::string> splits = split == "all" && corpus.name != "meantime" &&
                                                    corpus.name != "semeval2015" &&
                                                    corpus.name != "crawl"
                                                ? std::vector<std::string>{"all", "train", "test"}
                                                : std::vector<std::string>{split};
    if (n_orders > 0) {
      RunOrders(corpus.name, a, splits, options, n_orders, seed, baseline_threshold);
      continue;
    }
    for (const auto& sp : splits) {
      if (sweep) {
        for (double t = sweep_lo; t <= sweep_hi + 1e-9; t += sweep_step) {
          ClusterOptions o = options;
          o.join_threshold = t;
          PrintQuality(corpus.name, sp, Run(a, sp, o), t);
        }
        continue;
      }
      PrintQuality(corpus.name, sp, Run(a, sp, options), threshold);
    }
    // Speed over the whole stream in CPU seconds of one thread: best of three
    // clustering runs; end to end = extract + analyze + that.
    double best = 1e30;
    for (int rep = 0; rep < 3; ++rep) best = std::min(best, Run(a, "all", options).cluster_s);
    const double n = static_cast<double>(a.articles.size());
    std::printf(
        "cluster_speed corpus=%s articles=%zu failed=%zu cluster_articles_per_cpu_s=%.0f "
        "e2e_articles_per_cpu_s=%.0f extract_ms_per_article=%.3f analyze_ms_per_article=%.3f "
        "cluster_ms_per_article=%.3f peak_rss_mib=%.1f\n",
        corpus.name.c_str(), a.articles.size(), a.failed, n / best,
        n / (a.extract_s + a.analyze_s + best), 1000 * a.extract_s / n, 1000 * a.analyze_s / n,
        1000 * best / n, nb::PeakRssMiB());
    std::fflush(stdout);
  }
  if (!any && dump_file.empty())
    std::printf("skipped: no labelled corpus under %s\n", shared.c_str());
  std::printf("machine %s\n", nb::MachineLine().c_str());
  return 0;
}
