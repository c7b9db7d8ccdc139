// POST /api/articles and GET /api/events against the built binary on a
// loopback port: what a client posts is stored and clustered as `newsfuse
// ingest` would, nothing it sends can harm the store, and every change of a
// story, by this server or by a CLI ingest in another process, is streamed.
#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "serve_fixture.h"

namespace newsfuse {
namespace {

using nlohmann::json;
using testing::CliJson;
using testing::RunCli;
using testing::ServerProcess;
using testing::SyntheticArticle;
using testing::SyntheticNews;
using testing::TempStore;

json Body(const httplib::Result& res) {
  return res ? json::parse(res->body, nullptr, /*allow_exceptions=*/false) : json();
}

json AsJson(const SyntheticArticle& a) {
  return json{{"url", a.url},
              {"outlet", a.outlet},
              {"title", a.title},
              {"published_at", a.published},
              {"text", a.text}};
}

httplib::Result PostJson(httplib::Client& client, const json& article) {
  return client.Post("/api/articles", article.dump(), "application/json");
}

// The stories of a store as the CLI lists them: each story's article ids.
std::set<std::set<std::string>> Partition(const std::string& db) {
  std::set<std::set<std::string>> out;
  const json stories = CliJson("stories --format json --db " + db);
  for (const auto& story : stories["stories"]) {
    const json report =
        CliJson("story " + story["id"].get<std::string>() + " --format json --db " + db);
    std::set<std::string> ids;
    for (const auto& source : report["sources"]) ids.insert(source["article_id"]);
    out.insert(ids);
  }
  return out;
}

// Posting articles one by one gives the stories a CLI ingest of the same
// articles in the same order gives: the server ingests through the same path.
TEST(ServePostTest, PostedArticlesMakeTheStoriesTheCliIngestMakes) {
  const auto news = SyntheticNews(3, 5, 7041);
  const std::vector<SyntheticArticle> first(news.begin(), news.begin() + 8);
  const std::vector<SyntheticArticle> later(news.begin() + 8, news.end());
  TempStore by_cli, by_api;
  ASSERT_EQ(by_cli.Ingest("first.jsonl", first), "");
  ASSERT_EQ(by_cli.Ingest("later.jsonl", later), "");
  ASSERT_EQ(by_api.Ingest("first.jsonl", first), "");

  ServerProcess server;
  ASSERT_TRUE(server.Start(by_api.db(), by_api.Path("serve.log"))) << server.error();
  httplib::Client client = server.Client();
  for (const auto& article : later) {
    auto res = PostJson(client, AsJson(article));
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 201) << res->body;
    const json body = Body(res);
    EXPECT_FALSE(body["duplicate"].get<bool>());
    EXPECT_EQ(body["article"]["title"], article.title);
    EXPECT_EQ(body["article"]["outlet"], article.outlet);
    EXPECT_EQ(body["article"]["published"], article.published);
    const std::string id = body["article"]["id"];
    EXPECT_EQ(res->get_header_value("Location"), "/api/articles/" + id);
    // The story answered is the one the article is in.
    auto stored = client.Get(("/api/articles/" + id).c_str());
    ASSERT_TRUE(stored);
    EXPECT_EQ(Body(stored)["story_id"], body["story"]["id"]);
    auto story = client.Get(("/api/stories/" + body["story"]["id"].get<std::string>()).c_str());
    ASSERT_TRUE(story);
    EXPECT_EQ(Body(story)["sources"].size(), body["story"]["articles"].get<size_t>());
  }
  EXPECT_EQ(Partition(by_api.db()), Partition(by_cli.db()));

  // The same article again is stored once: 200, the story it is in.
  auto again = PostJson(client, AsJson(later[0]));
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 200) << again->body;
  EXPECT_TRUE(Body(again)["duplicate"].get<bool>());
  EXPECT_EQ(CliJson("stories --format json --db " + by_api.db())["total_articles"], news.size());
  EXPECT_EQ(server.Stop(), 0);
}

