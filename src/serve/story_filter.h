// The filters of GET /api/stories: since=, until=, outlet= here; q= becomes
// a set of story ids (the stories of the best search hits) in api.cc.
#pragma once

#include <optional>
#include <set>
#include <string>

#include "core/status.h"
#include "serve/api.h"
#include "store/store.h"

namespace newsfuse::serve {

struct StoryFilter {
  // Days, YYYY-MM-DD: a story is kept when its dated span [first_seen,
  // last_seen] reaches into [since, until]; an undated story never is.
  std::optional<std::string> since, until;
  std::optional<std::string> outlet;  // one of its outlets, ASCII case ignored
  std::optional<std::set<std::string>> story_ids;
};

// since, until and outlet from `params`; kUsage naming the parameter for a
// day that is not a calendar day, since after until, a repeated parameter,
// or an outlet that is empty or not UTF-8.
Result<StoryFilter> ParseStoryFilter(const Params& params);

bool Keeps(const StoryFilter& filter, const StoryRow& row);

}  // namespace newsfuse::serve
