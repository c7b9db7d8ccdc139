// The PostgreSQL implementation of Store.
//
// One connection per Store, with the SQLite store's contracts (store.h):
// every write is one transaction, taken under the store's write lock (an
// advisory lock, postgres_schema.h) so that writers take turns as in SQLite
// and a BeginWrite unit can read, decide and write as one step; the writes
// made inside a unit are savepoints of its transaction. Readers never wait.
//
// Story assignments made inside a unit are held and written as one
// multi-row upsert when anything next reads stories (or at Commit): a
// cluster-worker batch decides hundreds of articles, and a savepoint and an
// upsert each were its bound (bench/scale/README.md). So inside a unit an
// unknown article is reported by that read or by Commit, not by
// AssignToStory.
//
// The one exception is PutArticles outside a unit: it takes no lock, so N
// queue workers store in parallel. It needs none: the insert decides
// nothing from what it reads, and INSERT ... ON CONFLICT DO NOTHING on the
// content id is atomic against every other writer (one of two racing
// inserts of an id waits for the other's transaction, then skips the row).
#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "core/hex.h"
#include "core/utf8.h"
#include "store/article_codec.h"
#include "store/postgres_db.h"
#include "store/postgres_query.h"
#include "store/postgres_schema.h"
#include "store/schema_version.h"
#include "store/search_text.h"
#include "store/state_key_ranges.h"
#include "store/store.h"
#include "store/story_rows.h"

namespace newsfuse {
namespace {

using store_internal::CellText;
using store_internal::PgConn;
using store_internal::PgResultPtr;
using store_internal::PgTransaction;

#define NEWSFUSE_PG_ARTICLE_PARAMS "$1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12"

// PostgreSQL refuses a tsvector over 1 MB, which a long enough body of
// distinct words reaches; the index reads this much of each body, which
// bounds it far below that (the article itself is stored whole).
constexpr size_t kMaxIndexedBodyBytes = 256 * 1024;

// Articles per INSERT statement: 14 parameters each, far below PostgreSQL's
// 65,535 per statement, and one round trip for a whole worker batch.
constexpr size_t kInsertRows = 512;

// Rows ForEachArticle reads per query: bounded memory, and no cursor held
// open while the callback writes.
constexpr int kArticlePage = 256;

// Ids per GetStoredArticles query: a cluster-worker batch in one round trip.
constexpr size_t kLookupRows = 1000;

// Story assignments per upsert: 3 parameters each.
constexpr size_t kAssignRows = 1000;

// Clusterer state rows per statement; the full state of a large store is
// many statements of one transaction.
constexpr size_t kStateRows = 1000;

struct Assignment {
  std::string story_id, article_id, copy_of;  // copy_of empty: keep the mark held
};

int64_t ToInt(const std::string& text) { return std::strtoll(text.c_str(), nullptr, 10); }

int64_t AffectedRows(const PGresult* result) {
  return ToInt(PQcmdTuples(const_cast<PGresult*>(result)));
}

Result<Article> DecodeRow(const PGresult* result, int row) {
  store_internal::ArticleColumns columns;
  for (size_t i = 0; i < columns.size(); ++i) {
    const int column = static_cast<int>(i);
    if (!store_internal::CellIsNull(result, row, column))
      columns[i] = CellText(result, row, column);
  }
  return store_internal::DecodeArticleColumns(std::move(columns));
}

// libpq passes text parameters as C strings, so a NUL would silently cut
// the value short. JSON fields escape it; the plain ones cannot.
Status RefuseNul(const Article& a) {
  for (const std::string* field :
       {&a.id, &a.locator, &a.url, &a.outlet, &a.title, &a.dateline, &a.language}) {
    if (field->find('\0') != std::string::npos) {
      return Status::BadInput(
          a.locator, "article " + a.id + " holds a NUL character, which PostgreSQL cannot store");
    }
  }
  return Status::Ok();
}

std::string SearchText(std::string_view text, size_t max_bytes) {
  // NUL, like all punctuation, becomes a space: libpq cannot pass it.
  return store_internal::SearchWords(Utf8Prefix(text, max_bytes));
}

class PostgresStore;

class PostgresWrite final : public StoreWrite {
 public:
  PostgresWrite(PostgresStore& store, PgConn& conn) : store_(store), txn_(conn) {}
  ~PostgresWrite() override;
  Status Begin(const StoreOptions& options);
  Status Commit() override;

 private:
  PostgresStore& store_;
  PgTransaction txn_;
};

class PostgresStore final : public Store {
 public:
  PostgresStore(std::unique_ptr<PgConn> conn, const StoreOptions& options)
      : conn_(std::move(conn)), options_(options) {}

  Status Init();

