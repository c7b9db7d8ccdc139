#include "serve/report_cache.h"

#include "core/hash.h"

namespace newsfuse::serve {

std::string StoryVersion(const Story& story, std::string_view salt) {
  std::string text = "report-schema " + std::to_string(StoryReport::kSchemaVersion) + "\n";
  text += salt;
  text += "\n" + story.id + "\n";
  for (const auto& id : story.article_ids) {
    text += id;
    auto copy = story.copy_of.find(id);
    if (copy != story.copy_of.end()) text += " copy-of " + copy->second;
    text += "\n";
  }
  return "\"" + ContentHash(text) + "\"";
}

std::optional<std::string> EtagMemo::Find(const std::string& story_id, int64_t store_version) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = by_story_.find(story_id);
  if (it == by_story_.end() || it->second.first != store_version) return std::nullopt;
  return it->second.second;
}

void EtagMemo::Put(const std::string& story_id, int64_t store_version, std::string etag) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (by_story_.size() >= max_entries_ && !by_story_.contains(story_id)) by_story_.clear();
  by_story_[story_id] = {store_version, std::move(etag)};
}

std::shared_ptr<const std::string> ReportCache::Find(const std::string& key) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = index_.find(key);
  if (it == index_.end()) {
    ++misses_;
    return nullptr;
  }
  ++hits_;
  order_.splice(order_.begin(), order_, it->second);
  return it->second->second;
}

void ReportCache::Put(const std::string& key, std::shared_ptr<const std::string> body) {
  if (!body || body->size() > max_bytes_) return;
  std::lock_guard<std::mutex> lock(mutex_);
  if (index_.count(key)) return;
  bytes_ += body->size();
  order_.emplace_front(key, std::move(body));
  index_[key] = order_.begin();
  while (bytes_ > max_bytes_ && !order_.empty()) {
    bytes_ -= order_.back().second->size();
    index_.erase(order_.back().first);
    order_.pop_back();
  }
}

}  // namespace newsfuse::serve
