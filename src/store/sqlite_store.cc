// The SQLite implementation of Store.
//
// One connection per Store. Statements are prepared once and kept: parsing
// SQL costs more than running these small lookups, and ingest issues one
// insert per article. Readers in other processes keep reading the last
// commit while a batch is written, thanks to WAL.
#include <algorithm>
#include <array>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <initializer_list>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <utility>

#include "store/article_codec.h"
#include "store/schema_version.h"
#include "store/search_text.h"
#include "store/sqlite_db.h"
#include "store/sqlite_schema.h"
#include "store/state_key_ranges.h"
#include "store/store.h"
#include "store/story_rows.h"

namespace newsfuse {
namespace {

using store_internal::BindText;
using store_internal::ColumnText;
using store_internal::Db;
using store_internal::StatementLease;
using store_internal::StatementPtr;

// Every statement the store caches, indexing kSql.
enum Sql : size_t {
  kInsertArticle,
  kInsertIndexEntry,
  kGetArticle,
  kArticleExists,
  kCountArticles,
  kCountUnassigned,
  kAssign,
  kStoryOf,
  kStoryArticles,
  kAllMemberships,
  kSearch,
  kStoryVersion,
  kGetCachedReport,
  kPutCachedReport,
  kGetCachedMarkdown,
  kPutCachedMarkdown,
  kCachedHeadlines,
  kPutSignals,
  kPutState,
  kEraseState,
  kGetState,
  kSqlCount,
};

constexpr std::array<const char*, kSqlCount> kSql = {
    // A duplicate id is not an error: DO NOTHING and changes() == 0 report it.
    "INSERT INTO articles(" NEWSFUSE_ARTICLE_COLUMNS
    ") "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) ON CONFLICT(id) DO NOTHING",
    "INSERT INTO articles_fts(rowid, title, body) VALUES (?1, ?2, ?3)",
    "SELECT " NEWSFUSE_ARTICLE_COLUMNS " FROM articles WHERE id = ?1",
    "SELECT 1 FROM articles WHERE id = ?1",
    "SELECT count(*) FROM articles",
    // Every member is a distinct stored article (article_id is the key and
    // references articles, foreign keys on; articles are never deleted), so
    // the difference of two counts, each a scan of a small index, is the
    // number of articles in no story: no probe per stored article, run by
    // every ingest (bench/store/README.md).
    "SELECT (SELECT count(*) FROM articles) - (SELECT count(*) FROM story_members)",
    // ?3 is NULL unless the caller names an original; a move (a merge)
    // passes none and so keeps the copy mark already recorded.
    "INSERT INTO story_members(article_id, story_id, copy_of) VALUES (?1, ?2, ?3) "
    "ON CONFLICT(article_id) DO UPDATE SET story_id = excluded.story_id, "
    "copy_of = IFNULL(excluded.copy_of, copy_of) "
    "WHERE story_id <> excluded.story_id OR IFNULL(excluded.copy_of, copy_of) IS NOT copy_of",
    "SELECT story_id FROM story_members WHERE article_id = ?1",
    "SELECT m.article_id, m.copy_of FROM story_members m JOIN articles a ON a.id = m.article_id "
    "WHERE m.story_id = ?1 ORDER BY a.seq",
    "SELECT m.story_id, a.id, a.title, a.outlet, a.published, m.copy_of "
    "FROM story_members m JOIN articles a ON a.id = m.article_id ORDER BY m.story_id, a.seq",
    // The LIMIT sits inside the subquery so FTS5 ranks and cuts before the
    // joins, and snippet() runs only for the hits returned.
    "SELECT a.id, IFNULL(m.story_id, ''), a.title, a.outlet, hits.snip, hits.rank, "
    "IFNULL(a.published, ''), IFNULL(m.copy_of, '') FROM ("
    "  SELECT rowid, snippet(articles_fts, -1, '[', ']', '…', 16) AS snip, rank"
    "  FROM articles_fts WHERE articles_fts MATCH ?1 ORDER BY rank LIMIT ?2) AS hits "
    "JOIN articles a ON a.seq = hits.rowid "
    "LEFT JOIN story_members m ON m.article_id = a.id ORDER BY hits.rank",
    "SELECT version FROM story_versions WHERE story_id = ?1",
    "SELECT r.report FROM story_reports r JOIN story_versions v ON v.story_id = r.story_id "
    "WHERE r.story_id = ?1 AND r.story_version = v.version AND r.builder = ?2",
    // The version is checked in the statement that writes, so no other
    // writer can change the story between the check and the insert.
    "INSERT INTO story_reports(story_id, story_version, builder, headline, report) "
    "SELECT ?1, ?2, ?3, ?4, ?5 WHERE EXISTS "
    "(SELECT 1 FROM story_versions WHERE story_id = ?1 AND version = ?2) "
    "ON CONFLICT(story_id) DO UPDATE SET story_version = excluded.story_version, "
    "builder = excluded.builder, headline = excluded.headline, report = excluded.report, "
    "markdown = NULL",
    "SELECT r.markdown FROM story_reports r JOIN story_versions v ON v.story_id = r.story_id "
    "WHERE r.story_id = ?1 AND r.story_version = v.version AND r.builder = ?2 "
    "AND r.markdown IS NOT NULL",
    // Attaches only to the report of that version by that builder: one that
    // replaced it meanwhile keeps its own (or none).
    "UPDATE story_reports SET markdown = ?4 "
    "WHERE story_id = ?1 AND story_version = ?2 AND builder = ?3",
    "SELECT r.story_id, r.headline FROM story_reports r JOIN story_versions v "
    "ON v.story_id = r.story_id AND v.version = r.story_version",
    "INSERT INTO article_signals(article_id, analyser, signals) VALUES (?1, ?2, ?3) "
    "ON CONFLICT(article_id) DO UPDATE SET analyser = excluded.analyser, "
    "signals = excluded.signals",
    "INSERT INTO cluster_state(key, value) VALUES (?1, ?2) "
    "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
    "DELETE FROM cluster_state WHERE key = ?1",
    "SELECT value FROM cluster_state WHERE key = ?1",
};

using store_internal::CollapseWhitespace;

// A read-only connection to a WAL store creates the -wal and -shm files it
// reads through but, not being allowed to write, never removes them: every
// `stories` or `search` left two files behind. The last read-write
// connection to close checkpoints and removes both, so one is opened and
// closed after the reader, where the file may be written; while another
// process still has the store open it is not the last, and the files stay
// for that process, as they must.
void RemoveWalFilesLeftByReading(const std::string& path) {
  Db writer;
  if (!writer.Open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX).ok()) return;
  if (sqlite3_db_readonly(writer.handle(), "main") != 0) return;
  writer.SetTimeouts(/*busy_ms=*/50, /*write_wait_ms=*/50);
  // The WAL is only closed (and removed) by a connection that opened it.
  (void)writer.QueryInt("PRAGMA user_version", "closing the WAL");
}

