// The PostgreSQL schema and its migrations, private to the store.
//
// A store lives in one PostgreSQL schema (the first of the connection's
// search_path). newsfuse_meta records which application owns the schema and
// how many migrations it has seen; as in SQLite, migrations only append, a
// schema from a newer build is refused, and a schema holding someone else's
// tables is never touched.
#pragma once

#include <string>

#include "core/status.h"
#include "store/postgres_db.h"
#include "store/store.h"

namespace newsfuse::store_internal {

// The text search configuration the index and the queries share.
inline constexpr const char* kSearchConfig = "newsfuse_english";

// Takes the store's write lock for the rest of the transaction. Advisory,
// keyed by "NFUS" and the schema: every writer (and every migration) of one
// store takes it, so writers take turns exactly as SQLite's do, while
// stores in other schemas of the same database never wait for each other.
inline const std::string kWriteLockSql =
    "SELECT pg_advisory_xact_lock(1313232211, hashtext(current_schema()))";

// Checks, reading only, that the schema can hold this build's store: a
// newsfuse store at or below the current version, or a schema without
// tables. Returns its version (0: none yet). Nothing is written, so a schema
// refused is left exactly as it was.
Result<int> CheckPostgresSchema(PgConn& conn);

// Applies every migration after `from`, each in its own transaction under
// the write lock, so processes creating one store at once take turns.
Status MigratePostgres(PgConn& conn, int from, const StoreOptions& options);

}  // namespace newsfuse::store_internal
