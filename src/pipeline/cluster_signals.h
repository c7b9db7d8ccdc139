// The analysis results the clusterer reads, kept with each stored article
// (Store::PutArticleSignals), so bringing the clusterer in step with the
// store replays stored decisions without re-analysing every article.
//
// StoryClusterer reads from an AnnotatedArticle the article itself, the
// entities' keys and types and the date and time expressions' values (see
// cluster.cc's Prepare and event_evidence.cc); the signals are exactly
// those, so an article rebuilt from them is clustered as the full analysis
// would be. ClusterSignalsAnalyser() names the code behind them (the
// analysis and this codec, by build id): signals kept by another build are
// recomputed. The clusterer's own code is not part of that name: what it
// reads is what this codec keeps (signals_test checks that it decides alike
// from signals and from the full analysis), so a clusterer that starts
// reading more must change this codec, which changes the name.
#pragma once

#include <string>
#include <string_view>

#include "core/records.h"
#include "core/status.h"

namespace newsfuse {

// What made the signals this build writes and accepts.
std::string ClusterSignalsAnalyser();

// What made the clusterer's kept state this build writes and accepts: the
// signals' code plus the clusterer's. A state kept by another is replayed
// from the signals (no analysis when only the clusterer changed).
std::string ClusterStateBuilder();

// The signals of an analysed article (JSON).
std::string EncodeClusterSignals(const AnnotatedArticle& analysed);

// `article` with the annotations of `signals` (entities and date
// expressions, with no spans or other fields), as the clusterer sees it.
// kBadInput when the signals do not parse; `article` is then untouched.
Result<AnnotatedArticle> DecodeClusterSignals(Article& article, std::string_view signals);

}  // namespace newsfuse
