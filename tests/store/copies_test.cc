// Copy marks on story members (schema version 2): recorded on assignment,
// kept when a story moves, persisted, and absent from files written before
// they existed.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "store/store.h"
#include "store_backends.h"
#include "store_test_util.h"

namespace newsfuse::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Pair;

void Put(Store& store, std::vector<Article> articles) {
  auto put = store.PutArticles(articles);
  ASSERT_TRUE(put.ok()) << put.status().ToString();
}
void Assign(Store& store, const std::string& story, const std::string& article,
            const std::string& copy_of = "") {
  Status s = store.AssignToStory(story, article, copy_of);
  ASSERT_TRUE(s.ok()) << s.ToString();
}
std::map<std::string, std::string> CopiesOf(Store& store, const std::string& story) {
  auto got = store.GetStory(story);
  EXPECT_TRUE(got.ok()) << got.status().ToString();
  return got.ok() ? got->copy_of : std::map<std::string, std::string>{};
}

class CopiesTest : public StoreBackendTest {};

TEST_P(CopiesTest, ACopyIsStoredWithItsOriginal) {
  auto store = OpenOrDie(Scratch());
  Put(*store, {MakeArticle("orig", "Talks end"), MakeArticle("wire", "Talks end"),
               MakeArticle("other", "Talks end, analysis")});
  Assign(*store, "s1", "orig");
  Assign(*store, "s1", "wire", "orig");
  Assign(*store, "s1", "other");

  EXPECT_THAT(CopiesOf(*store, "s1"), ElementsAre(Pair("wire", "orig")));
  auto rows = store->ListStories();
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_THAT((*rows)[0].story.article_ids, ElementsAre("orig", "wire", "other"));
  EXPECT_THAT((*rows)[0].story.copy_of, ElementsAre(Pair("wire", "orig")));
}

TEST_P(CopiesTest, MovingAStoryKeepsItsCopies) {
  auto store = OpenOrDie(Scratch());
  Put(*store, {MakeArticle("a1", "Old story"), MakeArticle("b1", "Young story"),
               MakeArticle("b2", "Young story, reprinted")});
  Assign(*store, "sa", "a1");
  Assign(*store, "sb", "b1");
  Assign(*store, "sb", "b2", "b1");
  // A merge moves each article of the younger story with a plain assignment.
  for (const char* id : {"b1", "b2"}) Assign(*store, "sa", id);
  Assign(*store, "sa", "b2");  // idempotent, still a copy

  EXPECT_EQ(store->GetStory("sb").status().code(), Status::Code::kNotFound);
  EXPECT_THAT(CopiesOf(*store, "sa"), ElementsAre(Pair("b2", "b1")));
}

TEST_P(CopiesTest, BadOriginalsAreRefusedAndWriteNothing) {
  auto store = OpenOrDie(Scratch());
  Put(*store, {MakeArticle("a1", "One")});
  EXPECT_EQ(store->AssignToStory("s1", "a1", "ghost").code(), Status::Code::kNotFound);
  EXPECT_EQ(store->AssignToStory("s1", "a1", "a1").code(), Status::Code::kUsage);
  EXPECT_EQ(store->StoryOf("a1").status().code(), Status::Code::kNotFound);
}

TEST_P(CopiesTest, CopiesSurviveReopen) {
  const std::string path = Location("news");
  {
    auto store = OpenOrDie(path);
    ASSERT_NE(store, nullptr);
    Put(*store, {MakeArticle("orig", "Talks end"), MakeArticle("wire", "Talks end")});
    Assign(*store, "s1", "orig");
    Assign(*store, "s1", "wire", "orig");
  }
  auto store = OpenOrDie(path);
  ASSERT_NE(store, nullptr);
  EXPECT_THAT(CopiesOf(*store, "s1"), ElementsAre(Pair("wire", "orig")));
  auto raw = Raw(path);
  EXPECT_EQ(raw->Query("SELECT copy_of FROM story_members WHERE article_id = 'wire'"), "orig");
  EXPECT_EQ(raw->Query("SELECT count(*) FROM story_members WHERE copy_of IS NULL"), "1");
}

NEWSFUSE_STORE_BACKENDS(CopiesTest);

// SQLite's own history: files written by the builds before copy marks.
class SqliteMigrationTest : public TempDirTest {};

