// The PolNeAR test split as the evaluator needs it: each article's text and
// its gold attributions (BRAT standoff), spans in code points as BRAT counts
// them. Read in place from ../shared/bench/polnear-test; see its SOURCE.md.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace newsfuse::bench {

// A half-open code-point range; a discontinuous BRAT span is kept as its
// extent (first begin to last end), which is how a split quote
// ("A," he said, "B.") is scored against our two halves merged.
struct CpSpan {
  uint32_t begin = 0;
  uint32_t end = 0;
  bool operator==(const CpSpan&) const = default;
  bool operator<(const CpSpan& o) const { return begin != o.begin ? begin < o.begin : end < o.end; }
};

struct GoldAttribution {
  CpSpan content;
  bool has_source = false;
  CpSpan source;
  CpSpan cue;
};

struct PolnearDoc {
  std::string name;       // file stem
  std::string annotator;  // the .ann suffix
  std::string text;
  std::vector<GoldAttribution> gold;
};

// Reads one .ann file's attribution events.
std::vector<GoldAttribution> ReadAnn(const std::filesystem::path& path);

// One document per article, scored against the first annotator metadata
// lists for it (two articles were annotated by six people; the others by one).
std::vector<PolnearDoc> ReadPolnear(const std::filesystem::path& dir);

// The split's metadata file, metadata_<split>.tsv, or an empty path when the
// folder holds none.
std::filesystem::path MetadataPath(const std::filesystem::path& dir);

// Every annotator's version of the articles annotated by several people:
// the material for the human-agreement reference.
std::vector<std::vector<PolnearDoc>> ReadMultiAnnotated(const std::filesystem::path& dir);

}  // namespace newsfuse::bench
