#include "serve/story_digest.h"

#include <algorithm>

#include "core/date.h"

namespace newsfuse::serve {

StoryDigest DigestOf(const StoryReport& report) {
  StoryDigest digest;
  digest.conflicts = static_cast<int>(report.conflicts.size());
  std::vector<int64_t> days;
  for (const ReportSource& source : report.sources) {
    auto published = DateTime::ParseIso(source.published);
    // A month or a year is no day to draw it on.
    if (!published || published->precision < DatePrecision::kDay) {
      ++digest.undated;
      continue;
    }
    days.push_back(published->DaysSinceEpoch());
  }
  if (days.empty()) return digest;
  const auto [lo_it, hi_it] = std::minmax_element(days.begin(), days.end());
  const int64_t last = *hi_it;
  const int64_t first = std::max(*lo_it, last - (kMaxDigestDays - 1));
  digest.articles_per_day.assign(static_cast<size_t>(last - first + 1), 0);
  for (int64_t day : days) {
    // Older than the kept days: not drawn (a spike on the first day would say
    // something that did not happen).
    if (day >= first) ++digest.articles_per_day[static_cast<size_t>(day - first)];
  }
  digest.first_day = DateFromDaysSinceEpoch(first).ToIso().substr(0, 10);
  return digest;
}

std::optional<StoryDigest> DigestMemo::Find(const std::string& version) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = by_version_.find(version);
  if (it == by_version_.end()) return std::nullopt;
  return it->second;
}

std::optional<StoryDigest> DigestMemo::FindLatest(const std::string& story_id) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = by_story_.find(story_id);
  if (it == by_story_.end()) return std::nullopt;
  return it->second;
}

void DigestMemo::Put(const std::string& version, const std::string& story_id, StoryDigest digest) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (by_version_.size() >= max_entries_) by_version_.clear();
  if (by_story_.size() >= max_entries_) by_story_.clear();
  by_story_.insert_or_assign(story_id, digest);
  if (!version.empty()) by_version_.insert_or_assign(version, std::move(digest));
}

bool DigestMemo::BeginFusing(const std::string& story_id, bool wait) {
  std::unique_lock<std::mutex> lock(mutex_);
  if (wait) fused_.wait(lock, [&] { return !fusing_.contains(story_id); });
  return fusing_.insert(story_id).second;
}

void DigestMemo::EndFusing(const std::string& story_id) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    fusing_.erase(story_id);
  }
  fused_.notify_all();
}

}  // namespace newsfuse::serve
