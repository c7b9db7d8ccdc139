// Store: where articles and stories live between runs.
//
// An interface so that SQLite (the default, one file, no server) and
// PostgreSQL (one database shared by several machines) serve the same stages.
// Every write is a transaction: a crash leaves either the whole article (row
// and search index entry) or none of it. Articles are keyed by their content
// id, so writing the same page twice is a no-op reported as kDuplicate.
//
// Thread-safety: one Store object per thread; several processes may open the
// same SQLite file (WAL mode lets readers run beside one writer) or the same
// PostgreSQL schema (readers never wait; writers take turns as in SQLite).
//
// Several calls can be made one atomic unit, in the manner of a database
// transaction: BeginWrite() takes the store's write lock (other writers wait
// for it) and every write made through this Store while the returned object
// lives joins the unit, committed together by Commit() or not at all. That is
// how an article and its story assignment are stored together, so no crash
// can leave one without the other.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/records.h"
#include "core/status.h"

namespace newsfuse {

enum class PutOutcome { kInserted, kDuplicate };

// An open write unit (see Store::BeginWrite). Destroying it without Commit()
// rolls back every write made since it began; so does a failed Commit().
class StoreWrite {
 public:
  virtual ~StoreWrite() = default;
  virtual Status Commit() = 0;
};

struct SearchHit {
  std::string article_id;
  std::string story_id;  // empty when not yet clustered
  std::string title;
  std::string outlet;
  std::string published;  // ISO 8601 as stored, empty when the article is undated
  std::string snippet;    // with the matched terms marked [like this]
  double score = 0;       // higher is better
  // The article this one is a near-duplicate of (its story's copy mark),
  // empty when it is not a copy; lets a front end fold reprints.
  std::string copy_of{};
};

struct StoryRow {
  Story story;
  // The headline of the story's cached report when one is current, so the
  // list and the report agree; else the title of its earliest-published
  // (else first-ingested) article.
  std::string headline;
  std::string first_seen;  // ISO 8601 (earliest publication), empty when none is dated
  std::string last_seen;   // ISO 8601 (latest publication), empty when none is dated
  std::vector<std::string> outlets;
};

// One stored article with what restoring the clusterer needs
// (Store::ForEachStoredArticle).
struct StoredArticle {
  Article article;
  std::string story_id;  // empty when the article is in no story
  // The analysis results kept with the article (Store::PutArticleSignals)
  // and the analyser that made them; both empty when none are kept.
  std::string signals_by;
  std::string signals;
};

class Store {
 public:
  virtual ~Store() = default;

  // Writes all articles in one transaction (inside an open BeginWrite unit, a
  // part of that unit: on failure the unit stays open, without this batch);
  // outcome per article, in order.
  // An id already stored (or repeated earlier in the batch) is kDuplicate and
  // left as first written. On any failure nothing of the batch remains:
  // kBadInput (with the article's locator) for an empty id or text that is not
  // valid UTF-8, kStoreError for the database itself.
  virtual Result<std::vector<PutOutcome>> PutArticles(const std::vector<Article>& articles) = 0;
  virtual Result<Article> GetArticle(const std::string& id) = 0;
  virtual Result<bool> HasArticle(const std::string& id) = 0;
  virtual Result<int64_t> CountArticles() = 0;
  // Articles in no story: what an interrupted run of an older build (which
  // stored articles before clustering them) can leave behind.
  virtual Result<int64_t> CountUnassigned() = 0;
  // Calls `fn` for every article in ingest order, streaming. `fn` may call
  // back into the store.
  virtual Status ForEachArticle(const std::function<void(Article&&)>& fn) = 0;
  // Like ForEachArticle, with each article's story and kept signals. This
  // default finds the story per article and keeps no signals (the pipeline
  // then re-analyses); a store that keeps them overrides both calls.
  virtual Status ForEachStoredArticle(const std::function<void(StoredArticle&&)>& fn) {
    Status failure;
    Status walk = ForEachArticle([&](Article&& article) {
      if (!failure.ok()) return;
      StoredArticle stored;
      auto story = StoryOf(article.id);
      if (story.ok()) {
        stored.story_id = std::move(story).value();
      } else if (story.status().code() != Status::Code::kNotFound) {
        failure = story.status();
        return;
      }
      stored.article = std::move(article);
      fn(std::move(stored));
    });
    return walk.ok() ? failure : walk;
  }
  // The stored articles among `ids`, each with its story (signals are not
  // read), in no particular order; an id not stored is left out. For a
  // reader of a whole batch (the queue's cluster-worker): this default asks
  // per id, PostgreSQL answers the batch in one round trip.
  virtual Result<std::vector<StoredArticle>> GetStoredArticles(
      const std::vector<std::string>& ids) {
    std::vector<StoredArticle> found;
    for (const std::string& id : ids) {
      auto article = GetArticle(id);
      if (!article.ok() && article.status().code() == Status::Code::kNotFound) continue;
      if (!article.ok()) return article.status();
      StoredArticle stored;
      stored.article = std::move(article).value();
      auto story = StoryOf(id);
      if (story.ok()) {
        stored.story_id = std::move(story).value();
      } else if (story.status().code() != Status::Code::kNotFound) {
        return story.status();
      }
      found.push_back(std::move(stored));
    }
    return found;
  }
  // Keeps `signals`, the results of analysing a stored article that later
  // stages need (opaque to the store), made by `analyser`; replaces what was
  // kept before. Joins an open BeginWrite unit like every write, so signals
  // are committed with the articles and stories they describe. NotFound for
  // an unknown article. The default keeps nothing.
  virtual Status PutArticleSignals(const std::string& article_id, const std::string& analyser,
                                   const std::string& signals) {
    (void)article_id, (void)analyser, (void)signals;
    return Status::Ok();
  }

