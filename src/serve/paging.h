// Query parameters of the list endpoints: limits and the opaque cursor of
// GET /api/stories.
//
// The cursor names the last story of a page by its sort key (last_seen, id)
// rather than by an offset, so stories that arrive or move to the top while a
// client pages on neither repeat nor push others off the page it asks next.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "store/store.h"

namespace newsfuse::serve {

// `text` as a whole number in [1, max]; absent (empty optional) gives
// `fallback`. kUsage naming `name` for anything else (0, -1, 1e3, 12abc, a
// number past max or past int).
Result<int> ParseLimit(const std::optional<std::string>& text, std::string_view name, int fallback,
                       int max);

struct StoryKey {
  std::string last_seen;  // empty: undated
  std::string id;
};

// Newest last_seen first, undated stories last, ties by id: the order of
// Store::ListStories, restated so that paging does not depend on it.
bool ComesBefore(const StoryKey& a, const StoryKey& b);

std::string EncodeCursor(const StoryKey& key);
// kUsage for a cursor this server did not make.
Result<StoryKey> DecodeCursor(std::string_view cursor);

struct StoryPage {
  std::vector<const StoryRow*> rows;  // into the rows given
  std::optional<std::string> next_cursor;
};

// Up to `limit` rows that come after `after` (all when absent), in order.
StoryPage PageOfStories(std::vector<StoryRow>& rows, const std::optional<StoryKey>& after,
                        int limit);
// The same over rows held elsewhere (the pool's shared list): `rows` is
// sorted, the rows themselves are not touched.
StoryPage PageOfStories(std::vector<const StoryRow*>& rows, const std::optional<StoryKey>& after,
                        int limit);

}  // namespace newsfuse::serve
