// Names of the code that built a cached result, derived from its sources at
// build time (src/pipeline/source_ids.cmake), so a cache keyed by them is
// invalidated by any change to that code, with no revision to bump by hand.
#pragma once

#include <string_view>

namespace newsfuse {

// Hash of what decides an article's analysis: src/core, src/text,
// src/analyze and the word lists under data/text and data/analyze.
std::string_view AnalysisBuildId();

// Hash of what decides a story's report: the analysis inputs plus src/fuse
// and src/render.
std::string_view ReportBuildId();

// Hash of what decides the analysis results kept for the clusterer
// (cluster_signals.h): the analysis inputs plus the codec. The clusterer's
// code is not in it: the codec alone picks what is kept, so a change to
// src/cluster leaves every stored article's signals valid.
std::string_view ClusterSignalsBuildId();

// Hash of what decides the clusterer's kept state (StoryClusterer::
// TakeStateChanges): the signals' inputs plus src/cluster.
std::string_view ClusterStateBuildId();

}  // namespace newsfuse
