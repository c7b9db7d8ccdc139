// The claim sections of a story report against the claims gold (issue 18):
// each gold topic's ten DUC 2004 documents, dated by the gold, go through
// extract -> analyze -> fuse as ONE story (clustering is not under test), and
// the report's facts, roles, conflicts, quotes and timeline are matched to
// the editor's annotations (claims_match.h; rules in README.md). Precision,
// recall and F1 are printed per section for the test part and the dev part.
//
//   claims_eval [--gold DIR] [--duc DIR] [--show TOPIC [--quotes]]
//
// The documents are fed as the files are (hard-wrapped lines, ``…'' quotes),
// the way `newsfuse digest` reads them. --show prints every row of one DEV
// topic with its verdict (--quotes: also every quote the analyser found, with
// its speaker); test topics are never shown (they stay unread).
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "analyze/analyze.h"
#include "bench_env.h"
#include "claims_gold.h"
#include "claims_match.h"
#include "extract/extract.h"
#include "fuse/fuse.h"

namespace fs = std::filesystem;
using namespace newsfuse;
using namespace newsfuse::bench;

namespace {

// The split fixed before any score was seen (README.md): every other topic in
// id order, the first one included, is test.
bool IsTestTopic(size_t index_in_sorted_gold) { return index_in_sorted_gold % 2 == 0; }

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Part {
  TopicScores sum;
  int topics = 0;
  int conflicts = 0;
  void Add(const TopicScores& t) {
    ++topics;
    for (auto [a, b] : {std::pair{&sum.facts, &t.facts}, {&sum.roles, &t.roles}, {&sum.conflicts, &t.conflicts},
                        {&sum.quotes_direct, &t.quotes_direct}, {&sum.quotes_reported, &t.quotes_reported},
                        {&sum.quotes_any, &t.quotes_any}, {&sum.timeline, &t.timeline}})
      a->Add(*b);
    sum.direct_matched += t.direct_matched;
    sum.direct_speaker_ok += t.direct_speaker_ok;
    sum.conflicts_hard += t.conflicts_hard;
    sum.conflicts_self += t.conflicts_self;
    sum.conflicts_kind_ok += t.conflicts_kind_ok;
  }
  void Print(const char* name) const {
    if (!topics) return;
    auto line = [&](const char* section, const SectionScore& s) {
      std::printf("claims_eval part=%s section=%s sys=%d sys_ok=%d gold=%d gold_ok=%d p=%.3f r=%.3f f1=%.3f\n", name,
                  section, s.sys, s.sys_ok, s.gold, s.gold_ok, s.Precision(), s.Recall(), s.F1());
    };
    line("facts", sum.facts);
    line("roles", sum.roles);
    line("conflicts", sum.conflicts);
    line("quotes_direct", sum.quotes_direct);
    line("quotes_reported", sum.quotes_reported);
    line("quotes_any", sum.quotes_any);
    line("timeline", sum.timeline);
    std::printf("claims_eval part=%s topics=%d direct_speaker_acc=%.3f (%d/%d) conflicts_hard=%d conflicts_self=%d "
                "conflict_kind_acc=%.3f\n",
                name, topics, sum.direct_matched ? double(sum.direct_speaker_ok) / sum.direct_matched : 0,
                sum.direct_speaker_ok, sum.direct_matched, sum.conflicts_hard, sum.conflicts_self,
                sum.conflicts.sys_ok ? double(sum.conflicts_kind_ok) / sum.conflicts.sys_ok : 0);
  }
};

}  // namespace

