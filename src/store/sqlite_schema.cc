#include "store/sqlite_schema.h"

#include <array>
#include <string>

#include "store/store.h"

namespace newsfuse::store_internal {
namespace {

// Version 1: articles, story membership and the full-text index.
//
// `seq` is the rowid alias: ingest order, and the stable integer key FTS5
// needs (an implicit rowid may be renumbered by VACUUM, which would silently
// point index entries at the wrong articles). AUTOINCREMENT keeps it strictly
// increasing even if rows are ever deleted. `id` stays the article's identity.
//
// The index is an external-content FTS5 table reading a view, so the body is
// stored once (as the paragraphs array) yet snippet() can re-read it. The view
// must join paragraphs exactly as Article::Body() does: FTS5 tokenizes what the
// store inserts, and snippet offsets are only right if the view yields the
// same text. json_each walks the array in order.
constexpr const char* kMigration1 = R"sql(
CREATE TABLE articles (
  seq           INTEGER PRIMARY KEY AUTOINCREMENT,
  id            TEXT NOT NULL UNIQUE CHECK (id <> ''),
  locator       TEXT NOT NULL,
  url           TEXT NOT NULL,
  outlet        TEXT NOT NULL,
  title         TEXT NOT NULL,
  authors       TEXT NOT NULL,  -- JSON array of strings
  published     TEXT,           -- ISO 8601 at its stated precision
  updated       TEXT,
  dateline      TEXT NOT NULL,
  language      TEXT NOT NULL,
  paragraphs    TEXT NOT NULL,  -- JSON array of strings
  field_sources TEXT NOT NULL,  -- JSON: {"v":2,"field_sources":{...},"canonical_url":...} (article_codec.cc; a v1 row is the bare map)
  ingested_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

-- An article is in at most one story; moving it is an update, which is how
-- story merges are expressed.
CREATE TABLE story_members (
  article_id TEXT PRIMARY KEY REFERENCES articles(id),
  story_id   TEXT NOT NULL CHECK (story_id <> '')
) WITHOUT ROWID;
CREATE INDEX story_members_by_story ON story_members(story_id);

CREATE VIEW article_text(seq, title, body) AS
  SELECT seq, title,
         IFNULL((SELECT group_concat(value, char(10, 10)) FROM json_each(articles.paragraphs)), '')
  FROM articles;

-- Porter stemming so "exchange" finds "exchanges"; diacritics folded so
-- "Zelensky" finds "Zelenský". Titles weigh three times a body term.
CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, body,
  content = 'article_text', content_rowid = 'seq',
  tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO articles_fts(articles_fts, rank) VALUES ('rank', 'bm25(3.0, 1.0)');
)sql";

// Version 2: which story members are copies (issue 5). `copy_of` is the id
// of the article a member is a near-duplicate of, NULL when it is not a copy
// (never '', so "is a copy" is simply `copy_of IS NOT NULL`). It lives on the
// membership row, not on the article, because it is a clustering decision,
// like story_id; and since a story merge only updates story_id, copies keep
// their mark when their story moves. Existing rows read as "not a copy".
constexpr const char* kMigration2 = R"sql(
ALTER TABLE story_members ADD COLUMN copy_of TEXT REFERENCES articles(id) CHECK (copy_of <> '');
)sql";

// Version 3: the story version and the report cache (issue 13).
//
// A story's version changes in the same transaction as any change of its
// membership (an article joining, leaving in a merge, or its copy mark
// changing): the triggers see every write to story_members, whoever makes
// it, so no code path can change a story and forget to bump it. The same
// triggers drop the story's cached report, so a crash at any point leaves
// either the old membership with its report or the new one with none.
// story_versions keeps the row of a story merged away, so its number never
// goes back and a report built from an older version can never pass for a
// newer one.
//
// A cached report is valid while its story_version is the story's current
// one and its builder is this build's (pipeline/report_cache.h): the builder
// names the analysis and fusion that made the report, so a new one rebuilds
// lazily. Existing stories start at version 1 with nothing cached.
constexpr const char* kMigration3 = R"sql(
CREATE TABLE story_versions (
  story_id TEXT PRIMARY KEY,
  version  INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO story_versions(story_id, version) SELECT DISTINCT story_id, 1 FROM story_members;

CREATE TABLE story_reports (
  story_id      TEXT PRIMARY KEY,
  story_version INTEGER NOT NULL,
  builder       TEXT NOT NULL,
  headline      TEXT NOT NULL,
  report        TEXT NOT NULL  -- the report's JSON (docs/report-schema.md)
) WITHOUT ROWID;

CREATE TRIGGER story_members_added AFTER INSERT ON story_members BEGIN
  INSERT INTO story_versions(story_id, version) VALUES (NEW.story_id, 1)
    ON CONFLICT(story_id) DO UPDATE SET version = version + 1;
  DELETE FROM story_reports WHERE story_id = NEW.story_id;
END;
CREATE TRIGGER story_members_changed AFTER UPDATE ON story_members BEGIN
  INSERT INTO story_versions(story_id, version) VALUES (NEW.story_id, 1)
    ON CONFLICT(story_id) DO UPDATE SET version = version + 1;
  UPDATE story_versions SET version = version + 1
    WHERE story_id = OLD.story_id AND OLD.story_id <> NEW.story_id;
  DELETE FROM story_reports WHERE story_id IN (NEW.story_id, OLD.story_id);
END;
CREATE TRIGGER story_members_removed AFTER DELETE ON story_members BEGIN
  UPDATE story_versions SET version = version + 1 WHERE story_id = OLD.story_id;
  DELETE FROM story_reports WHERE story_id = OLD.story_id;
END;
)sql";

// Version 4: analysis results kept with each article (issue 13), so the
// clusterer is restored from them instead of re-analysing every stored
// article. `analyser` names the analysis that made `signals` (a build id):
// rows made by another one are recomputed by the next writer, lazily. A
// separate table, so articles are untouched and older rows simply have none.
constexpr const char* kMigration4 = R"sql(
CREATE TABLE article_signals (
  article_id TEXT PRIMARY KEY REFERENCES articles(id),
  analyser   TEXT NOT NULL,
  signals    TEXT NOT NULL
) WITHOUT ROWID;
)sql";

