// Compares the stories of two stores (a --db path or URI each):
//   queue_compare_stores REFERENCE CANDIDATE
// Exit 0 when both hold the same articles, every article of CANDIDATE is in
// exactly one story, and the stories (id, members, copy marks) are equal;
// else prints the first differences and exits 1.
#include <cstdio>
#include <map>
#include <set>
#include <string>

#include "store/store.h"

namespace {

struct Snapshot {
  int64_t articles = 0, unassigned = 0, memberships = 0;
  std::map<std::string, std::string> stories;  // id -> "member[/copy_of] ..."
  std::set<std::string> ids;
  bool ok = false;
};

Snapshot Read(const std::string& location) {
  Snapshot snap;
  newsfuse::StoreOptions options;
  options.read_only = true;
  auto store = newsfuse::OpenStoreAt(location, options);
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", store.status().ToString().c_str());
    return snap;
  }
  auto count = (*store)->CountArticles();
  auto unassigned = (*store)->CountUnassigned();
  auto rows = (*store)->ListStories();
  if (!count.ok() || !unassigned.ok() || !rows.ok()) {
    std::fprintf(stderr, "%s: cannot read the store\n", location.c_str());
    return snap;
  }
  snap.articles = *count;
  snap.unassigned = *unassigned;
  for (const auto& row : *rows) {
    // Sorted: a story lists its articles in the order they were stored,
    // which is the workers' finishing order, not the decision order.
    std::set<std::string> sorted;
    for (const auto& id : row.story.article_ids) {
      ++snap.memberships;
      snap.ids.insert(id);
      std::string member = id;
      auto copy = row.story.copy_of.find(id);
      if (copy != row.story.copy_of.end()) member += "/" + copy->second;
      sorted.insert(member);
    }
    std::string members;
    for (const auto& m : sorted) members += m + " ";
    snap.stories[row.story.id] = members;
  }
  snap.ok = true;
  return snap;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s REFERENCE CANDIDATE\n", argv[0]);
    return 2;
  }
  const Snapshot ref = Read(argv[1]), got = Read(argv[2]);
  if (!ref.ok || !got.ok) return 2;
  int problems = 0;
  auto say = [&](const std::string& what) {
    if (++problems <= 10) std::fprintf(stderr, "%s\n", what.c_str());
  };
  if (got.articles != ref.articles)
    say("articles: reference " + std::to_string(ref.articles) + ", candidate " +
        std::to_string(got.articles));
  if (got.unassigned != 0) say("candidate: " + std::to_string(got.unassigned) + " in no story");
  if (got.memberships != got.articles || static_cast<int64_t>(got.ids.size()) != got.articles)
    say("candidate: " + std::to_string(got.memberships) + " story memberships for " +
        std::to_string(got.articles) + " articles");
  for (const auto& [id, members] : ref.stories) {
    auto it = got.stories.find(id);
    if (it == got.stories.end()) {
      say("story " + id + " missing from the candidate");
    } else if (it->second != members) {
      say("story " + id + " differs:\n  reference " + members + "\n  candidate " + it->second);
    }
  }
  for (const auto& [id, members] : got.stories) {
    if (!ref.stories.count(id)) say("story " + id + " only in the candidate: " + members);
  }
  std::printf("stories: reference %zu, candidate %zu; articles %lld; %d differences\n",
              ref.stories.size(), got.stories.size(), static_cast<long long>(got.articles),
              problems);
  return problems == 0 ? 0 : 1;
}