int main(int argc, char** argv) {
  fs::path gold_dir = fs::path(NEWSFUSE_SHARED_DIR) / "bench/claims-gold";
  fs::path duc = fs::path(NEWSFUSE_SHARED_DIR) / "bench/duc2004";
  std::string show;
  bool dump_quotes = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--gold" && i + 1 < argc) gold_dir = argv[++i];
    else if (a == "--duc" && i + 1 < argc) duc = argv[++i];
    else if (a == "--show" && i + 1 < argc) show = argv[++i];
    else if (a == "--quotes") dump_quotes = true;
    else {
      std::fprintf(stderr, "usage: claims_eval [--gold DIR] [--duc DIR] [--show DEV_TOPIC [--quotes]]\n");
      return 1;
    }
  }
  const auto topics = LoadClaimsGold(gold_dir);
  if (topics.empty() || !fs::is_directory(duc / "docs")) {
    std::printf("skipped: claims gold or DUC 2004 documents not found under %s and %s (they live in ../shared/bench)\n",
                gold_dir.c_str(), duc.c_str());
    return 0;
  }
  Part test, dev;
  for (size_t ti = 0; ti < topics.size(); ++ti) {
    const GoldTopic& gold = topics[ti];
    const bool is_test = IsTestTopic(ti);
    if (!show.empty() && (show != gold.id || is_test)) continue;
    std::vector<AnnotatedArticle> articles;
    Story story{gold.id, {}};
    for (const auto& [doc, published] : gold.published) {
      const fs::path path = duc / "docs" / gold.id / doc;
      RawPage page;
      page.locator = path.string();
      page.format = PageFormat::kText;
      page.content = ReadFile(path);
      page.hint_published = published;
      // Each newswire document counts as its own outlet, as in summary_eval.
      page.hint_outlet = gold.id + "/" + doc;
      auto article = ExtractArticle(page);
      if (!article.ok()) {
        std::fprintf(stderr, "%s: %s\n", page.locator.c_str(), article.status().ToString().c_str());
        continue;
      }
      article->id = doc;
      story.article_ids.push_back(article->id);
      articles.push_back(Analyze(std::move(*article)));
    }
    if (!show.empty() && dump_quotes) {
      for (const auto& a : articles) {
        std::printf("article %s paragraphs=%zu sentences=%zu\n", a.article.id.c_str(), a.article.paragraphs.size(),
                    a.sentences.size());
        for (const Quote& q : a.quotes) {
          const std::string who = q.speaker ? a.entities[*q.speaker].name : "-";
          std::printf("  %s [%s | %s] %.*s\n", q.direct ? "direct" : "reported", who.c_str(),
                      std::string(a.Text(q.speaker_span)).c_str(), static_cast<int>(std::min<size_t>(q.content.size(), 90)),
                      a.body.c_str() + q.content.begin);
          if (std::getenv("CLAIMS_DEBUG")) {
            for (size_t k = 0; k < a.sentences.size(); ++k) {
              const Span sp = a.sentences[k].span;
              if (sp.begin <= q.speaker_span.begin && q.speaker_span.begin < sp.end)
                for (size_t d = k >= 2 ? k - 2 : 0; d <= k; ++d)
                  std::printf("      S%zu: %s\n", d, std::string(a.Text(a.sentences[d].span)).c_str());
            }
            for (const Mention& m : a.mentions)
              if (m.span.begin + 400 > q.speaker_span.begin && m.span.begin < q.speaker_span.begin)
                std::printf("      M %s -> %s (%s)\n", std::string(a.Text(m.span)).c_str(), a.entities[m.entity].name.c_str(), EntityTypeName(a.entities[m.entity].type));
          }
        }
      }
    }
    const StoryReport report = FuseStory(story, articles);
    std::map<std::string, std::string> doc_of;
    for (const ReportSource& s : report.sources) doc_of[s.id] = s.article_id;
    std::vector<std::string> detail;
    const TopicScores scores = ScoreReport(report, doc_of, gold, show.empty() ? nullptr : &detail);
    (is_test ? test : dev).Add(scores);
    if (!show.empty()) {
      std::printf("topic %s (dev)\n", gold.id.c_str());
      for (const auto& line : detail) std::printf("%s\n", line.c_str());
    }
  }
  if (!show.empty() && dev.topics == 0) {
    std::printf("--show takes a dev topic (test topics are never shown): %s\n", show.c_str());
    return 1;
  }
  test.Print("test");
  dev.Print("dev");
  std::printf("claims_eval seeds: skipped (the seeds have no claims gold)\n");
  std::printf("machine %s\n", MachineLine().c_str());
  return 0;
}
