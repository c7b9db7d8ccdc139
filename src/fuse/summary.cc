#include "fuse/summary.h"

#include <algorithm>
#include <map>
#include <optional>
#include <string_view>

#include "fuse/summary_select.h"

namespace newsfuse::fuse {
namespace {

// A candidate this far from the centroid (relative to the most central) is
// off-topic unless another outlet says it too: glued-on stories, boilerplate.
constexpr double kMinRelativeCentrality = 0.25;

std::vector<size_t> Choose(const std::vector<Candidate>& cands,
                           const std::vector<std::string>& voice_of, const FuseOptions& options) {
  std::map<std::string_view, uint32_t> voice_ids;
  for (const auto& o : voice_of) voice_ids.emplace(o, static_cast<uint32_t>(voice_ids.size()));
  std::vector<SummaryCandidate> pool(cands.size());
  for (size_t i = 0; i < cands.size(); ++i) {
    const Candidate& c = cands[i];
    SummaryCandidate& p = pool[i];
    p.outlet = voice_ids[voice_of[c.source]];
    p.position = c.position;
    p.words = c.words;
    p.support = c.support;
    p.relevance = c.relevance;
    p.eligible = !(c.centrality < kMinRelativeCentrality && c.support < 2);
    p.terms = c.terms;
    for (size_t src : c.supporters) p.cites.push_back(voice_ids[voice_of[src]]);
  }
  SelectionLimits limits;
  limits.max_sentences = static_cast<size_t>(std::max(0, options.max_summary_sentences));
  limits.min_sentences = std::min(limits.max_sentences,
                                  static_cast<size_t>(std::max(0, options.min_summary_sentences)));
  limits.max_words = options.max_summary_words;
  return SelectByCoverage(pool, limits, [&](size_t a, size_t b) {
    return Dot(cands[a].vec, cands[b].vec) >= options.same_content_threshold;
  });
}

}  // namespace

void AddSummary(const std::vector<Candidate>& cands, const std::vector<std::string>& voice_of,
                const FuseOptions& options, StoryReport& report) {
  std::vector<size_t> chosen = Choose(cands, voice_of, options);
  // With a word budget, the sentence chosen last may run past it: it goes
  // last, so a reader (or an evaluation) cutting at the budget loses only it.
  std::optional<size_t> overflow;
  if (options.max_summary_words > 0 && !chosen.empty()) {
    int words = 0;
    for (size_t i : chosen) words += cands[i].words;
    if (words > options.max_summary_words) {
      overflow = chosen.back();
      chosen.pop_back();
    }
  }
  std::stable_sort(chosen.begin(), chosen.end(), [&](size_t a, size_t b) {
    if (cands[a].support != cands[b].support) return cands[a].support > cands[b].support;
    return cands[a].relevance > cands[b].relevance;
  });
  if (overflow) chosen.push_back(*overflow);

  // Each source's candidates, to find a citing source's own sentence.
  std::vector<std::vector<size_t>> by_source(report.sources.size());
  for (size_t j = 0; j < cands.size(); ++j) by_source[cands[j].source].push_back(j);

  for (size_t i : chosen) {
    const Candidate& c = cands[i];
    SummarySentence out;
    out.text = std::string(c.text);
    for (size_t s : c.supporters) {
      out.citations.push_back(report.sources[s].id);
      // The source's sentence closest to the chosen one: the one that made it
      // a supporter (fuse/support.h), so a reader sees how that outlet put it.
      size_t best = i;
      if (s != c.source) {
        double best_dot = -1;
        for (size_t j : by_source[s]) {
          const double dot = Dot(c.vec, cands[j].vec);
          if (dot > best_dot) {
            best_dot = dot;
            best = j;
          }
        }
      }
      out.wording.push_back(
          {report.sources[s].id, std::string(cands[best].text), cands[best].span});
    }
    out.from_source = report.sources[c.source].id;
    out.span = c.span;
    out.support = c.support;
    report.summary.push_back(std::move(out));
  }
}

}  // namespace newsfuse::fuse