  Result<std::vector<PutOutcome>> PutArticles(const std::vector<Article>& articles) override;
  Result<Article> GetArticle(const std::string& id) override;
  Result<bool> HasArticle(const std::string& id) override;
  Result<std::vector<StoredArticle>> GetStoredArticles(
      const std::vector<std::string>& ids) override;
  Result<int64_t> CountArticles() override {
    return conn_->QueryInt("counting articles", "SELECT count(*) FROM articles");
  }
  Result<int64_t> CountUnassigned() override {
    if (Status s = FlushAssignments(); !s.ok()) return s;
    return conn_->QueryInt("counting articles in no story",
                           "SELECT count(*) FROM articles a WHERE NOT EXISTS "
                           "(SELECT 1 FROM story_members m WHERE m.article_id = a.id)");
  }
  Status ForEachArticle(const std::function<void(Article&&)>& fn) override;
  Status PutClusterState(const std::vector<std::pair<std::string, std::string>>& put,
                         const std::vector<std::string>& erase, bool replace_all) override;
  Result<std::vector<std::pair<std::string, std::string>>> GetClusterStateExcept(
      const std::vector<std::string>& prefixes) override;
  Result<std::vector<std::pair<std::string, std::string>>> GetClusterStateRows(
      const std::vector<std::string>& keys) override;
  bool KeepsClusterState() const override { return true; }
  bool ReadsAreRoundTrips() const override { return true; }
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
  Result<std::unique_ptr<StoreWrite>> BeginWrite() override;
  Result<int64_t> DataVersion() override;
  Result<std::vector<SearchHit>> Search(const std::string& query, int limit) override;

 private:
  friend class PostgresWrite;

  Status RefuseIfReadOnly(std::string_view what) const;
  // Runs `body` as one write: a savepoint of the open unit, else a
  // transaction of its own, under the write lock unless `lock` is false,
  // committed here.
  Status Write(std::string_view what, const std::function<Status()>& body, bool lock = true);
  // Commits the outermost transaction, counting the commit in
  // newsfuse_meta when it wrote, so other stores see DataVersion move.
  Status CommitOutermost(PgTransaction& txn, std::string_view what, bool wrote);
  // Writes `rows` (no article twice) as one write: one upsert per
  // kAssignRows; NotFound naming an unknown article or original.
  Status WriteAssignments(const std::vector<Assignment>& rows);
  // Writes the assignments held in the open unit; every read of stories
  // calls it first.
  Status FlushAssignments();
  // One multi-row INSERT of `articles` (at most kInsertRows), ids of the
  // rows it wrote added to `inserted`.
  Status InsertRows(const std::vector<const Article*>& articles,
                    std::unordered_multiset<std::string>& inserted);

