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
  std::string headline;   // title of its earliest-published (else first-ingested) article
  std::string first_seen; // ISO 8601 (earliest publication), empty when none is dated
  std::string last_seen;  // ISO 8601 (latest publication), empty when none is dated
  std::vector<std::string> outlets;
};

class Store {
 public:
  virtual ~Store() = default;

  // Writes all articles in one transaction; outcome per article, in order.
  // An id already stored (or repeated earlier in the batch) is kDuplicate and
  // left as first written. On any failure nothing of the batch remains:
  // kBadInput (with the article's locator) for an empty id or text that is not
  // valid UTF-8, kStoreError for the database itself.
  virtual Result<std::vector<PutOutcome>> PutArticles(const std::vector<Article>& articles) = 0;
  virtual Result<Article> GetArticle(const std::string& id) = 0;
  virtual Result<int64_t> CountArticles() = 0;
  // Calls `fn` for every article in ingest order, streaming. `fn` may call
  // back into the store.
  virtual Status ForEachArticle(const std::function<void(Article&&)>& fn) = 0;

  // Records that `article_id` belongs to `story_id` (idempotent). An article
  // is in at most one story, so assigning it elsewhere moves it (merges).
  // `copy_of` names the article it is a near-duplicate of (the clusterer's
  // ClusterDecision::copy_of). When it is empty an article already in a story
  // keeps the mark it has, so moving a copy in a merge keeps it, and a newly
  // assigned one is not a copy. NotFound for an unknown article or original;
  // kUsage for an empty story id or an article marked as a copy of itself.
  virtual Status AssignToStory(const std::string& story_id, const std::string& article_id,
                               const std::string& copy_of) = 0;
  // Assigns or moves an article, keeping whatever copy mark it has.
  Status AssignToStory(const std::string& story_id, const std::string& article_id) {
    return AssignToStory(story_id, article_id, std::string());
  }
  // story id of an article, or NotFound when unassigned.
  virtual Result<std::string> StoryOf(const std::string& article_id) = 0;
  // Most recent last_seen first, undated stories last, ties by id. A story's
  // article_ids are in ingest order, its copy_of filled; outlets in order of
  // first appearance.
  virtual Result<std::vector<StoryRow>> ListStories() = 0;
  // With copy_of filled. NotFound when no article belongs to `story_id`.
  virtual Result<Story> GetStory(const std::string& story_id) = 0;

  // Full-text search over titles and bodies, best first. `query` is FTS5
  // syntax: words (all must match, stemmed), "quoted phrases", OR, NOT,
  // prefix*. A malformed query (unbalanced quote, bare hyphen as in al-Sharaa)
  // is kUsage with the parser's message; so are an empty query and limit <= 0.
  virtual Result<std::vector<SearchHit>> Search(const std::string& query, int limit) = 0;
};

struct SqliteStoreOptions {
  // Opens an existing store for reading only: the file is never created or
  // migrated, and every write returns kUsage.
  bool read_only = false;
  // How long a call waits for another process's write lock before kStoreError.
  int busy_timeout_ms = 5000;
};

// The schema version (PRAGMA user_version) this build reads and writes. Files
// at an older version are migrated on a read-write open; newer ones are refused.
inline constexpr int kSqliteSchemaVersion = 2;

// Opens (creating and migrating if needed) the SQLite store at `path`.
// ":memory:" gives a private in-memory store (tests). Errors are kStoreError
// and name the path: a file that is not a SQLite database (left untouched), a
// SQLite file that is not a newsfuse store, a newer schema, a missing file in
// read-only mode.
Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path,
                                               const SqliteStoreOptions& options = {});

// The default database path: $NEWSFUSE_DB if set, else "newsfuse.db" in the
// current directory.
std::string DefaultDatabasePath();

}  // namespace newsfuse
