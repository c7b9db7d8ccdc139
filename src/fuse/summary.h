// Summary: the candidates chosen (fuse/summary_select.h), put in reading
// order and cited. Internal to src/fuse.
#pragma once

#include <string>
#include <vector>

#include "fuse/candidates.h"
#include "fuse/fuse.h"

namespace newsfuse::fuse {

// REQUIRES: support and relevance scored (fuse/support.h, fuse/relevance.h);
// report.sources filled in the order of the candidates' source indices.
// Appends report.summary: most-supported first, then most relevant; with a
// word budget, a sentence that runs past it goes last. Each sentence cites
// every source that states the same content. Off-topic candidates (far from
// the centroid and stated by one voice) are never chosen.
void AddSummary(const std::vector<Candidate>& cands, const std::vector<std::string>& voice_of,
                const FuseOptions& options, StoryReport& report);

}  // namespace newsfuse::fuse
