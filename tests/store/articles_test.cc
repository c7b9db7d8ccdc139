// Articles: exact round trip, dedupe, batch atomicity, streaming order.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/store.h"
#include "store_backends.h"
#include "store_test_util.h"

namespace newsfuse::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

void ExpectSameArticle(const Article& got, const Article& want) {
  EXPECT_EQ(got.id, want.id);
  EXPECT_EQ(got.locator, want.locator);
  EXPECT_EQ(got.url, want.url);
  EXPECT_EQ(got.canonical_url, want.canonical_url);
  EXPECT_EQ(got.outlet, want.outlet);
  EXPECT_EQ(got.title, want.title);
  EXPECT_EQ(got.authors, want.authors);
  EXPECT_EQ(got.published, want.published);
  EXPECT_EQ(got.updated, want.updated);
  EXPECT_EQ(got.dateline, want.dateline);
  EXPECT_EQ(got.language, want.language);
  EXPECT_EQ(got.paragraphs, want.paragraphs);
  EXPECT_EQ(got.field_sources, want.field_sources);
}

// Every field set, with the awkward values: non-ASCII, quotes, an empty
// paragraph and one holding the paragraph separator itself.
Article FullArticle() {
  Article a;
  a.id = "0123456789abcdef0123456789abcdef";
  a.locator = "feed.jsonl:17";
  a.url = "https://example.com/news?id=1&lang=en";
  a.canonical_url = "https://example.com/news/swap-\"again\"";
  a.outlet = "The Straits Times";
  a.title = "Kyiv and Moscow swap prisoners \"again\" — Zelenský";
  a.authors = {"Jane Doe", "李明", "O'Brien, Pat"};
  a.published = DateTime::ParseIso("2026-02-06T04:04:00+09:00");
  a.updated = DateTime::ParseIso("2026-02");
  a.dateline = "KYIV";
  a.language = "en";
  a.paragraphs = {"First paragraph.", "", "Line one\n\nstill the same paragraph",
                  "Ünïcödé ✓ and a tab\there"};
  a.field_sources = {{"title", "og:title"}, {"published", "dateline"}, {"authors", "byline"}};
  return a;
}

class ArticlesTest : public StoreBackendTest {
 protected:
  // Search index entries: FTS5 keeps them in a table of their own,
  // PostgreSQL in the article's row (a non-empty tsvector).
  std::string IndexEntries(const std::string& location) {
    return Raw(location)->Query(postgres()
                                    ? "SELECT count(*) FROM articles WHERE search <> ''::tsvector"
                                    : "SELECT count(*) FROM articles_fts_docsize");
  }
  // A trigger refusing an article titled 'boom', as another connection
  // could install behind the store's back.
  std::string SabotageSql() const {
    if (!postgres()) {
      return "CREATE TRIGGER sabotage BEFORE INSERT ON articles WHEN NEW.title = 'boom' "
             "BEGIN SELECT RAISE(ABORT, 'injected failure'); END";
    }
    return "CREATE FUNCTION sabotage() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
           "RAISE EXCEPTION 'injected failure'; END $$; "
           "CREATE TRIGGER sabotage BEFORE INSERT ON articles FOR EACH ROW "
           "WHEN (NEW.title = 'boom') EXECUTE FUNCTION sabotage()";
  }
};

TEST_P(ArticlesTest, RoundTripsEveryField) {
  std::string path = Location("news");
  Article full = FullArticle();
  Article bare;  // everything optional left empty
  bare.id = "bare";
  {
    auto store = OpenOrDie(path);
    ASSERT_NE(store, nullptr);
    auto put = store->PutArticles({full, bare});
    ASSERT_TRUE(put.ok()) << put.status().ToString();
    EXPECT_THAT(*put, ElementsAre(PutOutcome::kInserted, PutOutcome::kInserted));

    auto got = store->GetArticle(full.id);
    ASSERT_TRUE(got.ok()) << got.status().ToString();
    ExpectSameArticle(*got, full);
  }
  // And again from disk, through the other read path.
  auto store = OpenOrDie(path);
  ASSERT_NE(store, nullptr);
  std::vector<Article> seen;
  ASSERT_TRUE(store->ForEachArticle([&](Article&& a) { seen.push_back(std::move(a)); }).ok());
  ASSERT_EQ(seen.size(), 2u);
  ExpectSameArticle(seen[0], full);
  ExpectSameArticle(seen[1], bare);
  EXPECT_FALSE(seen[1].published.has_value());
  EXPECT_TRUE(seen[1].paragraphs.empty());
}

// Rows written before canonical_url held the sources map itself in the
// field_sources column; they still read, with no canonical URL.
TEST_P(ArticlesTest, ARowWrittenBeforeCanonicalUrlStillReads) {
  std::string path = Location("news");
  auto store = OpenOrDie(path);
  ASSERT_TRUE(store->PutArticles({FullArticle()}).ok());
  Raw(path)->Exec(R"(UPDATE articles SET field_sources = '{"title": "first line"}')");
  auto got = store->GetArticle(FullArticle().id);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(got->field_sources, (std::map<std::string, std::string>{{"title", "first line"}}));
  EXPECT_EQ(got->canonical_url, "");
  EXPECT_EQ(got->title, FullArticle().title);

  // A column version this build does not know is refused, not misread.
  Raw(path)->Exec(R"(UPDATE articles SET field_sources = '{"v": 3, "field_sources": {}}')");
  got = store->GetArticle(FullArticle().id);
  ASSERT_FALSE(got.ok());
  EXPECT_THAT(got.status().message(), HasSubstr("version 3"));
}

