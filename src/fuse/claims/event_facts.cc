// Corroborated events: what two or more outlets state in nearly the same
// words is a claim about the story a reader can check outlet by outlet,
// whether or not it carries a number or a date. Most of what an editor puts
// in a fact table is of this kind ("the Palestinians inaugurated the
// airport", "Switzerland also requested his extradition"); the quantity and
// timeline builders only see the claims that hold a figure or a day.
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>

#include "core/strings.h"
#include "fuse/claims/builders.h"
#include "fuse/claims/modality.h"
#include "fuse/claims/reporting_notes.h"
#include "fuse/sentence_shape.h"

namespace newsfuse::fuse {

namespace {

// A sentence mostly inside quotation marks is a speaker's words: who said
// what (the quotes section), not a claim of the outlet's own.
constexpr double kMaxQuotedShare = 0.34;

// Three voices, not two: two reports that share a sentence are as often one
// wire's text run twice, or one colour detail ("danced in a circle") copied,
// as a claim the story rests on. On the dev topics a second voice added two
// rows of the editors' facts for every three that were not (bench/claims).
constexpr size_t kMinVoices = 3;

bool Overlaps(Span a, Span b) { return a.begin < b.end && b.begin < a.end; }

}  // namespace

std::vector<Fact> CorroboratedEvents(ClaimContext& ctx, const std::vector<Candidate>& cands,
                                     const std::vector<Fact>& already, double same_claim) {
  // Sentences another fact row already quotes: a second row on them would
  // state one claim twice.
  std::vector<std::vector<Span>> taken(ctx.size());
  std::map<std::string, size_t> source_index;
  for (size_t s = 0; s < ctx.size(); ++s) source_index[ctx.source_id(s)] = s;
  for (const Fact& f : already) {
    for (const Attestation& w : f.wording) {
      if (auto it = source_index.find(w.source); it != source_index.end())
        taken[it->second].push_back(w.span);
    }
  }

  std::vector<size_t> usable, stated;
  for (size_t i = 0; i < cands.size(); ++i) {
    const Candidate& c = cands[i];
    if (static_cast<size_t>(c.support) < kMinVoices) continue;
    const text::Tokens& tokens = ctx.tokens(c.source);
    const SentenceShape shape =
        ShapeOf(tokens, tokens.SentenceBegin(c.position), tokens.SentenceEnd(c.position));
    if (shape.quoted_words > kMaxQuotedShare * shape.words) continue;
    if (InDirectQuote(ctx.article(c.source), c.span)) continue;
    bool claimed = false;
    for (Span t : taken[c.source]) claimed |= Overlaps(t, c.span);
    if (claimed) {
      stated.push_back(i);
      continue;
    }
    // An outlet's guess ("could affect", "appears to be") is no claim a
    // reader can check against other outlets.
    if (OutletGuesses(ctx.article(c.source), tokens, c.position)) continue;
    if (IsReportingNote(ctx.article(c.source).body, tokens, c.position)) continue;
    usable.push_back(i);
  }
  // The most widely stated and most central claims seed first, so a group is
  // gathered around its plainest statement rather than chained through
  // partial overlaps.
  std::stable_sort(usable.begin(), usable.end(), [&](size_t a, size_t b) {
    if (cands[a].support != cands[b].support) return cands[a].support > cands[b].support;
    return cands[a].relevance > cands[b].relevance;
  });

  // Each seed is compared only with the candidates it shares a term with
  // (an inverted index, as CountSupport does): a story of a hundred reports
  // holds thousands of sentences, and most pairs share nothing.
  std::map<uint32_t, std::vector<std::pair<size_t, double>>> postings;
  for (const std::vector<size_t>* list : {&usable, &stated})
    for (size_t i : *list)
      for (const auto& [t, w] : cands[i].vec) postings[t].emplace_back(i, w);
  std::vector<bool> is_stated(cands.size(), false);
  for (size_t i : stated) is_stated[i] = true;

  std::vector<bool> used(cands.size(), false);
  std::vector<double> sim(cands.size(), 0.0);
  std::vector<size_t> touched;
  std::vector<Fact> facts;
  for (size_t seed : usable) {
    if (used[seed]) continue;
    const Candidate& lead = cands[seed];
    touched.clear();
    for (const auto& [t, w] : lead.vec) {
      for (const auto& [j, wj] : postings[t]) {
        if (sim[j] == 0) touched.push_back(j);
        sim[j] += w * wj;
      }
    }
    // Another row already states this claim in other words of another
    // outlet ("the airport opened" / "the opening of the airport"); else,
    // per other source, its sentence most like the seed's.
    bool restated = false;
    std::map<size_t, std::pair<double, size_t>> best;
    for (size_t j : touched) {
      const double s = sim[j];
      sim[j] = 0;
      if (s < same_claim) continue;
      if (is_stated[j]) {
        restated = true;
        continue;
      }
      const Candidate& c = cands[j];
      if (used[j] || c.source == lead.source) continue;
      auto it = best.find(c.source);
      if (it == best.end() || s > it->second.first) best[c.source] = {s, j};
    }
    if (restated) continue;
    std::vector<size_t> group{seed};
    for (const auto& [source, pick] : best) group.push_back(pick.second);
    std::vector<size_t> sources;
    for (size_t j : group) sources.push_back(cands[j].source);
    if (DistinctOutlets(ctx, sources) < kMinVoices) continue;

    Fact f;
    f.kind = Fact::Kind::kEvent;
    f.subject = SpanText(ctx.article(lead.source), lead.span);
    std::sort(group.begin(), group.end(),
              [&](size_t a, size_t b) { return cands[a].source < cands[b].source; });
    for (size_t j : group) {
      used[j] = true;
      const Candidate& c = cands[j];
      f.sources.push_back(ctx.source_id(c.source));
      f.wording.push_back(
          {ctx.source_id(c.source), SpanText(ctx.article(c.source), c.span), c.span});
    }
    facts.push_back(std::move(f));
  }
  return facts;
}

}  // namespace newsfuse::fuse
