// What only the PostgreSQL store has: the query translation (no server
// needed), choosing the backend from --db, hiding passwords, and the schema
// it creates (GIN index, version stamp, one lock per schema).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <map>

#include "store/postgres_query.h"
#include "store/search_text.h"
#include "store/store.h"
#include "store_backends.h"
#include "store_test_util.h"

#ifdef NEWSFUSE_HAVE_POSTGRES
#include "store/postgres_db.h"
#endif

namespace newsfuse::testing {
namespace {

using store_internal::TranslateSearchQuery;
using ::testing::HasSubstr;
using ::testing::Not;

TEST(PostgresQueryTest, WordsPhrasesAndOperatorsBecomeOneExpression) {
  auto q = TranslateSearchQuery("prisoner \"Abu Dhabi\" OR rain NOT snow", "cfg", 2);
  ASSERT_TRUE(q.ok()) << q.status().ToString();
  EXPECT_EQ(q->sql,
            "((phraseto_tsquery('cfg', $2) && phraseto_tsquery('cfg', $3)) || "
            "(phraseto_tsquery('cfg', $4) && (!!phraseto_tsquery('cfg', $5))))");
  EXPECT_THAT(q->params, ::testing::ElementsAre("prisoner", "Abu Dhabi", "rain", "snow"));
}

TEST(PostgresQueryTest, PrefixesQuotesAndFolding) {
  auto q = TranslateSearchQuery("exch* \"say \"\"it\"\" now\"*", "cfg", 1);
  ASSERT_TRUE(q.ok()) << q.status().ToString();
  // The phrase's last word is the prefix; the quote inside it is no word.
  EXPECT_THAT(q->params, ::testing::ElementsAre("'exch':*", "say  it ", "'now':*"));
  EXPECT_EQ(q->sql,
            "(to_tsquery('cfg', $1) && (phraseto_tsquery('cfg', $2) <-> to_tsquery('cfg', $3)))");
  auto folded = TranslateSearchQuery("Zelenský \"al-Sharaa\"", "cfg", 1);
  ASSERT_TRUE(folded.ok());
  EXPECT_THAT(folded->params, ::testing::ElementsAre("Zelensky", "al Sharaa"));
  // User text never reaches the SQL, only the parameters.
  auto hostile = TranslateSearchQuery("\"'); DROP TABLE articles; --\"*", "cfg", 1);
  ASSERT_TRUE(hostile.ok());
  EXPECT_THAT(hostile->sql, Not(HasSubstr("DROP")));
  EXPECT_THAT(hostile->params, ::testing::Contains("'articles':*"));
}

TEST(PostgresQueryTest, RefusesWhatFts5Refuses) {
  for (const char* query : {"\"unterminated", "prisoner AND", "al-Sharaa", "(a OR", "a)", "NOT a",
                            "title:word", "NEAR(a b)", "a OR OR b", "U.S."}) {
    auto q = TranslateSearchQuery(query, "cfg", 1);
    ASSERT_FALSE(q.ok()) << query;
    EXPECT_EQ(q.status().code(), Status::Code::kUsage) << query;
    EXPECT_THAT(q.status().message(), HasSubstr(query));
  }
}

TEST(SearchTextTest, FoldsMarksAndMergesAdjacentHighlights) {
  EXPECT_EQ(store_internal::SearchWords("Zelenský, Ünïcödé, São Paulo"),
            "Zelensky  Unicode  Sao Paulo");
  EXPECT_EQ(store_internal::SearchWords("李明 said: al-Sharaa, c.1998, U.S."),
            "李明 said  al Sharaa  c 1998  U S ");
  EXPECT_EQ(store_internal::MergeAdjacentMarks("in [Abu] [Dhabi] and [x]. [y]"),
            "in [Abu Dhabi] and [x]. [y]");
}

TEST(OpenStoreAtTest, PostgresUrisGoToPostgresWithTheirPasswordHidden) {
  EXPECT_TRUE(IsPostgresLocation("postgres://u@host/db"));
  EXPECT_TRUE(IsPostgresLocation("postgresql://u@host/db"));
  EXPECT_FALSE(IsPostgresLocation("news.db"));
  EXPECT_FALSE(IsPostgresLocation("./postgres://x"));
  // No server at this socket: the open fails, and says where without the secret.
  auto store = OpenStoreAt("postgresql://reader:s3cret@/nodb?host=/nonexistent-newsfuse-dir");
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), Status::Code::kStoreError);
  EXPECT_THAT(store.status().message(), Not(HasSubstr("s3cret")));
#ifdef NEWSFUSE_HAVE_POSTGRES
  EXPECT_THAT(store.status().message(), HasSubstr("postgresql://reader:***@/nodb"));
  EXPECT_EQ(store_internal::RedactUri("postgres://u@h:5432/db"), "postgres://u@h:5432/db");
  EXPECT_EQ(store_internal::RedactUri("postgres://u:p@h/db"), "postgres://u:***@h/db");
#endif
}

