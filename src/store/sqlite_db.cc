#include "store/sqlite_db.h"

namespace newsfuse::store_internal {

Db::~Db() {
  // close_v2 tolerates statements still alive elsewhere; the store finalizes
  // its cache first, so in practice this closes at once and, being the last
  // connection, checkpoints and removes the -wal file.
  if (db_ != nullptr) sqlite3_close_v2(db_);
}

Status Db::Open(const std::string& path, int flags) {
  path_ = path;
  int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    // A handle is returned even on failure (unless out of memory) and holds
    // the message; Error() reads it before the handle is closed.
    Status status = Error("cannot open database", rc);
    sqlite3_close_v2(db_);
    db_ = nullptr;
    return status;
  }
  // Extended codes distinguish SQLITE_IOERR_* and SQLITE_CONSTRAINT_* kinds.
  sqlite3_extended_result_codes(db_, 1);
  return Status::Ok();
}

void Db::SetTimeouts(int busy_ms, int write_wait_ms) {
  busy_ms_ = busy_ms;
  write_wait_ms_ = write_wait_ms;
  sqlite3_busy_timeout(db_, busy_ms);
}

Status Db::Exec(const char* sql, std::string_view what) {
  int rc = sqlite3_exec(db_, sql, nullptr, nullptr, nullptr);
  return rc == SQLITE_OK ? Status::Ok() : Error(what, rc);
}

Result<StatementPtr> Db::Prepare(std::string_view sql, std::string_view what) {
  sqlite3_stmt* raw = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &raw, nullptr);
  StatementPtr stmt(raw);
  if (rc != SQLITE_OK) return Error(what, rc);
  return stmt;
}

Result<int64_t> Db::QueryInt(const char* sql, std::string_view what) {
  auto stmt = Prepare(sql, what);
  if (!stmt.ok()) return stmt.status();
  int rc = sqlite3_step(stmt->get());
  if (rc != SQLITE_ROW) return Error(what, rc);
  return static_cast<int64_t>(sqlite3_column_int64(stmt->get(), 0));
}

Status Db::Error(std::string_view what) const {
  return Error(what, db_ ? sqlite3_extended_errcode(db_) : SQLITE_ERROR);
}

Status Db::Error(std::string_view what, int rc) const {
  last_error_code_ = rc;
  std::string detail = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
  // The connection's message can be stale ("not an error") when the failing
  // call was not the last one; fall back to the generic text for the code.
  if (detail.empty() || detail == "not an error") detail = sqlite3_errstr(rc);
  return Status::StoreError(path_ + ": " + std::string(what) + ": " + detail);
}

WriteTransaction::~WriteTransaction() {
  // SQLite rolls back by itself after some errors (disk full, I/O); issuing
  // ROLLBACK then would only fail with "no transaction is active".
  if (open_ && !sqlite3_get_autocommit(db_.handle())) {
    const char* undo = nested_ ? "ROLLBACK TO nf_write; RELEASE nf_write" : "ROLLBACK";
    sqlite3_exec(db_.handle(), undo, nullptr, nullptr, nullptr);
  }
}

Status WriteTransaction::Begin(std::string_view what) {
  nested_ = !sqlite3_get_autocommit(db_.handle());
  if (nested_) {
    Status status = db_.Exec("SAVEPOINT nf_write", what);
    open_ = status.ok();
    return status;
  }
  // Only the wait for the lock is long: once held, nothing else blocks.
  sqlite3_busy_timeout(db_.handle(), db_.write_wait_ms());
  Status status = db_.Exec("BEGIN IMMEDIATE", what);
  sqlite3_busy_timeout(db_.handle(), db_.busy_timeout_ms());
  open_ = status.ok();
  return status;
}

Status WriteTransaction::Commit(std::string_view what) {
  Status status = db_.Exec(nested_ ? "RELEASE nf_write" : "COMMIT", what);
  // A failed COMMIT (e.g. SQLITE_BUSY) leaves the transaction open; the
  // destructor then rolls it back.
  if (status.ok()) open_ = false;
  return status;
}

int BindText(sqlite3_stmt* stmt, int index, std::string_view text) {
  // A null pointer would bind SQL NULL, not the empty string the caller meant.
  const char* data = text.data() != nullptr ? text.data() : "";
  return sqlite3_bind_text64(stmt, index, data, text.size(), SQLITE_STATIC, SQLITE_UTF8);
}

int BindOptionalText(sqlite3_stmt* stmt, int index, const std::optional<std::string>& text) {
  return text ? BindText(stmt, index, *text) : sqlite3_bind_null(stmt, index);
}

std::string ColumnText(sqlite3_stmt* stmt, int column) {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, column));
  if (text == nullptr) return {};
  return std::string(text, static_cast<size_t>(sqlite3_column_bytes(stmt, column)));
}

bool ColumnIsNull(sqlite3_stmt* stmt, int column) {
  return sqlite3_column_type(stmt, column) == SQLITE_NULL;
}

}  // namespace newsfuse::store_internal