class SqliteStore final : public Store {
 public:
  // `tidy_wal`: a read-only store that found no -wal/-shm files beside the
  // database removes the ones its reading created when it closes.
  SqliteStore(std::unique_ptr<Db> db, bool read_only, bool tidy_wal = false)
      : db_(std::move(db)), read_only_(read_only), tidy_wal_(tidy_wal) {}

  ~SqliteStore() override {
    // Finalize before the connection closes.
    for (auto& stmt : statements_) stmt.reset();
    if (!tidy_wal_) return;
    const std::string path = db_->path();
    db_.reset();
    RemoveWalFilesLeftByReading(path);
  }

  Result<std::vector<PutOutcome>> PutArticles(const std::vector<Article>& articles) override;
  Result<Article> GetArticle(const std::string& id) override;
  Result<bool> HasArticle(const std::string& id) override { return ArticleExists(id); }
  Result<int64_t> CountArticles() override;
  Result<int64_t> CountUnassigned() override;
  Status ForEachArticle(const std::function<void(Article&&)>& fn) override;
  Status ForEachStoredArticle(const std::function<void(StoredArticle&&)>& fn) override;
  Status PutArticleSignals(const std::string& article_id, const std::string& analyser,
                           const std::string& signals) override;
  Status PutClusterState(const std::vector<std::pair<std::string, std::string>>& put,
                         const std::vector<std::string>& erase, bool replace_all) override;
  Result<std::vector<std::pair<std::string, std::string>>> GetClusterStateExcept(
      const std::vector<std::string>& prefixes) override;
  Result<std::vector<std::pair<std::string, std::string>>> GetClusterStateRows(
      const std::vector<std::string>& keys) override;
  bool KeepsClusterState() const override { return true; }
  using Store::AssignToStory;
  Status AssignToStory(const std::string& story_id, const std::string& article_id,
                       const std::string& copy_of) override;
  Result<std::string> StoryOf(const std::string& article_id) override;
  Result<std::vector<StoryRow>> ListStories() override;
  Result<Story> GetStory(const std::string& story_id) override;
  Result<int64_t> StoryVersion(const std::string& story_id) override;
  Result<std::optional<std::string>> GetCachedReport(const std::string& story_id,
                                                     const std::string& builder) override;
  Result<bool> PutCachedReport(const std::string& story_id, int64_t story_version,
                               const std::string& builder, const std::string& headline,
                               const std::string& json) override;
  Result<std::optional<std::string>> GetCachedMarkdown(const std::string& story_id,
                                                       const std::string& builder) override;
  Result<bool> PutCachedMarkdown(const std::string& story_id, int64_t story_version,
                                 const std::string& builder, const std::string& markdown) override;
  Result<std::unique_ptr<StoreWrite>> BeginWrite() override;
  Result<int64_t> DataVersion() override;
  Result<std::vector<SearchHit>> Search(const std::string& query, int limit) override;
  Result<std::vector<std::string>> IndexedWords(const std::string& from,
                                                const std::string& to) override;
  Result<bool> HasEntityKey(const std::string& key) override;

 private:
  Result<int64_t> CountQuery(Sql which, std::string_view what);
  Result<sqlite3_stmt*> Statement(Sql which);
  Status RefuseIfReadOnly(std::string_view what) const;
  Result<PutOutcome> PutOne(const Article& article);
  // Steps a statement expected to finish without rows.
  Status StepDone(sqlite3_stmt* stmt, std::string_view what);
  Result<bool> ArticleExists(const std::string& id);
  // Replaces each listed story's headline with its current cached report's.
  Status UseReportHeadlines(std::vector<StoryRow>& rows);
  Result<std::optional<std::string>> GetCachedText(Sql which, const std::string& story_id,
                                                   const std::string& builder);
  // Binds story, version and builder, then `texts` from parameter 4 on.
  Result<bool> PutCachedText(Sql which, const std::string& story_id, int64_t story_version,
                             const std::string& builder,
                             std::initializer_list<const std::string*> texts);

