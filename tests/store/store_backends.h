// The store tests' backends: every contract test is a TEST_P over
// StoreBackendTest and runs once on SQLite and once on PostgreSQL.
//
// PostgreSQL runs need NEWSFUSE_TEST_PG, a connection URI to a database the
// tests may create schemas in (scripts/pg_throwaway.sh starts one; .ci/run
// and scripts/test.sh export it); without it those runs are skipped with a
// message saying so. Each store location of a test is a fresh schema of
// that database, dropped afterwards, so runs never see each other's data.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <ostream>
#include <set>
#include <string>

#include "store/store.h"

namespace newsfuse::testing {

enum class Backend { kSqlite, kPostgres };
// How gtest (and so ctest's test names) shows a backend.
inline void PrintTo(Backend backend, std::ostream* os) {
  *os << (backend == Backend::kSqlite ? "sqlite" : "postgres");
}

// Raw SQL beside a store: to inspect or sabotage what it wrote.
class RawSql {
 public:
  virtual ~RawSql() = default;
  virtual void Exec(const std::string& sql) = 0;
  // First column of the first row, as text ("" when no row or NULL).
  virtual std::string Query(const std::string& sql) = 0;
};

// The URI of NEWSFUSE_TEST_PG, or "" when it is unset.
std::string TestPostgresUri();
// `uri` with its search_path set to `schema`.
std::string UriWithSchema(const std::string& uri, const std::string& schema);
std::unique_ptr<RawSql> OpenRawSql(Backend backend, const std::string& location);

class StoreBackendTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override;
  void TearDown() override;

  Backend backend() const { return GetParam(); }
  bool postgres() const { return GetParam() == Backend::kPostgres; }
  // Where the store called `name` lives: a file in the test's directory, or
  // a schema of the test database. The same name gives the same store.
  std::string Location(const std::string& name);
  // A store location no other call returns (":memory:" on SQLite).
  std::string Scratch();
  std::unique_ptr<Store> OpenOrDie(const std::string& location, StoreOptions options = {});
  std::unique_ptr<RawSql> Raw(const std::string& location) {
    return OpenRawSql(backend(), location);
  }

 private:
  std::string dir_;
  std::set<std::string> schemas_;
  int scratch_ = 0;
};

std::string BackendName(const ::testing::TestParamInfo<Backend>& info);

#define NEWSFUSE_STORE_BACKENDS(Suite)                                                 \
  INSTANTIATE_TEST_SUITE_P(Backends, Suite,                                            \
                           ::testing::Values(::newsfuse::testing::Backend::kSqlite,    \
                                             ::newsfuse::testing::Backend::kPostgres), \
                           ::newsfuse::testing::BackendName)

}  // namespace newsfuse::testing
