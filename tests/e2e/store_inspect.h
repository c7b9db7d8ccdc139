// Reads a store file directly (not through newsfuse) for the reliability
// tests: what they assert must not depend on the code under test.
#pragma once

#include <sqlite3.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace newsfuse::testing {

struct StoreFacts {
  std::string integrity;  // PRAGMA integrity_check: "ok" when sound
  int64_t articles = 0;
  int64_t memberships = 0;           // rows of story_members
  int64_t unassigned = 0;            // articles in no story
  int64_t dangling = 0;              // memberships naming no article
  std::vector<int64_t> story_sizes;  // sorted
  // Each story as the sorted set of its articles' ids.
  std::set<std::set<std::string>> partition;
  std::string error;  // set when the file could not be read
};

inline StoreFacts InspectStore(const std::string& path) {
  StoreFacts facts;
  sqlite3* db = nullptr;
  // Read-write (never creating): after a kill the WAL may need recovery,
  // which a read-only connection cannot run. Nothing here writes rows.
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    facts.error = db ? sqlite3_errmsg(db) : "cannot open";
    sqlite3_close(db);
    return facts;
  }
  // A killed writer's WAL is recovered by the first opener; wait for it.
  sqlite3_busy_timeout(db, 10000);
  auto each = [&](const char* sql, auto&& row) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) != SQLITE_OK) {
      facts.error += std::string(sqlite3_errmsg(db)) + "; ";
      return;
    }
    while (sqlite3_step(stmt) == SQLITE_ROW) row(stmt);
    sqlite3_finalize(stmt);
  };
  auto text = [](sqlite3_stmt* s, int c) {
    const unsigned char* t = sqlite3_column_text(s, c);
    return t ? std::string(reinterpret_cast<const char*>(t)) : std::string();
  };
  each("PRAGMA integrity_check", [&](sqlite3_stmt* s) { facts.integrity += text(s, 0); });
  each("SELECT count(*) FROM articles",
       [&](sqlite3_stmt* s) { facts.articles = sqlite3_column_int64(s, 0); });
  each("SELECT count(*) FROM story_members",
       [&](sqlite3_stmt* s) { facts.memberships = sqlite3_column_int64(s, 0); });
  each("SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM story_members)",
       [&](sqlite3_stmt* s) { facts.unassigned = sqlite3_column_int64(s, 0); });
  each("SELECT count(*) FROM story_members WHERE article_id NOT IN (SELECT id FROM articles)",
       [&](sqlite3_stmt* s) { facts.dangling = sqlite3_column_int64(s, 0); });
  std::map<std::string, std::set<std::string>> stories;
  each("SELECT story_id, article_id FROM story_members",
       [&](sqlite3_stmt* s) { stories[text(s, 0)].insert(text(s, 1)); });
  for (auto& [id, members] : stories) {
    facts.story_sizes.push_back(static_cast<int64_t>(members.size()));
    facts.partition.insert(members);
  }
  std::sort(facts.story_sizes.begin(), facts.story_sizes.end());
  sqlite3_close(db);
  return facts;
}

}  // namespace newsfuse::testing
