// Story membership and listing; full-text search.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "store/store.h"
#include "store/story_rows.h"
#include "store_backends.h"
#include "store_test_util.h"

namespace newsfuse::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

class StoriesTest : public StoreBackendTest {
 protected:
  void SetUp() override {
    StoreBackendTest::SetUp();
    if (IsSkipped()) return;
    store_ = OpenOrDie(Scratch());
    ASSERT_NE(store_, nullptr);
  }
  void Put(std::vector<Article> articles) {
    auto put = store_->PutArticles(articles);
    ASSERT_TRUE(put.ok()) << put.status().ToString();
  }
  void Assign(const std::string& story, const std::string& article) {
    Status s = store_->AssignToStory(story, article);
    ASSERT_TRUE(s.ok()) << s.ToString();
  }
  std::unique_ptr<Store> store_;
};

TEST_P(StoriesTest, MembershipLookups) {
  Put({MakeArticle("a1", "One"), MakeArticle("a2", "Two"), MakeArticle("a3", "Three")});
  EXPECT_EQ(store_->StoryOf("a1").status().code(), Status::Code::kNotFound);
  EXPECT_EQ(store_->GetStory("s1").status().code(), Status::Code::kNotFound);
  EXPECT_EQ(store_->AssignToStory("s1", "ghost").code(), Status::Code::kNotFound);
  EXPECT_EQ(store_->AssignToStory("", "a1").code(), Status::Code::kUsage);

  Assign("s1", "a2");
  Assign("s1", "a1");
  Assign("s1", "a1");  // idempotent
  EXPECT_EQ(*store_->StoryOf("a1"), "s1");
  auto story = store_->GetStory("s1");
  ASSERT_TRUE(story.ok());
  EXPECT_EQ(story->id, "s1");
  // Ingest order; PostgreSQL lists them in the order they joined, which is
  // ingest order for `ingest` and stream order for queue workers
  // (PostgresSchemaTest.StoriesListArticlesInTheOrderTheyJoined).
  if (postgres()) {
    EXPECT_THAT(story->article_ids, ElementsAre("a2", "a1"));
  } else {
    EXPECT_THAT(story->article_ids, ElementsAre("a1", "a2"));
  }

  // Re-assigning moves the article (a merge); the emptied story disappears.
  Assign("s2", "a3");
  Assign("s2", "a1");
  Assign("s2", "a2");
  EXPECT_EQ(*store_->StoryOf("a1"), "s2");
  EXPECT_EQ(store_->GetStory("s1").status().code(), Status::Code::kNotFound);
  if (postgres()) {  // a move keeps its place
    EXPECT_THAT(store_->GetStory("s2")->article_ids, ElementsAre("a2", "a1", "a3"));
  } else {
    EXPECT_THAT(store_->GetStory("s2")->article_ids, ElementsAre("a1", "a2", "a3"));
  }
  EXPECT_EQ(store_->ListStories()->size(), 1u);
}

