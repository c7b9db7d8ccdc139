// Folds story membership rows into StoryRows, private to the store.
//
// Done in C++ rather than SQL because the ordering is over DateTimes, not
// strings: ISO text of mixed precision and UTC offsets does not sort by time
// ("2026-02-06T01:00+09:00" is earlier than "2026-02-05T20:00Z").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/status.h"
#include "store/store.h"

namespace newsfuse::store_internal {

// One article of one story, as the membership query returns it.
struct MemberRow {
  std::string story_id;
  std::string article_id;
  std::string title;
  std::string outlet;
  std::string published;  // ISO 8601, empty when unknown
  std::string copy_of;    // the original's article id, empty when not a copy
};

// A point in time comparable across precisions and offsets: UTC seconds of
// the stated instant (unstated parts count as their start), then precision so
// "2026-02" sorts before "2026-02-01".
struct TimeKey {
  int64_t utc_seconds = 0;
  int precision = 0;
  auto operator<=>(const TimeKey&) const = default;
};
TimeKey TimeKeyOf(const DateTime& t);

class StoryRowBuilder {
 public:
  // Rows must arrive grouped by story, each story's in ingest order.
  Status Add(MemberRow row);
  // Most recent last_seen first, undated stories last, then by id.
  std::vector<StoryRow> Finish();

 private:
  struct Pending {
    StoryRow row;
    std::optional<TimeKey> first;
    std::optional<TimeKey> last;
    std::string first_title;  // first non-empty title in ingest order
  };
  std::vector<Pending> stories_;
};

}  // namespace newsfuse::store_internal
