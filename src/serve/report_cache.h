// Rendered reports kept in memory, keyed by story version, so a story that
// has not changed is not fused again for every reader.
//
// A story's version (StoryVersion) is a hash of the articles it holds and of
// which are copies: articles are immutable (keyed by content), so the same
// members give the same report from the same build. A salt chosen when the
// server starts stands for "the same build": a restarted, perhaps newer,
// binary never answers 304 to a version an older one made.
#pragma once

#include <atomic>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/records.h"

namespace newsfuse::serve {

// A quoted strong entity tag ("\"<32 hex>\"") for `story` under `salt`.
std::string StoryVersion(const Story& story, std::string_view salt);

// The ETag (StoryVersion) last worked out for each story, with the store's
// version number of the story (Store::StoryVersion) it was worked out at.
// The number changes in the same commit as any change of the story's
// members, so while it is unchanged the ETag is too: a cached read then
// costs one indexed lookup instead of reading every member. Bounded: past
// `max_entries` stories it starts again empty.
class EtagMemo {
 public:
  explicit EtagMemo(size_t max_entries) : max_entries_(max_entries) {}
  std::optional<std::string> Find(const std::string& story_id, int64_t store_version);
  void Put(const std::string& story_id, int64_t store_version, std::string etag);

 private:
  size_t max_entries_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::pair<int64_t, std::string>> by_story_;
};

// Least recently used entries leave once the bodies pass `max_bytes`.
class ReportCache {
 public:
  explicit ReportCache(size_t max_bytes) : max_bytes_(max_bytes) {}

  std::shared_ptr<const std::string> Find(const std::string& key);
  void Put(const std::string& key, std::shared_ptr<const std::string> body);

  uint64_t hits() const { return hits_; }
  uint64_t misses() const { return misses_; }

 private:
  using Entry = std::pair<std::string, std::shared_ptr<const std::string>>;
  size_t max_bytes_;
  size_t bytes_ = 0;
  std::mutex mutex_;
  std::list<Entry> order_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
  std::atomic<uint64_t> hits_{0}, misses_{0};
};

}  // namespace newsfuse::serve
