// /api/openapi.json describes exactly what the server answers, and the
// story list's filters keep exactly the stories the CLI's list says match.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "serve/routes.h"
#include "serve_fixture.h"

namespace newsfuse {
namespace {

using nlohmann::json;
using testing::CliJson;
using testing::ServerProcess;
using testing::SyntheticNews;
using testing::TempStore;

json Body(const httplib::Result& res) {
  return res ? json::parse(res->body, nullptr, /*allow_exceptions=*/false) : json();
}

class ServeSpecTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    store_ = new TempStore();
    server_ = new ServerProcess();
    error_ = new std::string(store_->Ingest("news.jsonl", SyntheticNews(9, 3, 515)));
    if (error_->empty() && !server_->Start(store_->db(), store_->Path("serve.log"))) {
      *error_ = server_->error();
    }
  }
  static void TearDownTestSuite() {
    delete server_;
    delete store_;
    delete error_;
  }
  void SetUp() override { ASSERT_TRUE(error_->empty()) << *error_; }
  static httplib::Result Get(const std::string& path) {
    return server_->Client().Get(path.c_str());
  }
  static json CliStories() { return CliJson("stories --format json --db " + store_->db()); }

  static TempStore* store_;
  static ServerProcess* server_;
  static std::string* error_;
};

TempStore* ServeSpecTest::store_ = nullptr;
ServerProcess* ServeSpecTest::server_ = nullptr;
std::string* ServeSpecTest::error_ = nullptr;

std::string Upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

TEST_F(ServeSpecTest, OpenApiDocumentNamesEveryRouteAndMethodAndNoOther) {
  auto res = Get("/api/openapi.json");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/json");
  const json doc = Body(res);
  ASSERT_TRUE(doc.is_object()) << res->body.substr(0, 200);
  EXPECT_EQ(doc["openapi"].get<std::string>().substr(0, 4), "3.1.");
  std::set<std::pair<std::string, std::string>> documented, served;
  for (const auto& [path, item] : doc["paths"].items()) {
    for (const auto& [method, operation] : item.items()) {
      documented.emplace(path, Upper(method));
      EXPECT_TRUE(operation.contains("responses")) << path << " " << method;
    }
  }
  for (const auto& route : serve::RouteTable()) {
    std::string methods = route.methods + ",";
    for (size_t at = 0; at < methods.size();) {
      const size_t comma = methods.find(',', at);
      const std::string method = methods.substr(at, comma - at);
      // HEAD is GET without the body (RFC 9110); OpenAPI leaves it implied.
      if (method != "HEAD") served.emplace(route.name, method);
      at = comma + 2;
    }
  }
  EXPECT_EQ(documented, served);
}

// Each documented GET answers on the live server (no 404 for the path, no
// 405), with ids filled in from the store.
TEST_F(ServeSpecTest, EveryDocumentedGetIsAnsweredLive) {
  const json doc = Body(Get("/api/openapi.json"));
  const json stories = CliStories();
  const std::string story = stories["stories"][0]["id"];
  const json report = Body(Get("/api/stories/" + story));
  const std::string article = report["sources"][0]["article_id"];
  for (const auto& [path, item] : doc["paths"].items()) {
    if (!item.contains("get") || path == "/api/events") continue;
    std::string url = path;
    auto fill = [&](const std::string& name, const std::string& value) {
      const size_t at = url.find(name);
      if (at != std::string::npos) url.replace(at, name.size(), value);
    };
    fill("{file}", "app.js");
    fill("{id}", path.find("article") != std::string::npos ? article : story);
    if (path == "/api/search") url += "?q=coverage";
    auto res = Get(url);
    ASSERT_TRUE(res) << url;
    EXPECT_EQ(res->status, 200) << url << ": " << res->body.substr(0, 200);
  }
}

// The stories the CLI lists, filtered here by the rule the API states.
std::set<std::string> Expected(const json& stories, const std::string& since,
                               const std::string& until, const std::string& outlet) {
  std::set<std::string> out;
  for (const auto& s : stories["stories"]) {
    if (s["first_seen"].is_null()) continue;
    const std::string first = s["first_seen"].get<std::string>().substr(0, 10);
    const std::string last = s["last_seen"].get<std::string>().substr(0, 10);
    if (!since.empty() && last < since) continue;
    if (!until.empty() && first > until) continue;
    if (!outlet.empty()) {
      bool has = false;
      for (const auto& o : s["outlets"]) has = has || o == outlet;
      if (!has) continue;
    }
    out.insert(s["id"].get<std::string>());
  }
  return out;
}

