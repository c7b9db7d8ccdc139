#include "fuse/claims/claims.h"

#include <algorithm>
#include <set>
#include <string>
#include <utility>

#include "fuse/claims/builders.h"

namespace newsfuse::fuse {

void AddClaims(const std::vector<const AnnotatedArticle*>& members, StoryReport& report) {
  StoryWords words(members);
  AddClaims(members, words, report);
}

void AddClaims(const std::vector<const AnnotatedArticle*>& members, StoryWords& words,
               StoryReport& report) {
  ClaimContext ctx(members, report, words);
  std::vector<Fact> facts = QuantityFacts(ctx, report.conflicts);
  report.timeline = BuildTimeline(ctx, true);
  // A dated event several outlets report is a fact in its own right ("talks
  // held on 2026-02-05"), so it gets a row in the fact table and counts for
  // coverage, background dates included ("appointed army commander in 1989").
  // One sentence that names several dates ("ruled from 1973 until 1990")
  // would give one row per date, each quoting the same words: a reader sees
  // one claim repeated, so the sentences' first date keeps the row.
  std::set<std::vector<std::pair<std::string, std::string>>> worded;
  for (const TimelineEntry& e : BuildTimeline(ctx, false)) {
    if (e.sources.size() < 2) continue;
    std::vector<std::pair<std::string, std::string>> words;
    for (const auto& w : e.wording) words.emplace_back(w.source, w.text);
    std::sort(words.begin(), words.end());
    if (!worded.insert(std::move(words)).second) continue;
    Fact f;
    f.kind = Fact::Kind::kEvent;
    f.subject = e.what;
    f.value = e.place.empty() ? e.date : e.date + ", " + e.place;
    f.sources = e.sources;
    f.wording = e.wording;
    facts.push_back(std::move(f));
  }
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
