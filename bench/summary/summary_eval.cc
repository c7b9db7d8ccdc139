// Summary quality on DUC 2004 Task 2: each cluster's 10 newswire documents go
// through the real pipeline (extract -> analyze -> fuse, with the options the
// DUC task asks for: about 100 words) and the summary's first 100 words are
// scored with ROUGE-1/2 recall by the ROUGE-1.5.5 protocol (rouge.h), beside
// the published systems on the same protocol.
//
//   summary_eval [--data DIR] [--half even|odd|all] [--show TOPIC] [--words N]
//
// --half scores the even- or odd-numbered topics only: tune on one half,
// report both (no tuning on the topics the figure is quoted for).
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>

#include "analyze/analyze.h"
#include "bench_env.h"
#include "duc.h"
#include "extract/extract.h"
#include "fuse/fuse.h"
#include "rouge.h"

namespace fs = std::filesystem;
using namespace newsfuse;
using namespace newsfuse::bench;

namespace {

struct Half {
  std::vector<double> r1, r2;  // per topic, in topic order
  void Add(double a, double b) { r1.push_back(a), r2.push_back(b); }
  int n() const { return static_cast<int>(r1.size()); }
};

}  // namespace

int main(int argc, char** argv) {
  fs::path data = fs::path(NEWSFUSE_SHARED_DIR) / "bench/duc2004";
  std::string half = "all", show;
  int words = 100;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--data" && i + 1 < argc)
      data = argv[++i];
    else if (a == "--half" && i + 1 < argc)
      half = argv[++i];
    else if (a == "--show" && i + 1 < argc)
      show = argv[++i];
    else if (a == "--words" && i + 1 < argc)
      words = std::atoi(argv[++i]);
    else {
      std::fprintf(
          stderr,
          "usage: summary_eval [--data DIR] [--half even|odd|all] [--show TOPIC] [--words N]\n");
      return 1;
    }
  }
  const auto topics = LoadDuc(data);
  if (topics.empty()) {
    std::printf("skipped: DUC 2004 data not found under %s (it lives in ../shared/bench)\n",
                data.c_str());
    return 0;
  }
  Rouge rouge(RougeOptions{100, true});
  std::vector<std::string> exc;
  for (const char* pos : {"adj", "adv", "noun", "verb"})
    exc.push_back(std::string("/usr/share/wordnet/") + pos + ".exc");
  const bool wordnet = rouge.LoadExceptions(exc) > 0;
  if (!wordnet) {
    std::printf(
        "skipped: WordNet's exception tables (/usr/share/wordnet/*.exc, Debian wordnet-base) "
        "are missing; ROUGE-1.5.5's stemming needs them\n");
    return 0;
  }

  FuseOptions options;
  options.max_summary_words = words;
  options.min_summary_sentences = 1;
  options.max_summary_sentences = 20;

  Half even, odd, all;
  double pipeline_ms = 0, fuse_ms = 0;
  for (size_t ti = 0; ti < topics.size(); ++ti) {
    const DucTopic& t = topics[ti];
    const bool is_even = ti % 2 == 0;
    if ((half == "even" && !is_even) || (half == "odd" && is_even)) continue;
    if (!show.empty() && t.id != show) continue;
    const auto t0 = std::chrono::steady_clock::now();
    std::vector<AnnotatedArticle> articles;
    Story story{t.id, {}};
    for (const auto& doc : t.docs) {
      RawPage page;
      page.locator = doc.string();
      page.format = PageFormat::kText;
      page.content = DucDocumentText(doc);
      // Each newswire document counts as its own outlet: support is the
      // number of documents that state a sentence's content.
      page.hint_outlet = t.id + "/" + doc.stem().string();
      auto article = ExtractArticle(page);
      if (!article.ok()) {
        std::fprintf(stderr, "%s: %s\n", page.locator.c_str(), article.status().ToString().c_str());
        continue;
      }
      article->id = page.hint_outlet;
      story.article_ids.push_back(article->id);
      articles.push_back(Analyze(std::move(*article)));
    }
    const auto t1 = std::chrono::steady_clock::now();
    const StoryReport report = FuseStory(story, articles, options);
    const auto t2 = std::chrono::steady_clock::now();
    pipeline_ms += std::chrono::duration<double, std::milli>(t1 - t0).count();
    fuse_ms += std::chrono::duration<double, std::milli>(t2 - t1).count();

    std::vector<std::string> lines;
    for (const auto& s : report.summary) lines.push_back(s.text);
    std::vector<RougeTokens> models;
    for (const auto& r : t.refs) models.push_back(rouge.Tokenize(r));
    const RougeTokens peer = rouge.Tokenize(lines);
    const double r1 = Rouge::Score(peer, models, 1).Recall(),
                 r2 = Rouge::Score(peer, models, 2).Recall();
    Half& h = is_even ? even : odd;
    h.Add(r1, r2);
    all.Add(r1, r2);
    if (!show.empty()) {
      std::printf("topic %s r1=%.5f r2=%.5f\n", t.id.c_str(), r1, r2);
      for (const auto& s : report.summary)
        std::printf("  [%s support=%g] %s\n", s.from_source.c_str(), s.support, s.text.c_str());
    }
  }
  // Averages as ROUGE-1.5.5 prints them (RougeAverage), so ours sit beside
  // the published figures on the same footing.
  auto line = [](const char* name, const Half& h) {
    if (h.n())
      std::printf("summary_eval half=%s topics=%d r1=%.2f r2=%.2f\n", name, h.n(),
                  100 * RougeAverage(h.r1), 100 * RougeAverage(h.r2));
  };
  line("even", even);
  line("odd", odd);
  line("all", all);
  std::printf(
      "summary_eval protocol=rouge-1.5.5 words=100 stem=rouge-porter exceptions=%s "
      "pipeline_ms_per_topic=%.1f fuse_ms_per_topic=%.2f\n",
      wordnet ? "wordnet" : "none", all.n() ? pipeline_ms / all.n() : 0,
      all.n() ? fuse_ms / all.n() : 0);
  if (all.n())
    std::printf("published system=newsfuse r1=%.2f r2=%.2f\n", 100 * RougeAverage(all.r1),
                100 * RougeAverage(all.r2));
  for (const auto& p : PublishedDuc2004())
    std::printf("published system=%s r1=%.2f r2=%.2f\n", p.name, p.r1, p.r2);
  std::printf("machine %s\n", MachineLine().c_str());
  return 0;
}
