// Thin RAII layer over libpq, private to the PostgreSQL store.
//
// Like sqlite_db.h: every failure becomes a Status naming the database and
// the operation where it happens, and results are freed on every path.
// Parameters travel separately from the SQL text (PQexecParams), so no
// article or query text is ever spliced into a statement.
#pragma once

#include <libpq-fe.h>

#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace newsfuse::store_internal {

struct PgResultDeleter {
  void operator()(PGresult* result) const { PQclear(result); }
};
using PgResultPtr = std::unique_ptr<PGresult, PgResultDeleter>;

// `uri` with its password, if any, replaced by "***": error messages and
// logs name the database without leaking the secret.
std::string RedactUri(std::string_view uri);

// SQLSTATE of a lock wait that ran out (lock_timeout).
inline constexpr std::string_view kLockNotAvailable = "55P03";
// SQLSTATE of a transaction the server rolled back to break a deadlock.
inline constexpr std::string_view kDeadlockDetected = "40P01";
// SQLSTATE of a row naming a row of another table that does not exist.
inline constexpr std::string_view kForeignKeyViolation = "23503";

class PgConn {
 public:
  PgConn() = default;
  ~PgConn();
  PgConn(const PgConn&) = delete;
  PgConn& operator=(const PgConn&) = delete;

  Status Connect(const std::string& uri);
  PGconn* handle() const { return conn_; }
  // The URI without its password: how messages name the store.
  const std::string& name() const { return name_; }

  // Runs one statement with text parameters ($1.. in order; nullptr binds
  // NULL) and returns its result when it succeeded (rows or none).
  Result<PgResultPtr> Exec(std::string_view what, const std::string& sql,
                           const std::vector<const std::string*>& params = {});
  // One or more statements without parameters (migrations, transaction control).
  Status ExecScript(std::string_view what, const std::string& sql);
  // The first column of the first row as an integer.
  Result<int64_t> QueryInt(std::string_view what, const std::string& sql,
                           const std::vector<const std::string*>& params = {});

  // The SQLSTATE of the last failure ("" when it had none).
  const std::string& last_sqlstate() const { return last_sqlstate_; }
  PGTransactionStatusType transaction_status() const { return PQtransactionStatus(conn_); }

  Status Error(std::string_view what, const PGresult* result);

 private:
  PGconn* conn_ = nullptr;
  std::string name_;
  std::string last_sqlstate_;
};

// Text of a result cell; NULL reads as empty.
std::string CellText(const PGresult* result, int row, int column);
bool CellIsNull(const PGresult* result, int row, int column);

}  // namespace newsfuse::store_internal

namespace newsfuse::store_internal {

// A write transaction that rolls back unless committed, as sqlite_db.h's
// WriteTransaction: begun outside a transaction it is BEGIN plus the
// caller's lock (waited for up to `wait_ms`; none when `lock_sql` is
// empty); begun inside one it is a
// SAVEPOINT, whose rollback undoes only its own writes. In PostgreSQL a
// failed statement spoils its whole transaction, so the savepoint is also
// what lets a unit carry on after one of its batches is refused.
class PgTransaction {
 public:
  explicit PgTransaction(PgConn& conn) : conn_(conn) {}
  ~PgTransaction();
  PgTransaction(const PgTransaction&) = delete;
  PgTransaction& operator=(const PgTransaction&) = delete;

  Status Begin(std::string_view what, const std::string& lock_sql, int wait_ms, int busy_ms);
  Status Commit(std::string_view what);
  bool nested() const { return nested_; }

 private:
  PgConn& conn_;
  bool open_ = false;
  bool nested_ = false;
};

}  // namespace newsfuse::store_internal
