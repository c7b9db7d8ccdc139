#include "store/postgres_schema.h"

#include <array>

namespace newsfuse::store_internal {
namespace {

// Version 1: everything SQLite's versions 1 to 3 hold, in one step.
//
// `search` is the article's full-text entry, in the article's own row, so
// no crash can leave one without the other. It is written from the
// diacritic-folded title (weight A) and body (weight D) the store passes in.
// The dictionary is Snowball English without a stop list: FTS5's porter
// tokenizer drops no words either, so "the" finds what SQLite finds. A
// hyphenated word is indexed as its parts alone, as FTS5 splits it: the
// whole word would take a position of its own, and "Hong Kong" would then
// not be a phrase in "Hong Kong-based".
//
// story_members, story_versions, story_reports and the trigger keep SQLite's
// contracts (sqlite_schema.cc, version 3): every membership change moves the
// story's version and drops its cached report in the same transaction,
// whoever writes; a merged-away story keeps its version row.
//
// newsfuse_meta.commits counts committed writes, so each store can tell
// another connection's commit from its own (Store::DataVersion).
constexpr const char* kMigration1 = R"sql(
CREATE TABLE newsfuse_meta (
  singleton      boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  application    text NOT NULL,
  schema_version integer NOT NULL,
  commits        bigint NOT NULL DEFAULT 0
);
INSERT INTO newsfuse_meta(application, schema_version) VALUES ('newsfuse', 0);

CREATE TEXT SEARCH DICTIONARY newsfuse_stem (TEMPLATE = pg_catalog.snowball, LANGUAGE = english);
CREATE TEXT SEARCH CONFIGURATION newsfuse_english (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION newsfuse_english
  ALTER MAPPING FOR asciiword, hword_asciipart, word, hword_part WITH newsfuse_stem;
ALTER TEXT SEARCH CONFIGURATION newsfuse_english DROP MAPPING FOR asciihword, hword, numhword;

CREATE TABLE articles (
  seq           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id            text NOT NULL UNIQUE CHECK (id <> ''),
  locator       text NOT NULL,
  url           text NOT NULL,
  outlet        text NOT NULL,
  title         text NOT NULL,
  authors       text NOT NULL,  -- JSON array of strings
  published     text,           -- ISO 8601 at its stated precision
  updated       text,
  dateline      text NOT NULL,
  language      text NOT NULL,
  paragraphs    text NOT NULL,  -- JSON array of strings
  field_sources text NOT NULL,  -- JSON: {"v":2,"field_sources":{...},"canonical_url":...} (article_codec.cc; a v1 row is the bare map)
  ingested_at   timestamptz NOT NULL DEFAULT now(),
  search        tsvector NOT NULL
);
CREATE INDEX articles_search ON articles USING gin (search);

CREATE TABLE story_members (
  article_id text PRIMARY KEY REFERENCES articles(id),
  story_id   text NOT NULL CHECK (story_id <> ''),
  copy_of    text REFERENCES articles(id) CHECK (copy_of <> '')
);
CREATE INDEX story_members_by_story ON story_members(story_id);

CREATE TABLE story_versions (
  story_id text PRIMARY KEY,
  version  bigint NOT NULL
);

CREATE TABLE story_reports (
  story_id      text PRIMARY KEY,
  story_version bigint NOT NULL,
  builder       text NOT NULL,
  headline      text NOT NULL,
  report        text NOT NULL  -- the report's JSON (docs/report-schema.md)
);

CREATE FUNCTION newsfuse_story_member_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO story_versions(story_id, version) VALUES (NEW.story_id, 1)
      ON CONFLICT (story_id) DO UPDATE SET version = story_versions.version + 1;
    DELETE FROM story_reports WHERE story_id = NEW.story_id;
  END IF;
  IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.story_id <> NEW.story_id) THEN
    UPDATE story_versions SET version = version + 1 WHERE story_id = OLD.story_id;
    DELETE FROM story_reports WHERE story_id = OLD.story_id;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER story_members_changed AFTER INSERT OR UPDATE OR DELETE ON story_members
  FOR EACH ROW EXECUTE FUNCTION newsfuse_story_member_changed();
)sql";

// Version 2: the clusterer's state (SQLite's version 5, issue 13): rows of
// bytes by key (cluster/snapshot.h), written with the articles they describe.
constexpr const char* kMigration2 = R"sql(
CREATE TABLE cluster_state (
  key   text COLLATE "C" PRIMARY KEY,
  value bytea NOT NULL
);
)sql";

