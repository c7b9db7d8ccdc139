// What the story list shows of a story beyond the store's row (issue 14):
// how many of its articles came out on each day, for the coverage
// sparkline, and how many disagreements its report holds, for the
// "disputed" badge. Both are read off the story's report, so the list and
// the story page never disagree; a digest is kept per story version.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
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
//
// It also keeps the last digest of each story, and which stories are being
// fused for one: fusing a story of a hundred articles takes a few hundred
// milliseconds, and while an ingest keeps changing the newest stories every
// list read would otherwise fuse each of them again, once per reader at
// the same time (64 list readers beside an ingest: no list answered in 5 s).
// A reader that finds a story being fused takes its last digest instead.
class DigestMemo {
 public:
  explicit DigestMemo(size_t max_entries) : max_entries_(max_entries) {}
  std::optional<StoryDigest> Find(const std::string& version);
  // The digest last kept for the story, at whatever version.
  std::optional<StoryDigest> FindLatest(const std::string& story_id);
  // `version` empty: a digest of no version that can be named (the story
  // changed while it was fused), kept only as the story's last.
  void Put(const std::string& version, const std::string& story_id, StoryDigest digest);

  // True when the caller may fuse `story_id` now (no other thread is), and
  // then must call EndFusing; with `wait`, waits for its turn instead of
  // answering false.
  bool BeginFusing(const std::string& story_id, bool wait);
  void EndFusing(const std::string& story_id);

 private:
  size_t max_entries_;
  std::mutex mutex_;
  std::condition_variable fused_;
  std::unordered_map<std::string, StoryDigest> by_version_;
  std::unordered_map<std::string, StoryDigest> by_story_;
  std::unordered_set<std::string> fusing_;
};

}  // namespace newsfuse::serve