// The PostgreSQL-only part of StoreBackendTest, run only for that backend.
class PostgresSchemaTest : public StoreBackendTest {};

TEST_P(PostgresSchemaTest, NewSchemaGetsVersionIndexAndSearchConfig) {
  const std::string path = Location("news");
  auto store = OpenOrDie(path);
  ASSERT_NE(store, nullptr);
  auto raw = Raw(path);
  EXPECT_EQ(raw->Query("SELECT schema_version FROM newsfuse_meta"),
            std::to_string(kPostgresSchemaVersion));
  EXPECT_EQ(raw->Query("SELECT indexdef LIKE '%USING gin (search)%' FROM pg_indexes WHERE "
                       "schemaname = current_schema() AND indexname = 'articles_search'"),
            "t");
  // No stop list: "the" is a word like any other, as in FTS5.
  ASSERT_TRUE(store->PutArticles({MakeArticle("a1", "The end", "AP", {"Of the day."})}).ok());
  EXPECT_EQ(store->Search("the", 5)->size(), 1u);
}

// Stores in two schemas of one database have a write lock each.
TEST_P(PostgresSchemaTest, StoresInOtherSchemasDoNotWait) {
  auto one = OpenOrDie(Location("one"));
  StoreOptions impatient;
  impatient.write_wait_ms = 200;
  auto two = OpenOrDie(Location("two"), impatient);
  auto one_again = OpenOrDie(Location("one"), impatient);
  ASSERT_TRUE(one && two && one_again);
  auto write = one->BeginWrite();
  ASSERT_TRUE(write.ok()) << write.status().ToString();
  EXPECT_TRUE(two->PutArticles({MakeArticle("b1", "Free")}).ok());
  auto blocked = one_again->BeginWrite();
  ASSERT_FALSE(blocked.ok());
  EXPECT_EQ(blocked.status().code(), Status::Code::kStoreError);
  EXPECT_THAT(blocked.status().message(), HasSubstr("write lock"));
}