  std::unique_ptr<Db> db_;
  bool read_only_;
  bool tidy_wal_;
  std::array<StatementPtr, kSqlCount> statements_;
};

Result<sqlite3_stmt*> SqliteStore::Statement(Sql which) {
  // Prepared on first use: a read-only tool never pays for the write path.
  if (!statements_[which]) {
    auto stmt = db_->Prepare(kSql[which], "preparing a statement");
    if (!stmt.ok()) return stmt.status();
    statements_[which] = std::move(stmt).value();
  }
  return statements_[which].get();
}

Status SqliteStore::RefuseIfReadOnly(std::string_view what) const {
  if (!read_only_) return Status::Ok();
  return Status::Usage(db_->path() + ": cannot " + std::string(what) +
                       ": the store was opened read-only");
}

Status SqliteStore::StepDone(sqlite3_stmt* stmt, std::string_view what) {
  int rc = sqlite3_step(stmt);
  return rc == SQLITE_DONE ? Status::Ok() : db_->Error(what, rc);
}

Result<PutOutcome> SqliteStore::PutOne(const Article& article) {
  // The schema refuses an empty id too, but only as "CHECK constraint failed".
  if (article.id.empty()) return Status::BadInput(article.locator, "article has no id");
  auto encoded = store_internal::EncodeArticle(article);
  if (!encoded.ok()) return encoded.status();
  const std::string what = "writing article " + article.id + " (" + article.locator + ")";

  auto insert = Statement(kInsertArticle);
  if (!insert.ok()) return insert.status();
  StatementLease row(*insert);
  if (store_internal::BindArticle(row.get(), article, *encoded) != SQLITE_OK) {
    return db_->Error(what);
  }
  if (Status s = StepDone(row.get(), what); !s.ok()) return s;
  if (sqlite3_changes(db_->handle()) == 0) return PutOutcome::kDuplicate;

  // The index entry goes in the same transaction as the row, so the two can
  // never disagree after a crash.
  auto index = Statement(kInsertIndexEntry);
  if (!index.ok()) return index.status();
  StatementLease entry(*index);
  sqlite3_bind_int64(entry.get(), 1, sqlite3_last_insert_rowid(db_->handle()));
  BindText(entry.get(), 2, article.title);
  BindText(entry.get(), 3, encoded->body);
  if (Status s = StepDone(entry.get(), what + " to the search index"); !s.ok()) return s;
  return PutOutcome::kInserted;
}

Result<std::vector<PutOutcome>> SqliteStore::PutArticles(const std::vector<Article>& articles) {
  if (Status s = RefuseIfReadOnly("write articles"); !s.ok()) return s;
  std::vector<PutOutcome> outcomes;
  outcomes.reserve(articles.size());
  if (articles.empty()) return outcomes;

  // One transaction for the batch: a failure anywhere leaves none of it,
  // and one commit per batch instead of per article is what makes ingest fast.
  store_internal::WriteTransaction txn(*db_);
  if (Status s = txn.Begin("starting a write"); !s.ok()) return s;
  for (const Article& article : articles) {
    auto outcome = PutOne(article);
    if (!outcome.ok()) return outcome.status();
    outcomes.push_back(*outcome);
  }
  if (Status s = txn.Commit("committing articles"); !s.ok()) return s;
  return outcomes;
}

Result<Article> SqliteStore::GetArticle(const std::string& id) {
  auto stmt = Statement(kGetArticle);
  if (!stmt.ok()) return stmt.status();
  StatementLease query(*stmt);
  BindText(query.get(), 1, id);
  int rc = sqlite3_step(query.get());
  if (rc == SQLITE_DONE) return Status::NotFound("no article with id " + id);
  if (rc != SQLITE_ROW) return db_->Error("reading article " + id, rc);
  return store_internal::DecodeArticle(query.get());
}

Result<int64_t> SqliteStore::CountQuery(Sql which, std::string_view what) {
  auto stmt = Statement(which);
  if (!stmt.ok()) return stmt.status();
  StatementLease query(*stmt);
  int rc = sqlite3_step(query.get());
  if (rc != SQLITE_ROW) return db_->Error(what, rc);
  return static_cast<int64_t>(sqlite3_column_int64(query.get(), 0));
}

Result<int64_t> SqliteStore::CountArticles() {
  return CountQuery(kCountArticles, "counting articles");
}

Result<int64_t> SqliteStore::CountUnassigned() {
  return CountQuery(kCountUnassigned, "counting articles in no story");
}

// The unit is the outermost WriteTransaction; the store's own writes open
// nested ones (savepoints) inside it.
class SqliteWrite final : public StoreWrite {
 public:
  explicit SqliteWrite(Db& db) : txn_(db) {}
  Status Begin() { return txn_.Begin("starting a write"); }
  Status Commit() override { return txn_.Commit("committing"); }

 private:
  store_internal::WriteTransaction txn_;
};

