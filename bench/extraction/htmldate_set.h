// Publication dates on the htmldate evaluation set
// (../shared/bench/htmldate-eval: 1000 items, human-checked original
// publication day), scored by that set's own protocol (its SOURCE.md, after
// upstream tests/evaluation.py): HTML only, no URL; per item an output equal
// to the true day is TP, any other output FP, no output FN (no output on an
// undated item: TN and FN, upstream's quirk). P = TP/(TP+FP), R = TP/(TP+FN),
// accuracy = (TP+TN)/all, F = 2TP/(2TP+FP+FN), pooled over items.
//
// A date counts as output only at day precision (a month alone cannot name
// the day). The extractor's date is the first of JSON-LD, meta, itemprop,
// <time> and visible-text stamps; its field_sources tally is printed.
#pragma once

#include <filesystem>

#include "set_split.h"

namespace newsfuse::bench {

// Prints "extraction_htmldate half=... ..." lines for the halves selected,
// one per subset (default, mediacloud_2020) plus the pool, the published
// figures of htmldate and its peers (full set), and with `worst` > 0 up to
// that many misses per half. Prints "skipped: ..." when `dir` has no truth.tsv.
void HtmldateDates(const std::filesystem::path& dir, HalfSelection halves, int worst);

}  // namespace newsfuse::bench
