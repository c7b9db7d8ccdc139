// Compares the stories of two stores (a --db path or URI each):
//   queue_compare_stores REFERENCE CANDIDATE
// Exit 0 when both hold the same articles, every article of CANDIDATE is in
// exactly one story, the stories (id, members, copy marks) are equal and so
// is the clusterer's kept state (row for row: a leader that took over from
// the state its predecessor committed, batch by batch, must end where one
// process ends); else prints the first differences and exits 1.
#include <cstdio>
#include <map>
#include <set>
#include <string>

#include "cluster/snapshot.h"
#include "store/store.h"

namespace {

// The state's rows with the dictionary's "t/" rows joined into one: they
// split the term list where each save began (appended only), which differs
// with the batches while the terms, in order, may not.
std::map<std::string, std::string> NormalState(
    const std::vector<std::pair<std::string, std::string>>& rows) {
  std::map<std::string, std::string> state;
  std::string terms;
  for (const auto& [key, value] : rows) {  // in key order: the terms' order
    if (key.rfind("t/", 0) != 0) {
      state.emplace(key, value);
      continue;
    }
    newsfuse::cluster::ByteReader reader(value);
    for (uint64_t n = reader.U64(); n > 0 && reader.ok(); --n) terms += reader.Str() + '\0';
    if (!reader.done()) terms += "<undecodable row " + key + ">";
  }
  state.emplace("t (joined)", terms);
  return state;
}

struct Snapshot {
  int64_t articles = 0, unassigned = 0, memberships = 0;
  std::map<std::string, std::string> stories;  // id -> "member[/copy_of] ..."
  std::set<std::string> ids;
  std::map<std::string, std::string> state;  // the clusterer's kept rows
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
  auto state = (*store)->GetClusterState();
  if (!count.ok() || !unassigned.ok() || !rows.ok() || !state.ok()) {
    std::fprintf(stderr, "%s: cannot read the store\n", location.c_str());
    return snap;
  }
  snap.articles = *count;
  snap.unassigned = *unassigned;
  snap.state = NormalState(*state);
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
  if (got.state.empty()) say("candidate: no clusterer state kept");
  size_t state_differences = 0;
  std::string first_keys;  // printable: the keys are text (cluster/snapshot.h)
  auto differs = [&](const std::string& key) {
    if (++state_differences <= 3) first_keys += " " + key;
  };
  for (const auto& [key, value] : ref.state) {
    auto it = got.state.find(key);
    if (it == got.state.end() || it->second != value) differs(key);
  }
  for (const auto& [key, value] : got.state) {
    if (!ref.state.count(key)) differs(key);
  }
  if (state_differences > 0)
    say("clusterer state: " + std::to_string(state_differences) + " of " +
        std::to_string(ref.state.size()) +
        " reference rows differ or are missing or extra (first:" + first_keys + ")");
  std::printf("stories: reference %zu, candidate %zu; articles %lld; %d differences\n",
              ref.stories.size(), got.stories.size(), static_cast<long long>(got.articles),
              problems);
  return problems == 0 ? 0 : 1;
}
