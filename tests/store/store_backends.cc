#include "store_backends.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <unistd.h>

#include <cctype>
#include <filesystem>
#include <random>

#ifdef NEWSFUSE_HAVE_POSTGRES
#include <libpq-fe.h>
#endif

#include "require_servers.h"

namespace newsfuse::testing {
namespace {

class SqliteRaw final : public RawSql {
 public:
  explicit SqliteRaw(const std::string& path) {
    EXPECT_EQ(sqlite3_open(path.c_str(), &db_), SQLITE_OK);
  }
  ~SqliteRaw() override { sqlite3_close(db_); }
  void Exec(const std::string& sql) override {
    char* error = nullptr;
    int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error);
    EXPECT_EQ(rc, SQLITE_OK) << sql << ": " << (error ? error : "");
    sqlite3_free(error);
  }
  std::string Query(const std::string& sql) override {
    sqlite3_stmt* stmt = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK)
        << sql << ": " << sqlite3_errmsg(db_);
    std::string out;
    if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0) != nullptr) {
      out = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    }
    sqlite3_finalize(stmt);
    return out;
  }

 private:
  sqlite3* db_ = nullptr;
};

#ifdef NEWSFUSE_HAVE_POSTGRES
class PostgresRaw final : public RawSql {
 public:
  explicit PostgresRaw(const std::string& uri) : conn_(PQconnectdb(uri.c_str())) {
    EXPECT_EQ(PQstatus(conn_), CONNECTION_OK) << PQerrorMessage(conn_);
    // "schema does not exist, skipping" and the like are not test output.
    PQsetNoticeProcessor(
        conn_, [](void*, const char*) {}, nullptr);
  }
  ~PostgresRaw() override { PQfinish(conn_); }
  void Exec(const std::string& sql) override {
    PGresult* result = PQexec(conn_, sql.c_str());
    const ExecStatusType status = PQresultStatus(result);
    EXPECT_TRUE(status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
        << sql << ": " << PQresultErrorMessage(result);
    PQclear(result);
  }
  std::string Query(const std::string& sql) override {
    PGresult* result = PQexec(conn_, sql.c_str());
    EXPECT_EQ(PQresultStatus(result), PGRES_TUPLES_OK)
        << sql << ": " << PQresultErrorMessage(result);
    std::string out;
    if (PQresultStatus(result) == PGRES_TUPLES_OK && PQntuples(result) > 0 &&
        !PQgetisnull(result, 0, 0)) {
      out = PQgetvalue(result, 0, 0);
    }
    PQclear(result);
    return out;
  }

 private:
  PGconn* conn_;
};
#endif

// Unique across the test processes ctest runs side by side.
std::string UniqueSchemaPrefix() {
  std::random_device device;
  return "nft_" + std::to_string(getpid()) + "_" + std::to_string(device() % 100000) + "_";
}

}  // namespace

std::string TestPostgresUri() {
  const char* uri = std::getenv("NEWSFUSE_TEST_PG");
  return uri != nullptr ? uri : "";
}

std::string UriWithSchema(const std::string& uri, const std::string& schema) {
  return uri + (uri.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" +
         schema;
}

std::unique_ptr<RawSql> OpenRawSql(Backend backend, const std::string& location) {
#ifdef NEWSFUSE_HAVE_POSTGRES
  if (backend == Backend::kPostgres) return std::make_unique<PostgresRaw>(location);
#endif
  (void)backend;
  return std::make_unique<SqliteRaw>(location);
}

void StoreBackendTest::SetUp() {
  if (postgres()) {
#ifndef NEWSFUSE_HAVE_POSTGRES
    NEWSFUSE_SKIP_WITHOUT_SERVER("built without libpq: the PostgreSQL store is not in this build");
#endif
    if (TestPostgresUri().empty()) {
      NEWSFUSE_SKIP_WITHOUT_SERVER(
          "NEWSFUSE_TEST_PG is not set: PostgreSQL runs skipped (scripts/test.sh starts a "
          "throwaway server and sets it)");
    }
    return;
  }
  std::string pattern =
      (std::filesystem::temp_directory_path() / "newsfuse_store_test_XXXXXX").string();
  ASSERT_NE(mkdtemp(pattern.data()), nullptr);
  dir_ = pattern;
}

void StoreBackendTest::TearDown() {
  if (!dir_.empty()) {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  if (!schemas_.empty()) {
    auto admin = OpenRawSql(Backend::kPostgres, TestPostgresUri());
    for (const std::string& schema : schemas_)
      admin->Exec("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  }
}

std::string StoreBackendTest::Location(const std::string& name) {
  if (!postgres()) return (std::filesystem::path(dir_) / (name + ".db")).string();
  static const std::string prefix = UniqueSchemaPrefix();
  std::string schema = prefix;
  for (char c : name) schema += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  if (schemas_.insert(schema).second) {
    OpenRawSql(Backend::kPostgres, TestPostgresUri())
        ->Exec("DROP SCHEMA IF EXISTS " + schema + " CASCADE; CREATE SCHEMA " + schema);
  }
  return UriWithSchema(TestPostgresUri(), schema);
}

std::string StoreBackendTest::Scratch() {
  if (!postgres()) return ":memory:";
  return Location("scratch" + std::to_string(++scratch_));
}

std::unique_ptr<Store> StoreBackendTest::OpenOrDie(const std::string& location,
                                                   StoreOptions options) {
  auto store = OpenStoreAt(location, options);
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  return store.ok() ? std::move(store).value() : nullptr;
}

std::string BackendName(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::kSqlite ? "Sqlite" : "Postgres";
}

}  // namespace newsfuse::testing
