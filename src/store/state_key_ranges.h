// The key ranges of the clusterer's kept rows outside some key prefixes
// (Store::GetClusterStateExcept), so a store reads them by its key index and
// never walks the rows it leaves out (50,000 fingerprint rows in a 100k store).
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace newsfuse::store_internal {

// [from, to) in byte order; no `to` for the last range. A prefix's keys are
// those from it up to it with its last byte raised by one.
inline std::vector<std::pair<std::string, std::optional<std::string>>> KeyRangesWithout(
    std::vector<std::string> prefixes) {
  std::sort(prefixes.begin(), prefixes.end());
  std::vector<std::pair<std::string, std::optional<std::string>>> ranges;
  std::string from;
  for (const std::string& prefix : prefixes) {
    if (prefix.empty() || static_cast<unsigned char>(prefix.back()) == 0xff) continue;
    if (prefix > from) ranges.emplace_back(from, prefix);
    std::string after = prefix;
    after.back() = static_cast<char>(after.back() + 1);
    from = std::max(from, after);
  }
  ranges.emplace_back(from, std::nullopt);
  return ranges;
}

}  // namespace newsfuse::store_internal