Result<std::unique_ptr<StoreWrite>> SqliteStore::BeginWrite() {
  if (Status s = RefuseIfReadOnly("write"); !s.ok()) return s;
  if (!sqlite3_get_autocommit(db_->handle())) {
    return Status::Usage(db_->path() + ": a write is already open on this store");
  }
  auto write = std::make_unique<SqliteWrite>(*db_);
  if (Status s = write->Begin(); !s.ok()) return s;
  return std::unique_ptr<StoreWrite>(std::move(write));
}

Result<int64_t> SqliteStore::DataVersion() {
  return db_->QueryInt("PRAGMA data_version", "reading the data version");
}

Status SqliteStore::ForEachArticle(const std::function<void(Article&&)>& fn) {
  // Prepared per call, not cached: `fn` may itself call into the store (even
  // ForEachArticle), which would reset a shared statement mid-iteration.
  auto stmt = db_->Prepare("SELECT " NEWSFUSE_ARTICLE_COLUMNS " FROM articles ORDER BY seq",
                           "listing articles");
  if (!stmt.ok()) return stmt.status();
  int rc;
  while ((rc = sqlite3_step(stmt->get())) == SQLITE_ROW) {
    auto article = store_internal::DecodeArticle(stmt->get());
    if (!article.ok()) return article.status();
    fn(std::move(article).value());
  }
  return rc == SQLITE_DONE ? Status::Ok() : db_->Error("listing articles", rc);
}

Status SqliteStore::ForEachStoredArticle(const std::function<void(StoredArticle&&)>& fn) {
  // One walk with the joins, not a lookup per article: the restore reads
  // every stored article. Prepared per call, as in ForEachArticle.
  auto stmt = db_->Prepare("SELECT " NEWSFUSE_ARTICLE_COLUMNS
                           ", m.story_id, s.analyser, s.signals FROM articles "
                           "LEFT JOIN story_members m ON m.article_id = articles.id "
                           "LEFT JOIN article_signals s ON s.article_id = articles.id "
                           "ORDER BY articles.seq",
                           "listing articles with their stories");
  if (!stmt.ok()) return stmt.status();
  constexpr int kStory = 12;  // the first column after NEWSFUSE_ARTICLE_COLUMNS
  auto text = [&](int column) {
    const unsigned char* value = sqlite3_column_text(stmt->get(), column);
    return value ? std::string(reinterpret_cast<const char*>(value),
                               static_cast<size_t>(sqlite3_column_bytes(stmt->get(), column)))
                 : std::string();
  };
  int rc;
  while ((rc = sqlite3_step(stmt->get())) == SQLITE_ROW) {
    auto article = store_internal::DecodeArticle(stmt->get());
    if (!article.ok()) return article.status();
    StoredArticle stored{std::move(article).value(), text(kStory), text(kStory + 1),
                         text(kStory + 2)};
    fn(std::move(stored));
  }
  return rc == SQLITE_DONE ? Status::Ok() : db_->Error("listing articles with their stories", rc);
}

Status SqliteStore::PutArticleSignals(const std::string& article_id, const std::string& analyser,
                                      const std::string& signals) {
  if (Status s = RefuseIfReadOnly("keep article signals"); !s.ok()) return s;
  auto exists = ArticleExists(article_id);
  if (!exists.ok()) return exists.status();
  if (!*exists) return Status::NotFound("no article with id " + article_id);
  auto stmt = Statement(kPutSignals);
  if (!stmt.ok()) return stmt.status();
  StatementLease upsert(*stmt);
  BindText(upsert.get(), 1, article_id);
  BindText(upsert.get(), 2, analyser);
  BindText(upsert.get(), 3, signals);
  return StepDone(upsert.get(), "keeping the signals of article " + article_id);
}

Status SqliteStore::PutClusterState(const std::vector<std::pair<std::string, std::string>>& put,
                                    const std::vector<std::string>& erase, bool replace_all) {
  if (Status s = RefuseIfReadOnly("keep the clusterer's state"); !s.ok()) return s;
  const std::string what = "keeping the clusterer's state";
  store_internal::WriteTransaction txn(*db_);
  if (Status s = txn.Begin(what); !s.ok()) return s;
  if (replace_all) {
    if (Status s = db_->Exec("DELETE FROM cluster_state", what); !s.ok()) return s;
  }
  for (const std::string& key : erase) {
    auto stmt = Statement(kEraseState);
    if (!stmt.ok()) return stmt.status();
    StatementLease del(*stmt);
    BindText(del.get(), 1, key);
    if (Status s = StepDone(del.get(), what); !s.ok()) return s;
  }
  for (const auto& [key, value] : put) {
    auto stmt = Statement(kPutState);
    if (!stmt.ok()) return stmt.status();
    StatementLease upsert(*stmt);
    BindText(upsert.get(), 1, key);
    // A blob: the bytes are not text. Bound without a copy, as BindText does.
    sqlite3_bind_blob64(upsert.get(), 2, value.data(), value.size(), SQLITE_STATIC);
    if (Status s = StepDone(upsert.get(), what); !s.ok()) return s;
  }
  return txn.Commit(what);
}

