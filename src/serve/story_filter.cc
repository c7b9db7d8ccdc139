#include "serve/story_filter.h"

#include <algorithm>

#include "core/date.h"
#include "core/utf8.h"

namespace newsfuse::serve {
namespace {

constexpr size_t kMaxOutletBytes = 200;

Result<std::optional<std::string>> Day(const Params& params, const std::string& name) {
  auto text = OneParam(params, name);
  if (!text.ok() || !*text) return text;
  auto date = DateTime::ParseIso(**text);
  if ((*text)->size() != 10 || !date || date->precision != DatePrecision::kDay) {
    return Status::Usage(name + " must be a calendar day, YYYY-MM-DD");
  }
  return text;
}

// A stored date as a day to compare with since/until: a coarser date ("2026",
// "2026-02") stands for its first day, a finer one for its own day.
std::string AsDay(const std::string& iso) {
  if (iso.size() == 4) return iso + "-01-01";
  if (iso.size() == 7) return iso + "-01";
  return iso.substr(0, 10);
}

bool SameOutlet(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    auto fold = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    return fold(x) == fold(y);
  });
}

}  // namespace

Result<StoryFilter> ParseStoryFilter(const Params& params) {
  StoryFilter filter;
  auto since = Day(params, "since");
  if (!since.ok()) return since.status();
  auto until = Day(params, "until");
  if (!until.ok()) return until.status();
  filter.since = *since;
  filter.until = *until;
  if (filter.since && filter.until && *filter.since > *filter.until) {
    return Status::Usage("since is after until");
  }
  auto outlet = OneParam(params, "outlet");
  if (!outlet.ok()) return outlet.status();
  if (*outlet) {
    if ((*outlet)->empty() || (*outlet)->size() > kMaxOutletBytes || FirstInvalidUtf8(**outlet)) {
      return Status::Usage("outlet must be 1 to " + std::to_string(kMaxOutletBytes) +
                           " bytes of UTF-8");
    }
    filter.outlet = *outlet;
  }
  return filter;
}

bool Keeps(const StoryFilter& filter, const StoryRow& row) {
  if (filter.since || filter.until) {
    if (row.first_seen.empty() || row.last_seen.empty()) return false;
    if (filter.since && AsDay(row.last_seen) < *filter.since) return false;
    if (filter.until && AsDay(row.first_seen) > *filter.until) return false;
  }
  if (filter.outlet &&
      std::none_of(row.outlets.begin(), row.outlets.end(),
                   [&](const std::string& outlet) { return SameOutlet(outlet, *filter.outlet); })) {
    return false;
  }
  if (filter.story_ids && !filter.story_ids->contains(row.story.id)) return false;
  return true;
}

}  // namespace newsfuse::serve
