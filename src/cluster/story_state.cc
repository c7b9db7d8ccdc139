#include "cluster/story_state.h"

#include <algorithm>

namespace newsfuse::cluster {

void AddInto(Centroid& c, const TermWeights& tf, std::vector<uint32_t>* new_terms) {
  Centroid merged;
  merged.reserve(c.size() + tf.size());
  auto a = c.begin();
  auto b = tf.begin();
  while (a != c.end() || b != tf.end()) {
    if (b == tf.end() || (a != c.end() && a->first < b->first)) {
      merged.push_back(*a++);
    } else if (a == c.end() || b->first < a->first) {
      if (new_terms) new_terms->push_back(b->first);
      merged.push_back(*b++);
    } else {
      merged.emplace_back(a->first, a->second + b->second);
      ++a;
      ++b;
    }
  }
  c.swap(merged);
}

namespace {
bool Heavier(const std::pair<uint32_t, double>& a, const std::pair<uint32_t, double>& b) {
  return a.second != b.second ? a.second > b.second : a.first < b.first;
}
}  // namespace

std::vector<uint32_t> TopTerms(const Centroid& c, size_t k) {
  Centroid all = c;
  k = std::min(k, all.size());
  std::partial_sort(all.begin(), all.begin() + k, all.end(), Heavier);
  std::vector<uint32_t> out;
  out.reserve(k);
  for (size_t i = 0; i < k; ++i) out.push_back(all[i].first);
  return out;
}

std::vector<uint32_t> Trim(Centroid& c, size_t k) {
  std::vector<uint32_t> dropped;
  if (c.size() <= k) return dropped;
  std::nth_element(c.begin(), c.begin() + k, c.end(), Heavier);
  for (auto it = c.begin() + k; it != c.end(); ++it) dropped.push_back(it->first);
  c.resize(k);
  std::sort(c.begin(), c.end());
  c.shrink_to_fit();
  std::sort(dropped.begin(), dropped.end());
  return dropped;
}

void StoryState::AddDay(double day) {
  if (std::isnan(day)) return;
  if (std::isnan(first_day) || day < first_day) first_day = day;
  if (std::isnan(last_day) || day > last_day) last_day = day;
}

void StoryState::Absorb(StoryState& other, std::vector<uint32_t>& new_terms) {
  AddInto(words, other.words, &new_terms);
  AddInto(names, other.names, nullptr);
  AddInto(entities, other.entities, nullptr);
  AddInto(titles, other.titles, nullptr);
  AddInto(actors, other.actors, nullptr);
  AddInto(days, other.days, nullptr);
  AddInto(years, other.years, nullptr);
  dated_by_year += other.dated_by_year;
  for (auto& anchor : other.anchors) {
    if (anchors.size() >= kMaxAnchors) break;
    anchors.push_back(std::move(anchor));
  }
  AddDay(other.first_day);
  AddDay(other.last_day);
  last_seq = std::max(last_seq, other.last_seq);
  story.article_ids.insert(story.article_ids.end(), other.story.article_ids.begin(),
                           other.story.article_ids.end());
  story.copy_of.merge(other.story.copy_of);
  norm_dirty = true;
}

double StoryState::GapDays(double day) const {
  if (std::isnan(day) || std::isnan(first_day)) return kNoDay;
  if (day < first_day) return first_day - day;
  if (day > last_day) return day - last_day;
  return 0;
}

void StoryState::Release() {
  std::vector<TermWeights>().swap(anchors);
  std::vector<double>().swap(anchor_norms2);
  Centroid().swap(words);
  Centroid().swap(names);
  Centroid().swap(entities);
  Centroid().swap(titles);
  Centroid().swap(actors);
  TermWeights().swap(days);
  TermWeights().swap(years);
  std::vector<std::string>().swap(story.article_ids);
  story.copy_of.clear();
  std::vector<uint32_t>().swap(dormant_terms);
}

}  // namespace newsfuse::cluster