namespace {

std::string BlobColumn(sqlite3_stmt* stmt, int column) {
  const auto* value = static_cast<const char*>(sqlite3_column_blob(stmt, column));
  const auto size = static_cast<size_t>(sqlite3_column_bytes(stmt, column));
  return value ? std::string(value, size) : std::string();
}

}  // namespace

Result<std::vector<std::pair<std::string, std::string>>> SqliteStore::GetClusterStateExcept(
    const std::vector<std::string>& prefixes) {
  const std::string what = "reading the clusterer's state";
  std::vector<std::pair<std::string, std::string>> rows;
  // A range at a time, in key order: by the key's index, past the rows left
  // out. The end of a range is tested here, not in SQL: SQLite would compare
  // each row's whole record (the value's overflow pages too) with the bound,
  // which doubled the cost of reading the 15 MB of story rows.
  auto stmt =
      db_->Prepare("SELECT key, value FROM cluster_state WHERE key >= ?1 ORDER BY key", what);
  if (!stmt.ok()) return stmt.status();
  for (const auto& [from, to] : store_internal::KeyRangesWithout(prefixes)) {
    sqlite3_reset(stmt->get());
    BindText(stmt->get(), 1, from);
    int rc;
    while ((rc = sqlite3_step(stmt->get())) == SQLITE_ROW) {
      std::string key = ColumnText(stmt->get(), 0);
      if (to && key >= *to) {
        rc = SQLITE_DONE;
        break;
      }
      rows.emplace_back(std::move(key), BlobColumn(stmt->get(), 1));
    }
    if (rc != SQLITE_DONE) return db_->Error(what, rc);
  }
  return rows;
}

Result<std::vector<std::pair<std::string, std::string>>> SqliteStore::GetClusterStateRows(
    const std::vector<std::string>& keys) {
  const std::string what = "reading rows of the clusterer's state";
  std::vector<std::string> sorted = keys;
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  std::vector<std::pair<std::string, std::string>> rows;
  for (const std::string& key : sorted) {
    auto stmt = Statement(kGetState);
    if (!stmt.ok()) return stmt.status();
    StatementLease query(*stmt);
    BindText(query.get(), 1, key);
    const int rc = sqlite3_step(query.get());
    if (rc == SQLITE_ROW) {
      rows.emplace_back(key, BlobColumn(query.get(), 0));
    } else if (rc != SQLITE_DONE) {
      return db_->Error(what, rc);
    }
  }
  return rows;
}

Result<bool> SqliteStore::ArticleExists(const std::string& id) {
  auto stmt = Statement(kArticleExists);
  if (!stmt.ok()) return stmt.status();
  StatementLease query(*stmt);
  BindText(query.get(), 1, id);
  int rc = sqlite3_step(query.get());
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return db_->Error("looking up article " + id, rc);
  return rc == SQLITE_ROW;
}

Status SqliteStore::AssignToStory(const std::string& story_id, const std::string& article_id,
                                  const std::string& copy_of) {
  if (Status s = RefuseIfReadOnly("assign stories"); !s.ok()) return s;
  if (story_id.empty()) return Status::Usage("story id must not be empty");
  if (copy_of == article_id) {
    return Status::Usage("article " + article_id + " cannot be a copy of itself");
  }
  // The foreign keys would refuse an unknown article too, but only as an
  // opaque constraint failure; the caller deserves NotFound and the id.
  for (const std::string* id : {&article_id, &copy_of}) {
    if (id->empty()) continue;
    auto exists = ArticleExists(*id);
    if (!exists.ok()) return exists.status();
    if (!*exists) return Status::NotFound("no article with id " + *id);
  }

  auto stmt = Statement(kAssign);
  if (!stmt.ok()) return stmt.status();
  StatementLease upsert(*stmt);
  BindText(upsert.get(), 1, article_id);
  BindText(upsert.get(), 2, story_id);
  // Unbound parameters are NULL (StatementLease clears bindings on release).
  if (!copy_of.empty()) BindText(upsert.get(), 3, copy_of);
  return StepDone(upsert.get(), "assigning article " + article_id + " to story " + story_id);
}

Result<std::string> SqliteStore::StoryOf(const std::string& article_id) {
  auto stmt = Statement(kStoryOf);
  if (!stmt.ok()) return stmt.status();
  StatementLease query(*stmt);
  BindText(query.get(), 1, article_id);
  int rc = sqlite3_step(query.get());
  if (rc == SQLITE_DONE) return Status::NotFound("article " + article_id + " is in no story");
  if (rc != SQLITE_ROW) return db_->Error("reading the story of " + article_id, rc);
  return ColumnText(query.get(), 0);
}

Result<Story> SqliteStore::GetStory(const std::string& story_id) {
  auto stmt = Statement(kStoryArticles);
  if (!stmt.ok()) return stmt.status();
  StatementLease query(*stmt);
  BindText(query.get(), 1, story_id);
  Story story;
  story.id = story_id;
  int rc;
  while ((rc = sqlite3_step(query.get())) == SQLITE_ROW) {
    story.article_ids.push_back(ColumnText(query.get(), 0));
    std::string original = ColumnText(query.get(), 1);  // "" for NULL: not a copy
    if (!original.empty()) story.copy_of.emplace(story.article_ids.back(), std::move(original));
  }
  if (rc != SQLITE_DONE) return db_->Error("reading story " + story_id, rc);
  if (story.article_ids.empty()) return Status::NotFound("no story with id " + story_id);
  return story;
}

