// Voices: which sources count as one when fusion counts support.
//
// A fact stated by five articles is confirmed five times only if five
// newsrooms stated it. Two articles of one outlet are one voice, and so is a
// wire copy or reprint and its original (ReportSource::copy_of), whatever
// outlet ran it. Internal to src/fuse.
#pragma once

#include <string>
#include <vector>

#include "core/records.h"

namespace newsfuse::fuse {

// One key per source, equal for sources that are one voice: the outlet's name
// in lower-case letters and digits ("#" + article id when the outlet is
// unknown, so each such article is its own voice), or for a copy, its
// original's key. `sources` are the report's, in the order of `members`.
std::vector<std::string> VoiceKeys(const std::vector<const AnnotatedArticle*>& members,
                                   const std::vector<ReportSource>& sources);

}  // namespace newsfuse::fuse