  std::unique_ptr<PgConn> conn_;
  StoreOptions options_;
  bool unit_open_ = false;
  bool unit_wrote_ = false;
  std::vector<Assignment> held_;                        // in the order first assigned
  std::unordered_map<std::string, size_t> held_index_;  // article id -> index in held_
  int64_t seen_commits_ = 0;  // newsfuse_meta.commits as this store last accounted for it
  int64_t data_version_ = 1;
};

PostgresWrite::~PostgresWrite() {
  // Not committed: what the unit held goes with its rollback.
  store_.held_.clear();
  store_.held_index_.clear();
  store_.unit_open_ = false;
}

Status PostgresWrite::Begin(const StoreOptions& options) {
  return txn_.Begin("starting a write", store_internal::kWriteLockSql, options.write_wait_ms,
                    options.busy_timeout_ms);
}

Status PostgresWrite::Commit() {
  if (Status s = store_.FlushAssignments(); !s.ok()) return s;
  Status status = store_.CommitOutermost(txn_, "committing", store_.unit_wrote_);
  store_.unit_wrote_ = false;
  return status;
}

Status PostgresStore::Init() {
  auto commits = conn_->QueryInt("reading the commit count", "SELECT commits FROM newsfuse_meta");
  if (!commits.ok()) return commits.status();
  seen_commits_ = *commits;
  return Status::Ok();
}

Status PostgresStore::RefuseIfReadOnly(std::string_view what) const {
  if (!options_.read_only) return Status::Ok();
  return Status::Usage(conn_->name() + ": cannot " + std::string(what) +
                       ": the store was opened read-only");
}

Status PostgresStore::CommitOutermost(PgTransaction& txn, std::string_view what, bool wrote) {
  int64_t counted = -1;
  if (wrote) {
    auto bumped = conn_->QueryInt(what,
                                  "UPDATE newsfuse_meta SET commits = commits + 1 "
                                  "RETURNING commits");
    if (!bumped.ok()) return bumped.status();
    counted = *bumped;
  }
  if (Status s = txn.Commit(what); !s.ok()) return s;
  // Ours alone since this store last looked: nothing new for DataVersion.
  // Otherwise the count keeps the gap and the next read sees the change.
  if (wrote && counted - 1 == seen_commits_) seen_commits_ = counted;
  return Status::Ok();
}

Status PostgresStore::Write(std::string_view what, const std::function<Status()>& body, bool lock) {
  PgTransaction txn(*conn_);
  // Unlocked, a row lock (an id another transaction is inserting) is the
  // only wait, and as long as that writer's unit may be.
  if (Status s = txn.Begin(what, lock ? store_internal::kWriteLockSql : std::string(),
                           options_.write_wait_ms,
                           lock ? options_.busy_timeout_ms : options_.write_wait_ms);
      !s.ok()) {
    return s;
  }
  if (Status s = body(); !s.ok()) return s;
  if (txn.nested()) {
    unit_wrote_ = true;
    return txn.Commit(what);
  }
  return CommitOutermost(txn, what, /*wrote=*/true);
}

Status PostgresStore::InsertRows(const std::vector<const Article*>& articles,
                                 std::unordered_multiset<std::string>& inserted) {
  // Encoded first: the strings the parameters point at live until Exec.
  struct Encoded {
    store_internal::EncodedArticle columns;
    std::string title_text, body_text;
  };
  std::vector<Encoded> encoded;
  encoded.reserve(articles.size());
  std::string sql = "INSERT INTO articles(" NEWSFUSE_ARTICLE_COLUMNS ", search) VALUES ";
  std::vector<const std::string*> params;
  params.reserve(articles.size() * 14);
  for (const Article* article : articles) {
    if (article->id.empty()) return Status::BadInput(article->locator, "article has no id");
    if (Status s = RefuseNul(*article); !s.ok()) return s;
    auto columns = store_internal::EncodeArticle(*article);
    if (!columns.ok()) return columns.status();
    encoded.push_back({std::move(columns).value(), {}, {}});
  }
  for (size_t i = 0; i < articles.size(); ++i) {
    const Article& a = *articles[i];
    Encoded& e = encoded[i];
    e.title_text = SearchText(a.title, kMaxIndexedBodyBytes);
    e.body_text = SearchText(e.columns.body, kMaxIndexedBodyBytes);
    const std::string* published = e.columns.published ? &*e.columns.published : nullptr;
    const std::string* updated = e.columns.updated ? &*e.columns.updated : nullptr;
    // The row and its index entry are one row: a crash cannot split them.
    sql += i == 0 ? "(" : ", (";
    for (int k = 1; k <= 14; ++k) {
      const std::string p = "$" + std::to_string(params.size() + static_cast<size_t>(k));
      if (k == 13) {
        sql += "setweight(to_tsvector('newsfuse_english', " + p + "), 'A') || ";
      } else if (k == 14) {
        sql += "to_tsvector('newsfuse_english', " + p + "))";
      } else {
        sql += p + ", ";
      }
    }
    for (const std::string* param : std::initializer_list<const std::string*>{
             &a.id, &a.locator, &a.url, &a.outlet, &a.title, &e.columns.authors, published, updated,
             &a.dateline, &a.language, &e.columns.paragraphs, &e.columns.field_sources,
             &e.title_text, &e.body_text}) {
      params.push_back(param);
    }
  }
  // Rows go in in VALUES order (seq follows the batch); an id stored
  // already, or twice in the batch, is skipped and not returned.
  sql += " ON CONFLICT (id) DO NOTHING RETURNING id";
  // One statement cannot say which row failed: the message names the range.
  auto result = conn_->Exec("writing " + std::to_string(articles.size()) + " articles (" +
                                articles.front()->id + " .. " + articles.back()->id + ", first " +
                                articles.front()->locator + ")",
                            sql, params);
  if (!result.ok()) return result.status();
  for (int row = 0; row < PQntuples(result->get()); ++row) {
    inserted.insert(CellText(result->get(), row, 0));
  }
  return Status::Ok();
}

Result<std::vector<PutOutcome>> PostgresStore::PutArticles(const std::vector<Article>& articles) {
  if (Status s = RefuseIfReadOnly("write articles"); !s.ok()) return s;
  std::vector<PutOutcome> outcomes;
  if (articles.empty()) return outcomes;
  std::unordered_multiset<std::string> inserted;
  bool deadlock = false;  // read before the rollback clears the SQLSTATE
  const auto body = [&]() -> Status {
    inserted.clear();
    std::vector<const Article*> chunk;
    for (size_t i = 0; i < articles.size(); i += kInsertRows) {
      chunk.clear();
      for (size_t j = i; j < std::min(articles.size(), i + kInsertRows); ++j)
        chunk.push_back(&articles[j]);
      if (Status s = InsertRows(chunk, inserted); !s.ok()) {
        deadlock = conn_->last_sqlstate() == store_internal::kDeadlockDetected;
        return s;
      }
    }
    return Status::Ok();
  };
  // Two unlocked writers inserting the same ids in opposite orders wait for
  // each other; the server breaks that by rolling one back, which then runs
  // again (and finds the other's rows stored).
  Status status;
  for (int attempt = 0;; ++attempt) {
    deadlock = false;
    status = Write("committing articles", body, /*lock=*/false);
    if (status.ok() || unit_open_ || attempt == 5 || !deadlock) break;
  }
  if (!status.ok()) return status;
  outcomes.reserve(articles.size());
  for (const Article& article : articles) {
    // The first of an id in the batch is the one written.
    auto it = inserted.find(article.id);
    if (it == inserted.end()) {
      outcomes.push_back(PutOutcome::kDuplicate);
    } else {
      inserted.erase(it);
      outcomes.push_back(PutOutcome::kInserted);
    }
  }
  return outcomes;
}

Result<Article> PostgresStore::GetArticle(const std::string& id) {
  auto result =
      conn_->Exec("reading article " + id,
                  "SELECT " NEWSFUSE_ARTICLE_COLUMNS " FROM articles WHERE id = $1", {&id});
  if (!result.ok()) return result.status();
  if (PQntuples(result->get()) == 0) return Status::NotFound("no article with id " + id);
  return DecodeRow(result->get(), 0);
}

Result<bool> PostgresStore::HasArticle(const std::string& id) {
  auto result =
      conn_->Exec("looking up article " + id, "SELECT 1 FROM articles WHERE id = $1", {&id});
  if (!result.ok()) return result.status();
  return PQntuples(result->get()) > 0;
}

Result<std::vector<StoredArticle>> PostgresStore::GetStoredArticles(
    const std::vector<std::string>& ids) {
  if (Status s = FlushAssignments(); !s.ok()) return s;
  std::vector<StoredArticle> found;
  for (size_t i = 0; i < ids.size(); i += kLookupRows) {
    const size_t end = std::min(ids.size(), i + kLookupRows);
    std::string sql = "SELECT " NEWSFUSE_ARTICLE_COLUMNS
                      ", (SELECT m.story_id FROM story_members m WHERE m.article_id = "
                      "articles.id) FROM articles WHERE id IN (";
    std::vector<const std::string*> params;
    for (size_t j = i; j < end; ++j) {
      sql += (j == i ? "$" : ", $") + std::to_string(j - i + 1);
      params.push_back(&ids[j]);
    }
    sql += ")";
    auto result = conn_->Exec("reading " + std::to_string(end - i) + " articles", sql, params);
    if (!result.ok()) return result.status();
    for (int row = 0; row < PQntuples(result->get()); ++row) {
      auto article = DecodeRow(result->get(), row);
      if (!article.ok()) return article.status();
      StoredArticle stored;
      stored.article = std::move(article).value();
      stored.story_id = CellText(result->get(), row, 12);
      found.push_back(std::move(stored));
    }
  }
  return found;
}

Status PostgresStore::ForEachArticle(const std::function<void(Article&&)>& fn) {
  std::string after = "0";
  const std::string page = std::to_string(kArticlePage);
  for (;;) {
    auto result = conn_->Exec("listing articles",
                              "SELECT " NEWSFUSE_ARTICLE_COLUMNS
                              ", seq FROM articles WHERE seq > $1::bigint ORDER BY seq "
                              "LIMIT $2::integer",
                              {&after, &page});
    if (!result.ok()) return result.status();
    const int rows = PQntuples(result->get());
    for (int row = 0; row < rows; ++row) {
      auto article = DecodeRow(result->get(), row);
      if (!article.ok()) return article.status();
      fn(std::move(article).value());
    }
    if (rows < kArticlePage) return Status::Ok();
    after = CellText(result->get(), rows - 1, 12);
  }
}

Status PostgresStore::AssignToStory(const std::string& story_id, const std::string& article_id,
                                    const std::string& copy_of) {
  if (Status s = RefuseIfReadOnly("assign stories"); !s.ok()) return s;
  if (story_id.empty()) return Status::Usage("story id must not be empty");
  if (copy_of == article_id) {
    return Status::Usage("article " + article_id + " cannot be a copy of itself");
  }
  if (!unit_open_) return WriteAssignments({{story_id, article_id, copy_of}});
  // Assigned again before any read: the later story wins and an empty
  // copy_of keeps the mark, as two upserts in turn would leave it.
  auto [it, added] = held_index_.emplace(article_id, held_.size());
  if (added) {
    held_.push_back({story_id, article_id, copy_of});
  } else {
    Assignment& held = held_[it->second];
    held.story_id = story_id;
    if (!copy_of.empty()) held.copy_of = copy_of;
  }
  return Status::Ok();
}

Status PostgresStore::FlushAssignments() {
  if (held_.empty()) return Status::Ok();
  std::vector<Assignment> rows = std::move(held_);
  held_.clear();
  held_index_.clear();
  return WriteAssignments(rows);
}

Status PostgresStore::WriteAssignments(const std::vector<Assignment>& rows) {
  const std::string what =
      rows.size() == 1 ? "assigning article " + rows[0].article_id + " to story " + rows[0].story_id
                       : "assigning " + std::to_string(rows.size()) +
                             " articles to stories (first " + rows[0].article_id + ")";
  // The foreign keys check that both articles exist, in the same round
  // trip; only a refused statement asks which one is missing.
  bool unknown_article = false;  // read before the rollback clears the SQLSTATE
  Status status = Write(what, [&]() -> Status {
    for (size_t i = 0; i < rows.size(); i += kAssignRows) {
      const size_t end = std::min(rows.size(), i + kAssignRows);
      // VALUES order is the order the rows join their stories (seq).
      std::string sql = "INSERT INTO story_members(article_id, story_id, copy_of) VALUES ";
      std::vector<const std::string*> params;
      for (size_t j = i; j < end; ++j) {
        const size_t p = params.size();
        sql += (j == i ? "($" : ", ($") + std::to_string(p + 1) + ", $" + std::to_string(p + 2) +
               ", $" + std::to_string(p + 3) + ")";
        params.push_back(&rows[j].article_id);
        params.push_back(&rows[j].story_id);
        params.push_back(rows[j].copy_of.empty() ? nullptr : &rows[j].copy_of);
      }
      // The WHERE makes a no-change assignment no update at all, so the
      // trigger leaves the story's version and report alone.
      sql +=
          " ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id, "
          "copy_of = coalesce(excluded.copy_of, story_members.copy_of) "
          "WHERE story_members.story_id <> excluded.story_id OR "
          "coalesce(excluded.copy_of, story_members.copy_of) IS DISTINCT FROM "
          "story_members.copy_of";
      auto upserted = conn_->Exec(what, sql, params);
      if (!upserted.ok()) {
        unknown_article = conn_->last_sqlstate() == store_internal::kForeignKeyViolation;
        return upserted.status();
      }
    }
    return Status::Ok();
  });
  if (!unknown_article) return status;
  for (const Assignment& row : rows) {
    for (const std::string* id : {&row.article_id, &row.copy_of}) {
      if (id->empty()) continue;
      auto exists = HasArticle(*id);
      if (!exists.ok()) return exists.status();
      if (!*exists) return Status::NotFound("no article with id " + *id);
    }
  }
  return status;
}

namespace {

// The state's bytes pass as hex text: libpq's text parameters stop at a NUL.
std::string Hex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    out.push_back(kDigits[b >> 4]);
    out.push_back(kDigits[b & 15]);
  }
  return out;
}

}  // namespace

