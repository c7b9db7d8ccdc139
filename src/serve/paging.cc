#include "serve/paging.h"

#include <algorithm>
#include <charconv>

#include "core/hex.h"

namespace newsfuse::serve {

Result<int> ParseLimit(const std::optional<std::string>& text, std::string_view name, int fallback,
                       int max) {
  if (!text) return fallback;
  int value = 0;
  const char* begin = text->data();
  const char* end = begin + text->size();
  auto [ptr, ec] = std::from_chars(begin, end, value);
  if (text->empty() || ec != std::errc() || ptr != end || value < 1 || value > max) {
    return Status::Usage(std::string(name) + " must be a whole number from 1 to " +
                         std::to_string(max));
  }
  return value;
}

bool ComesBefore(const StoryKey& a, const StoryKey& b) {
  if (a.last_seen.empty() != b.last_seen.empty()) return b.last_seen.empty();
  if (a.last_seen != b.last_seen) return a.last_seen > b.last_seen;
  return a.id < b.id;
}

namespace {

constexpr char kHex[] = "0123456789abcdef";
// Separates the two fields; neither an ISO date nor a story id holds it.
constexpr char kSeparator = '\n';

}  // namespace

// Hex: opaque to clients, and safe in a query string without escaping.
std::string EncodeCursor(const StoryKey& key) {
  const std::string plain = key.last_seen + kSeparator + key.id;
  std::string out;
  out.reserve(plain.size() * 2);
  for (unsigned char c : plain) {
    out += kHex[c >> 4];
    out += kHex[c & 15];
  }
  return out;
}

Result<StoryKey> DecodeCursor(std::string_view cursor) {
  const Status bad = Status::Usage("cursor is not one this server gave (use next_cursor as is)");
  if (cursor.empty() || cursor.size() % 2 != 0 || cursor.size() > 2048) return bad;
  std::string plain;
  for (size_t i = 0; i < cursor.size(); i += 2) {
    const int hi = LowerHexValue(cursor[i]), lo = LowerHexValue(cursor[i + 1]);
    if (hi < 0 || lo < 0) return bad;
    plain += static_cast<char>(hi * 16 + lo);
  }
  const size_t sep = plain.find(kSeparator);
  if (sep == std::string::npos || plain.find(kSeparator, sep + 1) != std::string::npos) return bad;
  StoryKey key{plain.substr(0, sep), plain.substr(sep + 1)};
  if (key.id.empty()) return bad;
  return key;
}

StoryPage PageOfStories(std::vector<StoryRow>& rows, const std::optional<StoryKey>& after,
                        int limit) {
  std::vector<const StoryRow*> pointers;
  pointers.reserve(rows.size());
  for (const StoryRow& row : rows) pointers.push_back(&row);
  return PageOfStories(pointers, after, limit);
}

StoryPage PageOfStories(std::vector<const StoryRow*>& rows, const std::optional<StoryKey>& after,
                        int limit) {
  auto key_of = [](const StoryRow* row) { return StoryKey{row->last_seen, row->story.id}; };
  std::sort(rows.begin(), rows.end(), [&](const StoryRow* a, const StoryRow* b) {
    return ComesBefore(key_of(a), key_of(b));
  });
  auto first = rows.begin();
  if (after) {
    first = std::upper_bound(
        rows.begin(), rows.end(), *after,
        [&](const StoryKey& key, const StoryRow* row) { return ComesBefore(key, key_of(row)); });
  }
  StoryPage page;
  for (auto it = first; it != rows.end() && static_cast<int>(page.rows.size()) < limit; ++it) {
    page.rows.push_back(*it);
  }
  if (!page.rows.empty() && first + static_cast<long>(page.rows.size()) != rows.end()) {
    page.next_cursor = EncodeCursor(key_of(page.rows.back()));
  }
  return page;
}

}  // namespace newsfuse::serve
