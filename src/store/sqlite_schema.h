// The SQLite schema and its migrations, private to the store.
//
// PRAGMA user_version records how many migrations a file has seen. Migrations
// only ever append: version N+1 is version N plus one step, so a file written
// by any older build can be brought forward, and a file from a newer build is
// refused rather than misread.
#pragma once

#include <cstdint>

#include "core/status.h"
#include "store/sqlite_db.h"

namespace newsfuse::store_internal {

// PRAGMA application_id, "NFUS": marks the file as ours so that some other
// program's SQLite database is never mistaken for an empty store and migrated.
inline constexpr int32_t kApplicationId = 0x4E465553;

// Checks, reading only, that the file is a SQLite database this build can use:
// a newsfuse store at or below the current version, or a brand-new empty file.
// Returns the file's schema version. Must run before anything writes, so a
// file we refuse is left byte-for-byte as it was.
Result<int> CheckSchema(Db& db);

// Applies every migration after `from`, each in its own transaction.
Status Migrate(Db& db, int from);

}  // namespace newsfuse::store_internal