  // The clusterer's state (StoryClusterer::TakeStateChanges), kept so a
  // writer loads it instead of replaying every stored decision: rows of
  // opaque bytes by key. Writes `put` (replacing rows of the same key) and
  // drops `erase`; with `replace_all`, drops every other row first. Joins an
  // open BeginWrite unit like every write, so the state is committed with
  // the articles and stories it describes, or not at all. The default keeps
  // nothing: KeepsClusterState() is false and the pipeline replays.
  virtual Status PutClusterState(const std::vector<std::pair<std::string, std::string>>& put,
                                 const std::vector<std::string>& erase, bool replace_all) {
    (void)put, (void)erase, (void)replace_all;
    return Status::Ok();
  }
  // Every kept row, in key order (byte order); none by default.
  Result<std::vector<std::pair<std::string, std::string>>> GetClusterState() {
    return GetClusterStateExcept({});
  }
  // The same without the rows whose key begins with one of `prefixes`: those
  // a clusterer reads on demand (StoryClusterer::OnDemandStatePrefixes).
  virtual Result<std::vector<std::pair<std::string, std::string>>> GetClusterStateExcept(
      const std::vector<std::string>& prefixes) {
    (void)prefixes;
    return std::vector<std::pair<std::string, std::string>>{};
  }
  // The kept rows of `keys` (a key not kept has none), in key order: the
  // rows a clusterer reads on demand, inside the write it decides in, so it
  // sees what the unit wrote so far.
  virtual Result<std::vector<std::pair<std::string, std::string>>> GetClusterStateRows(
      const std::vector<std::string>& keys) {
    (void)keys;
    return std::vector<std::pair<std::string, std::string>>{};
  }
  virtual bool KeepsClusterState() const { return false; }
  // Each read is a round trip to a server: a reader asks for many rows at
  // once rather than one at a time.
  virtual bool ReadsAreRoundTrips() const { return false; }

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
  // article_ids are in ingest order (PostgreSQL: the order they joined the
  // story, the same for one `ingest`, the stream order for queue workers),
  // its copy_of filled; outlets in order of first appearance.
  virtual Result<std::vector<StoryRow>> ListStories() = 0;
  // With copy_of filled. NotFound when no article belongs to `story_id`.
  virtual Result<Story> GetStory(const std::string& story_id) = 0;

  // The story's version: a number that changes in the same commit as any
  // change of the story's membership (an article added, moved away by a
  // merge, its copy mark changed), and only then, whoever writes. NotFound
  // for a story the store never held.
  virtual Result<int64_t> StoryVersion(const std::string& story_id) = 0;
  // The report JSON cached for the story when it was built from the story's
  // current version by `builder` (pipeline/report_cache.h); nullopt when
  // none was, or it was built from an older version or by another builder.
  virtual Result<std::optional<std::string>> GetCachedReport(const std::string& story_id,
                                                             const std::string& builder) = 0;
  // Caches the report built from version `story_version` of the story,
  // replacing the one cached before. Kept only while that version is
  // current: a report built while another process changed the story is
  // dropped, and the result is false. A read-only store refuses (kUsage).
  virtual Result<bool> PutCachedReport(const std::string& story_id, int64_t story_version,
                                       const std::string& builder, const std::string& headline,
                                       const std::string& json) = 0;
  // The report's Markdown (what `newsfuse story ID` prints by default), kept
  // beside its JSON so that printing an unchanged story neither parses nor
  // renders it. Get answers under the same conditions as GetCachedReport;
  // Put attaches `markdown` to the report cached for that version by that
  // builder, false when that is no longer the cached one. A store that keeps
  // no Markdown (the default) answers nullopt and false: callers render from
  // the JSON.
  virtual Result<std::optional<std::string>> GetCachedMarkdown(const std::string& story_id,
                                                               const std::string& builder) {
    (void)story_id, (void)builder;
    return std::optional<std::string>();
  }
  virtual Result<bool> PutCachedMarkdown(const std::string& story_id, int64_t story_version,
                                         const std::string& builder, const std::string& markdown) {
    (void)story_id, (void)story_version, (void)builder, (void)markdown;
    return false;
  }