// Queue workers store in parallel: an insert outside a unit takes no write
// lock, so it neither waits for a writer deciding stories nor makes one wait.
TEST_P(PostgresSchemaTest, ArticleInsertsDoNotWaitForTheWriteLock) {
  StoreOptions impatient;
  impatient.write_wait_ms = 200;
  auto decider = OpenOrDie(Location("news"));
  auto worker = OpenOrDie(Location("news"), impatient);
  ASSERT_TRUE(decider && worker);
  ASSERT_TRUE(decider->PutArticles({MakeArticle("old", "Stored before")}).ok());
  auto unit = decider->BeginWrite();
  ASSERT_TRUE(unit.ok()) << unit.status().ToString();
  auto outcomes = worker->PutArticles(
      {MakeArticle("w1", "Harbour strike"), MakeArticle("old", "Stored before"),
       MakeArticle("w2", "Bridge reopens"), MakeArticle("w1", "Harbour strike")});
  ASSERT_TRUE(outcomes.ok()) << outcomes.status().ToString();
  EXPECT_EQ(*outcomes, (std::vector<PutOutcome>{PutOutcome::kInserted, PutOutcome::kDuplicate,
                                                PutOutcome::kInserted, PutOutcome::kDuplicate}));
  // Committed at once: the unit's reads see the new rows, in batch order.
  EXPECT_TRUE(*decider->HasArticle("w2"));
  ASSERT_TRUE(decider->AssignToStory("s1", "w1").ok());
  ASSERT_TRUE((*unit)->Commit().ok());
  std::vector<std::string> ids;
  ASSERT_TRUE(worker->ForEachArticle([&](Article&& a) { ids.push_back(a.id); }).ok());
  EXPECT_EQ(ids, (std::vector<std::string>{"old", "w1", "w2"}));
  EXPECT_EQ(worker->Search("bridge", 5)->size(), 1u);
}

// Over 512 articles (one INSERT's rows) go in several statements of one
// transaction, outcomes still in order.
TEST_P(PostgresSchemaTest, LargeBatchesKeepOrderAndOutcomes) {
  auto store = OpenOrDie(Location("news"));
  ASSERT_NE(store, nullptr);
  std::vector<Article> batch;
  for (int i = 0; i < 1100; ++i) {
    batch.push_back(MakeArticle("a" + std::to_string(i % 1000), "Title " + std::to_string(i)));
  }
  auto outcomes = store->PutArticles(batch);
  ASSERT_TRUE(outcomes.ok()) << outcomes.status().ToString();
  for (int i = 0; i < 1100; ++i) {
    EXPECT_EQ((*outcomes)[i], i < 1000 ? PutOutcome::kInserted : PutOutcome::kDuplicate) << i;
  }
  EXPECT_EQ(*store->CountArticles(), 1000);
  EXPECT_EQ(store->GetArticle("a999")->title, "Title 999");
}

// Queue workers store articles in the order they finish; the cluster-worker
// decides them in stream order. A story lists its articles in the order
// they joined it, so its reader-visible order (headline ties, outlets,
// sources of one date) is the decisions', as with one `ingest`; a merge
// keeps each moved article's place.
TEST_P(PostgresSchemaTest, StoriesListArticlesInTheOrderTheyJoined) {
  auto store = OpenOrDie(Location("news"));
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store
                  ->PutArticles({MakeArticle("late", "Stored first, decided last", "Outlet A"),
                                 MakeArticle("early", "Stored second, decided first", "Outlet B"),
                                 MakeArticle("other", "Another story", "Outlet C")})
                  .ok());
  ASSERT_TRUE(store->AssignToStory("s1", "early").ok());
  ASSERT_TRUE(store->AssignToStory("s2", "other").ok());
  ASSERT_TRUE(store->AssignToStory("s1", "late").ok());
  EXPECT_EQ(store->GetStory("s1")->article_ids, (std::vector<std::string>{"early", "late"}));
  auto rows = store->ListStories();
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  for (const StoryRow& row : *rows) {
    if (row.story.id == "s1") {
      EXPECT_EQ(row.story.article_ids, (std::vector<std::string>{"early", "late"}));
      EXPECT_EQ(row.outlets, (std::vector<std::string>{"Outlet B", "Outlet A"}));
    }
  }
  // s2 merges into s1: "other" joined before "late" and keeps that place.
  ASSERT_TRUE(store->AssignToStory("s1", "other").ok());
  EXPECT_EQ(store->GetStory("s1")->article_ids,
            (std::vector<std::string>{"early", "other", "late"}));
}

