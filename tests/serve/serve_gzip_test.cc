// Reports gzip-coded once per version: a client that takes gzip gets the same
// bytes, coded (Content-Encoding: gzip, Vary: Accept-Encoding), one that does
// not gets them plain, and q=0 is honoured.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "serve/gzip.h"
#include "serve_fixture.h"

namespace newsfuse {
namespace {

using serve::AcceptsGzip;
using testing::ServerProcess;
using testing::SyntheticNews;
using testing::TempStore;

TEST(AcceptsGzipTest, ReadsCodingsAndWeights) {
  EXPECT_TRUE(AcceptsGzip("gzip"));
  EXPECT_TRUE(AcceptsGzip("gzip, deflate, br"));
  EXPECT_TRUE(AcceptsGzip("br;q=1.0, GZIP;q=0.5"));
  EXPECT_TRUE(AcceptsGzip("*"));
  EXPECT_TRUE(AcceptsGzip("x-gzip"));
  EXPECT_FALSE(AcceptsGzip(""));
  EXPECT_FALSE(AcceptsGzip("br, deflate"));
  EXPECT_FALSE(AcceptsGzip("gzip;q=0"));
  EXPECT_FALSE(AcceptsGzip("gzip; q=0.000"));
  EXPECT_TRUE(AcceptsGzip("gzip;q=0.001"));
  EXPECT_FALSE(AcceptsGzip("gzipped"));
}

TEST(ServeGzipTest, CodedStoryIsThePlainStory) {
  TempStore store;
  ASSERT_EQ(store.Ingest("news.jsonl", SyntheticNews(1, 4, 2718)), "");
  ServerProcess server;
  ASSERT_TRUE(server.Start(store.db(), store.Path("serve.log"))) << server.error();
  httplib::Client client = server.Client();
  auto list = client.Get("/api/stories");
  ASSERT_TRUE(list);
  const std::string id = nlohmann::json::parse(list->body)["stories"][0]["id"];
  auto plain = client.Get("/api/stories/" + id);
  ASSERT_TRUE(plain);
  ASSERT_EQ(plain->status, 200);
  EXPECT_EQ(plain->get_header_value("Content-Encoding"), "");
  for (int round = 0; round < 2; ++round) {  // built, then from the cache
    // The client undoes the coding itself, so the bodies compare directly.
    auto coded = client.Get("/api/stories/" + id, {{"Accept-Encoding", "gzip"}});
    ASSERT_TRUE(coded);
    ASSERT_EQ(coded->status, 200);
    EXPECT_EQ(coded->get_header_value("Content-Encoding"), "gzip");
    EXPECT_EQ(coded->get_header_value("Vary"), "Accept-Encoding");
    EXPECT_EQ(coded->get_header_value("ETag"), plain->get_header_value("ETag"));
    EXPECT_EQ(coded->body, plain->body);
  }
  auto refused = client.Get("/api/stories/" + id, {{"Accept-Encoding", "gzip;q=0"}});
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->get_header_value("Content-Encoding"), "");
  EXPECT_EQ(refused->body, plain->body);
}

}  // namespace
}  // namespace newsfuse