TEST_P(ArticlesTest, UnknownIdIsNotFound) {
  auto store = OpenOrDie(Scratch());
  auto got = store->GetArticle("nope");
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.status().code(), Status::Code::kNotFound);
}

TEST_P(ArticlesTest, DuplicateIsReportedAndNotRewritten) {
  std::string path = Location("news");
  auto store = OpenOrDie(path);
  Article original = MakeArticle("a1", "Original title", "Reuters", {"walrus"});
  ASSERT_TRUE(store->PutArticles({original}).ok());

  Article changed = MakeArticle("a1", "Changed title", "AP", {"narwhal"});
  auto put = store->PutArticles({changed, MakeArticle("a2", "Other")});
  ASSERT_TRUE(put.ok()) << put.status().ToString();
  EXPECT_THAT(*put, ElementsAre(PutOutcome::kDuplicate, PutOutcome::kInserted));
  EXPECT_EQ(*store->CountArticles(), 2);
  EXPECT_EQ(store->GetArticle("a1")->title, "Original title");
  // The index was not touched either: the new body is not searchable.
  EXPECT_TRUE(store->Search("narwhal", 10)->empty());
  EXPECT_EQ(store->Search("walrus", 10)->size(), 1u);

  // A repeat inside one batch is a duplicate of the first occurrence.
  put = store->PutArticles({MakeArticle("a3", "x"), MakeArticle("a3", "y")});
  ASSERT_TRUE(put.ok());
  EXPECT_THAT(*put, ElementsAre(PutOutcome::kInserted, PutOutcome::kDuplicate));
  EXPECT_EQ(*store->CountArticles(), 3);
  EXPECT_EQ(IndexEntries(path), "3");
}

// The batch fails on its third article, after two rows and their index
// entries were written inside the transaction.
TEST_P(ArticlesTest, FailedBatchLeavesNothing) {
  std::string path = Location("news");
  auto store = OpenOrDie(path);
  Article no_id = MakeArticle("", "Broken");
  auto put =
      store->PutArticles({MakeArticle("a1", "Alpha kestrel"), MakeArticle("a2", "Beta kestrel"),
                          no_id, MakeArticle("a4", "Delta kestrel")});
  ASSERT_FALSE(put.ok());
  EXPECT_EQ(put.status().code(), Status::Code::kBadInput);
  EXPECT_EQ(put.status().locator(), no_id.locator);
  EXPECT_EQ(*store->CountArticles(), 0);
  EXPECT_EQ(store->GetArticle("a1").status().code(), Status::Code::kNotFound);
  EXPECT_TRUE(store->Search("kestrel", 10)->empty());
  EXPECT_EQ(IndexEntries(path), "0");

  // The connection is still usable and the same ids can be written after.
  put = store->PutArticles({MakeArticle("a1", "Alpha kestrel")});
  ASSERT_TRUE(put.ok()) << put.status().ToString();
  EXPECT_THAT(*put, ElementsAre(PutOutcome::kInserted));
  EXPECT_EQ(store->Search("kestrel", 10)->size(), 1u);
}

// A failure the store cannot foresee (here a trigger another connection
// installed) must also roll the whole batch back.
TEST_P(ArticlesTest, DatabaseFailureMidBatchRollsBack) {
  std::string path = Location("news");
  auto store = OpenOrDie(path);
  ASSERT_TRUE(store->PutArticles({MakeArticle("old", "Kept from before")}).ok());
  Raw(path)->Exec(SabotageSql());
  auto put = store->PutArticles({MakeArticle("n1", "Fresh osprey"), MakeArticle("n2", "boom")});
  ASSERT_FALSE(put.ok());
  EXPECT_EQ(put.status().code(), Status::Code::kStoreError);
  EXPECT_THAT(put.status().message(), HasSubstr("injected failure"));
  EXPECT_THAT(put.status().message(), HasSubstr("n2"));
  EXPECT_EQ(*store->CountArticles(), 1);
  EXPECT_EQ(store->GetArticle("n1").status().code(), Status::Code::kNotFound);
  EXPECT_TRUE(store->Search("osprey", 10)->empty());
}

TEST_P(ArticlesTest, InvalidUtf8IsBadInputAndWritesNothing) {
  auto store = OpenOrDie(Scratch());
  Article bad = MakeArticle("bad", "Title", "Reuters", {"ok", std::string("bad \xff byte")});
  auto put = store->PutArticles({MakeArticle("good", "Fine"), bad});
  ASSERT_FALSE(put.ok());
  EXPECT_EQ(put.status().code(), Status::Code::kBadInput);
  EXPECT_EQ(put.status().locator(), bad.locator);
  EXPECT_EQ(*store->CountArticles(), 0);
}

TEST_P(ArticlesTest, EmptyBatchIsANoOp) {
  auto store = OpenOrDie(Scratch());
  auto put = store->PutArticles({});
  ASSERT_TRUE(put.ok());
  EXPECT_TRUE(put->empty());
}

TEST_P(ArticlesTest, StreamsInIngestOrderNotIdOrder) {
  auto store = OpenOrDie(Location("news"));
  ASSERT_TRUE(store->PutArticles({MakeArticle("c", "C"), MakeArticle("a", "A")}).ok());
  ASSERT_TRUE(store->PutArticles({MakeArticle("b", "B")}).ok());
  std::vector<std::string> ids;
  // The callback reads from the store while the stream is open.
  Status s = store->ForEachArticle([&](Article&& a) {
    ids.push_back(a.id);
    auto again = store->GetArticle(a.id);
    EXPECT_TRUE(again.ok());
  });
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_THAT(ids, ElementsAre("c", "a", "b"));
}

NEWSFUSE_STORE_BACKENDS(ArticlesTest);

}  // namespace
}  // namespace newsfuse::testing
