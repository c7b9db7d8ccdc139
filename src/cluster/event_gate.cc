#include "cluster/event_gate.h"

namespace newsfuse::cluster {

bool EventEvidence(const ScoreWeights& w, const PairFeatures& f) {
  if (f.cosine >= w.event_band_cosine) return true;
  if (f.title_cosine >= w.event_min_title) return true;
  return f.actors_known > 0 && f.actor_cosine >= w.event_min_actor;
}

}  // namespace newsfuse::cluster