Result<std::vector<StoryRow>> SqliteStore::ListStories() {
  auto stmt = Statement(kAllMemberships);
  if (!stmt.ok()) return stmt.status();
  StatementLease query(*stmt);
  store_internal::StoryRowBuilder builder;
  int rc;
  while ((rc = sqlite3_step(query.get())) == SQLITE_ROW) {
    store_internal::MemberRow member;
    member.story_id = ColumnText(query.get(), 0);
    member.article_id = ColumnText(query.get(), 1);
    member.title = ColumnText(query.get(), 2);
    member.outlet = ColumnText(query.get(), 3);
    member.published = ColumnText(query.get(), 4);
    member.copy_of = ColumnText(query.get(), 5);
    if (Status s = builder.Add(std::move(member)); !s.ok()) return s;
  }
  if (rc != SQLITE_DONE) return db_->Error("listing stories", rc);
  std::vector<StoryRow> rows = builder.Finish();
  if (Status s = UseReportHeadlines(rows); !s.ok()) return s;
  return rows;
}

Status SqliteStore::UseReportHeadlines(std::vector<StoryRow>& rows) {
  auto stmt = Statement(kCachedHeadlines);
  if (!stmt.ok()) return stmt.status();
  StatementLease query(*stmt);
  std::unordered_map<std::string, std::string> headlines;
  int rc;
  while ((rc = sqlite3_step(query.get())) == SQLITE_ROW) {
    headlines.emplace(ColumnText(query.get(), 0), ColumnText(query.get(), 1));
  }
  if (rc != SQLITE_DONE) return db_->Error("reading cached headlines", rc);
  for (StoryRow& row : rows) {
    auto it = headlines.find(row.story.id);
    if (it != headlines.end() && !it->second.empty()) row.headline = it->second;
  }
  return Status::Ok();
}

Result<int64_t> SqliteStore::StoryVersion(const std::string& story_id) {
  auto stmt = Statement(kStoryVersion);
  if (!stmt.ok()) return stmt.status();
  StatementLease query(*stmt);
  BindText(query.get(), 1, story_id);
  int rc = sqlite3_step(query.get());
  if (rc == SQLITE_DONE) return Status::NotFound("no story with id " + story_id);
  if (rc != SQLITE_ROW) return db_->Error("reading the version of story " + story_id, rc);
  return static_cast<int64_t>(sqlite3_column_int64(query.get(), 0));
}

// The report and its Markdown are two text columns of one cache row: they are
// read and written alike, only the statement and the texts bound differ.
Result<std::optional<std::string>> SqliteStore::GetCachedText(Sql which,
                                                              const std::string& story_id,
                                                              const std::string& builder) {
  auto stmt = Statement(which);
  if (!stmt.ok()) return stmt.status();
  StatementLease query(*stmt);
  BindText(query.get(), 1, story_id);
  BindText(query.get(), 2, builder);
  int rc = sqlite3_step(query.get());
  if (rc == SQLITE_DONE) return std::optional<std::string>();
  if (rc != SQLITE_ROW) return db_->Error("reading the cached report of story " + story_id, rc);
  return std::optional<std::string>(ColumnText(query.get(), 0));
}

Result<bool> SqliteStore::PutCachedText(Sql which, const std::string& story_id,
                                        int64_t story_version, const std::string& builder,
                                        std::initializer_list<const std::string*> texts) {
  if (Status s = RefuseIfReadOnly("cache a report"); !s.ok()) return s;
  auto stmt = Statement(which);
  if (!stmt.ok()) return stmt.status();
  StatementLease write(*stmt);
  BindText(write.get(), 1, story_id);
  sqlite3_bind_int64(write.get(), 2, story_version);
  BindText(write.get(), 3, builder);
  int index = 4;
  for (const std::string* text : texts) BindText(write.get(), index++, *text);
  if (Status s = StepDone(write.get(), "caching the report of story " + story_id); !s.ok()) {
    return s;
  }
  return sqlite3_changes(db_->handle()) > 0;
}

Result<std::optional<std::string>> SqliteStore::GetCachedReport(const std::string& story_id,
                                                                const std::string& builder) {
  return GetCachedText(kGetCachedReport, story_id, builder);
}

Result<bool> SqliteStore::PutCachedReport(const std::string& story_id, int64_t story_version,
                                          const std::string& builder, const std::string& headline,
                                          const std::string& json) {
  return PutCachedText(kPutCachedReport, story_id, story_version, builder, {&headline, &json});
}

Result<std::optional<std::string>> SqliteStore::GetCachedMarkdown(const std::string& story_id,
                                                                  const std::string& builder) {
  return GetCachedText(kGetCachedMarkdown, story_id, builder);
}

Result<bool> SqliteStore::PutCachedMarkdown(const std::string& story_id, int64_t story_version,
                                            const std::string& builder,
                                            const std::string& markdown) {
  return PutCachedText(kPutCachedMarkdown, story_id, story_version, builder, {&markdown});
}

