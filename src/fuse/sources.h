// Sources: which articles a story's report draws on, in what order, and how
// each is cited. Internal to src/fuse.
#pragma once

#include <vector>

#include "core/records.h"

namespace newsfuse::fuse {

// The articles of `story` among `articles`, matched by id, each once, sorted
// by publication time (undated last, ties in story order). A story that lists
// no article takes every article given. The pointers view `articles`.
std::vector<const AnnotatedArticle*> StoryMembers(const Story& story,
                                                  const std::vector<AnnotatedArticle>& articles);

// Fills report.sources (one per member, "S1", "S2", ... in member order; a
// copy the store marked, Story::copy_of, names its original's key),
// report.first_seen (the earliest publication) and report.last_updated (the
// latest publication or update).
void AddSources(const Story& story, const std::vector<const AnnotatedArticle*>& members,
                StoryReport& report);

}  // namespace newsfuse::fuse
