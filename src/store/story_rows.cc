#include "store/story_rows.h"

#include <algorithm>

namespace newsfuse::store_internal {

TimeKey TimeKeyOf(const DateTime& t) {
  int64_t seconds = t.DaysSinceEpoch() * 86400 + t.hour * 3600 + t.minute * 60 + t.second;
  if (t.utc_offset_minutes) seconds -= int64_t{*t.utc_offset_minutes} * 60;
  return {seconds, static_cast<int>(t.precision)};
}

Status StoryRowBuilder::Add(MemberRow member) {
  if (stories_.empty() || stories_.back().row.story.id != member.story_id) {
    stories_.emplace_back();
    stories_.back().row.story.id = std::move(member.story_id);
  }
  Pending& p = stories_.back();
  p.row.story.article_ids.push_back(member.article_id);
  if (!member.copy_of.empty()) p.row.story.copy_of.emplace(member.article_id, member.copy_of);
  auto& outlets = p.row.outlets;
  if (!member.outlet.empty() &&
      std::find(outlets.begin(), outlets.end(), member.outlet) == outlets.end()) {
    outlets.push_back(member.outlet);
  }
  if (p.first_title.empty()) p.first_title = member.title;
  if (member.published.empty()) return Status::Ok();

  auto published = DateTime::ParseIso(member.published);
  if (!published) {
    return Status::StoreError("article " + member.article_id + ": stored published date \"" +
                              member.published + "\" is not ISO 8601");
  }
  TimeKey key = TimeKeyOf(*published);
  // Strict comparisons: on a tie the article ingested first wins.
  if (!p.first || key < *p.first) {
    p.first = key;
    p.row.first_seen = member.published;
    p.row.headline = member.title;
  }
  if (!p.last || key > *p.last) {
    p.last = key;
    p.row.last_seen = member.published;
  }
  return Status::Ok();
}

std::vector<StoryRow> StoryRowBuilder::Finish() {
  std::sort(stories_.begin(), stories_.end(), [](const Pending& a, const Pending& b) {
    if (a.last.has_value() != b.last.has_value()) return a.last.has_value();
    if (a.last != b.last) return *a.last > *b.last;
    return a.row.story.id < b.row.story.id;
  });
  std::vector<StoryRow> rows;
  rows.reserve(stories_.size());
  for (Pending& p : stories_) {
    // No dated article, or the earliest one has no title: a headline is still
    // better than a blank line in a listing.
    if (p.row.headline.empty()) p.row.headline = std::move(p.first_title);
    rows.push_back(std::move(p.row));
  }
  stories_.clear();
  return rows;
}

}  // namespace newsfuse::store_internal