// Version 3: a story lists its articles in the order they joined it (seq,
// kept when a merge moves one), not the order they were stored. With one
// `ingest` the two are the same (store, then decide in order); with queue
// workers the rows go in in whatever order workers finish, and only the
// cluster-worker's decisions follow the stream, so that order is what makes
// the story list and the reports equal those of `ingest` (headline ties,
// outlets in order of appearance, sources of one date). Rows kept from
// version 2 take their article's seq, so their order does not change.
constexpr const char* kMigration3 = R"sql(
CREATE SEQUENCE story_members_seq;
ALTER TABLE story_members ADD COLUMN seq bigint;
UPDATE story_members m SET seq = a.seq FROM articles a WHERE a.id = m.article_id;
SELECT setval('story_members_seq', coalesce((SELECT max(seq) FROM articles), 0) + 1, false);
ALTER TABLE story_members ALTER COLUMN seq SET DEFAULT nextval('story_members_seq');
ALTER TABLE story_members ALTER COLUMN seq SET NOT NULL;
CREATE INDEX story_members_by_story_seq ON story_members(story_id, seq);
DROP INDEX story_members_by_story;
)sql";

// Index i holds the step from version i to i + 1. Append only; never edit a
// step that has shipped, since databases in the field already contain it.
constexpr std::array<const char*, 3> kMigrations = {kMigration1, kMigration2, kMigration3};
static_assert(kMigrations.size() == static_cast<size_t>(kPostgresSchemaVersion),
              "kPostgresSchemaVersion must equal the number of migrations");

struct SchemaState {
  std::string schema;  // empty when the search_path names no existing schema
  bool has_meta = false;
  int64_t tables = 0;
};

// One statement, so one snapshot: another process's half-visible migration
// cannot make a new store look like someone else's tables.
Result<SchemaState> ReadSchemaState(PgConn& conn) {
  auto result = conn.Exec("reading the schema",
                          "SELECT current_schema(), "
                          "to_regclass(quote_ident(current_schema()) || '.newsfuse_meta') "
                          "IS NOT NULL, "
                          "(SELECT count(*) FROM pg_class c JOIN pg_namespace n "
                          "ON n.oid = c.relnamespace WHERE n.nspname = current_schema() "
                          "AND c.relkind IN ('r', 'p', 'v', 'm', 'f'))");
  if (!result.ok()) return result.status();
  SchemaState state;
  state.schema = CellText(result->get(), 0, 0);
  state.has_meta = CellText(result->get(), 0, 1) == "t";
  state.tables = std::strtoll(CellText(result->get(), 0, 2).c_str(), nullptr, 10);
  return state;
}

Result<int> ReadVersion(PgConn& conn, const SchemaState& state) {
  if (!state.has_meta) return 0;
  auto result = conn.Exec("reading the schema version",
                          "SELECT application, schema_version FROM newsfuse_meta");
  if (!result.ok()) return result.status();
  if (PQntuples(result->get()) != 1 || CellText(result->get(), 0, 0) != "newsfuse") {
    return Status::StoreError(conn.name() + ": schema " + state.schema +
                              " is not a newsfuse store (its newsfuse_meta is someone else's)");
  }
  return static_cast<int>(std::strtol(CellText(result->get(), 0, 1).c_str(), nullptr, 10));
}

Status ApplyMigration(PgConn& conn, int target, const StoreOptions& options) {
  const std::string what = "migrating schema to version " + std::to_string(target);
  PgTransaction txn(conn);
  if (Status s = txn.Begin(what, kWriteLockSql, options.write_wait_ms, options.busy_timeout_ms);
      !s.ok()) {
    return s;
  }
  // Read again under the lock: another process may have got there first.
  auto state = ReadSchemaState(conn);
  if (!state.ok()) return state.status();
  auto current = ReadVersion(conn, *state);
  if (!current.ok()) return current.status();
  if (*current >= target) return Status::Ok();
  if (Status s = conn.ExecScript(what, kMigrations[target - 1]); !s.ok()) return s;
  const std::string version = std::to_string(target);
  if (auto stamped =
          conn.Exec(what, "UPDATE newsfuse_meta SET schema_version = $1::integer", {&version});
      !stamped.ok()) {
    return stamped.status();
  }
  return txn.Commit(what);
}

}  // namespace

Result<int> CheckPostgresSchema(PgConn& conn) {
  auto state = ReadSchemaState(conn);
  if (!state.ok()) return state.status();
  if (state->schema.empty()) {
    return Status::StoreError(conn.name() +
                              ": no schema to hold the store: the search_path names none that "
                              "exists (create it, or set options=-csearch_path%3D<schema>)");
  }
  if (!state->has_meta) {
    if (state->tables > 0) {
      return Status::StoreError(conn.name() + ": schema " + state->schema +
                                " is not a newsfuse store (it already holds other tables; give "
                                "newsfuse its own schema with options=-csearch_path%3D<schema>)");
    }
    return 0;
  }
  auto version = ReadVersion(conn, *state);
  if (!version.ok()) return version.status();
  if (*version > kPostgresSchemaVersion) {
    return Status::StoreError(conn.name() + ": schema version " + std::to_string(*version) +
                              " is newer than this build understands (" +
                              std::to_string(kPostgresSchemaVersion) +
                              "); upgrade newsfuse to open it");
  }
  return *version;
}

Status MigratePostgres(PgConn& conn, int from, const StoreOptions& options) {
  for (int target = from + 1; target <= kPostgresSchemaVersion; ++target) {
    if (Status s = ApplyMigration(conn, target, options); !s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace newsfuse::store_internal
