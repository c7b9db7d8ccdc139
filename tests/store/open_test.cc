// Opening: schema version and pragmas, reopen, refusing files that are not
// ours or are too new, read-only mode, the default path.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "store/store.h"
#include "store_backends.h"
#include "store_test_util.h"

namespace newsfuse::testing {
namespace {

using ::testing::HasSubstr;

class OpenTest : public TempDirTest {};
class OpenBackendTest : public StoreBackendTest {
 protected:
  // Stamps the store at `location` with a schema version from the future.
  void StampVersion(const std::string& location, int version) {
    Raw(location)->Exec(postgres()
                            ? "UPDATE newsfuse_meta SET schema_version = " + std::to_string(version)
                            : "PRAGMA user_version = " + std::to_string(version));
  }
  int CurrentVersion() const { return postgres() ? kPostgresSchemaVersion : kSqliteSchemaVersion; }
};

TEST_F(OpenTest, NewFileGetsCurrentSchemaAndWal) {
  std::string path = PathOf("news.db");
  auto store = OpenOrDie(path);
  ASSERT_NE(store, nullptr);
  RawDb raw(path);
  EXPECT_EQ(raw.Query("PRAGMA user_version"), std::to_string(kSqliteSchemaVersion));
  EXPECT_EQ(raw.Query("PRAGMA journal_mode"), "wal");
  EXPECT_NE(raw.Query("PRAGMA application_id"), "0");
  EXPECT_EQ(raw.Query("SELECT count(*) FROM sqlite_schema WHERE name = 'articles_fts'"), "1");
}

TEST_P(OpenBackendTest, ReopenKeepsData) {
  std::string path = Location("news");
  {
    auto store = OpenOrDie(path);
    ASSERT_TRUE(store->PutArticles({MakeArticle("a1", "Persisted heron")}).ok());
    ASSERT_TRUE(store->AssignToStory("s1", "a1").ok());
  }
  auto store = OpenOrDie(path);
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(*store->CountArticles(), 1);
  EXPECT_EQ(store->GetArticle("a1")->title, "Persisted heron");
  EXPECT_EQ(*store->StoryOf("a1"), "s1");
  EXPECT_EQ(store->Search("heron", 5)->size(), 1u);
}

TEST_P(OpenBackendTest, TwoStoresOnOneStoreSeeEachOthersCommits) {
  std::string path = Location("news");
  auto writer = OpenOrDie(path);
  auto reader = OpenOrDie(path);
  ASSERT_NE(reader, nullptr);
  ASSERT_TRUE(writer->PutArticles({MakeArticle("a1", "Shared")}).ok());
  EXPECT_EQ(*reader->CountArticles(), 1);
}

// What search's name variants read (cli/name_aliases.h): the index's words
// by range, and whether stored analysis names an entity by a key.
TEST_F(OpenTest, IndexedWordsAndEntityKeysForNameVariants) {
  std::string path = PathOf("news.db");
  {
    auto store = OpenOrDie(path);
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(
        store->PutArticles({MakeArticle("a1", "Zelenskiy meets envoys", "Wire", {"Zebras too."})})
            .ok());
    ASSERT_TRUE(store
                    ->PutArticleSignals("a1", "test",
                                        R"({"e":[[0,"zelensky"],[3,"muammar qaddafi"]],"t":[]})")
                    .ok());
  }
  SqliteStoreOptions options;
  options.read_only = true;
  auto reader = OpenSqliteStore(path, options);
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  auto z = (*reader)->IndexedWords("z", "{");
  ASSERT_TRUE(z.ok()) << z.status().ToString();
  EXPECT_THAT(*z, ::testing::UnorderedElementsAre("zebra", "zelenskii"));
  auto none = (*reader)->IndexedWords("x", "y");
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
  EXPECT_TRUE(*(*reader)->HasEntityKey("zelensky"));
  EXPECT_TRUE(*(*reader)->HasEntityKey("qaddafi")) << "a full name's last word";
  EXPECT_TRUE(*(*reader)->HasEntityKey("muammar qaddafi"));
  EXPECT_FALSE(*(*reader)->HasEntityKey("zelen")) << "a key is matched whole";
  EXPECT_FALSE(*(*reader)->HasEntityKey("muammar")) << "only the last word stands alone";
  reader->reset();
  EXPECT_FALSE(std::filesystem::exists(path + "-wal")) << "the reader tidied its WAL files";
  EXPECT_FALSE(std::filesystem::exists(path + "-shm"));
}

TEST_F(OpenTest, TextFileIsRefusedAndLeftUntouched) {
  std::string path = PathOf("notes.txt");
  const std::string content =
      "These are my notes, not a database.\n"
      "They must survive a mistaken --db flag.\n";
  { std::ofstream(path, std::ios::binary) << content; }
  for (bool read_only : {false, true}) {
    SqliteStoreOptions options;
    options.read_only = read_only;
    auto store = OpenSqliteStore(path, options);
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.status().code(), Status::Code::kStoreError);
    EXPECT_THAT(store.status().ToString(), HasSubstr(path));
    EXPECT_THAT(store.status().ToString(), HasSubstr("not a SQLite database"));
  }
  EXPECT_EQ(ReadBytes(path), content);
  EXPECT_FALSE(std::filesystem::exists(path + "-wal"));
  EXPECT_FALSE(std::filesystem::exists(path + "-shm"));
}

TEST_P(OpenBackendTest, OtherApplicationsTablesAreRefusedAndLeftAlone) {
  std::string path = Location("other");
  Raw(path)->Exec("CREATE TABLE recipes(name TEXT)");
  Raw(path)->Exec("INSERT INTO recipes(name) VALUES ('soup')");
  std::string before = postgres() ? "" : ReadBytes(path);
  auto store = OpenStoreAt(path);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), Status::Code::kStoreError);
  EXPECT_THAT(store.status().message(), HasSubstr("not a newsfuse store"));
  if (!postgres()) {
    EXPECT_EQ(ReadBytes(path), before);
  }
  EXPECT_EQ(Raw(path)->Query("SELECT name FROM recipes"), "soup");
}

