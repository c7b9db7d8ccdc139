// The scoring model's arithmetic and its weights file.
//
// data/cluster/weights.txt is compiled in (see CMakeLists.txt): the model is
// part of the algorithm, so a binary must not run with weights from another
// version, and Cluster stays free of I/O.
#include <cmath>
#include <cstdlib>
#include <string>

#include "cluster/cluster.h"

namespace newsfuse {
namespace {

#include "embedded_weights.inc"

double* Field(ScoreWeights& w, std::string_view name) {
  if (name == "bias") return &w.bias;
  if (name == "cosine") return &w.cosine;
  if (name == "entity_cosine") return &w.entity_cosine;
  if (name == "name_cosine") return &w.name_cosine;
  if (name == "entities_known") return &w.entities_known;
  if (name == "log_gap_days") return &w.log_gap_days;
  if (name == "dates_known") return &w.dates_known;
  if (name == "title_cosine") return &w.title_cosine;
  if (name == "heavy_share") return &w.heavy_share;
  if (name == "log_story_size") return &w.log_story_size;
  if (name == "actor_cosine") return &w.actor_cosine;
  if (name == "actors_known") return &w.actors_known;
  if (name == "day_match") return &w.day_match;
  if (name == "days_known") return &w.days_known;
  if (name == "year_share") return &w.year_share;
  if (name == "years_known") return &w.years_known;
  if (name == "day_max_share") return &w.day_max_share;
  if (name == "join_threshold") return &w.join_threshold;
  if (name == "merge_threshold") return &w.merge_threshold;
  if (name == "join_min_cosine") return &w.join_min_cosine;
  if (name == "merge_min_story_cosine") return &w.merge_min_story_cosine;
  if (name == "merge_min_actor_cosine") return &w.merge_min_actor_cosine;
  if (name == "event_band_cosine") return &w.event_band_cosine;
  if (name == "event_min_title") return &w.event_min_title;
  if (name == "event_min_actor") return &w.event_min_actor;
  if (name == "anchor_min_cosine") return &w.anchor_min_cosine;
  if (name == "story_bias") return &w.story_merge.bias;
  if (name == "story_cosine") return &w.story_merge.cosine;
  if (name == "story_title_cosine") return &w.story_merge.title_cosine;
  if (name == "story_name_cosine") return &w.story_merge.name_cosine;
  if (name == "story_entity_cosine") return &w.story_merge.entity_cosine;
  if (name == "story_actors_known") return &w.story_merge.actors_known;
  if (name == "story_actor_cosine") return &w.story_merge.actor_cosine;
  if (name == "story_days_known") return &w.story_merge.days_known;
  if (name == "story_day_shared") return &w.story_merge.day_shared;
  if (name == "story_log_small") return &w.story_merge.log_small;
  if (name == "story_log_large") return &w.story_merge.log_large;
  if (name == "story_dates_known") return &w.story_merge.dates_known;
  if (name == "story_log_gap") return &w.story_merge.log_gap;
  if (name == "story_threshold") return &w.story_merge.threshold;
  if (name == "story_min_cosine") return &w.story_merge.min_cosine;
  return nullptr;
}

}  // namespace

double ScoreWeights::Score(const PairFeatures& f) const {
  const double z =
      bias + cosine * f.cosine + entity_cosine * f.entity_cosine + name_cosine * f.name_cosine +
      entities_known * f.entities_known + log_gap_days * f.log_gap_days +
      dates_known * f.dates_known + title_cosine * f.title_cosine + heavy_share * f.heavy_share +
      log_story_size * f.log_story_size + actor_cosine * f.actor_cosine +
      actors_known * f.actors_known + day_match * f.day_match + days_known * f.days_known +
      year_share * f.year_share + years_known * f.years_known;
  return 1.0 / (1.0 + std::exp(-z));
}

std::optional<ScoreWeights> ScoreWeights::Parse(std::string_view text) {
  ScoreWeights w;
  int seen = 0;
  while (!text.empty()) {
    const size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    const size_t b = line.find_first_not_of(" \t\r");
    if (b == std::string_view::npos || line[b] == '#') continue;
    line = line.substr(b);
    const size_t sp = line.find_first_of(" \t");
    if (sp == std::string_view::npos) return std::nullopt;
    double* field = Field(w, line.substr(0, sp));
    if (!field) return std::nullopt;
    const std::string value(line.substr(sp + 1));
    char* end = nullptr;
    *field = std::strtod(value.c_str(), &end);
    if (end == value.c_str() || !std::isfinite(*field)) return std::nullopt;
    ++seen;
  }
  if (seen < 3) return std::nullopt;  // at least bias, cosine and a threshold
  return w;
}

const ScoreWeights& ScoreWeights::Fitted() {
  static const ScoreWeights weights = [] {
    auto parsed = Parse(kWeightsData);
    // The file is checked by tests/cluster; a broken one must not silently
    // cluster with zero weights.
    if (!parsed) std::abort();
    return *parsed;
  }();
  return weights;
}

}  // namespace newsfuse
