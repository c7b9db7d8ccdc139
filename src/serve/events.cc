#include "serve/events.h"

#include <nlohmann/json.hpp>

#include "serve/report_cache.h"

namespace newsfuse::serve {
namespace {

constexpr size_t kKeptEvents = 512;

std::string StoryData(const StoryRow& row, const std::string& version) {
  auto date = [](const std::string& iso) {
    return iso.empty() ? nlohmann::json() : nlohmann::json(iso);
  };
  return nlohmann::json{{"id", row.story.id},
                        {"version", version},
                        {"headline", row.headline},
                        {"articles", row.story.article_ids.size()},
                        {"first_seen", date(row.first_seen)},
                        {"last_seen", date(row.last_seen)},
                        {"outlets", row.outlets}}
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

EventHub::EventHub(std::string db_path, std::string salt, std::chrono::milliseconds poll_every)
    : db_path_(std::move(db_path)), salt_(std::move(salt)), poll_every_(poll_every) {
  thread_ = std::thread([this] { Run(); });
}

EventHub::~EventHub() {
  Close();
  if (thread_.joinable()) thread_.join();
}

void EventHub::Poke() {
  std::lock_guard<std::mutex> lock(mutex_);
  poked_ = true;
  wake_.notify_one();
}

void EventHub::Close() {
  std::lock_guard<std::mutex> lock(mutex_);
  closed_ = true;
  wake_.notify_one();
  changed_.notify_all();
}

void EventHub::Run() {
  for (;;) {
    Check();
    std::unique_lock<std::mutex> lock(mutex_);
    wake_.wait_for(lock, poll_every_, [this] { return poked_ || closed_; });
    if (closed_) return;
    poked_ = false;
  }
}

// A failure (the store busy, a broken connection) is tried again at the
// next poll with a fresh connection; clients see nothing of it.
void EventHub::Check() {
  if (!store_) {
    StoreOptions options;
    options.read_only = true;
    options.busy_timeout_ms = 2000;
    auto store = OpenStoreAt(db_path_, options);
    if (!store.ok()) return;
    store_ = std::move(store).value();
    seen_data_version_.reset();
  }
  auto data_version = store_->DataVersion();
  if (!data_version.ok()) {
    store_.reset();
    return;
  }
  const bool first = !seen_data_version_ && versions_.empty();
  if (seen_data_version_ == *data_version) return;
  auto rows = store_->ListStories();
  if (!rows.ok()) {
    store_.reset();
    return;
  }
  std::map<std::string, std::string> now;
  std::vector<std::pair<std::string, std::string>> found;  // type, data
  for (const StoryRow& row : *rows) {
    const std::string version = StoryVersion(row.story, salt_);
    now.emplace(row.story.id, version);
    auto before = versions_.find(row.story.id);
    if (before == versions_.end()) {
      found.emplace_back("story-created", StoryData(row, version));
    } else if (before->second != version) {
      found.emplace_back("story-updated", StoryData(row, version));
    }
  }
  for (const auto& [id, version] : versions_) {
    if (!now.contains(id)) {
      found.emplace_back("story-removed", nlohmann::json{{"id", id}}.dump());
    }
  }
  versions_ = std::move(now);
  seen_data_version_ = *data_version;
  // What the store held when the server started is the baseline, not news.
  if (first || found.empty()) return;
  std::lock_guard<std::mutex> lock(mutex_);
  for (auto& [type, data] : found) {
    recent_.push_back(StoryEvent{next_id_++, std::move(type), std::move(data)});
    if (recent_.size() > kKeptEvents) recent_.pop_front();
  }
  changed_.notify_all();
}

EventHub::Batch EventHub::After(uint64_t after, std::chrono::milliseconds wait) {
  std::unique_lock<std::mutex> lock(mutex_);
  Batch batch;
  const uint64_t last = next_id_ - 1;
  if (after > last || (!recent_.empty() && after + 1 < recent_.front().id)) {
    batch.gap = true;
    return batch;
  }
  changed_.wait_for(lock, wait, [&] { return closed_ || next_id_ - 1 > after; });
  batch.closed = closed_;
  for (const StoryEvent& event : recent_) {
    if (event.id > after) batch.events.push_back(event);
  }
  return batch;
}

uint64_t EventHub::last_id() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return next_id_ - 1;
}

bool EventHub::TryJoin(size_t max_clients) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (clients_ >= max_clients) return false;
  ++clients_;
  return true;
}

void EventHub::Leave() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (clients_ > 0) --clients_;
}

}  // namespace newsfuse::serve