TEST_P(StoriesTest, ListingAggregatesAndOrders) {
  // s1: three outlets with a repeat. a2 (2026-02-05T16:00Z) precedes a1 in
  // time, but neither in ISO text order nor in ingest order.
  Put({Published(MakeArticle("a1", "Second report", "Reuters"), "2026-02-05T20:00Z"),
       Published(MakeArticle("a2", "First report", "AP"), "2026-02-06T01:00+09:00"),
       Published(MakeArticle("a3", "Follow-up", "Reuters"), "2026-02-07"),
       MakeArticle("a4", "Undated", "BBC"),
       // s2: most recent.
       Published(MakeArticle("b1", "Fresh news", "NHK"), "2026-03-01"),
       // s3 and s4: nothing dated; ordered by id after dated stories.
       MakeArticle("c1", "", "CNN"), MakeArticle("c2", "Second title", ""),
       MakeArticle("d1", "Only one", "DW")});
  for (const char* id : {"a1", "a2", "a3", "a4"}) Assign("s1", id);
  Assign("s2", "b1");
  Assign("s4", "d1");
  Assign("s3", "c1");
  Assign("s3", "c2");

  auto rows = store_->ListStories();
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 4u);
  const StoryRow& s2 = (*rows)[0];
  const StoryRow& s1 = (*rows)[1];
  EXPECT_EQ(s2.story.id, "s2");
  EXPECT_EQ(s1.story.id, "s1");
  EXPECT_EQ((*rows)[2].story.id, "s3");
  EXPECT_EQ((*rows)[3].story.id, "s4");

  EXPECT_EQ(s1.headline, "First report");
  EXPECT_EQ(s1.first_seen, "2026-02-06T01:00+09:00");
  EXPECT_EQ(s1.last_seen, "2026-02-07");
  EXPECT_THAT(s1.outlets, ElementsAre("Reuters", "AP", "BBC"));
  EXPECT_THAT(s1.story.article_ids, ElementsAre("a1", "a2", "a3", "a4"));

  const StoryRow& s3 = (*rows)[2];
  EXPECT_EQ(s3.headline, "Second title");  // first non-empty, no dates
  EXPECT_EQ(s3.first_seen, "");
  EXPECT_EQ(s3.last_seen, "");
  EXPECT_THAT(s3.outlets, ElementsAre("CNN"));
}

NEWSFUSE_STORE_BACKENDS(StoriesTest);

TEST(TimeKeyTest, ComparesInstantsAcrossOffsetsAndPrecisions) {
  using store_internal::TimeKeyOf;
  auto before = [](const char* a, const char* b) {
    return TimeKeyOf(*DateTime::ParseIso(a)) < TimeKeyOf(*DateTime::ParseIso(b));
  };
  EXPECT_TRUE(before("2026-02-06T01:00+09:00", "2026-02-05T20:00Z"));
  EXPECT_TRUE(before("2026-02", "2026-02-01"));
  EXPECT_TRUE(before("2026-02-01", "2026-02-01T00:00"));
  EXPECT_TRUE(before("2025", "2025-01-01"));
  EXPECT_TRUE(before("2025-12-31T23:59:59Z", "2026"));
  EXPECT_FALSE(before("2026-02-01", "2026-02"));
}

class SearchTest : public StoriesTest {
 protected:
  void SetUp() override {
    StoriesTest::SetUp();
    if (IsSkipped()) return;
    Put({MakeArticle("ex1", "Prisoner exchange in Abu Dhabi", "Reuters",
                     {"Ukraine and Russia completed a prisoner exchange mediated in Abu Dhabi.",
                      "More exchanges of prisoners are planned."}),
         MakeArticle("ex2", "Markets today", "AP",
                     {"Stocks rose. Separately, a prisoner was released."}),
         MakeArticle("ex3", "Travel notes", "BBC",
                     {"Flights from Abu to somewhere; Dhabi is mentioned apart."}),
         MakeArticle("ex4", "Weather", "NHK", {"Rain."})});
    Assign("story-1", "ex1");
  }
};

TEST_P(SearchTest, WordsMatchAllTermsAndStem) {
  auto hits = store_->Search("prisoner exchange", 10);
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  ASSERT_EQ(hits->size(), 1u);  // ex2 has "prisoner" but no "exchange"
  const SearchHit& hit = (*hits)[0];
  EXPECT_EQ(hit.article_id, "ex1");
  EXPECT_EQ(hit.story_id, "story-1");
  EXPECT_EQ(hit.title, "Prisoner exchange in Abu Dhabi");
  EXPECT_EQ(hit.outlet, "Reuters");
  EXPECT_THAT(hit.snippet, HasSubstr("["));
  EXPECT_GT(hit.score, 0);

  // Stemming: "exchanges" in the body matches the singular too.
  EXPECT_EQ(store_->Search("exchanges", 10)->size(), 1u);
}

