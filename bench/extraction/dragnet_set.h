// Body extraction on the Dragnet 2012 set (../shared/bench/dragnet: 1,381
// English pages, human copy-paste gold, article then comments after a
// separator line), scored as its SOURCE.md suggests:
//   - the paper's metric (lcs_metric.h), macro-averaged, task
//     "content+comments" (gold = article + comments, as in Peters & Lecocq
//     2013 Table 2) and task "article" (gold = the text before the separator);
//   - the ScrapingHub shingle metric (shingle_metric.h) on task "article", so
//     the figure compares with the other sets.
// The extracted text is the title line then the body paragraphs, because the
// gold article carries the title as the annotators pasted it.
//
// AGPL data: it is only measured here; nothing is fitted on it.
// Groups: the dev half (hash of the id, set_split.h) restricted to upstream's
// training.txt, since upstream asks that test.txt not be tuned on; the
// held-out group, every other page (the hash's held-out half plus the test
// pages that hash to dev); and upstream's test split (415 pages, the paper's figures),
// which is printed only with the held-out half. Each group is also given
// without the two known bad pairs (R427, R237: HTML without the article).
#pragma once

#include <filesystem>

#include "set_split.h"

namespace newsfuse::bench {

// Prints "extraction_dragnet group=... ..." lines and the paper's published
// figures; with `worst` > 0 the worst pages of each printed group. Prints
// "skipped: ..." when `dir` has no pages.tsv.
void DragnetBodies(const std::filesystem::path& dir, HalfSelection halves, int worst);

}  // namespace newsfuse::bench
