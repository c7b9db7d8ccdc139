// Speed of the language analysis: MB/s of article text through Analyze() on
// one thread, over the five seeds and the 500 DUC 2004 newswire documents
// (../shared/bench/duc2004/docs, read in place; internal evaluation only).
//
//   analysis_speed [--repeat K]
//   analysis_speed --pathological [--mb M] [--kind dates|numbers|names|quotes|mixed]
//   analysis_speed --dump FILE
//   analysis_speed --analyze-only [--repeat K]
//   analysis_speed --scan-cost [--repeat K]
//
// Prints, per corpus, the whole Analyze() and each annotator alone (on
// articles already split into sentences), as MB/s of body text by process CPU
// time, best of K runs: CPU time is the figure that holds on a shared machine.
// The annotation counts are printed too, so a speed-up that silently drops
// annotations shows. Target (issue 4): Analyze() >= 5 MB/s.
//
// --dump writes the annotations of every seed and DUC article (the JSON of
// `newsfuse analyze`, one article per line) to FILE, so a change meant to
// keep outputs can be checked byte for byte against the previous build.
// --analyze-only times only Analyze() on the DUC articles, K times: a clean
// run for a profiler (perf record) without the per-annotator passes.
//
// --scan-cost (issue 17) weighs keeping an article's one scan against making
// it again, per DUC article: the scan's CPU time (text::Tokenize by
// sentences, as Analyze runs it), the clusterer's read of a body (its own
// scan, word terms and names: what kept terms would spare), and the scan's
// size in memory and as a compact row (varint gap and length, a kind and
// flags pair, a varint token count per sentence) beside the body's size.
//
// --pathological (issue 11): one article per kind of tests/analyze/
// pathological_text.h (M MB, default 1, of date words, numbers, capitalised
// names, quote marks or all mixed, with no sentence end), timed once per stage
// (sentence split, then each annotator), as MB/s by CPU time. Each stage must
// be linear in its input, so these figures must not fall as M grows; the
// linearity test (tests/analyze/linearity_test.cc) checks the same ratio.
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/analyze.h"
#include "analyze/entity/entities.h"
#include "analyze/pathological_text.h"
#include "analyze/quantity/quantities.h"
#include "analyze/quote/quotes.h"
#include "analyze/time/timexes.h"
#include "bench_env.h"
#include "cluster/names.h"
#include "render/json_annotations.h"
#include "text/seed_corpus.h"
#include "text/sentences.h"
#include "text/terms.h"
#include "text/tokens.h"

using namespace newsfuse;