TEST_P(SearchTest, PhraseNeedsAdjacentWords) {
  auto hits = store_->Search("\"Abu Dhabi\"", 10);
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ((*hits)[0].article_id, "ex1");
  EXPECT_THAT((*hits)[0].snippet, HasSubstr("[Abu Dhabi]"));
  EXPECT_EQ((*hits)[0].snippet.find('\n'), std::string::npos);

  // Without quotes both words suffice, wherever they are.
  EXPECT_EQ(store_->Search("Abu Dhabi", 10)->size(), 2u);
}

TEST_P(SearchTest, RanksStrongerMatchesFirstAndHonoursLimit) {
  auto hits = store_->Search("prisoner", 10);
  ASSERT_TRUE(hits.ok());
  ASSERT_EQ(hits->size(), 2u);
  EXPECT_EQ((*hits)[0].article_id, "ex1");  // in the title and twice in the body
  EXPECT_EQ((*hits)[1].article_id, "ex2");
  EXPECT_EQ((*hits)[1].story_id, "");
  EXPECT_GT((*hits)[0].score, (*hits)[1].score);

  hits = store_->Search("prisoner", 1);
  ASSERT_TRUE(hits.ok());
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ((*hits)[0].article_id, "ex1");
  EXPECT_THAT(*store_->Search("zeppelin", 10), IsEmpty());
}

TEST_P(SearchTest, MalformedQueriesAreUsageErrors) {
  for (const char* query : {"\"unterminated", "prisoner AND", "al-Sharaa", "(a OR"}) {
    auto hits = store_->Search(query, 10);
    ASSERT_FALSE(hits.ok()) << query;
    EXPECT_EQ(hits.status().code(), Status::Code::kUsage) << query;
    EXPECT_THAT(hits.status().message(), HasSubstr(query));
  }
  EXPECT_EQ(store_->Search("   ", 10).status().code(), Status::Code::kUsage);
  EXPECT_EQ(store_->Search("prisoner", 0).status().code(), Status::Code::kUsage);
  // The cached statement recovers.
  EXPECT_EQ(store_->Search("prisoner", 10)->size(), 2u);
  // Quoting is the documented way around the hyphen.
  EXPECT_TRUE(store_->Search("\"al-Sharaa\"", 10).ok());
}

// The operators of the query syntax, and diacritic folding, read the same on
// every store: the ids matched, in any order.
TEST_P(SearchTest, OperatorsAndFoldingMatchTheSameArticles) {
  Put({MakeArticle("zel", "Zelenský meets envoys", "DW", {"Talks in Kyiv went on late."})});
  auto ids = [&](const char* query) {
    auto hits = store_->Search(query, 10);
    EXPECT_TRUE(hits.ok()) << query << ": " << hits.status().ToString();
    std::vector<std::string> out;
    if (hits.ok()) {
      for (const SearchHit& hit : *hits) out.push_back(hit.article_id);
    }
    std::sort(out.begin(), out.end());
    return out;
  };
  EXPECT_THAT(ids("prisoner OR rain"), ElementsAre("ex1", "ex2", "ex4"));
  EXPECT_THAT(ids("prisoner NOT exchange"), ElementsAre("ex2"));
  EXPECT_THAT(ids("prisoner AND stocks"), ElementsAre("ex2"));
  EXPECT_THAT(ids("(stocks OR flights) NOT markets"), ElementsAre("ex3"));
  EXPECT_THAT(ids("rain OR stocks prisoner"), ElementsAre("ex2", "ex4"));  // AND binds tighter
  EXPECT_THAT(ids("exch*"), ElementsAre("ex1"));
  EXPECT_THAT(ids("\"prisoner exchange\" Dhabi"), ElementsAre("ex1"));
  EXPECT_THAT(ids("Zelensky"), ElementsAre("zel"));  // diacritics folded in the index
  EXPECT_THAT(ids("zelenský"), ElementsAre("zel"));  // and in the query
  EXPECT_THAT(ids("or"), IsEmpty());                 // lower case is a word, not OR
}

NEWSFUSE_STORE_BACKENDS(SearchTest);

}  // namespace
}  // namespace newsfuse::testing