std::set<std::string> Ids(const json& body) {
  std::set<std::string> out;
  for (const auto& s : body["stories"]) out.insert(s["id"].get<std::string>());
  return out;
}

TEST_F(ServeSpecTest, ListFiltersKeepTheStoriesInTheirDaysAndOutlet) {
  const json stories = CliStories();
  // The synthetic events fall on several days of 2025 (synthetic_news.h).
  std::set<std::string> days;
  for (const auto& s : stories["stories"]) {
    days.insert(s["first_seen"].get<std::string>().substr(0, 10));
  }
  ASSERT_GE(days.size(), 3u);
  const std::string mid = *std::next(days.begin());
  struct Case {
    std::string since, until, outlet;
  };
  const std::vector<Case> cases = {
      {mid, "", ""},         {"", mid, ""},          {mid, mid, ""},        {"", "", "Outlet 1"},
      {mid, "", "Outlet 2"}, {"2030-01-01", "", ""}, {"", "1999-12-31", ""}};
  for (const Case& c : cases) {
    std::string url = "/api/stories?limit=100";
    if (!c.since.empty()) url += "&since=" + c.since;
    if (!c.until.empty()) url += "&until=" + c.until;
    if (!c.outlet.empty()) url += "&outlet=" + c.outlet.substr(0, 6) + "%20" + c.outlet.substr(7);
    auto res = Get(url);
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 200) << url << res->body;
    const json body = Body(res);
    const auto expected = Expected(stories, c.since, c.until, c.outlet);
    EXPECT_EQ(Ids(body), expected) << url;
    EXPECT_EQ(body["matching_stories"], expected.size()) << url;
    EXPECT_EQ(body["total_stories"], stories["total_stories"]);
  }
  // Outlet names are matched without regard to ASCII case.
  EXPECT_EQ(Ids(Body(Get("/api/stories?limit=100&outlet=oUTLET%201"))),
            Expected(stories, "", "", "Outlet 1"));
  // Paging walks the filtered list.
  std::set<std::string> paged;
  std::string cursor;
  for (int i = 0; i < 20; ++i) {
    const json body = Body(
        Get("/api/stories?limit=1&since=" + mid + (cursor.empty() ? "" : "&cursor=" + cursor)));
    for (const auto& id : Ids(body)) paged.insert(id);
    if (body["next_cursor"].is_null()) break;
    cursor = body["next_cursor"];
  }
  EXPECT_EQ(paged, Expected(stories, mid, "", ""));
}

TEST_F(ServeSpecTest, QueryFilterKeepsTheStoriesOfMatchingArticles) {
  const json stories = CliStories();
  // A story's headline begins with its event's place, a word of its own.
  const std::string headline = stories["stories"][0]["headline"];
  const std::string place = headline.substr(0, headline.find(' '));
  const json body = Body(Get("/api/stories?limit=100&q=" + place));
  EXPECT_EQ(Ids(body), std::set<std::string>{stories["stories"][0]["id"].get<std::string>()})
      << place;
  EXPECT_TRUE(Body(Get("/api/stories?q=zzqxnotaword"))["stories"].empty());
}

TEST_F(ServeSpecTest, BadFiltersAreRefused) {
  for (const std::string query :
       {"since=2025-13-01", "since=2025-02-30", "since=2025-1-01", "since=yesterday",
        "until=2025-01-01T10:00", "since=2025-03-01&until=2025-02-01", "since=a&since=b",
        "outlet=", "outlet=%FF", "q=", "q=-only", "q=a&q=b"}) {
    auto res = Get("/api/stories?" + query);
    ASSERT_TRUE(res) << query;
    EXPECT_EQ(res->status, 400) << query << ": " << res->body;
    EXPECT_EQ(Body(res)["error"], "bad_request") << query;
  }
}

}  // namespace
}  // namespace newsfuse