namespace {

// "$1, $2, ..." for keys[begin, end), their addresses appended to `params`.
std::string Placeholders(const std::vector<std::string>& keys, size_t begin, size_t end,
                         std::vector<const std::string*>& params) {
  std::string list;
  for (size_t j = begin; j < end; ++j) {
    params.push_back(&keys[j]);
    list += (j == begin ? "$" : ", $") + std::to_string(params.size());
  }
  return list;
}

}  // namespace

Status PostgresStore::PutClusterState(const std::vector<std::pair<std::string, std::string>>& put,
                                      const std::vector<std::string>& erase, bool replace_all) {
  if (Status s = RefuseIfReadOnly("keep the clusterer's state"); !s.ok()) return s;
  const std::string what = "keeping the clusterer's state";
  // A batch changes a row per article (its fingerprint) and per story it
  // touched: a statement per kStateRows rows, not per row.
  std::vector<std::string> hex;
  hex.reserve(put.size());
  for (const auto& row : put) hex.push_back(Hex(row.second));
  return Write(what, [&]() -> Status {
    if (replace_all) {
      auto cleared = conn_->Exec(what, "DELETE FROM cluster_state", {});
      if (!cleared.ok()) return cleared.status();
    }
    for (size_t i = 0; i < erase.size(); i += kStateRows) {
      const size_t end = std::min(erase.size(), i + kStateRows);
      std::vector<const std::string*> params;
      const std::string sql =
          "DELETE FROM cluster_state WHERE key IN (" + Placeholders(erase, i, end, params) + ")";
      auto erased = conn_->Exec(what, sql, params);
      if (!erased.ok()) return erased.status();
    }
    for (size_t i = 0; i < put.size(); i += kStateRows) {
      const size_t end = std::min(put.size(), i + kStateRows);
      // One statement may not update a key twice: the last value wins, as
      // it would row by row.
      std::unordered_map<std::string_view, size_t> last;
      for (size_t j = i; j < end; ++j) last[put[j].first] = j;
      std::string sql = "INSERT INTO cluster_state(key, value) VALUES ";
      std::vector<const std::string*> params;
      for (size_t j = i; j < end; ++j) {
        if (last[put[j].first] != j) continue;
        const size_t p = params.size();
        sql += (p == 0 ? "($" : ", ($") + std::to_string(p + 1) + ", decode($" +
               std::to_string(p + 2) + ", 'hex'))";
        params.push_back(&put[j].first);
        params.push_back(&hex[j]);
      }
      sql += " ON CONFLICT (key) DO UPDATE SET value = excluded.value";
      auto upserted = conn_->Exec(what, sql, params);
      if (!upserted.ok()) return upserted.status();
    }
    return Status::Ok();
  });
}