TEST_F(OpenTest, EmptyFileBecomesAStore) {
  std::string path = PathOf("empty.db");
  { std::ofstream touch(path); }
  auto store = OpenOrDie(path);
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(*store->CountArticles(), 0);
}

TEST_P(OpenBackendTest, NewerSchemaIsRefused) {
  std::string path = Location("news");
  { ASSERT_NE(OpenOrDie(path), nullptr); }
  StampVersion(path, CurrentVersion() + 1);
  std::string before = postgres() ? "" : ReadBytes(path);
  for (bool read_only : {false, true}) {
    StoreOptions options;
    options.read_only = read_only;
    auto store = OpenStoreAt(path, options);
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.status().code(), Status::Code::kStoreError);
    EXPECT_THAT(store.status().message(), HasSubstr("newer"));
    // The message names the store (a PostgreSQL URI without its password).
    EXPECT_THAT(store.status().message(), HasSubstr(postgres() ? "postgresql://" : path));
  }
  if (!postgres()) {
    EXPECT_EQ(ReadBytes(path), before);
  }
}

TEST_F(OpenTest, ReadOnlyNeverCreatesAFile) {
  std::string path = PathOf("missing.db");
  SqliteStoreOptions options;
  options.read_only = true;
  auto store = OpenSqliteStore(path, options);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), Status::Code::kStoreError);
  EXPECT_THAT(store.status().message(), HasSubstr(path));
  EXPECT_FALSE(std::filesystem::exists(path));
}

TEST_P(OpenBackendTest, ReadOnlyReadsButRefusesWrites) {
  std::string path = Location("news");
  {
    auto store = OpenOrDie(path);
    ASSERT_TRUE(store->PutArticles({MakeArticle("a1", "Read me")}).ok());
  }
  SqliteStoreOptions options;
  options.read_only = true;
  auto store = OpenOrDie(path, options);
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->GetArticle("a1")->title, "Read me");
  EXPECT_EQ(store->Search("read", 5)->size(), 1u);
  auto put = store->PutArticles({MakeArticle("a2", "No")});
  ASSERT_FALSE(put.ok());
  EXPECT_EQ(put.status().code(), Status::Code::kUsage);
  EXPECT_EQ(store->AssignToStory("s", "a1").code(), Status::Code::kUsage);
}

// A read-only open of an empty PostgreSQL schema creates no store in it.
TEST_P(OpenBackendTest, ReadOnlyOfAnEmptyPlaceCreatesNothing) {
  std::string path = postgres() ? Location("empty") : Location("missing");
  StoreOptions options;
  options.read_only = true;
  auto store = OpenStoreAt(path, options);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), Status::Code::kStoreError);
  if (postgres()) {
    EXPECT_EQ(
        Raw(path)->Query("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()"),
        "0");
  } else {
    EXPECT_FALSE(std::filesystem::exists(path));
  }
}

NEWSFUSE_STORE_BACKENDS(OpenBackendTest);

TEST(DefaultDatabasePathTest, EnvironmentOverridesTheDefault) {
  const char* saved = std::getenv("NEWSFUSE_DB");
  std::string restore = saved ? saved : "";
  unsetenv("NEWSFUSE_DB");
  EXPECT_EQ(DefaultDatabasePath(), "newsfuse.db");
  setenv("NEWSFUSE_DB", "", 1);
  EXPECT_EQ(DefaultDatabasePath(), "newsfuse.db");
  setenv("NEWSFUSE_DB", "/data/corpus.db", 1);
  EXPECT_EQ(DefaultDatabasePath(), "/data/corpus.db");
  if (saved)
    setenv("NEWSFUSE_DB", restore.c_str(), 1);
  else
    unsetenv("NEWSFUSE_DB");
}

}  // namespace
}  // namespace newsfuse::testing