Result<std::vector<SearchHit>> SqliteStore::Search(const std::string& query, int limit) {
  if (query.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Status::Usage("empty search query");
  }
  if (limit <= 0) return Status::Usage("search limit must be positive");
  auto stmt = Statement(kSearch);
  if (!stmt.ok()) return stmt.status();
  StatementLease search(*stmt);
  BindText(search.get(), 1, query);
  sqlite3_bind_int(search.get(), 2, limit);

  std::vector<SearchHit> hits;
  int rc;
  while ((rc = sqlite3_step(search.get())) == SQLITE_ROW) {
    SearchHit hit;
    hit.article_id = ColumnText(search.get(), 0);
    hit.story_id = ColumnText(search.get(), 1);
    hit.title = ColumnText(search.get(), 2);
    hit.outlet = ColumnText(search.get(), 3);
    hit.snippet = CollapseWhitespace(ColumnText(search.get(), 4));
    // bm25 is lower-is-better and negative; flip it so callers sort naturally.
    hit.score = -sqlite3_column_double(search.get(), 5);
    hit.published = ColumnText(search.get(), 6);
    hit.copy_of = ColumnText(search.get(), 7);
    hits.push_back(std::move(hit));
  }
  // The statement is already prepared, so a plain SQLITE_ERROR from step can
  // only come from FTS5 parsing the query: the user's mistake, not the store's.
  if ((rc & 0xff) == SQLITE_ERROR) {
    return Status::Usage("search query '" + query +
                         "' is not valid: " + sqlite3_errmsg(db_->handle()) +
                         " (put phrases and hyphenated words in double quotes)");
  }
  if (rc != SQLITE_DONE) return db_->Error("searching", rc);
  return hits;
}

Result<std::vector<std::string>> SqliteStore::IndexedWords(const std::string& from,
                                                           const std::string& to) {
  // fts5vocab reads the index's own term list; a TEMP table, so a read-only
  // connection may create it and the store file is untouched.
  if (Status s = db_->Exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocab "
                           "USING fts5vocab(main, 'articles_fts', 'row')",
                           "reading the search vocabulary");
      !s.ok()) {
    return s;
  }
  auto stmt = db_->Prepare("SELECT term FROM temp.search_vocab WHERE term >= ?1 AND term < ?2",
                           "reading the search vocabulary");
  if (!stmt.ok()) return stmt.status();
  BindText(stmt->get(), 1, from);
  BindText(stmt->get(), 2, to);
  std::vector<std::string> words;
  int rc;
  while ((rc = sqlite3_step(stmt->get())) == SQLITE_ROW)
    words.push_back(ColumnText(stmt->get(), 0));
  if (rc != SQLITE_DONE) return db_->Error("reading the search vocabulary", rc);
  return words;
}

Result<bool> SqliteStore::HasEntityKey(const std::string& key) {
  // The signals are the pipeline's JSON, entities as [type, "key"]
  // (pipeline/cluster_signals.h): the key closes a pair, so `,"key"]`
  // matches that key and no longer one, and ` key"]` a longer key's last
  // word ("muammar qaddafi", a full name the analysis kept whole).
  auto stmt = db_->Prepare(
      "SELECT 1 FROM article_signals WHERE instr(signals, ?1) > 0 OR instr(signals, ?2) > 0 "
      "LIMIT 1",
      "looking up an entity key");
  if (!stmt.ok()) return stmt.status();
  // Bound without a copy (BindText): the patterns must outlive the step.
  const std::string whole = ",\"" + key + "\"]", last_word = " " + key + "\"]";
  BindText(stmt->get(), 1, whole);
  BindText(stmt->get(), 2, last_word);
  const int rc = sqlite3_step(stmt->get());
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) return db_->Error("looking up an entity key", rc);
  return false;
}

// ---- Opening ----

