// The story version and the report cache (issue 13): every change of a
// story's membership moves its version and drops its cached report in the
// same commit; a report is served only for the version and builder it was
// made from.
#include <optional>
#include <string>

#include "store_backends.h"
#include "store_test_util.h"

namespace newsfuse {
namespace {

using testing::MakeArticle;

class ReportCacheStoreTest : public testing::StoreBackendTest {
 protected:
  void SetUp() override {
    StoreBackendTest::SetUp();
    if (IsSkipped()) return;
    path_ = Location("news");
    store_ = OpenOrDie(path_);
    ASSERT_TRUE(store_);
    ASSERT_TRUE(store_
                    ->PutArticles({MakeArticle("a1", "Dam opens"), MakeArticle("a2", "Dam opened"),
                                   MakeArticle("a3", "Chess final")})
                    .ok());
  }
  int64_t Version(const std::string& story) {
    auto v = store_->StoryVersion(story);
    EXPECT_TRUE(v.ok()) << v.status().ToString();
    return v.ok() ? *v : -1;
  }
  std::optional<std::string> Cached(const std::string& story, const std::string& builder = "b1") {
    auto r = store_->GetCachedReport(story, builder);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : std::nullopt;
  }
  bool Put(const std::string& story, int64_t version, const std::string& json,
           const std::string& builder = "b1") {
    auto put = store_->PutCachedReport(story, version, builder, "Headline of " + json, json);
    EXPECT_TRUE(put.ok()) << put.status().ToString();
    return put.ok() && *put;
  }
  std::string path_;
  std::unique_ptr<Store> store_;
};

TEST_P(ReportCacheStoreTest, EveryMembershipChangeMovesTheVersionAndDropsTheReport) {
  EXPECT_EQ(store_->StoryVersion("s1").status().code(), Status::Code::kNotFound);
  ASSERT_TRUE(store_->AssignToStory("s1", "a1").ok());
  const int64_t v1 = Version("s1");
  ASSERT_TRUE(Put("s1", v1, "{\"one\": 1}"));
  EXPECT_EQ(Cached("s1"), "{\"one\": 1}");

  // Assigning again where it already is changes nothing.
  ASSERT_TRUE(store_->AssignToStory("s1", "a1").ok());
  EXPECT_EQ(Version("s1"), v1);
  EXPECT_EQ(Cached("s1"), "{\"one\": 1}");

  // A new member.
  ASSERT_TRUE(store_->AssignToStory("s1", "a2").ok());
  const int64_t v2 = Version("s1");
  EXPECT_NE(v2, v1);
  EXPECT_EQ(Cached("s1"), std::nullopt);

  // A copy mark on an existing member.
  ASSERT_TRUE(Put("s1", v2, "{\"two\": 2}"));
  ASSERT_TRUE(store_->AssignToStory("s1", "a2", "a1").ok());
  const int64_t v3 = Version("s1");
  EXPECT_NE(v3, v2);
  EXPECT_EQ(Cached("s1"), std::nullopt);

  // A merge moves a member out of s1 and into s2: both change.
  ASSERT_TRUE(store_->AssignToStory("s2", "a3").ok());
  ASSERT_TRUE(Put("s1", v3, "{\"three\": 3}"));
  const int64_t s2_before = Version("s2");
  ASSERT_TRUE(Put("s2", s2_before, "{\"s2\": 1}"));
  ASSERT_TRUE(store_->AssignToStory("s2", "a2").ok());
  EXPECT_NE(Version("s1"), v3);
  EXPECT_NE(Version("s2"), s2_before);
  EXPECT_EQ(Cached("s1"), std::nullopt);
  EXPECT_EQ(Cached("s2"), std::nullopt);
}

TEST_P(ReportCacheStoreTest, AReportOfAnOlderVersionOrAnotherBuilderIsNotServed) {
  ASSERT_TRUE(store_->AssignToStory("s1", "a1").ok());
  const int64_t v1 = Version("s1");
  ASSERT_TRUE(store_->AssignToStory("s1", "a2").ok());
  // Built from v1 while another writer added a2: refused, nothing kept.
  EXPECT_FALSE(Put("s1", v1, "{\"stale\": true}"));
  EXPECT_EQ(Cached("s1"), std::nullopt);
  EXPECT_EQ(Raw(path_)->Query("SELECT count(*) FROM story_reports"), "0");

  ASSERT_TRUE(Put("s1", Version("s1"), "{\"fresh\": true}"));
  EXPECT_EQ(Cached("s1"), "{\"fresh\": true}");
  EXPECT_EQ(Cached("s1", "b2"), std::nullopt) << "another builder's report is not ours";
  // A later build replaces it.
  ASSERT_TRUE(Put("s1", Version("s1"), "{\"b2\": true}", "b2"));
  EXPECT_EQ(Cached("s1", "b2"), "{\"b2\": true}");
  EXPECT_EQ(Cached("s1"), std::nullopt);
  // A story never stored has nothing to cache.
  EXPECT_FALSE(Put("nope", 1, "{}"));
}

TEST_P(ReportCacheStoreTest, ARolledBackWriteLeavesTheVersionAndTheReport) {
  ASSERT_TRUE(store_->AssignToStory("s1", "a1").ok());
  const int64_t v1 = Version("s1");
  ASSERT_TRUE(Put("s1", v1, "{\"kept\": true}"));
  {
    auto write = store_->BeginWrite();
    ASSERT_TRUE(write.ok()) << write.status().ToString();
    ASSERT_TRUE(store_->PutArticles({MakeArticle("a4", "Dam again")}).ok());
    ASSERT_TRUE(store_->AssignToStory("s1", "a4").ok());
    // Dropped without Commit, as a killed ingest leaves it.
  }
  EXPECT_EQ(Version("s1"), v1);
  EXPECT_EQ(Cached("s1"), "{\"kept\": true}");
}

TEST_P(ReportCacheStoreTest, StoriesShowTheCachedReportsHeadline) {
  ASSERT_TRUE(store_->AssignToStory("s1", "a1").ok());
  auto before = store_->ListStories();
  ASSERT_TRUE(before.ok());
  ASSERT_EQ(before->size(), 1u);
  EXPECT_EQ((*before)[0].headline, "Dam opens");
  ASSERT_TRUE(store_->PutCachedReport("s1", Version("s1"), "b1", "The dam opens", "{}").ok());
  EXPECT_EQ((*store_->ListStories())[0].headline, "The dam opens");
  // Once the story changes, its report is stale and so is that headline.
  ASSERT_TRUE(store_->AssignToStory("s1", "a2").ok());
  EXPECT_EQ((*store_->ListStories())[0].headline, "Dam opens");
}

TEST_P(ReportCacheStoreTest, AReadOnlyStoreServesButDoesNotCache) {
  ASSERT_TRUE(store_->AssignToStory("s1", "a1").ok());
  ASSERT_TRUE(Put("s1", Version("s1"), "{\"x\": 1}"));
  StoreOptions read_only;
  read_only.read_only = true;
  auto reader = OpenOrDie(path_, read_only);
  ASSERT_TRUE(reader);
  EXPECT_EQ(reader->GetCachedReport("s1", "b1").value(), "{\"x\": 1}");
  auto put = reader->PutCachedReport("s1", *reader->StoryVersion("s1"), "b1", "h", "{}");
  EXPECT_EQ(put.status().code(), Status::Code::kUsage);
  EXPECT_EQ(Cached("s1"), "{\"x\": 1}");
}

TEST_P(ReportCacheStoreTest, TheMarkdownIsServedWithItsReportAndDroppedWithIt) {
  // PostgreSQL keeps no Markdown (its callers render from the JSON).
  if (postgres()) GTEST_SKIP() << "the Markdown cache is SQLite's";
  ASSERT_TRUE(store_->AssignToStory("s1", "a1").ok());
  const int64_t v1 = Version("s1");
  auto markdown = [&](const std::string& builder = "b1") {
    auto r = store_->GetCachedMarkdown("s1", builder);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : std::nullopt;
  };
  // Nothing to attach to before the report is cached.
  EXPECT_FALSE(store_->PutCachedMarkdown("s1", v1, "b1", "# early").value());
  ASSERT_TRUE(Put("s1", v1, "{\"one\": 1}"));
  EXPECT_EQ(markdown(), std::nullopt);
  ASSERT_TRUE(store_->PutCachedMarkdown("s1", v1, "b1", "# The dam opens\n").value());
  EXPECT_EQ(markdown(), "# The dam opens\n");
  EXPECT_EQ(markdown("b2"), std::nullopt);
  // Not for another version or builder than the cached report's.
  EXPECT_FALSE(store_->PutCachedMarkdown("s1", v1 + 1, "b1", "# later").value());
  EXPECT_FALSE(store_->PutCachedMarkdown("s1", v1, "b2", "# other").value());
  EXPECT_EQ(markdown(), "# The dam opens\n");
  // A new report replaces the Markdown too, until its own is put.
  ASSERT_TRUE(Put("s1", v1, "{\"two\": 2}"));
  EXPECT_EQ(markdown(), std::nullopt);
  ASSERT_TRUE(store_->PutCachedMarkdown("s1", v1, "b1", "# Two\n").value());
  // A change of the story drops it with its report.
  ASSERT_TRUE(store_->AssignToStory("s1", "a2").ok());
  EXPECT_EQ(markdown(), std::nullopt);
  EXPECT_EQ(Cached("s1"), std::nullopt);
}

TEST_P(ReportCacheStoreTest, MigratingToTheMarkdownColumnEmptiesTheCache) {
  if (postgres()) GTEST_SKIP() << "the Markdown cache is SQLite's";
  ASSERT_TRUE(store_->AssignToStory("s1", "a1").ok());
  ASSERT_TRUE(Put("s1", Version("s1"), "{\"old\": true}"));
  store_.reset();
  // The store as version 5 left it: a cached report, no Markdown column.
  Raw(path_)->Exec("ALTER TABLE story_reports DROP COLUMN markdown");
  Raw(path_)->Exec("PRAGMA user_version = 5");
  store_ = OpenOrDie(path_);
  ASSERT_TRUE(store_);
  EXPECT_EQ(Cached("s1"), std::nullopt);  // rebuilt once, on its next read
  ASSERT_TRUE(Put("s1", Version("s1"), "{\"new\": true}"));
  EXPECT_TRUE(store_->PutCachedMarkdown("s1", Version("s1"), "b1", "# New\n").value());
  EXPECT_EQ(store_->GetCachedMarkdown("s1", "b1").value(), "# New\n");
}

NEWSFUSE_STORE_BACKENDS(ReportCacheStoreTest);

}  // namespace
}  // namespace newsfuse
