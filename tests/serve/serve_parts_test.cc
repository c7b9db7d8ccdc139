// The server's parts as plain functions: parameters, cursors, entity tags,
// the report cache and the metrics text.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

#include "serve/api.h"
#include "serve/fifo_gate.h"
#include "serve/highlights.h"
#include "serve/metrics.h"
#include "serve/paging.h"
#include "serve/report_cache.h"
#include "serve/story_digest.h"

namespace newsfuse::serve {
namespace {

TEST(ParseLimitTest, TakesWholeNumbersInRangeOnly) {
  EXPECT_EQ(*ParseLimit(std::nullopt, "limit", 20, 100), 20);
  EXPECT_EQ(*ParseLimit(std::string("1"), "limit", 20, 100), 1);
  EXPECT_EQ(*ParseLimit(std::string("100"), "limit", 20, 100), 100);
  for (const char* bad : {"", "0", "-1", "101", "abc", "12abc", "1e3", " 5", "+5", "5 ", "2.5",
                          "99999999999999999999"}) {
    auto parsed = ParseLimit(std::string(bad), "limit", 20, 100);
    ASSERT_FALSE(parsed.ok()) << "'" << bad << "'";
    EXPECT_EQ(parsed.status().code(), Status::Code::kUsage);
    EXPECT_NE(parsed.status().message().find("limit"), std::string::npos);
  }
}

TEST(CursorTest, RoundTripsAndRejectsWhatItDidNotMake) {
  const StoryKey key{"2025-03-02T10:00:00+01:00", "s0807dd7249cf"};
  auto back = DecodeCursor(EncodeCursor(key));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->last_seen, key.last_seen);
  EXPECT_EQ(back->id, key.id);
  auto undated = DecodeCursor(EncodeCursor({"", "s1"}));
  ASSERT_TRUE(undated.ok());
  EXPECT_EQ(undated->last_seen, "");
  // Only [0-9a-f] of even length, holding exactly one separator and an id.
  for (const char* bad : {"", "a", "zz", "ABCD", "0a", "73", "730a", "0a0a73"}) {
    EXPECT_FALSE(DecodeCursor(bad).ok()) << bad;
  }
}

StoryRow Row(const std::string& id, const std::string& last_seen) {
  StoryRow row;
  row.story.id = id;
  row.story.article_ids = {id + "-a"};
  row.last_seen = last_seen;
  return row;
}

std::vector<std::string> Ids(const StoryPage& page) {
  std::vector<std::string> ids;
  for (const StoryRow* row : page.rows) ids.push_back(row->story.id);
  return ids;
}

TEST(PageOfStoriesTest, NewestFirstUndatedLastTiesById) {
  std::vector<StoryRow> rows = {Row("sb", "2025-01-02"), Row("su", ""), Row("sa", "2025-01-02"),
                                Row("sn", "2025-03-01")};
  const StoryPage page = PageOfStories(rows, std::nullopt, 10);
  EXPECT_EQ(Ids(page), (std::vector<std::string>{"sn", "sa", "sb", "su"}));
  EXPECT_FALSE(page.next_cursor.has_value());
}

// A story that arrives (or is updated to the top) between two page reads
// neither repeats a story nor hides one that was still to come.
TEST(PageOfStoriesTest, PagingIsStableWhenStoriesArriveBetweenPages) {
  std::vector<StoryRow> rows;
  for (int day = 1; day <= 9; ++day)
    rows.push_back(Row("s" + std::to_string(day), "2025-01-0" + std::to_string(day)));
  const StoryPage first = PageOfStories(rows, std::nullopt, 4);
  ASSERT_EQ(Ids(first), (std::vector<std::string>{"s9", "s8", "s7", "s6"}));
  ASSERT_TRUE(first.next_cursor.has_value());
  rows.push_back(Row("snew", "2025-02-01"));
  auto after = DecodeCursor(*first.next_cursor);
  ASSERT_TRUE(after.ok());
  const StoryPage second = PageOfStories(rows, *after, 4);
  EXPECT_EQ(Ids(second), (std::vector<std::string>{"s5", "s4", "s3", "s2"}));
  auto after2 = DecodeCursor(*second.next_cursor);
  const StoryPage third = PageOfStories(rows, *after2, 4);
  EXPECT_EQ(Ids(third), (std::vector<std::string>{"s1"}));
  EXPECT_FALSE(third.next_cursor.has_value());
}

TEST(IfNoneMatchTest, ListsWeakTagsAndStar) {
  const std::string etag = "\"abc\"";
  EXPECT_TRUE(IfNoneMatchHits("\"abc\"", etag));
  EXPECT_TRUE(IfNoneMatchHits("W/\"abc\"", etag));
  EXPECT_TRUE(IfNoneMatchHits("\"x\", \"abc\"", etag));
  EXPECT_TRUE(IfNoneMatchHits("*", etag));
  EXPECT_FALSE(IfNoneMatchHits("\"abcd\"", etag));
  EXPECT_FALSE(IfNoneMatchHits("abc", etag));
  EXPECT_FALSE(IfNoneMatchHits("", etag));
  EXPECT_FALSE(IfNoneMatchHits(",,,", etag));
}

TEST(StoryPageCspTest, AllowsExactlyItsScriptAndItsEventStream) {
  const std::string csp = StoryPageCsp("127.0.0.1:8080");
  EXPECT_NE(csp.find("default-src 'none';"), std::string::npos) << csp;
  EXPECT_NE(csp.find("script-src http://127.0.0.1:8080/assets/story.js;"), std::string::npos)
      << csp;
  EXPECT_NE(csp.find("connect-src http://127.0.0.1:8080/api/events;"), std::string::npos) << csp;
  // A Host that could break out of the header is never written into it.
  for (const char* bad : {"", "a b", "x;script-src *", "h\r\nSet-Cookie: x=1", "h'"}) {
    const std::string fallback = StoryPageCsp(bad);
    EXPECT_NE(fallback.find("script-src 'self';"), std::string::npos) << bad;
    EXPECT_EQ(fallback.find(std::string(bad).empty() ? "\x01" : bad), std::string::npos) << bad;
  }
}

TEST(StoryDigestTest, CountsArticlesPerDayWithEmptyDaysAndConflicts) {
  StoryReport report;
  for (const char* published : {"2026-04-03T09:00:00+02:00", "2026-04-01", "2026-04-03", "2026-04",
                                "", "2026-04-05T23:59"}) {
    ReportSource source;
    source.published = published;
    report.sources.push_back(source);
  }
  const StoryDigest digest = DigestOf(report);
  EXPECT_EQ(digest.first_day, "2026-04-01");
  EXPECT_EQ(digest.articles_per_day, (std::vector<int>{1, 0, 2, 0, 1}));
  EXPECT_EQ(digest.undated, 2) << "a month and no date are no day";
  EXPECT_EQ(digest.conflicts, 0);
  report.conflicts.emplace_back();
  EXPECT_EQ(DigestOf(report).conflicts, 1);
  // A story of no dated article draws nothing.
  StoryReport undated;
  undated.sources.emplace_back();
  EXPECT_EQ(DigestOf(undated).first_day, "");
  EXPECT_TRUE(DigestOf(undated).articles_per_day.empty());
}

TEST(StoryDigestTest, KeepsTheLatestDaysOfALongStory) {
  StoryReport report;
  for (const char* published : {"2024-01-01", "2026-04-01", "2026-04-02"}) {
    ReportSource source;
    source.published = published;
    report.sources.push_back(source);
  }
  const StoryDigest digest = DigestOf(report);
  ASSERT_EQ(digest.articles_per_day.size(), static_cast<size_t>(kMaxDigestDays));
  EXPECT_EQ(digest.articles_per_day.back(), 1);
  EXPECT_EQ(digest.articles_per_day[kMaxDigestDays - 2], 1);
  EXPECT_EQ(digest.first_day, "2025-04-02");
}

TEST(DigestMemoTest, KeepsEachStorysLastDigestEvenOfNoVersion) {
  DigestMemo memo(16);
  StoryDigest first;
  first.conflicts = 1;
  memo.Put("\"v1\"", "s1", first);
  StoryDigest changing;
  changing.conflicts = 2;
  memo.Put("", "s1", changing);  // fused while the story changed
  EXPECT_EQ(memo.Find("\"v1\"")->conflicts, 1);
  EXPECT_FALSE(memo.Find("").has_value());
  EXPECT_EQ(memo.FindLatest("s1")->conflicts, 2);
  EXPECT_FALSE(memo.FindLatest("s2").has_value());
}

TEST(DigestMemoTest, OneReaderAtATimeFusesAStory) {
  DigestMemo memo(16);
  ASSERT_TRUE(memo.BeginFusing("s1", /*wait=*/false));
  EXPECT_FALSE(memo.BeginFusing("s1", /*wait=*/false));
  EXPECT_TRUE(memo.BeginFusing("s2", /*wait=*/false));
  std::atomic<bool> took{false};
  std::thread waiter([&] {
    took = memo.BeginFusing("s1", /*wait=*/true);
    memo.EndFusing("s1");
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_FALSE(took);  // still waiting for the first reader
  memo.EndFusing("s1");
  waiter.join();
  EXPECT_TRUE(took);
  EXPECT_TRUE(memo.BeginFusing("s1", /*wait=*/false));
}

std::string Drawn(const std::vector<TextPart>& parts) {
  std::string out;
  for (const TextPart& part : parts) out += part.match ? "<" + part.text + ">" : part.text;
  return out;
}

TEST(HighlightsTest, SnippetMarksBecomePartsAndStrayBracketsStayText) {
  EXPECT_EQ(Drawn(SnippetParts("The [Varnel] bridge [was] shut")),
            "The <Varnel> bridge <was> shut");
  EXPECT_EQ(Drawn(SnippetParts("[Abu Dhabi] talks")), "<Abu Dhabi> talks");
  EXPECT_EQ(Drawn(SnippetParts("a [b [c] d [] e [f")), "a [b <c> d [] e [f");
  EXPECT_EQ(Drawn(SnippetParts("no marks")), "no marks");
  EXPECT_TRUE(SnippetParts("").empty());
}

TEST(HighlightsTest, TitleWordsAreMarkedWhenTheSnippetMarksTheirTerm) {
  const auto snippet = SnippetParts("the [bridge] over the [Varnel] closed");
  EXPECT_EQ(Drawn(TitleParts("Floods close VARNEL Bridges, bridgehead open", snippet)),
            "Floods close <VARNEL> <Bridges>, bridgehead open");
  EXPECT_EQ(Drawn(TitleParts("Nothing here", snippet)), "Nothing here");
  EXPECT_EQ(Drawn(TitleParts("Varnel", SnippetParts("no marks"))), "Varnel");
}

TEST(IdTest, OnlyStoreShapedIds) {
  EXPECT_TRUE(IsValidId("s0807dd7249cf"));
  EXPECT_TRUE(IsValidId("s0807dd7249cf689160bab9d9f2ef8aea-2"));
  for (const std::string& bad : {std::string(), std::string("a b"), std::string("a/b"),
                                 std::string("a\0b", 3), std::string("é"), std::string(201, 'a')}) {
    EXPECT_FALSE(IsValidId(bad)) << bad;
  }
}

TEST(StoryVersionTest, ChangesWithMembersCopiesAndSalt) {
  Story story{"s1", {"a1", "a2"}};
  const std::string v = StoryVersion(story, "salt");
  EXPECT_EQ(v.front(), '"');
  EXPECT_EQ(v.back(), '"');
  EXPECT_EQ(v, StoryVersion(story, "salt"));
  EXPECT_NE(v, StoryVersion(story, "other salt"));
  Story grown = story;
  grown.article_ids.push_back("a3");
  EXPECT_NE(v, StoryVersion(grown, "salt"));
  Story copied = story;
  copied.copy_of["a2"] = "a1";
  EXPECT_NE(v, StoryVersion(copied, "salt"));
}

TEST(ReportCacheTest, KeepsRecentBodiesWithinItsBudget) {
  ReportCache cache(10);
  cache.Put("a", std::make_shared<const std::string>("12345"));
  cache.Put("b", std::make_shared<const std::string>("12345"));
  ASSERT_NE(cache.Find("a"), nullptr);  // a is now the most recent
  cache.Put("c", std::make_shared<const std::string>("12345"));
  EXPECT_NE(cache.Find("a"), nullptr);
  EXPECT_EQ(cache.Find("b"), nullptr);
  EXPECT_NE(cache.Find("c"), nullptr);
  cache.Put("huge", std::make_shared<const std::string>(std::string(11, 'x')));
  EXPECT_EQ(cache.Find("huge"), nullptr);
  EXPECT_EQ(cache.hits(), 3u);
  EXPECT_EQ(cache.misses(), 2u);
}

// Waits (a few seconds at most) until `gate` has `n` threads waiting.
bool WaitForWaiting(serve::FifoGate& gate, size_t n) {
  for (int i = 0; i < 5000 && gate.waiting() != n; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return gate.waiting() == n;
}

TEST(FifoGateTest, AdmitsUpToItsSlotsThenInArrivalOrder) {
  serve::FifoGate gate(2);
  std::optional<serve::FifoGate::Pass> first(gate.Enter());
  std::optional<serve::FifoGate::Pass> second(gate.Enter());
  EXPECT_EQ(gate.waiting(), 0u);

  std::mutex order_mutex;
  std::vector<int> order;
  std::vector<std::thread> threads;
  for (int i = 0; i < 3; ++i) {
    threads.emplace_back([&, i] {
      serve::FifoGate::Pass pass = gate.Enter();
      std::lock_guard<std::mutex> lock(order_mutex);
      order.push_back(i);
    });
    // The next one starts only once this one is queued.
    ASSERT_TRUE(WaitForWaiting(gate, static_cast<size_t>(i) + 1));
  }
  {
    std::lock_guard<std::mutex> lock(order_mutex);
    EXPECT_TRUE(order.empty());
  }
  // One slot frees: only the earliest waiter enters; it leaves at once and
  // passes the slot on down the queue; the other slot stays held.
  first.reset();
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(order, (std::vector<int>{0, 1, 2}));
  EXPECT_EQ(gate.waiting(), 0u);
  // Both slots are usable again once the second pass is gone too.
  second.reset();
  serve::FifoGate::Pass a = gate.Enter();
  serve::FifoGate::Pass b = gate.Enter();
  EXPECT_EQ(gate.waiting(), 0u);
}

TEST(MetricsTest, CountsAndCumulativeBuckets) {
  Metrics metrics;
  metrics.Observe("/api/stories", "GET", 200, 0.002);
  metrics.Observe("/api/stories", "GET", 200, 0.3);
  metrics.Observe("/api/stories", "GET", 400, -1);
  const std::string text = metrics.Render("");
  EXPECT_NE(
      text.find(
          "newsfuse_http_requests_total{route=\"/api/stories\",method=\"GET\",code=\"200\"} 2\n"),
      std::string::npos)
      << text;
  EXPECT_NE(
      text.find(
          "newsfuse_http_requests_total{route=\"/api/stories\",method=\"GET\",code=\"400\"} 1\n"),
      std::string::npos);
  EXPECT_NE(text.find("_bucket{route=\"/api/stories\",le=\"0.001\"} 0\n"), std::string::npos);
  EXPECT_NE(text.find("_bucket{route=\"/api/stories\",le=\"0.0025\"} 1\n"), std::string::npos);
  EXPECT_NE(text.find("_bucket{route=\"/api/stories\",le=\"0.25\"} 1\n"), std::string::npos);
  EXPECT_NE(text.find("_bucket{route=\"/api/stories\",le=\"0.5\"} 2\n"), std::string::npos);
  EXPECT_NE(text.find("_bucket{route=\"/api/stories\",le=\"+Inf\"} 2\n"), std::string::npos);
  EXPECT_NE(text.find("_count{route=\"/api/stories\"} 2\n"), std::string::npos);
}

}  // namespace
}  // namespace newsfuse::serve