TEST(ServePostTest, AnHtmlPageIsPostedWithTheAddressItCameFrom) {
  TempStore store;
  ASSERT_EQ(store.Ingest("news.jsonl", SyntheticNews(2, 3, 88)), "");
  ServerProcess server;
  ASSERT_TRUE(server.Start(store.db(), store.Path("serve.log"))) << server.error();
  httplib::Client client = server.Client();
  const std::string page =
      "<!doctype html><html><head><meta charset=\"utf-8\"><title>Harbour cranes stand idle in "
      "Quelport</title></head><body><nav><a href=\"/\">Home</a></nav><article><h1>Harbour cranes "
      "stand idle in Quelport</h1><p>Dock workers in Quelport left the cranes idle on Tuesday "
      "after talks over night shifts broke down, the port authority said.</p><p>Union leader "
      "Ossa Vennik said the stoppage would last until the authority restored the old rota, and "
      "that ships already berthed would be unloaded first.</p></article></body></html>";
  auto res = client.Post("/api/articles?url=https://quelport.example/cranes&outlet=Quelport%20Mail",
                         page, "text/html; charset=utf-8");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 201) << res->body;
  const json body = Body(res);
  EXPECT_EQ(body["article"]["title"], "Harbour cranes stand idle in Quelport");
  EXPECT_EQ(body["article"]["outlet"], "Quelport Mail");
  EXPECT_TRUE(body["story"]["new_story"].get<bool>()) << "nothing else is about Quelport";
  auto article = client.Get(("/api/articles/" + body["article"]["id"].get<std::string>()).c_str());
  ASSERT_TRUE(article);
  EXPECT_EQ(Body(article)["url"], "https://quelport.example/cranes");
  // The same bytes from another address are another page.
  auto other =
      client.Post("/api/articles?url=https://quelport.example/cranes-2", page, "text/html");
  ASSERT_TRUE(other);
  EXPECT_EQ(other->status, 201) << other->body;
  EXPECT_NE(Body(other)["article"]["id"], body["article"]["id"]);
}

struct BadPost {
  std::string path, content_type, body;
  int status;
  std::string error;
};

TEST(ServePostTest, EveryBadPostIsRefusedAndTheStoreIsAsItWas) {
  TempStore store;
  const auto news = SyntheticNews(2, 3, 99);
  ASSERT_EQ(store.Ingest("news.jsonl", news), "");
  const std::string before = RunCli("stories --format json --db " + store.db(), false).out;
  ServerProcess server;
  ASSERT_TRUE(server.Start(store.db(), store.Path("serve.log"))) << server.error();
  httplib::Client client = server.Client();
  const std::string good = AsJson(SyntheticNews(1, 1, 5)[0]).dump();
  const std::string html = "<html><body><p>" + std::string(400, 'w') + "</p></body></html>";
  const std::vector<BadPost> cases = {
      {"/api/articles", "text/plain", good, 415, "unsupported_media_type"},
      {"/api/articles", "application/xml", good, 415, "unsupported_media_type"},
      {"/api/articles", "application/json; charset=latin1", good, 415, "unsupported_media_type"},
      {"/api/articles", "application/x-www-form-urlencoded", good, 415, "unsupported_media_type"},
      {"/api/articles", "application/json", "", 400, "bad_request"},
      {"/api/articles", "application/json", "{", 400, "bad_request"},
      {"/api/articles", "application/json", "[" + good + "]", 400, "bad_request"},
      {"/api/articles", "application/json", good + good, 400, "bad_request"},
      {"/api/articles", "application/json", "\"text\"", 400, "bad_request"},
      {"/api/articles", "application/json", "{\"title\":\"no text\"}", 400, "bad_request"},
      {"/api/articles", "application/json", "{\"text\":\"   \"}", 400, "bad_request"},
      {"/api/articles", "application/json", "{\"text\":7}", 400, "bad_request"},
      {"/api/articles", "application/json", "{\"text\":\"a b c\",\"author\":{}}", 400,
       "bad_request"},
      {"/api/articles", "application/json", "{\"text\":\"words\",\"publishd\":\"2025-01-01\"}", 400,
       "bad_request"},
      {"/api/articles", "application/json", "{\"text\":\"\xff\xfe bad bytes\"}", 400,
       "bad_request"},
      {"/api/articles", "application/json", "{\"text\":\"Too short.\"}", 400, "bad_request"},
      {"/api/articles", "text/html", html, 400, "bad_request"},
      {"/api/articles?url=ftp://x.example/a", "text/html", html, 400, "bad_request"},
      {"/api/articles?url=https://x.example/a%20b", "text/html", html, 400, "bad_request"},
      {"/api/articles?url=/relative", "text/html", html, 400, "bad_request"},
      {"/api/articles?url=https://a.example/&url=https://b.example/", "text/html", html, 400,
       "bad_request"},
      {"/api/articles?url=https://a.example/", "text/html", "", 400, "bad_request"},
      {"/api/articles?url=https://a.example/", "text/html", std::string(3000, '\0'), 400,
       "bad_request"},
      {"/api/articles", "application/json", std::string(3 << 20, ' '), 413, "payload_too_large"},
  };
  for (const BadPost& c : cases) {
    auto res = client.Post(c.path.c_str(), c.body, c.content_type.c_str());
    const std::string what = c.content_type + " " + c.path + " " + c.body.substr(0, 40);
    ASSERT_TRUE(res) << what << ": no answer";
    EXPECT_EQ(res->status, c.status) << what << ": " << res->body;
    const json body = Body(res);
    EXPECT_EQ(body["error"], c.error) << what << ": " << res->body;
    EXPECT_FALSE(body["detail"].get<std::string>().empty()) << what;
  }
  // No Content-Type at all.
  httplib::Request bare;
  bare.method = "POST";
  bare.path = "/api/articles";
  bare.body = good;
  auto none = client.send(bare);
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 415) << none->body;
  // Reading is not writing: GET there is 405 naming POST.
  auto get = client.Get("/api/articles");
  ASSERT_TRUE(get);
  EXPECT_EQ(get->status, 405);
  EXPECT_EQ(get->get_header_value("Allow"), "POST");

  EXPECT_TRUE(server.Alive());
  EXPECT_EQ(RunCli("stories --format json --db " + store.db(), false).out, before);
  auto metrics = client.Get("/metrics");
  ASSERT_TRUE(metrics);
  EXPECT_NE(metrics->body.find("newsfuse_ingest_articles_total{outcome=\"new\"} 0"),
            std::string::npos);
  // And a good post still works afterwards.
  auto ok = client.Post("/api/articles", good, "application/json");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 201) << ok->body;
}

