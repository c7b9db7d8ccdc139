// The event gate (issue 12, internal to cluster): when words alone are
// ambiguous, a join needs evidence of the same *event*.
//
// At a word cosine of 0.2-0.4 an article and a story are as often two events
// of one topic (a trade-war piece and a Hong Kong siege, two NASA missions,
// Black Friday deals and a laptop review) as one event, and the logistic
// score does not tell them apart: names of the topic's people and shared
// boilerplate raise it either way. Below `event_band_cosine` the pair must
// also share the headline's words (a headline names the event) or its
// actors (people and named things, not places: cluster/event_evidence.h).
#pragma once

#include "cluster/cluster.h"

namespace newsfuse::cluster {

// Whether an (article, story) pair may join (or bridge) under the gate;
// always true when the gate is off (event_band_cosine 0) or the word cosine
// is at or above the band.
bool EventEvidence(const ScoreWeights& w, const PairFeatures& f);

}  // namespace newsfuse::cluster