namespace {

// Rows of (key, hex of the value) as (key, bytes), sorted by key's bytes
// (the server's order is its collation's).
Result<std::vector<std::pair<std::string, std::string>>> StateRows(const PGresult* result,
                                                                   const std::string& what) {
  std::vector<std::pair<std::string, std::string>> rows;
  const int n = PQntuples(result);
  rows.reserve(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) {
    const std::string hex = CellText(result, i, 1);
    std::string bytes;
    bytes.reserve(hex.size() / 2);
    for (size_t j = 0; j + 1 < hex.size(); j += 2) {
      const int hi = LowerHexValue(hex[j]), lo = LowerHexValue(hex[j + 1]);
      if (hi < 0 || lo < 0) return Status::StoreError(what + ": a value is not hex");
      bytes.push_back(static_cast<char>(hi * 16 + lo));
    }
    rows.emplace_back(CellText(result, i, 0), std::move(bytes));
  }
  if (!std::is_sorted(rows.begin(), rows.end())) std::sort(rows.begin(), rows.end());
  return rows;
}

}  // namespace

Result<std::vector<std::pair<std::string, std::string>>> PostgresStore::GetClusterStateExcept(
    const std::vector<std::string>& prefixes) {
  const std::string what = "reading the clusterer's state";
  // By key ranges (the key's collation is "C": byte order), so the key's
  // index skips the rows left out.
  const auto ranges = store_internal::KeyRangesWithout(prefixes);
  std::string sql = "SELECT key, encode(value, 'hex') FROM cluster_state WHERE ";
  std::vector<const std::string*> params;
  for (const auto& [from, to] : ranges) {
    if (!params.empty()) sql += " OR ";
    params.push_back(&from);
    sql += "(key >= $" + std::to_string(params.size());
    if (to) {
      params.push_back(&*to);
      sql += " AND key < $" + std::to_string(params.size());
    }
    sql += ")";
  }
  auto result = conn_->Exec(what, sql + " ORDER BY key", params);
  if (!result.ok()) return result.status();
  return StateRows(result->get(), what);
}