// Schema version 1 exactly as it shipped (src/store/sqlite_schema.cc,
// kMigration1), frozen here: the test is that a file made by it still opens.
constexpr const char* kVersion1Schema = R"sql(
CREATE TABLE articles (
  seq           INTEGER PRIMARY KEY AUTOINCREMENT,
  id            TEXT NOT NULL UNIQUE CHECK (id <> ''),
  locator       TEXT NOT NULL,
  url           TEXT NOT NULL,
  outlet        TEXT NOT NULL,
  title         TEXT NOT NULL,
  authors       TEXT NOT NULL,
  published     TEXT,
  updated       TEXT,
  dateline      TEXT NOT NULL,
  language      TEXT NOT NULL,
  paragraphs    TEXT NOT NULL,
  field_sources TEXT NOT NULL,
  ingested_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE TABLE story_members (
  article_id TEXT PRIMARY KEY REFERENCES articles(id),
  story_id   TEXT NOT NULL CHECK (story_id <> '')
) WITHOUT ROWID;
CREATE INDEX story_members_by_story ON story_members(story_id);
CREATE VIEW article_text(seq, title, body) AS
  SELECT seq, title,
         IFNULL((SELECT group_concat(value, char(10, 10)) FROM json_each(articles.paragraphs)), '')
  FROM articles;
CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, body,
  content = 'article_text', content_rowid = 'seq',
  tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO articles_fts(articles_fts, rank) VALUES ('rank', 'bm25(3.0, 1.0)');
PRAGMA user_version = 1;
PRAGMA application_id = 1313232211;  -- 0x4E465553, "NFUS"
)sql";

// Two articles in one story and one unassigned, as a version-1 build wrote them.
constexpr const char* kVersion1Rows = R"sql(
INSERT INTO articles(id, locator, url, outlet, title, authors, published, updated, dateline,
                     language, paragraphs, field_sources) VALUES
  ('v1a', 'pages/v1a.txt', '', 'Reuters', 'Heron returns to the harbour', '["Ana Ruiz"]',
   '2026-02-05', NULL, 'OSLO', 'en', '["A grey heron was seen in the harbour.", "It stayed."]',
   '{"title": "first line"}'),
  ('v1b', 'pages/v1b.txt', '', 'AP', 'Heron seen again', '[]', NULL, NULL, '', 'en',
   '["The heron came back on Friday."]', '{}'),
  ('v1c', 'pages/v1c.txt', '', 'BBC', 'Unassigned', '[]', NULL, NULL, '', 'en', '["Rain."]', '{}');
INSERT INTO articles_fts(rowid, title, body) SELECT seq, title, body FROM article_text;
INSERT INTO story_members(article_id, story_id) VALUES ('v1a', 's1'), ('v1b', 's1');
)sql";

TEST_F(SqliteMigrationTest, AVersion1FileMigratesWithoutLosingData) {
  const std::string path = PathOf("v1.db");
  {
    RawDb raw(path);
    raw.Exec(kVersion1Schema);
    raw.Exec(kVersion1Rows);
    ASSERT_EQ(raw.Query("PRAGMA user_version"), "1");
  }
  // A read-only open may not migrate, so it refuses rather than misreads.
  SqliteStoreOptions read_only;
  read_only.read_only = true;
  EXPECT_EQ(OpenSqliteStore(path, read_only).status().code(), Status::Code::kStoreError);

  auto store = OpenOrDie(path);
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(RawDb(path).Query("PRAGMA user_version"), std::to_string(kSqliteSchemaVersion));
  EXPECT_EQ(*store->CountArticles(), 3);
  auto a = store->GetArticle("v1a");
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->title, "Heron returns to the harbour");
  EXPECT_THAT(a->authors, ElementsAre("Ana Ruiz"));
  EXPECT_THAT(a->paragraphs, ElementsAre("A grey heron was seen in the harbour.", "It stayed."));
  EXPECT_EQ(*store->StoryOf("v1b"), "s1");
  EXPECT_EQ(store->StoryOf("v1c").status().code(), Status::Code::kNotFound);
  auto story = store->GetStory("s1");
  ASSERT_TRUE(story.ok()) << story.status().ToString();
  EXPECT_THAT(story->article_ids, ElementsAre("v1a", "v1b"));
  EXPECT_THAT(story->copy_of, IsEmpty());
  // Version 3: stories of an older file get a version and no cached report.
  EXPECT_EQ(*store->StoryVersion("s1"), 1);
  EXPECT_EQ(*store->GetCachedReport("s1", "any"), std::nullopt);
  auto rows = store->ListStories();
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_THAT((*rows)[0].story.copy_of, IsEmpty());
  EXPECT_EQ((*rows)[0].headline, "Heron returns to the harbour");
  auto hits = store->Search("heron", 10);
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  EXPECT_EQ(hits->size(), 2u);

  // The migrated file takes copy marks like a new one, beside the old rows.
  Assign(*store, "s1", "v1c", "v1b");
  EXPECT_THAT(CopiesOf(*store, "s1"), ElementsAre(Pair("v1c", "v1b")));
}

}  // namespace
}  // namespace newsfuse::testing