// The cluster-worker reads a batch in one query: the stored ones, each with
// its story, the rest left out.
TEST_P(PostgresSchemaTest, StoredArticlesOfABatchInOneCall) {
  auto store = OpenOrDie(Location("news"));
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(
      store->PutArticles({MakeArticle("a1", "Harbour strike"), MakeArticle("a2", "Bridge")}).ok());
  ASSERT_TRUE(store->AssignToStory("s1", "a2").ok());
  auto found = store->GetStoredArticles({"a2", "missing", "a1"});
  ASSERT_TRUE(found.ok()) << found.status().ToString();
  std::map<std::string, std::string> stories;
  for (const StoredArticle& stored : *found) stories[stored.article.id] = stored.story_id;
  EXPECT_EQ(stories, (std::map<std::string, std::string>{{"a1", ""}, {"a2", "s1"}}));
  for (const StoredArticle& stored : *found) {
    if (stored.article.id == "a1") {
      EXPECT_EQ(stored.article.title, "Harbour strike");
    }
  }
}

// Inside a unit the assignments are held and written in one statement when
// stories are next read or at Commit (a cluster-worker batch's hundreds of
// decisions in one round trip): reads see them as written, an article
// assigned twice ends where the two writes in turn would leave it, and an
// unknown article is reported by Commit, which then keeps nothing.
TEST_P(PostgresSchemaTest, AssignmentsOfAUnitAreWrittenTogether) {
  auto store = OpenOrDie(Location("news"));
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store
                  ->PutArticles({MakeArticle("a1", "Dam opens"), MakeArticle("a2", "Dam opens"),
                                 MakeArticle("a3", "Dam opens, reprint")})
                  .ok());
  {
    auto unit = store->BeginWrite();
    ASSERT_TRUE(unit.ok()) << unit.status().ToString();
    ASSERT_TRUE(store->AssignToStory("s1", "a2").ok());
    ASSERT_TRUE(store->AssignToStory("s2", "a1").ok());
    ASSERT_TRUE(store->AssignToStory("s1", "a3", "a2").ok());
    ASSERT_TRUE(store->AssignToStory("s2", "a3").ok());  // moved before any read: mark kept
    auto s2 = store->GetStory("s2");
    ASSERT_TRUE(s2.ok()) << s2.status().ToString();
    EXPECT_EQ(s2->article_ids, (std::vector<std::string>{"a1", "a3"}));
    EXPECT_EQ(s2->copy_of, (std::map<std::string, std::string>{{"a3", "a2"}}));
    EXPECT_EQ(*store->StoryOf("a2"), "s1");
    ASSERT_TRUE(store->AssignToStory("s1", "a1").ok());  // a merge after the read
    EXPECT_EQ(store->GetStory("s1")->article_ids, (std::vector<std::string>{"a2", "a1"}));
    ASSERT_TRUE((*unit)->Commit().ok());
  }
  EXPECT_EQ(*store->CountUnassigned(), 0);
  EXPECT_EQ(*store->StoryOf("a3"), "s2");

  ASSERT_TRUE(store->PutArticles({MakeArticle("a4", "Bridge")}).ok());
  auto unit = store->BeginWrite();
  ASSERT_TRUE(unit.ok()) << unit.status().ToString();
  ASSERT_TRUE(store->AssignToStory("s3", "a4").ok());
  ASSERT_TRUE(store->AssignToStory("s3", "ghost").ok());
  Status committed = (*unit)->Commit();
  EXPECT_EQ(committed.code(), Status::Code::kNotFound);
  EXPECT_THAT(committed.ToString(), HasSubstr("ghost"));
  unit->reset();  // the unit rolled back, a4's assignment with it
  EXPECT_EQ(store->StoryOf("a4").status().code(), Status::Code::kNotFound);
}

INSTANTIATE_TEST_SUITE_P(Backends, PostgresSchemaTest, ::testing::Values(Backend::kPostgres),
                         BackendName);

}  // namespace
}  // namespace newsfuse::testing
