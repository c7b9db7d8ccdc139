// Title and author agreement with the Readability test pages' expected
// metadata (../shared/bench/readability-testpages, scored as its SOURCE.md
// suggests): title exact and contained, byline contained after a leading
// "By"/"Par"/"Von" is dropped, and over-extraction (an author given where the
// expected byline is null). The references are Readability.js's own output,
// not human gold, so these are agreement figures.
#pragma once

#include <filesystem>

namespace newsfuse::bench {

// Prints one "extraction_readability_meta ..." line, and with `misses` one line
// per disagreeing page. Prints "skipped: ..." when `dir` has no index.csv.
void ReadabilityMetadata(const std::filesystem::path& dir, bool misses);

}  // namespace newsfuse::bench