int OpenFlags(bool read_only) {
  // NOMUTEX: a Store is used by one thread at a time (see store.h), so
  // SQLite's per-connection mutex would be pure overhead.
  int flags = SQLITE_OPEN_NOMUTEX;
  return flags | (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
}

bool IsBusy(int rc) { return (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED; }

// Errors that mean the file or its folder cannot be written (a read-only
// file, folder or disk), as opposed to a broken or foreign file.
bool IsUnwritable(int rc) {
  return (rc & 0xff) == SQLITE_READONLY || (rc & 0xff) == SQLITE_CANTOPEN ||
         (rc & 0xff) == SQLITE_PERM || (rc & 0xff) == SQLITE_AUTH;
}

Status Unwritable(const std::string& path) {
  std::filesystem::path folder = std::filesystem::path(path).parent_path();
  if (folder.empty()) folder = ".";
  return Status::StoreError(path + ": cannot write to this store: the file or its folder " +
                            folder.string() +
                            " is read-only (`stories`, `story` and `search` can still read it)");
}

// Switching to WAL needs a moment of exclusive access. When another process
// is creating the same file, SQLite may answer "locked" at once instead of
// calling the busy handler (to avoid a deadlock between two lock upgrades),
// so the switch is retried here until the busy timeout.
Status EnableWal(Db& db) {
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::milliseconds(db.busy_timeout_ms());
  for (int attempt = 0;; ++attempt) {
    {  // the statement is finalized before any sleep, releasing its lock
      auto stmt = db.Prepare("PRAGMA journal_mode = WAL", "enabling WAL");
      if (!stmt.ok() && !IsBusy(db.last_error_code())) return stmt.status();
      int rc = stmt.ok() ? sqlite3_step(stmt->get()) : db.last_error_code();
      // The pragma answers with the mode now in force: "memory" for an
      // in-memory store, the old mode on a file system without WAL support,
      // which SQLite handles, as before.
      if (rc == SQLITE_ROW) return Status::Ok();
      if (!IsBusy(rc)) return db.Error("enabling WAL", rc);
      if (std::chrono::steady_clock::now() >= deadline) return db.Error("enabling WAL", rc);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5 + 5 * std::min(attempt, 10)));
  }
}

Status Configure(Db& db, const SqliteStoreOptions& options) {
  // WAL lets readers in other processes run beside one writer; NORMAL
  // synchronous is durable across application crashes and only risks the last
  // commits on power loss, which re-ingest repairs. Switching journal mode
  // writes to the file, so a read-only connection keeps whatever is there.
  if (!options.read_only) {
    if (Status s = EnableWal(db); !s.ok()) return s;
  }
  return db.Exec("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON",
                 "configuring the connection");
}

// "file:" URI for a path, escaping what a URI would otherwise read as syntax.
std::string FileUri(const std::string& path) {
  std::string uri = "file:";
  for (char c : path) {
    if (c == '%' || c == '?' || c == '#') {
      static constexpr char kHex[] = "0123456789ABCDEF";
      uri += '%';
      uri += kHex[(static_cast<unsigned char>(c) >> 4) & 0xf];
      uri += kHex[static_cast<unsigned char>(c) & 0xf];
    } else {
      uri += c;
    }
  }
  return uri;
}

// On a read-only disk or folder SQLite cannot create the -shm file a WAL
// store is read through. Nobody can write such a file, so it may be read as
// immutable, which needs no -shm and takes no locks.
Result<std::unique_ptr<Db>> OpenImmutable(const std::string& path,
                                          const SqliteStoreOptions& options) {
  auto db = std::make_unique<Db>();
  if (Status s =
          db->Open(FileUri(path) + "?immutable=1", OpenFlags(/*read_only=*/true) | SQLITE_OPEN_URI);
      !s.ok()) {
    return s;
  }
  db->SetTimeouts(options.busy_timeout_ms, options.write_wait_ms);
  return db;
}

}  // namespace

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path,
                                               const SqliteStoreOptions& options) {
  auto db = std::make_unique<Db>();
  const bool exists = path != ":memory:" && std::filesystem::exists(path);
  std::error_code ec;
  const bool tidy_wal = options.read_only && exists &&
                        !std::filesystem::exists(path + "-wal", ec) &&
                        !std::filesystem::exists(path + "-shm", ec);
  if (Status s = db->Open(path, OpenFlags(options.read_only)); !s.ok()) {
    if (options.read_only && (db->last_error_code() & 0xff) == SQLITE_CANTOPEN) {
      return Status::StoreError(path + ": no store there (a read-only open never creates one)");
    }
    if (exists && IsUnwritable(db->last_error_code())) return Unwritable(path);
    return s;
  }
  // Before anything reads the file, so even the first check waits for a
  // writer in another process instead of failing with "database is locked".
  db->SetTimeouts(options.busy_timeout_ms, options.write_wait_ms);
  // SQLite quietly opens a file it may not write read-only; say so now rather
  // than on the first write, halfway through an ingest.
  if (!options.read_only && sqlite3_db_readonly(db->handle(), "main") == 1) {
    return Unwritable(path);
  }

  auto version = store_internal::CheckSchema(*db);
  if (!version.ok() && options.read_only && IsUnwritable(db->last_error_code())) {
    // A writer killed mid-run leaves a WAL that needs recovery, which only a
    // connection allowed to write its index can run; where the file can be
    // written, run it, so a reader after a crash sees the last commits.
    {
      Db recover;
      if (recover.Open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX).ok()) {
        recover.SetTimeouts(options.busy_timeout_ms, options.write_wait_ms);
        if (sqlite3_db_readonly(recover.handle(), "main") == 0) {
          (void)recover.QueryInt("PRAGMA user_version", "recovering the WAL");
        }
      }
    }
    version = store_internal::CheckSchema(*db);
  }
  if (!version.ok() && options.read_only && IsUnwritable(db->last_error_code())) {
    auto immutable = OpenImmutable(path, options);
    if (!immutable.ok()) return version.status();
    db = std::move(immutable).value();
    version = store_internal::CheckSchema(*db);
  }
  if (!version.ok()) {
    if (!options.read_only && IsUnwritable(db->last_error_code())) return Unwritable(path);
    return version.status();
  }
  if (options.read_only && *version < kSqliteSchemaVersion) {
    return store_internal::ReadOnlyNeedsUpgrade(db->path(), *version, kSqliteSchemaVersion);
  }
  Status configured = Configure(*db, options);
  if (configured.ok() && !options.read_only) configured = store_internal::Migrate(*db, *version);
  if (!configured.ok()) {
    if (!options.read_only && IsUnwritable(db->last_error_code())) return Unwritable(path);
    return configured;
  }
  return std::unique_ptr<Store>(new SqliteStore(std::move(db), options.read_only, tidy_wal));
}

std::string DefaultDatabasePath() {
  const char* env = std::getenv("NEWSFUSE_DB");
  return env != nullptr && *env != '\0' ? env : "newsfuse.db";
}

}  // namespace newsfuse
