// Shared helpers for the store tests: scratch directories, sample articles and
// a raw SQLite handle for inspecting or sabotaging a file behind the store.
#pragma once

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "core/records.h"
#include "store/store.h"

namespace newsfuse::testing {

// A fresh directory per test, removed afterwards, so tests never share files.
class TempDirTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "newsfuse_store_test_XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  void TearDown() override {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  std::string PathOf(const std::string& name) const { return (dir_ / name).string(); }

  std::unique_ptr<Store> OpenOrDie(const std::string& path, SqliteStoreOptions options = {}) {
    auto store = OpenSqliteStore(path, options);
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return store.ok() ? std::move(store).value() : nullptr;
  }

  std::filesystem::path dir_;
};

inline std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

inline Article MakeArticle(const std::string& id, const std::string& title,
                           const std::string& outlet = "Reuters",
                           std::vector<std::string> paragraphs = {"Body text."}) {
  Article a;
  a.id = id;
  a.locator = "pages/" + id + ".txt";
  a.url = "https://example.com/" + id;
  a.outlet = outlet;
  a.title = title;
  a.language = "en";
  a.paragraphs = std::move(paragraphs);
  return a;
}

inline Article Published(Article a, const std::string& iso) {
  a.published = DateTime::ParseIso(iso);
  EXPECT_TRUE(a.published.has_value()) << iso;
  return a;
}

// A second connection to the same file, beside (or after) the store's own.
class RawDb {
 public:
  explicit RawDb(const std::string& path) {
    EXPECT_EQ(sqlite3_open(path.c_str(), &db_), SQLITE_OK);
  }
  ~RawDb() { sqlite3_close(db_); }
  RawDb(const RawDb&) = delete;
  RawDb& operator=(const RawDb&) = delete;

  void Exec(const std::string& sql) {
    char* error = nullptr;
    int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error);
    EXPECT_EQ(rc, SQLITE_OK) << sql << ": " << (error ? error : "");
    sqlite3_free(error);
  }
  // First column of the first row, as text ("" when no row).
  std::string Query(const std::string& sql) {
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

}  // namespace newsfuse::testing