namespace {

double CpuSeconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

// The annotators Analyze runs after the sentence split, each timed alone.
const struct {
  const char* name;
  void (*annotate)(AnnotatedArticle&);
} kAnnotators[] = {{"entities", analyze::AnnotateEntities},
                   {"quantities", analyze::AnnotateQuantities},
                   {"time", analyze::AnnotateTime},
                   {"quotes", analyze::AnnotateQuotes}};

// Best-of-`repeat` CPU seconds of `run`.
double Best(int repeat, const std::function<void()>& run) {
  double best = 1e300;
  for (int r = 0; r < repeat; ++r) {
    const double t0 = CpuSeconds();
    run();
    best = std::min(best, CpuSeconds() - t0);
  }
  return best;
}

void Measure(const char* corpus, const std::vector<Article>& articles, int repeat) {
  double bytes = 0;
  for (const Article& a : articles) bytes += static_cast<double>(a.Body().size());
  // A small corpus is run several times per measurement, so that at least
  // 2 MB pass and the CPU clock's granularity does not dominate.
  const int rounds = std::max(1, static_cast<int>(2e6 / std::max(bytes, 1.0)));
  const double mb = bytes * rounds / 1e6;

  std::vector<AnnotatedArticle> done(articles.size());
  const double all = Best(repeat, [&] {
    for (int r = 0; r < rounds; ++r)
      for (size_t i = 0; i < articles.size(); ++i) done[i] = Analyze(articles[i]);
  });
  size_t sentences = 0, entities = 0, mentions = 0, quantities = 0, timexes = 0, quotes = 0;
  for (const AnnotatedArticle& a : done) {
    sentences += a.sentences.size();
    entities += a.entities.size();
    mentions += a.mentions.size();
    quantities += a.quantities.size();
    timexes += a.timexes.size();
    quotes += a.quotes.size();
  }
  std::printf(
      "analysis_speed corpus=%s articles=%zu rounds=%d mb=%.3f stage=analyze cpu_s=%.4f "
      "mb_per_s=%.2f "
      "sentences=%zu "
      "entities=%zu mentions=%zu quantities=%zu timexes=%zu quotes=%zu\n",
      corpus, articles.size(), rounds, mb, all, mb / all, sentences, entities, mentions, quantities,
      timexes, quotes);

  // Each annotator alone, on copies holding only the sentences; the copy is
  // made outside the timed region.
  for (const auto& part : kAnnotators) {
    double best = 1e300;
    for (int r = 0; r < repeat; ++r) {
      std::vector<AnnotatedArticle> work = done;
      for (AnnotatedArticle& a : work) {
        a.quantities.clear();
        a.timexes.clear();
        a.quotes.clear();
        if (std::strcmp(part.name, "entities") == 0) {
          a.entities.clear();
          a.mentions.clear();
        }
      }
      double spent = 0;
      for (int round = 0; round < rounds; ++round) {
        std::vector<AnnotatedArticle> fresh = work;  // copied outside the timed region
        const double t0 = CpuSeconds();
        for (AnnotatedArticle& a : fresh) part.annotate(a);
        spent += CpuSeconds() - t0;
      }
      best = std::min(best, spent);
    }
    std::printf("analysis_speed corpus=%s stage=%s cpu_s=%.4f mb_per_s=%.2f\n", corpus, part.name,
                best, mb / best);
  }
}

// One pathological article of each kind through each stage, timed once: on
// these inputs a single run takes long enough for the CPU clock.
void MeasurePathological(double megabytes, std::string_view only) {
  // One-time set-up (gazetteers, rule tables, ICU) outside the timed runs.
  Analyze(testing::MakeArticle("w", "bench", "",
                               {testing::PathologicalText(testing::Pathology::kMixed, 10000)}));
  for (testing::Pathology kind : testing::kAllPathologies) {
    if (!only.empty() && only != testing::PathologyName(kind)) continue;
    const std::string name(testing::PathologyName(kind));
    const std::string text = testing::PathologicalText(kind, static_cast<size_t>(megabytes * 1e6));
    const double mb = static_cast<double>(text.size()) / 1e6;
    const Article article = testing::MakeArticle("p", "bench", "", {text});
    AnnotatedArticle a;
    a.body = article.Body();
    a.article = article;
    double t0 = CpuSeconds();
    for (const Span& s : SplitSentences(a.body)) a.sentences.push_back(Sentence{s, 0});
    const double split = CpuSeconds() - t0;
    std::printf(
        "analysis_speed pathological=%s mb=%.2f stage=split cpu_s=%.4f mb_per_s=%.2f "
        "sentences=%zu\n",
        name.c_str(), mb, split, mb / split, a.sentences.size());
    double total = split;
    for (const auto& part : kAnnotators) {
      t0 = CpuSeconds();
      part.annotate(a);
      const double spent = CpuSeconds() - t0;
      total += spent;
      std::printf("analysis_speed pathological=%s mb=%.2f stage=%s cpu_s=%.4f mb_per_s=%.2f\n",
                  name.c_str(), mb, part.name, spent, mb / spent);
      std::fflush(stdout);
    }
    std::printf(
        "analysis_speed pathological=%s mb=%.2f stage=analyze cpu_s=%.4f mb_per_s=%.2f "
        "mentions=%zu quantities=%zu timexes=%zu quotes=%zu\n",
        name.c_str(), mb, total, mb / total, a.mentions.size(), a.quantities.size(),
        a.timexes.size(), a.quotes.size());
  }
}

size_t VarintBytes(size_t v) {
  size_t n = 1;
  for (; v >= 0x80; v >>= 7) ++n;
  return n;
}

int MeasureScanCost(int repeat) {
  std::vector<AnnotatedArticle> split;
  for (const Article& a : testing::DucArticles(50, 10)) split.push_back(WithSentences(a));
  if (split.empty()) {
    std::printf("skipped: duc2004 docs absent at %s\n", testing::DucDir().string().c_str());
    return 0;
  }
  text::Tokens tokens;
  size_t token_count = 0, sentence_count = 0, body_bytes = 0, compact_bytes = 0;
  for (const AnnotatedArticle& a : split) {
    text::Tokenize(a.body, a.sentences, tokens);
    token_count += tokens.size();
    sentence_count += a.sentences.size();
    body_bytes += a.body.size();
    uint32_t previous_end = 0;
    for (const text::Token& t : tokens.list) {
      compact_bytes += VarintBytes(t.begin - previous_end) + VarintBytes(t.end - t.begin) + 2;
      previous_end = t.end;
    }
    for (size_t s = 0; s < a.sentences.size(); ++s)
      compact_bytes += VarintBytes(tokens.SentenceEnd(s) - tokens.SentenceBegin(s));
  }
  const double scan_s = Best(repeat, [&] {
    for (const AnnotatedArticle& a : split) text::Tokenize(a.body, a.sentences, tokens);
  });
  // As the clusterer reads a body (cluster.cc's Prepare): one dictionary for
  // the run, so terms are interned once and then looked up.
  TermExtractor extractor;
  TermDictionary dict;
  std::vector<uint32_t> ids;
  const double read_s = Best(repeat, [&] {
    for (const AnnotatedArticle& a : split) {
      ids.clear();
      text::Tokenize(a.body, tokens);
      extractor.Extract(tokens, 0, tokens.size(), dict, ids);
      cluster::NameTerms(tokens, dict, ids);
    }
  });
  // The same terms and names kept as strings (ids are a dictionary's own),
  // one separator byte each: what keeping them instead of the scan costs.
  size_t term_bytes = 0;
  for (const AnnotatedArticle& a : split) {
    ids.clear();
    text::Tokenize(a.body, tokens);
    extractor.Extract(tokens, 0, tokens.size(), dict, ids);
    cluster::NameTerms(tokens, dict, ids);
    for (uint32_t id : ids) term_bytes += dict.Term(id).size() + 1;
  }
  const double n = static_cast<double>(split.size());
  std::printf(
      "analysis_speed corpus=duc2004 stage=scan-cost articles=%zu body_bytes=%.0f tokens=%.0f "
      "scan_us=%.1f cluster_read_us=%.1f memory_bytes=%.0f compact_bytes=%.0f "
      "cluster_terms_bytes=%.0f (per article)\n",
      split.size(), static_cast<double>(body_bytes) / n, static_cast<double>(token_count) / n,
      scan_s / n * 1e6, read_s / n * 1e6,
      static_cast<double>(token_count * sizeof(text::Token) +
                          (sentence_count + split.size()) * sizeof(uint32_t)) /
          n,
      static_cast<double>(compact_bytes) / n, static_cast<double>(term_bytes) / n);
  return 0;
}

// Every seed and DUC article's annotations, one JSON line each.
int Dump(const char* path) {
  std::FILE* f = std::fopen(path, "w");
  if (f == nullptr) {
    std::fprintf(stderr, "analysis_speed: cannot write %s\n", path);
    return 1;
  }
  size_t n = 0;
  for (const auto& corpus : {testing::SeedArticles(), testing::DucArticles(50, 10)}) {
    for (const Article& a : corpus) {
      std::string line = RenderAnnotationsJson(Analyze(a));
      for (char& c : line)
        if (c == '\n') c = ' ';
      std::fprintf(f, "%s\n", line.c_str());
      ++n;
    }
  }
  std::fclose(f);
  std::printf("analysis_speed dumped %zu articles to %s\n", n, path);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  int repeat = 3;
  bool pathological = false;
  double pathological_mb = 1;
  std::string_view kind;
  bool analyze_only = false;
  bool scan_cost = false;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--pathological") == 0) pathological = true;
    if (std::strcmp(argv[i], "--analyze-only") == 0) analyze_only = true;
    if (std::strcmp(argv[i], "--scan-cost") == 0) scan_cost = true;
    if (i + 1 == argc) continue;
    if (std::strcmp(argv[i], "--repeat") == 0) repeat = std::max(1, std::atoi(argv[i + 1]));
    if (std::strcmp(argv[i], "--mb") == 0) pathological_mb = std::atof(argv[i + 1]);
    if (std::strcmp(argv[i], "--kind") == 0) kind = argv[i + 1];
    if (std::strcmp(argv[i], "--dump") == 0) return Dump(argv[i + 1]);
  }
  if (scan_cost) return MeasureScanCost(repeat);
  if (analyze_only) {
    const std::vector<Article> duc = testing::DucArticles(50, 10);
    double bytes = 0;
    for (const Article& a : duc) bytes += static_cast<double>(a.Body().size());
    const double spent = Best(repeat, [&] {
      for (const Article& a : duc) Analyze(a);
    });
    std::printf("analysis_speed corpus=duc2004 stage=analyze cpu_s=%.4f mb_per_s=%.2f\n", spent,
                bytes / 1e6 / spent);
    return 0;
  }
  if (pathological) {
    MeasurePathological(pathological_mb, kind);
    std::printf("%s\n", bench::MachineLine().c_str());
    return 0;
  }

  Measure("seeds", testing::SeedArticles(), repeat);
  const std::vector<Article> duc = testing::DucArticles(50, 10);
  if (duc.empty()) {
    std::printf("skipped: duc2004 docs absent at %s\n", testing::DucDir().string().c_str());
  } else {
    Measure("duc2004", duc, repeat);
  }
  std::printf("%s\n", bench::MachineLine().c_str());
  return 0;
}
