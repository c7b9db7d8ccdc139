#include "fuse/sources.h"

#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>

namespace newsfuse::fuse {
namespace {

// Points each copy at its original's citation key. The sources are sorted by
// date first, so the keys are only known once all are numbered.
void MarkCopies(const Story& story, std::vector<ReportSource>& sources) {
  if (story.copy_of.empty()) return;
  std::unordered_map<std::string_view, std::string_view> key_of;
  for (const auto& s : sources) key_of.emplace(s.article_id, s.id);
  for (auto& s : sources) {
    auto copy = story.copy_of.find(s.article_id);
    if (copy == story.copy_of.end()) continue;
    if (auto original = key_of.find(copy->second); original != key_of.end()) {
      s.copy_of = std::string(original->second);
    }
  }
}

}  // namespace

std::vector<const AnnotatedArticle*> StoryMembers(const Story& story,
                                                  const std::vector<AnnotatedArticle>& articles) {
  std::vector<const AnnotatedArticle*> members;
  std::unordered_map<std::string_view, const AnnotatedArticle*> by_id;
  for (const auto& a : articles) by_id.emplace(a.article.id, &a);
  std::set<std::string_view> seen;
  for (const auto& id : story.article_ids) {
    auto it = by_id.find(id);
    if (it != by_id.end() && seen.insert(id).second) members.push_back(it->second);
  }
  if (story.article_ids.empty()) {
    for (const auto& a : articles) members.push_back(&a);
  }
  std::stable_sort(members.begin(), members.end(), [](const auto* x, const auto* y) {
    const auto& a = x->article.published;
    const auto& b = y->article.published;
    if (a.has_value() != b.has_value()) return a.has_value();
    return a && *a < *b;
  });
  return members;
}

void AddSources(const Story& story, const std::vector<const AnnotatedArticle*>& members,
                StoryReport& report) {
  std::optional<DateTime> first, last;
  for (size_t i = 0; i < members.size(); ++i) {
    const Article& a = members[i]->article;
    ReportSource src;
    src.id = "S" + std::to_string(i + 1);
    src.article_id = a.id;
    src.outlet = a.outlet;
    src.title = a.title;
    src.url = a.url;
    src.published = a.published ? a.published->ToIso() : "";
    src.authors = a.authors;
    src.locator = a.locator;
    report.sources.push_back(std::move(src));
    // Members are sorted, so the first dated one is the earliest.
    if (a.published && !first) first = a.published;
    for (const auto& d : {a.published, a.updated}) {
      if (d && (!last || *last < *d)) last = d;
    }
  }
  MarkCopies(story, report.sources);
  if (first) report.first_seen = first->ToIso();
  if (last) report.last_updated = last->ToIso();
}

}  // namespace newsfuse::fuse
