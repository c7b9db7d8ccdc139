#include "store/postgres_db.h"

#include <cstdlib>

namespace newsfuse::store_internal {
namespace {

// The server's NOTICEs (a query of stop words only, an existing object
// skipped) are informational; the CLI's stderr is for the user's problems.
void IgnoreNotice(void* /*arg*/, const char* /*message*/) {}

std::string Trimmed(const char* text) {
  std::string out = text != nullptr ? text : "";
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

}  // namespace

std::string RedactUri(std::string_view uri) {
  const size_t scheme = uri.find("://");
  if (scheme == std::string_view::npos) return std::string(uri);
  const size_t authority = scheme + 3;
  const size_t at = uri.find('@', authority);
  const size_t slash = uri.find('/', authority);
  if (at == std::string_view::npos || (slash != std::string_view::npos && slash < at)) {
    return std::string(uri);
  }
  const size_t colon = uri.find(':', authority);
  if (colon == std::string_view::npos || colon > at) return std::string(uri);
  return std::string(uri.substr(0, colon + 1)) + "***" + std::string(uri.substr(at));
}

PgConn::~PgConn() {
  if (conn_ != nullptr) PQfinish(conn_);
}

Status PgConn::Connect(const std::string& uri) {
  name_ = RedactUri(uri);
  conn_ = PQconnectdb(uri.c_str());
  // Null also when libpq could not be loaded (libpq_lazy.cc): its error says why.
  if (conn_ == nullptr) {
    return Status::StoreError(name_ + ": cannot connect: " + Trimmed(PQerrorMessage(nullptr)));
  }
  if (PQstatus(conn_) != CONNECTION_OK) {
    return Status::StoreError(name_ + ": cannot connect: " + Trimmed(PQerrorMessage(conn_)));
  }
  PQsetNoticeProcessor(conn_, IgnoreNotice, nullptr);
  return Status::Ok();
}

Status PgConn::Error(std::string_view what, const PGresult* result) {
  const char* state = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  last_sqlstate_ = state != nullptr ? state : "";
  std::string detail = result != nullptr ? Trimmed(PQresultErrorMessage(result)) : "";
  if (detail.empty()) detail = Trimmed(PQerrorMessage(conn_));
  // libpq prefixes "ERROR:  "; the store's message already says it failed.
  if (detail.rfind("ERROR:", 0) == 0) {
    detail.erase(0, 6);
    while (!detail.empty() && detail.front() == ' ') detail.erase(0, 1);
  }
  return Status::StoreError(name_ + ": " + std::string(what) + ": " + detail);
}

Result<PgResultPtr> PgConn::Exec(std::string_view what, const std::string& sql,
                                 const std::vector<const std::string*>& params) {
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const std::string* p : params) values.push_back(p != nullptr ? p->c_str() : nullptr);
  PgResultPtr result(PQexecParams(conn_, sql.c_str(), static_cast<int>(values.size()), nullptr,
                                  values.data(), nullptr, nullptr, /*resultFormat=*/0));
  const ExecStatusType status =
      result != nullptr ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) return Error(what, result.get());
  last_sqlstate_.clear();
  return result;
}

Status PgConn::ExecScript(std::string_view what, const std::string& sql) {
  PgResultPtr result(PQexec(conn_, sql.c_str()));
  const ExecStatusType status =
      result != nullptr ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) return Error(what, result.get());
  last_sqlstate_.clear();
  return Status::Ok();
}

Result<int64_t> PgConn::QueryInt(std::string_view what, const std::string& sql,
                                 const std::vector<const std::string*>& params) {
  auto result = Exec(what, sql, params);
  if (!result.ok()) return result.status();
  if (PQntuples(result->get()) < 1 || PQgetisnull(result->get(), 0, 0)) {
    return Status::StoreError(name_ + ": " + std::string(what) + ": no value");
  }
  return static_cast<int64_t>(std::strtoll(PQgetvalue(result->get(), 0, 0), nullptr, 10));
}

std::string CellText(const PGresult* result, int row, int column) {
  if (PQgetisnull(result, row, column)) return {};
  return std::string(PQgetvalue(result, row, column),
                     static_cast<size_t>(PQgetlength(result, row, column)));
}

bool CellIsNull(const PGresult* result, int row, int column) {
  return PQgetisnull(result, row, column) != 0;
}

}  // namespace newsfuse::store_internal

namespace newsfuse::store_internal {

PgTransaction::~PgTransaction() {
  if (!open_ || conn_.transaction_status() == PQTRANS_IDLE) return;
  (void)conn_.ExecScript(
      "rolling back",
      nested_ ? "ROLLBACK TO SAVEPOINT nf_write; RELEASE SAVEPOINT nf_write" : "ROLLBACK");
}

Status PgTransaction::Begin(std::string_view what, const std::string& lock_sql, int wait_ms,
                            int busy_ms) {
  nested_ = conn_.transaction_status() != PQTRANS_IDLE;
  if (nested_) {
    Status status = conn_.ExecScript(what, "SAVEPOINT nf_write");
    open_ = status.ok();
    return status;
  }
  if (Status s = conn_.ExecScript(what, "BEGIN"); !s.ok()) return s;
  open_ = true;
  if (lock_sql.empty())
    return conn_.ExecScript(what, "SET LOCAL lock_timeout = " + std::to_string(busy_ms));
  // Only the wait for the lock is long: once held, nothing else blocks.
  if (Status s = conn_.ExecScript(what, "SET LOCAL lock_timeout = " + std::to_string(wait_ms));
      !s.ok()) {
    return s;
  }
  if (auto locked = conn_.Exec(what, lock_sql); !locked.ok()) {
    if (conn_.last_sqlstate() == kLockNotAvailable) {
      return Status::StoreError(conn_.name() + ": " + std::string(what) +
                                ": another writer held the store's write lock for over " +
                                std::to_string(wait_ms) + " ms");
    }
    return locked.status();
  }
  return conn_.ExecScript(what, "SET LOCAL lock_timeout = " + std::to_string(busy_ms));
}

Status PgTransaction::Commit(std::string_view what) {
  if (conn_.transaction_status() == PQTRANS_INERROR) {
    // COMMIT would quietly roll back: say so instead.
    return Status::StoreError(conn_.name() + ": " + std::string(what) +
                              ": an earlier statement failed, so the write was rolled back");
  }
  if (nested_) {
    Status status = conn_.ExecScript(what, "RELEASE SAVEPOINT nf_write");
    if (status.ok()) open_ = false;
    return status;
  }
  Status status = conn_.ExecScript(what, "COMMIT");
  if (status.ok()) open_ = false;
  return status;
}

}  // namespace newsfuse::store_internal
