// Thin RAII layer over the SQLite C API, private to the store.
//
// SQLite reports failure through integer codes plus a message held by the
// connection, which is easy to lose or to read after a later call has
// overwritten it. These helpers turn every failure into a Status at the point
// it happens, and make finalize/reset impossible to forget on an early return.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"

namespace newsfuse::store_internal {

struct StatementDeleter {
  void operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }
};
using StatementPtr = std::unique_ptr<sqlite3_stmt, StatementDeleter>;

// One connection. Not copyable: the handle owns locks and the WAL index.
class Db {
 public:
  Db() = default;
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  // Opens `path` with sqlite3_open_v2 `flags`. Opening is lazy in SQLite: a
  // file that is not a database is only noticed on the first read.
  Status Open(const std::string& path, int flags);

  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }

  // How long starting a write transaction waits for another process's write
  // lock, and how long anything else waits. A writer may hold the lock for as
  // long as it takes to cluster a batch (seconds), so the first is generous.
  void SetTimeouts(int busy_ms, int write_wait_ms);
  int busy_timeout_ms() const { return busy_ms_; }
  int write_wait_ms() const { return write_wait_ms_; }

  // Runs one or more statements that return no rows the caller needs.
  Status Exec(const char* sql, std::string_view what);
  Result<StatementPtr> Prepare(std::string_view sql, std::string_view what);
  // Reads a PRAGMA (or any query) whose first row, first column is an integer.
  Result<int64_t> QueryInt(const char* sql, std::string_view what);

  // StoreError naming the path, the operation and SQLite's own explanation.
  Status Error(std::string_view what) const;
  Status Error(std::string_view what, int rc) const;
  // The (extended) code behind the last Error(): the message alone cannot
  // tell a bad query from a broken disk, and the connection's own errcode may
  // have been overwritten by a finalize or reset since.
  int last_error_code() const { return last_error_code_; }

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
  mutable int last_error_code_ = SQLITE_OK;
  int busy_ms_ = 0;
  int write_wait_ms_ = 0;
};

// Resets and unbinds a cached statement when the scope ends, so the next user
// starts clean and no read transaction is held open by a half-stepped query.
class StatementLease {
 public:
  explicit StatementLease(sqlite3_stmt* stmt) : stmt_(stmt) {}
  ~StatementLease() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  StatementLease(const StatementLease&) = delete;
  StatementLease& operator=(const StatementLease&) = delete;
  sqlite3_stmt* get() const { return stmt_; }

 private:
  sqlite3_stmt* stmt_;
};

// A write transaction that rolls back unless committed, so an early return or
// an exception can never leave the connection inside a half-done batch.
// IMMEDIATE takes the write lock at the start: a deferred transaction that
// upgrades later can fail with SQLITE_BUSY after it has done its work.
//
// Begun inside another transaction it is a SAVEPOINT: its rollback undoes
// only its own writes, and its commit makes them part of the outer unit,
// which commits or rolls back as a whole. That lets a caller wrap several
// store calls (articles and their story assignments) in one atomic write.
class WriteTransaction {
 public:
  explicit WriteTransaction(Db& db) : db_(db) {}
  ~WriteTransaction();
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;

  Status Begin(std::string_view what);
  Status Commit(std::string_view what);

 private:
  Db& db_;
  bool open_ = false;
  bool nested_ = false;
};

// Binding helpers. SQLITE_TRANSIENT is avoided: every bound buffer outlives
// the step that reads it, so SQLite need not copy multi-kilobyte bodies.
int BindText(sqlite3_stmt* stmt, int index, std::string_view text);
int BindOptionalText(sqlite3_stmt* stmt, int index, const std::optional<std::string>& text);

// Column text as a std::string; NULL reads as empty.
std::string ColumnText(sqlite3_stmt* stmt, int column);
bool ColumnIsNull(sqlite3_stmt* stmt, int column);

}  // namespace newsfuse::store_internal