// Version 5: the clusterer's state (issue 13), rows of bytes by key
// (cluster/snapshot.h), written in the same transaction as the articles and
// stories they describe, so a writer loads them instead of replaying every
// stored decision. A store migrated from version 4 has none: the first
// writer replays once and writes them.
constexpr const char* kMigration5 = R"sql(
CREATE TABLE cluster_state (
  key   TEXT PRIMARY KEY,
  value BLOB NOT NULL
) WITHOUT ROWID;
)sql";

// Version 6: the report's Markdown cached beside its JSON (issue 13), so
// `newsfuse story ID` prints an unchanged story without parsing and
// rendering a JSON of some 440 KB for 100 sources. Reports cached before
// are dropped (the next read rebuilds each once) rather than kept without
// their Markdown: the cache is only a cache.
constexpr const char* kMigration6 = R"sql(
DELETE FROM story_reports;
ALTER TABLE story_reports ADD COLUMN markdown TEXT;
)sql";

// Index i holds the step from version i to i + 1. Append only; never edit a
// step that has shipped, since files in the field already contain its result.
constexpr std::array<const char*, 6> kMigrations = {kMigration1, kMigration2, kMigration3,
                                                    kMigration4, kMigration5, kMigration6};
static_assert(kMigrations.size() == static_cast<size_t>(kSqliteSchemaVersion),
              "kSqliteSchemaVersion must equal the number of migrations");

Status NotNewsfuse(const Db& db, const std::string& why) {
  return Status::StoreError(db.path() + ": not a newsfuse store (" + why + ")");
}

Status ApplyMigration(Db& db, int target) {
  std::string what = "migrating schema to version " + std::to_string(target);
  // The write lock is taken before the version is read, so two processes
  // opening a new file at once cannot both apply the same step.
  WriteTransaction txn(db);
  if (Status s = txn.Begin(what); !s.ok()) return s;
  auto current = db.QueryInt("PRAGMA user_version", "reading schema version");
  if (!current.ok()) return current.status();
  if (*current >= target) return Status::Ok();  // another process got there first

  if (Status s = db.Exec(kMigrations[target - 1], what); !s.ok()) return s;
  // PRAGMA arguments cannot be bound; both values are integers we control.
  std::string stamp = "PRAGMA user_version = " + std::to_string(target) +
                      "; PRAGMA application_id = " + std::to_string(kApplicationId);
  if (Status s = db.Exec(stamp.c_str(), what); !s.ok()) return s;
  return txn.Commit(what);
}

// The reads of CheckSchema in one snapshot: read one at a time, another
// process creating the same file could commit its first migration between
// them, and a half-seen store ("other tables, no application id") would be
// refused as someone else's data.
class ReadSnapshot {
 public:
  explicit ReadSnapshot(Db& db) : db_(db) {
    open_ = sqlite3_exec(db_.handle(), "BEGIN", nullptr, nullptr, nullptr) == SQLITE_OK;
  }
  ~ReadSnapshot() {
    if (open_ && !sqlite3_get_autocommit(db_.handle())) {
      sqlite3_exec(db_.handle(), "COMMIT", nullptr, nullptr, nullptr);
    }
  }
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;

 private:
  Db& db_;
  bool open_ = false;
};

Result<int> CheckSchemaInSnapshot(Db& db) {
  // The first read of the header is where SQLite notices a file that is not a
  // database; nothing has been written yet, so the file is untouched.
  auto version = db.QueryInt("PRAGMA user_version", "reading schema version");
  if (!version.ok()) {
    if (db.last_error_code() == SQLITE_NOTADB) {
      return Status::StoreError(db.path() + ": not a SQLite database (is the path right?)");
    }
    return version.status();
  }
  auto app_id = db.QueryInt("PRAGMA application_id", "reading application id");
  if (!app_id.ok()) return app_id.status();
  if (*app_id != kApplicationId) {
    // Only an empty file may become a store; anything else is someone's data.
    if (*app_id != 0) return NotNewsfuse(db, "it belongs to another application");
    auto objects = db.QueryInt("SELECT count(*) FROM sqlite_schema", "reading schema");
    if (!objects.ok()) return objects.status();
    if (*version != 0 || *objects > 0) return NotNewsfuse(db, "it already holds other tables");
    return 0;
  }
  if (*version > kSqliteSchemaVersion) {
    return Status::StoreError(db.path() + ": schema version " + std::to_string(*version) +
                              " is newer than this build understands (" +
                              std::to_string(kSqliteSchemaVersion) +
                              "); upgrade newsfuse to open it");
  }
  return static_cast<int>(*version);
}

}  // namespace

Result<int> CheckSchema(Db& db) {
  ReadSnapshot snapshot(db);
  return CheckSchemaInSnapshot(db);
}

Status Migrate(Db& db, int from) {
  for (int target = from + 1; target <= kSqliteSchemaVersion; ++target) {
    Status status = ApplyMigration(db, target);
    if (!status.ok()) return status;
  }
  return Status::Ok();
}

}  // namespace newsfuse::store_internal