// Many clients at once: each post is taken whole, none is lost or stored
// twice, and every article ends in exactly one story.
TEST(ServePostTest, ConcurrentPostsAreEachStoredOnce) {
  TempStore store;
  const auto news = SyntheticNews(4, 6, 31337);
  const std::vector<SyntheticArticle> first(news.begin(), news.begin() + 4);
  ASSERT_EQ(store.Ingest("first.jsonl", first), "");
  ServerProcess server;
  ASSERT_TRUE(server.Start(store.db(), store.Path("serve.log"))) << server.error();
  constexpr int kClients = 6;
  std::mutex mutex;
  std::map<std::string, int> created;  // article id -> 201 answers
  std::vector<std::string> failures;
  std::vector<std::thread> clients;
  for (int t = 0; t < kClients; ++t) {
    clients.emplace_back([&, t] {
      httplib::Client client = server.Client();
      // Every client posts every later article, in its own order.
      for (size_t i = 4; i < news.size(); ++i) {
        const size_t at = 4 + (i - 4 + static_cast<size_t>(t) * 3) % (news.size() - 4);
        auto res = PostJson(client, AsJson(news[at]));
        std::lock_guard<std::mutex> lock(mutex);
        if (!res || (res->status != 201 && res->status != 200)) {
          failures.push_back(res ? res->body : "no answer");
          continue;
        }
        const json body = Body(res);
        if (res->status == 201) ++created[body["article"]["id"]];
      }
    });
  }
  for (auto& c : clients) c.join();
  EXPECT_TRUE(failures.empty()) << failures.front();
  EXPECT_EQ(created.size(), news.size() - 4);
  for (const auto& [id, n] : created) EXPECT_EQ(n, 1) << id << " was created twice";
  const json cli = CliJson("stories --format json --db " + store.db());
  EXPECT_EQ(cli["total_articles"], news.size());
  size_t in_stories = 0;
  std::set<std::string> seen;
  for (const auto& ids : Partition(store.db())) {
    for (const auto& id : ids) EXPECT_TRUE(seen.insert(id).second) << id << " in two stories";
    in_stories += ids.size();
  }
  EXPECT_EQ(in_stories, news.size());
}

