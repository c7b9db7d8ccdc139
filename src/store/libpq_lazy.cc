// libpq, opened when first needed. The PostgreSQL store and the leader lock
// call libpq's functions as usual; they resolve to these definitions, which
// open libpq with dlopen on the first PQconnectdb. So a binary that never
// names a postgres:// database never loads libpq and the ~25 libraries it
// pulls in (Kerberos, LDAP, OpenSSL, ...): `newsfuse --help` or a SQLite
// ingest starts faster, and a machine without libpq installed still runs
// everything but the PostgreSQL store, with an error that names the library.
//
// Only the functions newsfuse calls are here; a new call to another libpq
// function fails to link until it is added below (one line).
#include <dlfcn.h>
#include <libpq-fe.h>

#include <cstdlib>
#include <string>

namespace {

// The library's soname (stable since PostgreSQL 8.0); NEWSFUSE_LIBPQ names
// another file, for installs outside the loader's path and for tests.
constexpr const char* kLibpqName = "libpq.so.5";

struct Libpq {
  void* handle = nullptr;
  std::string error;  // why it could not be opened, for PQerrorMessage
};

const Libpq& Library() {
  static const Libpq library = [] {
    Libpq lib;
    const char* override_name = std::getenv("NEWSFUSE_LIBPQ");
    const std::string name =
        override_name != nullptr && *override_name != '\0' ? override_name : kLibpqName;
    lib.handle = dlopen(name.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (lib.handle == nullptr) {
      const char* why = dlerror();
      lib.error = "PostgreSQL support needs " + name + ", which could not be loaded (" +
                  (why != nullptr ? why : "unknown error") +
                  "); install it (Debian: apt-get install libpq5)\n";
    }
    return lib;
  }();
  return library;
}

// libpq's own function `name`, or nullptr when libpq cannot be loaded (or
// is too old to have it). The first call opens the library; no libpq
// function is called unless a postgres:// database was named.
void* Resolve(const char* name) {
  void* handle = Library().handle;
  return handle != nullptr ? dlsym(handle, name) : nullptr;
}

}  // namespace

// Each wrapper looks its function up once; `fallback` is what libpq itself
// answers for a null connection or result, which is all a caller can hold
// when libpq could not be loaded.
#define NEWSFUSE_LIBPQ_CALL(name, fallback, ...)                                \
  static const auto real = reinterpret_cast<decltype(&::name)>(Resolve(#name)); \
  if (real == nullptr) return fallback;                                         \
  return real(__VA_ARGS__)

extern "C" {

PGconn* PQconnectdb(const char* conninfo) { NEWSFUSE_LIBPQ_CALL(PQconnectdb, nullptr, conninfo); }
void PQfinish(PGconn* conn) { NEWSFUSE_LIBPQ_CALL(PQfinish, void(), conn); }
ConnStatusType PQstatus(const PGconn* conn) { NEWSFUSE_LIBPQ_CALL(PQstatus, CONNECTION_BAD, conn); }
char* PQerrorMessage(const PGconn* conn) {
  // Without libpq the only connection is a null one, and its error is why.
  NEWSFUSE_LIBPQ_CALL(PQerrorMessage, const_cast<char*>(Library().error.c_str()), conn);
}
PGTransactionStatusType PQtransactionStatus(const PGconn* conn) {
  NEWSFUSE_LIBPQ_CALL(PQtransactionStatus, PQTRANS_UNKNOWN, conn);
}
PQnoticeProcessor PQsetNoticeProcessor(PGconn* conn, PQnoticeProcessor proc, void* arg) {
  NEWSFUSE_LIBPQ_CALL(PQsetNoticeProcessor, nullptr, conn, proc, arg);
}
PGresult* PQexec(PGconn* conn, const char* query) {
  NEWSFUSE_LIBPQ_CALL(PQexec, nullptr, conn, query);
}
PGresult* PQexecParams(PGconn* conn, const char* command, int n_params, const Oid* param_types,
                       const char* const* param_values, const int* param_lengths,
                       const int* param_formats, int result_format) {
  NEWSFUSE_LIBPQ_CALL(PQexecParams, nullptr, conn, command, n_params, param_types, param_values,
                      param_lengths, param_formats, result_format);
}
void PQclear(PGresult* res) { NEWSFUSE_LIBPQ_CALL(PQclear, void(), res); }
ExecStatusType PQresultStatus(const PGresult* res) {
  NEWSFUSE_LIBPQ_CALL(PQresultStatus, PGRES_FATAL_ERROR, res);
}
char* PQresultErrorMessage(const PGresult* res) {
  NEWSFUSE_LIBPQ_CALL(PQresultErrorMessage, const_cast<char*>(""), res);
}
char* PQresultErrorField(const PGresult* res, int fieldcode) {
  NEWSFUSE_LIBPQ_CALL(PQresultErrorField, nullptr, res, fieldcode);
}
int PQntuples(const PGresult* res) { NEWSFUSE_LIBPQ_CALL(PQntuples, 0, res); }
char* PQgetvalue(const PGresult* res, int tup_num, int field_num) {
  NEWSFUSE_LIBPQ_CALL(PQgetvalue, nullptr, res, tup_num, field_num);
}
int PQgetlength(const PGresult* res, int tup_num, int field_num) {
  NEWSFUSE_LIBPQ_CALL(PQgetlength, 0, res, tup_num, field_num);
}
int PQgetisnull(const PGresult* res, int tup_num, int field_num) {
  NEWSFUSE_LIBPQ_CALL(PQgetisnull, 1, res, tup_num, field_num);
}
char* PQcmdTuples(PGresult* res) { NEWSFUSE_LIBPQ_CALL(PQcmdTuples, const_cast<char*>(""), res); }

}  // extern "C"
