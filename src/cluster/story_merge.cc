#include "cluster/story_merge.h"

#include <algorithm>
#include <cmath>

#include "cluster/event_evidence.h"

namespace newsfuse::cluster {

double StreamIdf::operator()(uint32_t term) const {
  const double d = term < df->size() ? (*df)[term] : 0.0;
  return std::log((static_cast<double>(docs) + 1.0) / (d + 1.0)) + 1.0;
}

double CentroidCosine(const Centroid& a, const Centroid& b, const StreamIdf& idf) {
  double dot = 0, a2 = 0, b2 = 0;
  auto i = a.begin();
  auto j = b.begin();
  while (i != a.end() || j != b.end()) {
    if (j == b.end() || (i != a.end() && i->first < j->first)) {
      const double x = i->second * idf(i->first);
      a2 += x * x;
      ++i;
    } else if (i == a.end() || j->first < i->first) {
      const double y = j->second * idf(j->first);
      b2 += y * y;
      ++j;
    } else {
      const double w = idf(i->first);
      const double x = i->second * w, y = j->second * w;
      dot += x * y;
      a2 += x * x;
      b2 += y * y;
      ++i;
      ++j;
    }
  }
  return a2 > 0 && b2 > 0 ? dot / std::sqrt(a2 * b2) : 0;
}

StoryPairFeatures CompareStories(const StoryState& a, const StoryState& b, const StreamIdf& idf,
                                 double min_cosine) {
  StoryPairFeatures f;
  f.cosine = CentroidCosine(a.words, b.words, idf);
  if (f.cosine < min_cosine) return f;
  f.title_cosine = CentroidCosine(a.titles, b.titles, idf);
  f.name_cosine = CentroidCosine(a.names, b.names, idf);
  f.entity_cosine = CentroidCosine(a.entities, b.entities, idf);
  if (!a.actors.empty() && !b.actors.empty()) {
    f.actors_known = 1;
    f.actor_cosine = CentroidCosine(a.actors, b.actors, idf);
  }
  if (!a.days.empty() && !b.days.empty()) {
    f.days_known = 1;
    std::vector<DayKey> days;
    days.reserve(b.days.size());
    for (const auto& [d, n] : b.days) days.push_back(d);
    f.day_shared = ShareDay(days, a.days) ? 1 : 0;
  }
  const auto na = static_cast<double>(a.story.article_ids.size());
  const auto nb = static_cast<double>(b.story.article_ids.size());
  f.log_small = std::log1p(std::min(na, nb));
  f.log_large = std::log1p(std::max(na, nb));
  if (!std::isnan(a.first_day) && !std::isnan(b.first_day)) {
    f.dates_known = 1;
    const double gap = std::max({0.0, a.first_day - b.last_day, b.first_day - a.last_day});
    f.log_gap = std::log1p(gap);
  }
  return f;
}

double StoryMergeScore(const StoryMergeWeights& w, const StoryPairFeatures& f) {
  const double z = w.bias + w.cosine * f.cosine + w.title_cosine * f.title_cosine +
                   w.name_cosine * f.name_cosine + w.entity_cosine * f.entity_cosine +
                   w.actors_known * f.actors_known + w.actor_cosine * f.actor_cosine +
                   w.days_known * f.days_known + w.day_shared * f.day_shared +
                   w.log_small * f.log_small + w.log_large * f.log_large +
                   w.dates_known * f.dates_known + w.log_gap * f.log_gap;
  return 1.0 / (1.0 + std::exp(-z));
}

bool SameEvent(const StoryMergeWeights& w, const StoryPairFeatures& f) {
  if (w.min_cosine <= 0 || f.cosine < w.min_cosine) return false;
  return StoryMergeScore(w, f) >= w.threshold;
}

bool StoryCheckpoint(size_t members) {
  for (size_t at = 2; at <= members; at += (at + 1) / 2) {
    if (at == members) return true;
  }
  return false;
}

}  // namespace newsfuse::cluster
