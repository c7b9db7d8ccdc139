// Claims: the structured half of a story report.
//
// The summary (fuse.cc) says what the story is; claims say what exactly each
// source asserts and where they agree or differ. From the analysis
// annotations of the story's articles this fills StoryReport::facts,
// conflicts, quotes, timeline and coverage. Pure: same inputs, same report.
#pragma once

#include <vector>

#include "core/records.h"

namespace newsfuse::fuse {

// `members[i]` is the article behind `report.sources[i]`; report.sources must
// already be filled. Appends to the claim sections of `report`.
void AddClaims(const std::vector<const AnnotatedArticle*>& members, StoryReport& report);

class StoryWords;
struct Candidate;
// The same, reading the scan FuseStory already made of `members` and its
// summary candidates with their support counted (fuse/support.h): a claim
// several outlets state alike is found the way the summary finds it.
void AddClaims(const std::vector<const AnnotatedArticle*>& members, StoryWords& words,
               const std::vector<Candidate>& cands, double same_claim, StoryReport& report);

}  // namespace newsfuse::fuse
