// Timestamps in visible text. A scraped page shows its dates as short runs
// of tokens: "2026-02-06 04:04", "- Updated", "Feb. 5, 2026 9:30 am EST",
// "Last Updated At:06:17". We read a line token by token; each token is a
// date, a time, a label word from furniture.txt ("updated", "posted", "at",
// "GMT"), a separator, or "other". Internal to src/extract; pure.
#pragma once

#include <string_view>
#include <vector>

#include "core/date.h"

namespace newsfuse::extract_internal {

struct TimestampScan {
  struct Stamp {
    DateTime when;  // year == 0 when the text gave no year (time-only: month == 0 too)
    bool has_date = false;
    bool has_time = false;
    bool updated = false;  // an "updated"-kind label came before it on the line
  };
  std::vector<Stamp> stamps;
  int other_tokens = 0;  // words that are neither date, time, label nor separator
  int label_tokens = 0;
  bool has_updated_label = false;
  // Only dates, times, labels and separators, with at least one date or time:
  // the line is a timestamp, page furniture.
  bool IsTimestampLine() const { return other_tokens == 0 && !stamps.empty(); }
  // Only labels ("- Input", "Updated"): announces the next line's timestamp.
  bool IsLabelLine() const { return other_tokens == 0 && stamps.empty() && label_tokens > 0; }
};
TimestampScan ScanTimestamps(std::string_view line);

}  // namespace newsfuse::extract_internal