Result<std::vector<std::pair<std::string, std::string>>> PostgresStore::GetClusterStateRows(
    const std::vector<std::string>& keys) {
  const std::string what = "reading rows of the clusterer's state";
  std::vector<std::pair<std::string, std::string>> rows;
  for (size_t i = 0; i < keys.size(); i += kStateRows) {
    const size_t end = std::min(keys.size(), i + kStateRows);
    std::vector<const std::string*> params;
    const std::string sql = "SELECT key, encode(value, 'hex') FROM cluster_state WHERE key IN (" +
                            Placeholders(keys, i, end, params) + ")";
    auto result = conn_->Exec(what, sql, params);
    if (!result.ok()) return result.status();
    auto part = StateRows(result->get(), what);
    if (!part.ok()) return part.status();
    for (auto& row : *part) rows.push_back(std::move(row));
  }
  std::sort(rows.begin(), rows.end());
  rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
  return rows;
}

Result<std::string> PostgresStore::StoryOf(const std::string& article_id) {
  if (Status s = FlushAssignments(); !s.ok()) return s;
  auto result =
      conn_->Exec("reading the story of " + article_id,
                  "SELECT story_id FROM story_members WHERE article_id = $1", {&article_id});
  if (!result.ok()) return result.status();
  if (PQntuples(result->get()) == 0) {
    return Status::NotFound("article " + article_id + " is in no story");
  }
  return CellText(result->get(), 0, 0);
}

Result<Story> PostgresStore::GetStory(const std::string& story_id) {
  if (Status s = FlushAssignments(); !s.ok()) return s;
  auto result = conn_->Exec("reading story " + story_id,
                            "SELECT m.article_id, m.copy_of FROM story_members m "
                            "JOIN articles a ON a.id = m.article_id WHERE m.story_id = $1 "
                            "ORDER BY m.seq",
                            {&story_id});
  if (!result.ok()) return result.status();
  Story story;
  story.id = story_id;
  for (int row = 0; row < PQntuples(result->get()); ++row) {
    story.article_ids.push_back(CellText(result->get(), row, 0));
    std::string original = CellText(result->get(), row, 1);
    if (!original.empty()) story.copy_of.emplace(story.article_ids.back(), std::move(original));
  }
  if (story.article_ids.empty()) return Status::NotFound("no story with id " + story_id);
  return story;
}

