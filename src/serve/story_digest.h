// What the story list shows of a story beyond the store's row (issue 14):
// how many of its articles came out on each day, for the coverage
// sparkline, and how many disagreements its report holds, for the
// "disputed" badge. Both are read off the story's report, so the list and
// the story page never disagree; a digest is kept per story version.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/records.h"

namespace newsfuse::serve {

struct StoryDigest {
  // Articles published on each day from `first_day` on, one count per day,
  // days without any included (so the counts draw a time axis as they are).
  std::string first_day;  // "YYYY-MM-DD"; empty when no article has a day
  std::vector<int> articles_per_day;
  int undated = 0;  // articles without a day of publication
  int conflicts = 0;
};

// At most this many days are drawn: a longer story keeps its latest days.
inline constexpr int kMaxDigestDays = 366;

StoryDigest DigestOf(const StoryReport& report);

// Digests by story version (the ETag); past `max_entries` it starts again
// empty, as EtagMemo does.
class DigestMemo {
 public:
  explicit DigestMemo(size_t max_entries) : max_entries_(max_entries) {}
  std::optional<StoryDigest> Find(const std::string& version);
  void Put(const std::string& version, StoryDigest digest);

 private:
  size_t max_entries_;
  std::mutex mutex_;
  std::unordered_map<std::string, StoryDigest> by_version_;
};

}  // namespace newsfuse::serve
