#include "fuse/claims/claims.h"

#include <algorithm>
#include <set>
#include <string>
#include <utility>

#include "fuse/candidates.h"
#include "fuse/claims/builders.h"
#include "fuse/fuse.h"
#include "fuse/relevance.h"
#include "fuse/support.h"
#include "fuse/voices.h"

namespace newsfuse::fuse {

void AddClaims(const std::vector<const AnnotatedArticle*>& members, StoryReport& report) {
  StoryWords words(members);
  StoryTerms terms(words);
  std::vector<Candidate> cands = CollectCandidates(members, terms);
  const std::vector<std::string> voice_of = VoiceKeys(members, report.sources);
  const size_t n_voices = std::set<std::string>(voice_of.begin(), voice_of.end()).size();
  const FuseOptions defaults;
  CountSupport(cands, words.dict().size(), voice_of, defaults.same_content_threshold);
  ScoreRelevance(cands, members.size(), words.dict().size(), n_voices);
  AddClaims(members, words, cands, defaults.same_content_threshold, report);
}

void AddClaims(const std::vector<const AnnotatedArticle*>& members, StoryWords& words,
               const std::vector<Candidate>& cands, double same_claim, StoryReport& report) {
  ClaimContext ctx(members, report, words);
  std::vector<Fact> facts = QuantityFacts(ctx, report.conflicts);
  report.timeline = BuildTimeline(ctx, TimelineScope::kStory);
  // A dated event several outlets report is a fact in its own right ("talks
  // held on 2026-02-05"), so it gets a row in the fact table and counts for
  // coverage, background dates included ("appointed army commander in 1989").
  // One sentence that names several dates ("ruled from 1973 until 1990")
  // would give one row per date, each quoting the same words: a reader sees
  // one claim repeated, so a sentence is quoted by the first entry that
  // holds it (the timeline's order), and a later entry keeps a row only
  // with what two outlets still say in other sentences.
  std::set<std::pair<std::string, std::string>> quoted;
  for (const TimelineEntry& e : BuildTimeline(ctx, TimelineScope::kFactRows)) {
    Fact f;
    f.kind = Fact::Kind::kEvent;
    f.subject = e.what;
    f.value = e.place.empty() ? e.date : e.date + ", " + e.place;
    for (const Attestation& w : e.wording) {
      if (quoted.count({w.source, w.text})) continue;
      f.wording.push_back(w);
      if (std::find(f.sources.begin(), f.sources.end(), w.source) == f.sources.end())
        f.sources.push_back(w.source);
    }
    if (f.sources.size() < 2) continue;
    for (const Attestation& w : f.wording) quoted.insert({w.source, w.text});
    facts.push_back(std::move(f));
  }
  for (Fact& f : CorroboratedEvents(ctx, cands, facts, same_claim)) facts.push_back(std::move(f));
  for (Fact& f : RoleFacts(ctx)) facts.push_back(std::move(f));

  // Most supported first; ties keep the builder order (quantities, events, roles).
  std::stable_sort(facts.begin(), facts.end(), [](const Fact& a, const Fact& b) {
    return a.sources.size() > b.sources.size();
  });
  for (size_t i = 0; i < facts.size(); ++i) facts[i].id = "F" + std::to_string(i + 1);

  for (Conflict& c : StatementConflicts(ctx)) report.conflicts.push_back(std::move(c));
  for (Conflict& c : DateConflicts(ctx)) report.conflicts.push_back(std::move(c));
  for (Conflict& c : NameConflicts(ctx)) report.conflicts.push_back(std::move(c));
  std::stable_sort(report.conflicts.begin(), report.conflicts.end(),
                   [](const Conflict& a, const Conflict& b) {
                     if (a.hard != b.hard) return a.hard;
                     return a.confidence > b.confidence;
                   });
  report.quotes = GroupQuotes(ctx);
  report.coverage = BuildCoverage(ctx, facts);
  report.facts = std::move(facts);
}

}  // namespace newsfuse::fuse
