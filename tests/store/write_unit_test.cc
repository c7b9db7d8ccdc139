// Store::BeginWrite: several writes as one atomic unit under the store's
// write lock, DataVersion, CountUnassigned, and opening one new file from
// several processes at once.
#include <sys/wait.h>
#include <unistd.h>

#include <string>
#include <utility>
#include <vector>

#include "store_backends.h"
#include "store_test_util.h"

namespace newsfuse {
namespace {

using testing::MakeArticle;

class WriteUnitTest : public testing::StoreBackendTest {};

TEST_P(WriteUnitTest, ArticlesAndAssignmentsCommitTogetherOrNotAtAll) {
  auto store = OpenOrDie(Location("news"));
  ASSERT_TRUE(store);
  {
    auto write = store->BeginWrite();
    ASSERT_TRUE(write.ok()) << write.status().ToString();
    ASSERT_TRUE(store->PutArticles({MakeArticle("a1", "One")}).ok());
    ASSERT_TRUE(store->AssignToStory("s1", "a1").ok());
    // Dropped without Commit: as if the process died here.
  }
  EXPECT_EQ(*store->CountArticles(), 0);

  auto write = store->BeginWrite();
  ASSERT_TRUE(write.ok());
  ASSERT_TRUE(store->PutArticles({MakeArticle("a1", "One")}).ok());
  ASSERT_TRUE(store->AssignToStory("s1", "a1").ok());
  ASSERT_TRUE((*write)->Commit().ok());
  EXPECT_EQ(*store->CountArticles(), 1);
  EXPECT_EQ(*store->StoryOf("a1"), "s1");
  EXPECT_EQ(*store->CountUnassigned(), 0);
}

TEST_P(WriteUnitTest, ARefusedBatchUndoesOnlyItself) {
  auto store = OpenOrDie(Location("news"));
  ASSERT_TRUE(store);
  auto write = store->BeginWrite();
  ASSERT_TRUE(write.ok());
  ASSERT_TRUE(store->PutArticles({MakeArticle("a1", "One")}).ok());
  auto bad = store->PutArticles({MakeArticle("a2", "Two"), MakeArticle("", "No id")});
  EXPECT_EQ(bad.status().code(), Status::Code::kBadInput);
  ASSERT_TRUE(store->AssignToStory("s1", "a1").ok());
  ASSERT_TRUE((*write)->Commit().ok());
  EXPECT_EQ(*store->CountArticles(), 1);
  EXPECT_FALSE(*store->HasArticle("a2"));
}

TEST_P(WriteUnitTest, OneUnitAtATime) {
  auto store = OpenOrDie(Location("news"));
  ASSERT_TRUE(store);
  auto write = store->BeginWrite();
  ASSERT_TRUE(write.ok());
  EXPECT_EQ(store->BeginWrite().status().code(), Status::Code::kUsage);
}

TEST_P(WriteUnitTest, AnotherWriterWaitsForTheLock) {
  auto holder = OpenOrDie(Location("news"));
  StoreOptions impatient;
  impatient.write_wait_ms = 200;
  auto other = OpenOrDie(Location("news"), impatient);
  ASSERT_TRUE(holder && other);
  auto write = holder->BeginWrite();
  ASSERT_TRUE(write.ok());
  auto blocked = other->BeginWrite();
  EXPECT_EQ(blocked.status().code(), Status::Code::kStoreError);
  write->reset();  // released
  EXPECT_TRUE(other->BeginWrite().ok());
}

TEST_P(WriteUnitTest, DataVersionMovesOnlyForOtherWriters) {
  auto mine = OpenOrDie(Location("news"));
  auto theirs = OpenOrDie(Location("news"));
  ASSERT_TRUE(mine && theirs);
  const int64_t before = *mine->DataVersion();
  ASSERT_TRUE(mine->PutArticles({MakeArticle("a1", "One")}).ok());
  EXPECT_EQ(*mine->DataVersion(), before);
  ASSERT_TRUE(theirs->PutArticles({MakeArticle("a2", "Two")}).ok());
  EXPECT_NE(*mine->DataVersion(), before);
  EXPECT_EQ(*mine->CountUnassigned(), 2);
}

// Was: "enabling WAL: database is locked" for one of two processes creating
// the same new store.
TEST_P(WriteUnitTest, ProcessesCreatingOneNewFileAllSucceed) {
  for (int round = 0; round < 20; ++round) {
    const std::string path = Location("new" + std::to_string(round));
    std::vector<pid_t> children;
    for (int p = 0; p < 4; ++p) {
      pid_t pid = fork();
      if (pid == 0) {
        auto store = OpenStoreAt(path);
        if (!store.ok()) {
          std::fprintf(stderr, "%s\n", store.status().ToString().c_str());
          _exit(1);
        }
        auto put = (*store)->PutArticles({MakeArticle("a" + std::to_string(p), "T")});
        _exit(put.ok() ? 0 : 2);
      }
      children.push_back(pid);
    }
    for (pid_t pid : children) {
      int status = 0;
      waitpid(pid, &status, 0);
      EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "round " << round;
    }
    auto store = OpenOrDie(path);
    ASSERT_TRUE(store);
    EXPECT_EQ(*store->CountArticles(), 4) << "round " << round;
  }
}

// The clusterer's kept rows: committed with their unit or not at all, put
// rows replace, erased ones go, replace_all drops the rest; a batch of rows
// larger than one statement's, and a key put twice (the later value wins).
TEST_P(WriteUnitTest, ClusterStateRowsCommitWithTheirUnit) {
  auto store = OpenOrDie(Location("news"));
  ASSERT_TRUE(store);
  using Rows = std::vector<std::pair<std::string, std::string>>;
  Rows many;
  for (int i = 0; i < 2500; ++i) {
    many.emplace_back("f/" + std::to_string(10000 + i), std::string("v\0", 2) + std::to_string(i));
  }
  many.emplace_back("m", "first");
  many.emplace_back("m", "second");
  {
    auto write = store->BeginWrite();
    ASSERT_TRUE(write.ok());
    ASSERT_TRUE(store->PutClusterState(many, {}, true).ok());
  }
  EXPECT_TRUE(store->GetClusterState()->empty());

  auto write = store->BeginWrite();
  ASSERT_TRUE(write.ok());
  ASSERT_TRUE(store->PutClusterState(many, {}, true).ok());
  std::vector<std::string> erase;
  for (int i = 0; i < 1500; ++i) erase.push_back("f/" + std::to_string(10000 + i));
  ASSERT_TRUE(store->PutClusterState({{"f/10000", "back"}}, erase, false).ok());
  ASSERT_TRUE((*write)->Commit().ok());
  auto rows = store->GetClusterState();
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 1002u);  // 1,000 f/ rows kept, f/10000 put back, m
  EXPECT_EQ(rows->front(), (std::pair<std::string, std::string>{"f/10000", "back"}));
  EXPECT_EQ((*rows)[1].second, std::string("v\0", 2) + "1500");
  EXPECT_EQ(rows->back(), (std::pair<std::string, std::string>{"m", "second"}));