  // Takes the write lock, waiting for another writer to finish (up to
  // StoreOptions::write_wait_ms), and opens a unit that every later
  // write through this Store joins until it is committed or destroyed. The
  // reads made meanwhile see the store as no other writer can change it, so
  // a caller may read, decide and write as one step. One unit at a time:
  // kUsage when one is already open; kStoreError when the wait times out.
  // The StoreWrite must not outlive this Store.
  virtual Result<std::unique_ptr<StoreWrite>> BeginWrite() = 0;
  // A number that changes when another connection (another process) has
  // committed to the store since it was last read, and only then: this
  // Store's own commits leave it alone. A writer that keeps state derived
  // from the store (the clusterer) compares it inside BeginWrite to know
  // whether that state is still current.
  virtual Result<int64_t> DataVersion() = 0;

  // Full-text search over titles and bodies, best first. `query` is FTS5
  // syntax: words (all must match, stemmed), "quoted phrases", OR, NOT,
  // prefix*, parentheses (PostgreSQL reads this same syntax; FTS5's column
  // filters, ^ and NEAR are SQLite's alone). A malformed query (unbalanced quote, bare hyphen as in
  // al-Sharaa) is kUsage with the parser's message; so are an empty query and limit <= 0.
  virtual Result<std::vector<SearchHit>> Search(const std::string& query, int limit) = 0;

  // For search's spelling variants of names (Zelenskiy for Zelensky): the
  // words of the full-text index from `from` (inclusive) to `to` (exclusive),
  // as the index holds them (lower-case, diacritics folded, stemmed). The
  // default, for a store without such an index, has none.
  virtual Result<std::vector<std::string>> IndexedWords(const std::string& from,
                                                        const std::string& to) {
    (void)from;
    (void)to;
    return std::vector<std::string>{};
  }
  // Whether the analysis kept with some stored article (PutArticleSignals)
  // names an entity whose key is `key` or ends in it (a surname). Default: no.
  virtual Result<bool> HasEntityKey(const std::string& key) {
    (void)key;
    return false;
  }
};

struct StoreOptions {
  // Opens an existing store for reading only: the file (or PostgreSQL
  // schema) is never created or migrated, and every write returns kUsage.
  bool read_only = false;
  // How long a call waits for another process's lock before kStoreError.
  int busy_timeout_ms = 5000;
  // How long starting a write (PutArticles, AssignToStory, BeginWrite) waits
  // for another writer: long, since a writer holds the lock while it
  // clusters a batch, which takes seconds on a large store.
  int write_wait_ms = 10 * 60 * 1000;
};
// The name the options had when SQLite was the only store.
using SqliteStoreOptions = StoreOptions;

// The schema version (PRAGMA user_version) this build reads and writes. Files
// at an older version are migrated on a read-write open; newer ones are refused.
inline constexpr int kSqliteSchemaVersion = 6;

// Opens (creating and migrating if needed) the SQLite store at `path`.
// ":memory:" gives a private in-memory store (tests). Errors are kStoreError
// and name the path: a file that is not a SQLite database (left untouched), a
// SQLite file that is not a newsfuse store, a newer schema, a missing file in
// read-only mode, a read-write open of a file or folder that cannot be
// written. Several processes may create and migrate the same new file at
// once: each waits for the other instead of failing.
// A read-only open works on a read-only file or disk too (where SQLite
// cannot create its -shm index, the file is read as immutable: a -wal left
// beside it by a crashed writer is then not seen).
Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path,
                                               const SqliteStoreOptions& options = {});

// The schema version (newsfuse_meta.schema_version) of PostgreSQL stores.
inline constexpr int kPostgresSchemaVersion = 3;

// Whether a --db argument names a PostgreSQL database (postgres:// or
// postgresql://, libpq's URI forms) rather than a SQLite file.
bool IsPostgresLocation(const std::string& location);

// Opens (creating and migrating if needed) the PostgreSQL store in the first
// schema of the connection's search_path (`public` unless the URI sets
// options=-csearch_path%3D...). Errors are kStoreError and name the URI with
// any password hidden: no server, a schema holding other tables, a newer
// schema, a read-only open of a schema without a store. Several processes
// may create the same new store at once. A build without libpq says so.
Result<std::unique_ptr<Store>> OpenPostgresStore(const std::string& uri,
                                                 const StoreOptions& options = {});

// Opens the store a --db argument names: PostgreSQL for a postgres:// URI,
// else the SQLite file at that path.
Result<std::unique_ptr<Store>> OpenStoreAt(const std::string& location,
                                           const StoreOptions& options = {});

// The default database: $NEWSFUSE_DB if set (a path or a postgres:// URI),
// else "newsfuse.db" in the current directory.
std::string DefaultDatabasePath();

}  // namespace newsfuse
