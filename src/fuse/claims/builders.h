// The claim builders AddClaims runs, one file each. Internal to src/fuse/claims.
#pragma once

#include <vector>

#include "core/records.h"
#include "fuse/candidates.h"
#include "fuse/claims/claim_context.h"

namespace newsfuse::fuse {

// Quantities of the same thing aligned across sources (quantity_facts.cc);
// values about one thing that cannot be reconciled go to `conflicts`.
std::vector<Fact> QuantityFacts(ClaimContext& ctx, std::vector<Conflict>& conflicts);
// Which dated events BuildTimeline gathers.
enum class TimelineScope {
  kStory,     // the timeline: the story's own days, within a window around publication
  kFactRows,  // the fact table: background dates too, and no outlet's guess
};
// Dated events, merged across sources by date and wording (timeline.cc).
std::vector<TimelineEntry> BuildTimeline(ClaimContext& ctx, TimelineScope scope);
// Claims two or more outlets state in nearly the same words (Dot of the
// candidates' vectors >= `same_claim`), one row each, leaving out sentences
// a row of `already` quotes (event_facts.cc). Reads each candidate's support.
std::vector<Fact> CorroboratedEvents(ClaimContext& ctx, const std::vector<Candidate>& cands,
                                     const std::vector<Fact>& already, double same_claim);
// People's roles as the sources give them (role_facts.cc).
std::vector<Fact> RoleFacts(ClaimContext& ctx);
// Quotes grouped by canonical speaker, translations merged (quote_groups.cc).
std::vector<SpeakerQuotes> GroupQuotes(ClaimContext& ctx);
// A statement one source makes and another negates (statement_conflicts.cc).
std::vector<Conflict> StatementConflicts(ClaimContext& ctx);
// One thing dated differently by two outlets in nearly the same words (date_conflicts.cc).
std::vector<Conflict> DateConflicts(ClaimContext& ctx);
// One person named with two different given names by two outlets (name_conflicts.cc).
std::vector<Conflict> NameConflicts(ClaimContext& ctx);
// Per source: facts only it has, facts most others have that it lacks (coverage.cc).
std::vector<SourceCoverage> BuildCoverage(const ClaimContext& ctx, const std::vector<Fact>& facts);

// Distinct outlets among the given source indices.
size_t DistinctOutlets(const ClaimContext& ctx, const std::vector<size_t>& sources);

}  // namespace newsfuse::fuse