  ASSERT_TRUE(store->PutClusterState({{"m", "only"}}, {}, true).ok());
  EXPECT_EQ(*store->GetClusterState(), (Rows{{"m", "only"}}));
}

// The rows a clusterer reads on demand: by key, inside the open write (so
// what the unit wrote so far), and left out of the load by prefix.
TEST_P(WriteUnitTest, ClusterStateRowsAreReadByKeyAndLeftOutByPrefix) {
  auto store = OpenOrDie(Location("news"));
  ASSERT_TRUE(store);
  using Rows = std::vector<std::pair<std::string, std::string>>;
  const Rows kept = {{"b/0001", std::string("x\0y", 3)},
                     {"b/0002", "bb"},
                     {"d/0", "df"},
                     {"f/0009", "fp"},
                     {"i/00000000", "headers"},
                     {"m", "meta"},
                     {"p/00000007", "posting"},
                     {"s/0", "story"},
                     // A term's row, keyed by its hash: the last range of keys.
                     {"w/00ff00ff00ff00ff", "term"},
                     {"w/ffffffffffffffff", "last"}};
  {
    auto write = store->BeginWrite();
    ASSERT_TRUE(write.ok());
    ASSERT_TRUE(store->PutClusterState(kept, {}, true).ok());
    ASSERT_TRUE((*write)->Commit().ok());
  }
  // The prefixes a loaded clusterer reads on demand, as it asks for them.
  auto loaded = store->GetClusterStateExcept({"b/", "f/", "p/", "s/", "w/"});
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ(*loaded, (Rows{{"d/0", "df"}, {"i/00000000", "headers"}, {"m", "meta"}}));
  EXPECT_EQ(*store->GetClusterStateExcept({}), kept);

  auto write = store->BeginWrite();
  ASSERT_TRUE(write.ok());
  ASSERT_TRUE(store->PutClusterState({{"b/0003", "new"}}, {"f/0009"}, false).ok());
  // Asked out of order, with a repeat and keys never kept: the kept ones
  // once each, in key order, as the open unit has them.
  auto read = store->GetClusterStateRows({"f/0009", "w/ffffffffffffffff", "b/0003", "b/0001",
                                          "b/0003", "b/ffff", "w/0000000000000000", "s/0",
                                          "p/00000007", "p/00000008"});
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_EQ(*read, (Rows{{"b/0001", std::string("x\0y", 3)},
                         {"b/0003", "new"},
                         {"p/00000007", "posting"},
                         {"s/0", "story"},
                         {"w/ffffffffffffffff", "last"}}));
  EXPECT_TRUE(store->GetClusterStateRows({})->empty());
}

NEWSFUSE_STORE_BACKENDS(WriteUnitTest);

}  // namespace
}  // namespace newsfuse