Result<std::vector<StoryRow>> PostgresStore::ListStories() {
  if (Status s = FlushAssignments(); !s.ok()) return s;
  // Byte order groups the ids as SQLite does, whatever the database's collation.
  auto result = conn_->Exec("listing stories",
                            "SELECT m.story_id, a.id, a.title, a.outlet, a.published, m.copy_of "
                            "FROM story_members m JOIN articles a ON a.id = m.article_id "
                            "ORDER BY m.story_id COLLATE \"C\", m.seq");
  if (!result.ok()) return result.status();
  store_internal::StoryRowBuilder builder;
  for (int row = 0; row < PQntuples(result->get()); ++row) {
    store_internal::MemberRow member;
    member.story_id = CellText(result->get(), row, 0);
    member.article_id = CellText(result->get(), row, 1);
    member.title = CellText(result->get(), row, 2);
    member.outlet = CellText(result->get(), row, 3);
    member.published = CellText(result->get(), row, 4);
    member.copy_of = CellText(result->get(), row, 5);
    if (Status s = builder.Add(std::move(member)); !s.ok()) return s;
  }
  std::vector<StoryRow> rows = builder.Finish();

  auto headlines = conn_->Exec("reading cached headlines",
                               "SELECT r.story_id, r.headline FROM story_reports r "
                               "JOIN story_versions v ON v.story_id = r.story_id "
                               "AND v.version = r.story_version");
  if (!headlines.ok()) return headlines.status();
  std::unordered_map<std::string, std::string> by_story;
  for (int row = 0; row < PQntuples(headlines->get()); ++row) {
    by_story.emplace(CellText(headlines->get(), row, 0), CellText(headlines->get(), row, 1));
  }
  for (StoryRow& row : rows) {
    auto it = by_story.find(row.story.id);
    if (it != by_story.end() && !it->second.empty()) row.headline = it->second;
  }
  return rows;
}

Result<int64_t> PostgresStore::StoryVersion(const std::string& story_id) {
  if (Status s = FlushAssignments(); !s.ok()) return s;
  auto result = conn_->Exec("reading the version of story " + story_id,
                            "SELECT version FROM story_versions WHERE story_id = $1", {&story_id});
  if (!result.ok()) return result.status();
  if (PQntuples(result->get()) == 0) return Status::NotFound("no story with id " + story_id);
  return ToInt(CellText(result->get(), 0, 0));
}

Result<std::optional<std::string>> PostgresStore::GetCachedReport(const std::string& story_id,
                                                                  const std::string& builder) {
  if (Status s = FlushAssignments(); !s.ok()) return s;
  auto result = conn_->Exec(
      "reading the cached report of story " + story_id,
      "SELECT r.report FROM story_reports r JOIN story_versions v ON v.story_id = r.story_id "
      "WHERE r.story_id = $1 AND r.story_version = v.version AND r.builder = $2",
      {&story_id, &builder});
  if (!result.ok()) return result.status();
  if (PQntuples(result->get()) == 0) return std::optional<std::string>();
  return std::optional<std::string>(CellText(result->get(), 0, 0));
}

