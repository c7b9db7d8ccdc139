// Headline: the story's title, chosen among the sources' own. Internal to
// src/fuse.
#pragma once

#include <string>
#include <vector>

#include "core/records.h"
#include "fuse/candidates.h"

namespace newsfuse::fuse {

// The title most like the other titles (the sum of its cosines with them
// over the story's TF-IDF weights), the earliest source's on a tie. Titles
// that are furniture, a word or two (JudgeHeadline) or made up by the
// extractor from the lead are not candidates. "" when none is left. Adds the
// titles' words to `terms.dict`.
std::string HeadlineFromTitles(const std::vector<const AnnotatedArticle*>& members,
                               StoryTerms& terms);

// When no title stood: the first summary sentence, else the earliest title
// that passes JudgeHeadline, else the earliest that is not furniture (a short
// title beats none). Leaves a headline already set alone.
void FallBackHeadline(const std::vector<const AnnotatedArticle*>& members, StoryReport& report);

}  // namespace newsfuse::fuse
