#include "decision_rows.h"

namespace newsfuse::bench {

DecisionRows::DecisionRows(const char* path) {
  if (path == nullptr || *path == '\0') return;
  out_ = std::fopen(path, "a");
  if (out_ == nullptr) return;
  std::fprintf(
      out_,
      "run\tevent\tposition\tevent_seen\tsame\tsize\tchosen\tcopy\tscore\tcosine\ttitle\tname\t"
      "entity\tentities_known\tactor\tactors_known\theavy\tdays_known\tday_match\t"
      "years_known\tyear_share\tdates_known\tlog_gap\tlog_size\tanchors_known\tanchor\n");
}

DecisionRows::~DecisionRows() {
  if (out_ != nullptr) std::fclose(out_);
}

void DecisionRows::StartRun() {
  ++run_;
  position_ = 0;
  members_.clear();
  seen_.clear();
}

void DecisionRows::Record(const std::string& gold, const ClusterDecision& d) {
  if (out_ == nullptr) return;
  for (const CandidateScore& c : d.candidates) {
    const auto& m = members_[c.story_id];
    int same = 0, size = 0;
    for (const auto& [event, n] : m) {
      size += n;
      if (event == gold) same = n;
    }
    const PairFeatures& f = c.features;
    std::fprintf(
        out_,
        "%d\t%s\t%zu\t%d\t%d\t%d\t%d\t%d\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f\t%.0f\t%.4f\t%.0f\t%.4f\t"
        "%.0f\t%.0f\t%.0f\t%.4f\t%.0f\t%.4f\t%.4f\t%.0f\t%.4f\n",
        run_, gold.c_str(), position_, seen_[gold], same, size, c.story_id == d.story_id ? 1 : 0,
        d.copy_of.empty() ? 0 : 1, c.score, f.cosine, f.title_cosine, f.name_cosine,
        f.entity_cosine, f.entities_known, f.actor_cosine, f.actors_known, f.heavy_share,
        f.days_known, f.day_match, f.years_known, f.year_share, f.dates_known, f.log_gap_days,
        f.log_story_size, f.anchors_known, f.anchor_cosine);
  }
  // The article joins its story, and the stories merged into it bring their members.
  auto& into = members_[d.story_id];
  for (const std::string& merged : d.merged) {
    auto it = members_.find(merged);
    if (it == members_.end() || merged == d.story_id) continue;
    for (const auto& [event, n] : it->second) into[event] += n;
    members_.erase(it);
  }
  members_[d.story_id][gold] += 1;
  ++seen_[gold];
  ++position_;
}

}  // namespace newsfuse::bench
