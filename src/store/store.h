// Store: where articles and stories live between runs.
//
// An interface so that SQLite (the default, one file, no server) can later be
// joined by PostgreSQL for several machines without touching the stages.
// Every write is a transaction: a crash leaves either the whole article (row
// and search index entry) or none of it. Articles are keyed by their content
// id, so writing the same page twice is a no-op reported as kDuplicate.
//
// Thread-safety: one Store object per thread; several processes may open the
// same SQLite file (WAL mode lets readers run beside one writer).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/records.h"
#include "core/status.h"

namespace newsfuse {

enum class PutOutcome { kInserted, kDuplicate };

struct SearchHit {
  std::string article_id;
  std::string story_id;   // empty when not yet clustered
  std::string title;
  std::string outlet;
  std::string snippet;    // with the matched terms marked [like this]
  double score = 0;       // higher is better
};

struct StoryRow {
  Story story;
  std::string headline;   // title of its earliest article
  std::string first_seen; // ISO 8601 (earliest publication)
  std::string last_seen;  // ISO 8601 (latest publication)
  std::vector<std::string> outlets;
};

class Store {
 public:
  virtual ~Store() = default;

  // Writes all articles in one transaction; outcome per article, in order.
  virtual Result<std::vector<PutOutcome>> PutArticles(const std::vector<Article>& articles) = 0;
  virtual Result<Article> GetArticle(const std::string& id) = 0;
  virtual Result<int64_t> CountArticles() = 0;
  // Calls `fn` for every article in ingest order, streaming.
  virtual Status ForEachArticle(const std::function<void(Article&&)>& fn) = 0;

  // Records that `article_id` belongs to `story_id` (idempotent).
  virtual Status AssignToStory(const std::string& story_id, const std::string& article_id) = 0;
  // story id of an article, or NotFound when unassigned.
  virtual Result<std::string> StoryOf(const std::string& article_id) = 0;
  virtual Result<std::vector<StoryRow>> ListStories() = 0;
  virtual Result<Story> GetStory(const std::string& story_id) = 0;

  // Full-text search over titles and bodies, best first.
  virtual Result<std::vector<SearchHit>> Search(const std::string& query, int limit) = 0;
};

struct SqliteStoreOptions {
  bool read_only = false;
  int busy_timeout_ms = 5000;
};

// Opens (creating and migrating if needed) the SQLite store at `path`.
// ":memory:" gives a private in-memory store (tests).
Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path,
                                               const SqliteStoreOptions& options = {});

// The default database path: $NEWSFUSE_DB if set, else "newsfuse.db" in the
// current directory.
std::string DefaultDatabasePath();

}  // namespace newsfuse
