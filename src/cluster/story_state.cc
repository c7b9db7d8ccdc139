#include "cluster/story_state.h"

#include <algorithm>

namespace newsfuse::cluster {

void AddInto(Centroid& c, const TermWeights& tf, std::vector<uint32_t>* new_terms) {
  for (const auto& [t, w] : tf) {
    auto [it, inserted] = c.try_emplace(t, 0.0);
    if (inserted && new_terms) new_terms->push_back(t);
    it->second += w;
  }
}

std::vector<uint32_t> TopTerms(const Centroid& c, size_t k) {
  std::vector<std::pair<uint32_t, double>> all(c.begin(), c.end());
  k = std::min(k, all.size());
  std::partial_sort(all.begin(), all.begin() + k, all.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  std::vector<uint32_t> out;
  out.reserve(k);
  for (size_t i = 0; i < k; ++i) out.push_back(all[i].first);
  return out;
}

std::vector<uint32_t> Trim(Centroid& c, size_t k) {
  std::vector<uint32_t> dropped;
  if (c.size() <= k) return dropped;
  Centroid kept;
  kept.reserve(k);
  for (uint32_t t : TopTerms(c, k)) kept.emplace(t, c[t]);
  for (const auto& [t, w] : c) {
    if (!kept.count(t)) dropped.push_back(t);
  }
  std::sort(dropped.begin(), dropped.end());
  c = std::move(kept);  // a fresh table: the old one's buckets are freed
  return dropped;
}

void StoryState::AddDay(double day) {
  if (std::isnan(day)) return;
  if (std::isnan(first_day) || day < first_day) first_day = day;
  if (std::isnan(last_day) || day > last_day) last_day = day;
}

void StoryState::Absorb(StoryState& other, std::vector<uint32_t>& new_terms) {
  for (const auto& [t, w] : other.words) {
    auto [it, inserted] = words.try_emplace(t, 0.0);
    if (inserted) new_terms.push_back(t);
    it->second += w;
  }
  for (const auto& [t, w] : other.names) names[t] += w;
  for (const auto& [t, w] : other.entities) entities[t] += w;
  AddDay(other.first_day);
  AddDay(other.last_day);
  last_seq = std::max(last_seq, other.last_seq);
  story.article_ids.insert(story.article_ids.end(), other.story.article_ids.begin(),
                           other.story.article_ids.end());
  norm_dirty = true;
}

double StoryState::GapDays(double day) const {
  if (std::isnan(day) || std::isnan(first_day)) return kNoDay;
  if (day < first_day) return first_day - day;
  if (day > last_day) return day - last_day;
  return 0;
}

void StoryState::Release() {
  Centroid().swap(words);
  Centroid().swap(names);
  Centroid().swap(entities);
  std::vector<std::string>().swap(story.article_ids);
  std::vector<uint32_t>().swap(dormant_terms);
}

}  // namespace newsfuse::cluster