Result<bool> PostgresStore::PutCachedReport(const std::string& story_id, int64_t story_version,
                                            const std::string& builder, const std::string& headline,
                                            const std::string& json) {
  if (Status s = FlushAssignments(); !s.ok()) return s;
  if (Status s = RefuseIfReadOnly("cache a report"); !s.ok()) return s;
  const std::string version = std::to_string(story_version);
  bool kept = false;
  const std::string what = "caching the report of story " + story_id;
  // The version is checked in the statement that writes, under the write
  // lock, so no writer can change the story between the check and the insert.
  Status status = Write(what, [&]() -> Status {
    auto upserted = conn_->Exec(
        what,
        "INSERT INTO story_reports(story_id, story_version, builder, headline, report) "
        "SELECT $1, $2::bigint, $3, $4, $5 WHERE EXISTS "
        "(SELECT 1 FROM story_versions WHERE story_id = $1 AND version = $2::bigint) "
        "ON CONFLICT (story_id) DO UPDATE SET story_version = excluded.story_version, "
        "builder = excluded.builder, headline = excluded.headline, report = excluded.report",
        {&story_id, &version, &builder, &headline, &json});
    if (!upserted.ok()) return upserted.status();
    kept = AffectedRows(upserted->get()) > 0;
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return kept;
}

Result<std::unique_ptr<StoreWrite>> PostgresStore::BeginWrite() {
  if (Status s = RefuseIfReadOnly("write"); !s.ok()) return s;
  if (unit_open_ || conn_->transaction_status() != PQTRANS_IDLE) {
    return Status::Usage(conn_->name() + ": a write is already open on this store");
  }
  auto write = std::make_unique<PostgresWrite>(*this, *conn_);
  unit_open_ = true;
  unit_wrote_ = false;
  if (Status s = write->Begin(options_); !s.ok()) return s;
  return std::unique_ptr<StoreWrite>(std::move(write));
}

Result<int64_t> PostgresStore::DataVersion() {
  auto commits = conn_->QueryInt("reading the data version", "SELECT commits FROM newsfuse_meta");
  if (!commits.ok()) return commits.status();
  if (*commits != seen_commits_) {
    seen_commits_ = *commits;
    ++data_version_;
  }
  return data_version_;
}

Result<std::vector<SearchHit>> PostgresStore::Search(const std::string& query, int limit) {
  if (Status s = FlushAssignments(); !s.ok()) return s;
  if (query.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Status::Usage("empty search query");
  }
  if (limit <= 0) return Status::Usage("search limit must be positive");
  auto tsquery = store_internal::TranslateSearchQuery(query, store_internal::kSearchConfig, 2);
  if (!tsquery.ok()) return tsquery.status();
  const std::string& q = tsquery->sql;
  // Title words weigh three times body words, as SQLite's bm25(3.0, 1.0).
  // Cover density, damped by the log of the length, is the PostgreSQL rank
  // closest to bm25 (which has no counterpart there: it needs corpus-wide
  // term frequencies); the hits are the same, their order may differ.
  // The LIMIT sits inside so headlines are made only for the hits returned.
  const std::string headline_options =
      "'StartSel=\"[\", StopSel=\"]\", MaxWords=16, MinWords=14, ShortWord=0'";
  const std::string sql =
      "WITH hits AS (SELECT a.seq, ts_rank_cd('{0.333, 0.333, 0.333, 1.0}', a.search, " + q +
      ", 1) AS rank FROM articles a WHERE a.search @@ " + q +
      " ORDER BY rank DESC, a.seq LIMIT $1::integer) "
      "SELECT a.id, coalesce(m.story_id, ''), a.title, a.outlet, "
      "ts_headline('newsfuse_english', coalesce((SELECT string_agg(p, E'\\n\\n' ORDER BY n) "
      "FROM jsonb_array_elements_text(a.paragraphs::jsonb) WITH ORDINALITY AS e(p, n)), ''), " +
      q + ", " + headline_options + "), ts_headline('newsfuse_english', a.title, " + q + ", " +
      headline_options +
      "), h.rank, coalesce(a.published, '') FROM hits h "
      "JOIN articles a ON a.seq = h.seq LEFT JOIN story_members m ON m.article_id = a.id "
      "ORDER BY h.rank DESC, a.seq";
  const std::string limit_text = std::to_string(limit);
  std::vector<const std::string*> params = {&limit_text};
  for (const std::string& p : tsquery->params) params.push_back(&p);
  auto result = conn_->Exec("searching", sql, params);
  if (!result.ok()) return result.status();

  std::vector<SearchHit> hits;
  for (int row = 0; row < PQntuples(result->get()); ++row) {
    SearchHit hit;
    hit.article_id = CellText(result->get(), row, 0);
    hit.story_id = CellText(result->get(), row, 1);
    hit.title = CellText(result->get(), row, 2);
    hit.outlet = CellText(result->get(), row, 3);
    std::string snippet = CellText(result->get(), row, 4);
    // A hit on the title alone: the title is the snippet that shows why.
    if (snippet.find('[') == std::string::npos) snippet = CellText(result->get(), row, 5);
    hit.snippet = store_internal::MergeAdjacentMarks(store_internal::CollapseWhitespace(snippet));
    hit.score = std::strtod(CellText(result->get(), row, 6).c_str(), nullptr);
    hit.published = CellText(result->get(), row, 7);
    hits.push_back(std::move(hit));
  }
  return hits;
}

}  // namespace

Result<std::unique_ptr<Store>> OpenPostgresStore(const std::string& uri,
                                                 const StoreOptions& options) {
  auto conn = std::make_unique<PgConn>();
  if (Status s = conn->Connect(uri); !s.ok()) return s;
  auto encoding = conn->Exec("reading the server encoding", "SHOW server_encoding");
  if (!encoding.ok()) return encoding.status();
  if (CellText(encoding->get(), 0, 0) != "UTF8") {
    return Status::StoreError(conn->name() + ": the database's encoding is " +
                              CellText(encoding->get(), 0, 0) +
                              "; newsfuse needs UTF8 (createdb -E UTF8)");
  }
  std::string setup = "SET client_encoding = 'UTF8'; SET client_min_messages = warning";
  // The server then refuses writes too, should one ever slip past the store.
  if (options.read_only) setup += "; SET default_transaction_read_only = on";
  if (Status s = conn->ExecScript("configuring the connection", setup); !s.ok()) return s;

  auto version = store_internal::CheckPostgresSchema(*conn);
  if (!version.ok()) return version.status();
  if (options.read_only && *version < kPostgresSchemaVersion)
    return store_internal::ReadOnlyNeedsUpgrade(conn->name(), *version, kPostgresSchemaVersion);
  if (!options.read_only) {
    if (Status s = store_internal::MigratePostgres(*conn, *version, options); !s.ok()) return s;
  }
  auto store = std::make_unique<PostgresStore>(std::move(conn), options);
  if (Status s = store->Init(); !s.ok()) return s;
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace newsfuse
