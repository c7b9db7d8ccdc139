// The parts of the stream protocol that need no server.
#include <gtest/gtest.h>

#include "ingest/ingest.h"
#include "queue/queue.h"

namespace newsfuse {
namespace {

TEST(QueueUrl, ReadsHostPortAndStream) {
  auto a = ParseQueueUrl("redis://queue.internal:6380/crawl");
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->host, "queue.internal");
  EXPECT_EQ(a->port, 6380);
  EXPECT_EQ(a->stream, "crawl");
  auto b = ParseQueueUrl("redis://10.0.0.5/pages");
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->port, 6379);
}

TEST(QueueUrl, RefusesWhatIsNotAStreamUrl) {
  for (const char* bad : {"http://h/s", "redis://h", "redis://h/", "redis://:1/s", "redis://h:x/s",
                          "redis://h:70000/s", "redis://h/a/b"}) {
    auto r = ParseQueueUrl(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.status().code(), Status::Code::kUsage);
    EXPECT_NE(r.status().ToString().find(bad), std::string::npos) << r.status().ToString();
  }
}

TEST(QueueEntry, PageSurvivesTheRoundTrip) {
  RawPage page;
  page.locator = "feed.jsonl:3";
  page.url = "https://example.org/a";
  page.format = PageFormat::kHtml;
  page.content = std::string("<p>Zero\0byte and caf\xC3\xA9</p>", 27);
  page.hint_outlet = "Example Post";
  page.hint_published = "2025-03-04";
  page.hint_charset = "utf-8";
  auto back = DecodePage("1-0", EncodePage(page));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->locator, page.locator);
  EXPECT_EQ(back->url, page.url);
  EXPECT_EQ(back->format, PageFormat::kHtml);
  EXPECT_EQ(back->content, page.content);
  EXPECT_EQ(back->hint_outlet, page.hint_outlet);
  EXPECT_EQ(back->hint_title, "");
  EXPECT_EQ(back->hint_published, page.hint_published);
  EXPECT_EQ(back->hint_charset, page.hint_charset);
  EXPECT_EQ(PageId(*back), PageId(page));
}

TEST(QueueEntry, NamesTheEntryOfABadOne) {
  auto no_content = DecodePage("17-2", {{"format", "text"}});
  ASSERT_FALSE(no_content.ok());
  EXPECT_EQ(no_content.status().code(), Status::Code::kBadInput);
  EXPECT_NE(no_content.status().ToString().find("17-2"), std::string::npos);
  auto bad_format = DecodePage("18-0", {{"content", "x"}, {"format", "pdf"}});
  ASSERT_FALSE(bad_format.ok());
  EXPECT_NE(bad_format.status().ToString().find("pdf"), std::string::npos);
  // A page without a locator is named by its entry.
  auto bare = DecodePage("19-0", {{"content", "x"}});
  ASSERT_TRUE(bare.ok());
  EXPECT_EQ(bare->locator, "queue entry 19-0");
}

}  // namespace
}  // namespace newsfuse
