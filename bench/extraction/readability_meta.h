// Title and author agreement with the Readability test pages' expected
// metadata (../shared/bench/readability-testpages, scored as its SOURCE.md
// suggests): title exact and contained, byline contained after a leading
// "By"/"Par"/"Von" is dropped, and over-extraction (an author given where the
// expected byline is null). The references are Readability.js's own output,
// not human gold, so these are agreement figures.
#pragma once

#include <filesystem>

#include "set_split.h"

namespace newsfuse::bench {

// Prints one "extraction_readability_meta half=..." line per selected half
// (and half=all when both are), and with `misses` one line per disagreeing page
// of the selected halves. The half is HalfOf(page folder name), the same fixed
// hash split as htmldate-eval and Dragnet. Prints "skipped: ..." when `dir`
// has no index.csv.
void ReadabilityMetadata(const std::filesystem::path& dir, HalfSelection halves, bool misses);

}  // namespace newsfuse::bench