// Reads /api/events on its own thread, keeping every event.
class EventReader {
 public:
  EventReader(const ServerProcess& server, const httplib::Headers& headers = {})
      : client_(server.Client()) {
    thread_ = std::thread([this, headers] {
      client_.Get(
          "/api/events", headers,
          [&](const httplib::Response& res) {
            std::lock_guard<std::mutex> lock(mutex_);
            status_ = res.status;
            type_ = res.get_header_value("Content-Type");
            return true;
          },
          [&](const char* data, size_t size) {
            std::lock_guard<std::mutex> lock(mutex_);
            text_.append(data, size);
            return !stop_;
          });
    });
  }
  ~EventReader() {
    stop_ = true;
    client_.stop();
    thread_.join();
  }
  // Waits up to 10 s for the stream to hold `needle`.
  bool WaitFor(const std::string& needle) {
    for (int i = 0; i < 200; ++i) {
      {
        std::lock_guard<std::mutex> lock(mutex_);
        if (text_.find(needle) != std::string::npos) return true;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
  }
  std::string text() {
    std::lock_guard<std::mutex> lock(mutex_);
    return text_;
  }
  int status() {
    std::lock_guard<std::mutex> lock(mutex_);
    return status_;
  }
  std::string type() {
    std::lock_guard<std::mutex> lock(mutex_);
    return type_;
  }

 private:
  httplib::Client client_;
  std::thread thread_;
  std::mutex mutex_;
  std::string text_, type_;
  int status_ = 0;
  std::atomic<bool> stop_{false};
};

// The events of a stream, each as {id, event, data}.
std::vector<json> Events(const std::string& text) {
  std::vector<json> out;
  size_t pos = 0;
  while (true) {
    const size_t end = text.find("\n\n", pos);
    if (end == std::string::npos) break;
    json event = json::object();
    std::istringstream lines(text.substr(pos, end - pos));
    for (std::string line; std::getline(lines, line);) {
      const size_t colon = line.find(": ");
      if (colon == std::string::npos || colon == 0) continue;
      const std::string field = line.substr(0, colon), value = line.substr(colon + 2);
      event[field] = field == "data" ? json::parse(value) : json(value);
    }
    if (event.contains("event")) out.push_back(event);
    pos = end + 2;
  }
  return out;
}

TEST(ServeEventsTest, StoryChangesFromPostsAndFromACliIngestAreStreamed) {
  TempStore store;
  const auto news = SyntheticNews(3, 4, 4242);
  std::vector<SyntheticArticle> first, event2;
  for (const auto& a : news) (a.event == 2 ? event2 : first).push_back(a);
  // One report of event 0 comes later, by POST.
  SyntheticArticle posted;
  for (size_t i = 0; i < first.size(); ++i) {
    if (first[i].event == 0) {
      posted = first[i];
      first.erase(first.begin() + static_cast<long>(i));
      break;
    }
  }
  ASSERT_EQ(store.Ingest("first.jsonl", first), "");
  ServerProcess server;
  ASSERT_TRUE(server.Start(store.db(), store.Path("serve.log"))) << server.error();
  EventReader reader(server);
  ASSERT_TRUE(reader.WaitFor(": newsfuse story events\n\n")) << reader.text();
  EXPECT_EQ(reader.status(), 200);
  EXPECT_EQ(reader.type(), "text/event-stream");
  EXPECT_TRUE(Events(reader.text()).empty()) << "the stories already there are no news";

  httplib::Client client = server.Client();
  auto res = PostJson(client, AsJson(posted));
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 201) << res->body;
  const std::string story0 = Body(res)["story"]["id"];
  ASSERT_TRUE(reader.WaitFor("event: story-updated\n")) << reader.text();
  std::vector<json> events = Events(reader.text());
  ASSERT_EQ(events.size(), 1u) << reader.text();
  EXPECT_EQ(events[0]["data"]["id"], story0);
  EXPECT_EQ(events[0]["data"]["articles"], Body(res)["story"]["articles"]);
  // The version named is the ETag the story now answers.
  auto story = client.Get(("/api/stories/" + story0).c_str());
  ASSERT_TRUE(story);
  EXPECT_EQ(events[0]["data"]["version"], story->get_header_value("ETag"));

  // Another process writes: a new story, seen by polling the store.
  ASSERT_EQ(store.Ingest("event2.jsonl", event2), "");
  ASSERT_TRUE(reader.WaitFor("event: story-created\n")) << reader.text();
  events = Events(reader.text());
  ASSERT_EQ(events.size(), 2u) << reader.text();
  const std::string created = events[1]["data"]["id"];
  const json cli = CliJson("stories --format json --db " + store.db());
  bool found = false;
  for (const auto& s : cli["stories"]) {
    if (s["id"] == created) {
      found = true;
      EXPECT_EQ(s["articles"], event2.size());
      EXPECT_EQ(events[1]["data"]["headline"], s["headline"]);
    }
  }
  EXPECT_TRUE(found) << created;
  EXPECT_EQ(events[1]["id"], "2");

  // A client that reconnects with the last id it saw gets what it missed.
  EventReader resumed(server, {{"Last-Event-ID", "1"}});
  ASSERT_TRUE(resumed.WaitFor("event: story-created\n")) << resumed.text();
  const auto replayed = Events(resumed.text());
  ASSERT_EQ(replayed.size(), 1u) << resumed.text();
  EXPECT_EQ(replayed[0]["data"]["id"], created);
  // One from the future (another run of the server): read the list again.
  EventReader stale(server, {{"Last-Event-ID", "999"}});
  ASSERT_TRUE(stale.WaitFor("event: reset\n")) << stale.text();
  EXPECT_EQ(server.Stop(), 0) << "open event streams do not keep the server from stopping";
}

}  // namespace
}  // namespace newsfuse
