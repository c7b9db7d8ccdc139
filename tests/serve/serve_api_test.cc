// The built `newsfuse serve` over real HTTP on a loopback port, against a
// store the CLI wrote: what it answers must be what the CLI says.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <thread>

#include "serve_fixture.h"

namespace newsfuse {
namespace {

using nlohmann::json;
using testing::CliJson;
using testing::CliRun;
using testing::RunCli;
using testing::ServerProcess;
using testing::SyntheticArticle;
using testing::SyntheticNews;
using testing::TempStore;

json Body(const httplib::Result& res) {
  return res ? json::parse(res->body, nullptr, /*allow_exceptions=*/false) : json();
}

// A store of five events, four reports each, and one server for the suite:
// these tests only read.
class ServeApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    store_ = new TempStore();
    news_ = new std::vector<SyntheticArticle>(SyntheticNews(5, 4, 1405));
    setup_error_ = new std::string(store_->Ingest("news.jsonl", *news_));
    server_ = new ServerProcess();
    if (setup_error_->empty() && !server_->Start(store_->db(), store_->Path("serve.log"))) {
      *setup_error_ = "server: " + server_->error();
    }
  }
  static void TearDownTestSuite() {
    delete server_;
    delete news_;
    delete setup_error_;
    delete store_;
  }
  void SetUp() override { ASSERT_TRUE(setup_error_->empty()) << *setup_error_; }

  static httplib::Result Get(const std::string& path, const httplib::Headers& headers = {}) {
    return server_->Client().Get(path.c_str(), headers);
  }
  static std::string Db() { return " --db " + store_->db(); }
  // The CLI's list of stories, the truth the API is checked against.
  static json CliStories() { return CliJson("stories --format json" + Db()); }

  static TempStore* store_;
  static std::vector<SyntheticArticle>* news_;
  static std::string* setup_error_;
  static ServerProcess* server_;
};

TempStore* ServeApiTest::store_ = nullptr;
std::vector<SyntheticArticle>* ServeApiTest::news_ = nullptr;
std::string* ServeApiTest::setup_error_ = nullptr;
ServerProcess* ServeApiTest::server_ = nullptr;

TEST_F(ServeApiTest, StoryListPagesNewestFirstThroughEveryStoryOnce) {
  const json cli = CliStories();
  ASSERT_TRUE(cli.is_object());
  std::set<std::string> cli_ids;
  for (const auto& story : cli["stories"]) cli_ids.insert(story["id"].get<std::string>());
  ASSERT_GE(cli_ids.size(), 3u) << "the test needs several stories to page through";

  std::vector<json> seen;
  std::string cursor;
  for (int page = 0; page < 50; ++page) {
    auto res = Get("/api/stories?limit=2" + (cursor.empty() ? "" : "&cursor=" + cursor));
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 200) << res->body;
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/json");
    const json body = Body(res);
    EXPECT_EQ(body["total_stories"], cli["total_stories"]);
    EXPECT_LE(body["stories"].size(), 2u);
    for (const auto& story : body["stories"]) seen.push_back(story);
    if (body["next_cursor"].is_null()) break;
    cursor = body["next_cursor"].get<std::string>();
  }
  std::set<std::string> ids;
  for (const auto& story : seen) ids.insert(story["id"].get<std::string>());
  EXPECT_EQ(ids.size(), seen.size()) << "a story came twice";
  EXPECT_EQ(ids, cli_ids);
  // Newest last_seen first; undated (null) ones last.
  for (size_t i = 1; i < seen.size(); ++i) {
    const json& a = seen[i - 1]["last_seen"];
    const json& b = seen[i]["last_seen"];
    if (a.is_null()) {
      EXPECT_TRUE(b.is_null());
    } else if (!b.is_null()) {
      EXPECT_GE(a.get<std::string>(), b.get<std::string>());
    }
  }
  // Each entry says what the CLI says of that story.
  for (const auto& story : seen) {
    for (const auto& truth : cli["stories"]) {
      if (truth["id"] != story["id"]) continue;
      EXPECT_EQ(story["articles"], truth["articles"]);
      EXPECT_EQ(story["headline"], truth["headline"]);
      EXPECT_EQ(story["outlets"], truth["outlets"]);
    }
  }
}

TEST_F(ServeApiTest, DefaultLimitIsTwenty) {
  auto res = Get("/api/stories");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  const json body = Body(res);
  EXPECT_EQ(body["stories"].size(), std::min<size_t>(20, body["total_stories"].get<size_t>()));
  EXPECT_TRUE(body["next_cursor"].is_null());
}

TEST_F(ServeApiTest, StoryIsTheReportTheCliPrintsWithAnEtag) {
  const json cli = CliStories();
  ASSERT_FALSE(cli["stories"].empty());
  for (const auto& story : cli["stories"]) {
    const std::string id = story["id"];
    auto res = Get("/api/stories/" + id);
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 200) << res->body;
    EXPECT_EQ(res->body, RunCli("story " + id + " --format json" + Db(), false).out);
    const std::string etag = res->get_header_value("ETag");
    ASSERT_GE(etag.size(), 3u);
    EXPECT_EQ(etag.front(), '"');
    EXPECT_EQ(etag.back(), '"');
    // The same story read again has the same version (and body).
    auto again = Get("/api/stories/" + id);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->get_header_value("ETag"), etag);
    EXPECT_EQ(again->body, res->body);
  }
}

TEST_F(ServeApiTest, ConditionalGetAnswers304OnlyForTheStorysOwnVersion) {
  const std::string id = CliStories()["stories"][0]["id"];
  auto first = Get("/api/stories/" + id);
  ASSERT_TRUE(first);
  const std::string etag = first->get_header_value("ETag");
  ASSERT_FALSE(etag.empty());
  for (const std::string& header : {etag, "W/" + etag, "\"nope\", " + etag, std::string("*")}) {
    auto res = Get("/api/stories/" + id, {{"If-None-Match", header}});
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 304) << header;
    EXPECT_TRUE(res->body.empty());
    EXPECT_EQ(res->get_header_value("ETag"), etag);
  }
  for (const std::string& header : {std::string("\"nope\""), etag.substr(1), std::string("")}) {
    auto res = Get("/api/stories/" + id, {{"If-None-Match", header}});
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200) << header;
    EXPECT_EQ(res->body, first->body);
  }
  // Another story's version is not this one's.
  const json stories = CliStories()["stories"];
  ASSERT_GE(stories.size(), 2u);
  auto other = Get("/api/stories/" + stories[1]["id"].get<std::string>());
  ASSERT_TRUE(other);
  EXPECT_NE(other->get_header_value("ETag"), etag);
  auto res = Get("/api/stories/" + id, {{"If-None-Match", other->get_header_value("ETag")}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
}

TEST_F(ServeApiTest, HeadAnswersLikeGetWithoutABody) {
  const std::string id = CliStories()["stories"][0]["id"];
  auto res = server_->Client().Head(("/api/stories/" + id).c_str());
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_TRUE(res->body.empty());
  EXPECT_FALSE(res->get_header_value("ETag").empty());
}

TEST_F(ServeApiTest, ArticleIsTheStoredOneWithItsStory) {
  const std::string id = CliStories()["stories"][0]["id"];
  const json report = Body(Get("/api/stories/" + id));
  ASSERT_FALSE(report["sources"].empty());
  for (const auto& source : report["sources"]) {
    auto res = Get("/api/articles/" + source["article_id"].get<std::string>());
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 200) << res->body;
    const json article = Body(res);
    EXPECT_EQ(article["id"], source["article_id"]);
    EXPECT_EQ(article["story_id"], id);
    EXPECT_EQ(article["title"], source["title"]);
    EXPECT_EQ(article["outlet"], source["outlet"]);
    EXPECT_FALSE(article["paragraphs"].empty());
  }
}

// The CLI's search lines: "<story>  <article id, 12>  <outlet> — <title>".
std::vector<std::string> CliSearchArticlePrefixes(const std::string& out) {
  std::vector<std::string> prefixes;
  std::istringstream lines(out);
  for (std::string line; std::getline(lines, line);) {
    if (line.empty() || line[0] == ' ') continue;
    std::istringstream words(line);
    std::string story, article;
    words >> story >> article;
    prefixes.push_back(article);
  }
  return prefixes;
}

TEST_F(ServeApiTest, SearchReadsPlainWordsAsTheCliDoes) {
  // The first word of a title is its event's place (synthetic_news.h).
  const std::string title = (*news_)[0].title;
  const std::string place = title.substr(0, title.find(' '));
  const std::string subject =
      title.substr(title.find(' ') + 1, title.find(' ', title.find(' ') + 1) - title.find(' ') - 1);
  for (const std::string& words : {place, place + " " + subject,
                                   "\"" + place + " " + subject + "\"", place + " -" + subject}) {
    std::string encoded;
    for (char c : words) {
      encoded += c == ' ' ? std::string("%20") : c == '"' ? std::string("%22") : std::string(1, c);
    }
    auto res = Get("/api/search?limit=10&q=" + encoded);
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 200) << words << ": " << res->body;
    const json body = Body(res);
    EXPECT_EQ(body["query"], words);
    std::vector<std::string> api;
    for (const auto& hit : body["hits"]) {
      api.push_back(hit["article_id"].get<std::string>().substr(0, 12));
      EXPECT_FALSE(hit["story_id"].is_null());
      EXPECT_NE(hit["snippet"].get<std::string>().find('['), std::string::npos);
      // The parts give the title and the snippet back, with the place marked.
      std::string title_text, snippet_text, marked;
      for (const auto& part : hit["title_parts"]) {
        title_text += part["text"].get<std::string>();
        if (part.value("match", false)) marked += part["text"].get<std::string>() + "|";
      }
      EXPECT_EQ(title_text, hit["title"]);
      if (hit["title"].get<std::string>().find(place) != std::string::npos) {
        EXPECT_NE(marked.find(place + "|"), std::string::npos) << marked;
      }
      bool snippet_marked = false;
      for (const auto& part : hit["snippet_parts"]) {
        snippet_text += part["text"].get<std::string>();
        snippet_marked = snippet_marked || part.value("match", false);
      }
      EXPECT_TRUE(snippet_marked);
      EXPECT_EQ(snippet_text.find('['), std::string::npos) << snippet_text;
    }
    std::string cli_words = words;
    const auto cli = RunCli("search -n 10" + Db() + " -- '" + cli_words + "'", false);
    EXPECT_EQ(api, CliSearchArticlePrefixes(cli.out)) << words;
    if (words == place) {
      EXPECT_FALSE(api.empty());
    }
  }
}

TEST_F(ServeApiTest, HealthCountsTheStoredArticles) {
  auto res = Get("/healthz");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  const json body = Body(res);
  EXPECT_EQ(body["status"], "ok");
  EXPECT_EQ(body["articles"], CliStories()["total_articles"]);
}

uint64_t Counter(const std::string& metrics, const std::string& series) {
  const size_t at = metrics.find(series + " ");
  return at == std::string::npos ? 0 : std::stoull(metrics.substr(at + series.size() + 1));
}

TEST_F(ServeApiTest, MetricsCountRequestsByRouteAndStatus) {
  const std::string ok =
      "newsfuse_http_requests_total{route=\"/api/stories\",method=\"GET\",code=\"200\"}";
  const std::string missing =
      "newsfuse_http_requests_total{route=\"unmatched\",method=\"GET\",code=\"404\"}";
  auto before = Get("/metrics");
  ASSERT_TRUE(before);
  ASSERT_EQ(before->status, 200);
  EXPECT_NE(before->get_header_value("Content-Type").find("text/plain"), std::string::npos);
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(Get("/api/stories?limit=1"));
  ASSERT_TRUE(Get("/no/such/thing"));
  auto after = Get("/metrics");
  ASSERT_TRUE(after);
  EXPECT_EQ(Counter(after->body, ok), Counter(before->body, ok) + 3);
  EXPECT_EQ(Counter(after->body, missing), Counter(before->body, missing) + 1);
  EXPECT_NE(after->body.find("# TYPE newsfuse_http_request_duration_seconds histogram"),
            std::string::npos);
  EXPECT_NE(
      after->body.find("newsfuse_http_request_duration_seconds_count{route=\"/api/stories\"}"),
      std::string::npos);
}

// Worker threads share pooled store connections: many readers at once get
// the same answers one reader gets.
TEST_F(ServeApiTest, ConcurrentReadersGetTheSameAnswers) {
  const std::string id = CliStories()["stories"][0]["id"];
  auto story = Get("/api/stories/" + id);
  auto list = Get("/api/stories?limit=3");
  ASSERT_TRUE(story && list);
  std::vector<std::thread> readers;
  std::vector<int> wrong(12, 0);
  for (size_t t = 0; t < wrong.size(); ++t) {
    readers.emplace_back([&, t] {
      httplib::Client client = server_->Client();
      for (int i = 0; i < 15; ++i) {
        auto a = client.Get(("/api/stories/" + id).c_str());
        auto b = client.Get("/api/stories?limit=3");
        if (!a || a->status != 200 || a->body != story->body) ++wrong[t];
        if (!b || b->status != 200 || b->body != list->body) ++wrong[t];
      }
    });
  }
  for (auto& reader : readers) reader.join();
  for (size_t t = 0; t < wrong.size(); ++t) EXPECT_EQ(wrong[t], 0) << "reader " << t;
  EXPECT_TRUE(server_->Alive());
}

struct BadRequest {
  std::string method, path;
  int status;
  std::string error;
};

TEST_F(ServeApiTest, EveryBadRequestGetsAJsonErrorAndTheServerStaysUp) {
  const std::string id = CliStories()["stories"][0]["id"];
  const std::vector<BadRequest> cases = {
      {"GET", "/api/stories/has%20space", 400, "bad_request"},
      {"GET", "/api/stories/" + std::string(201, 's'), 400, "bad_request"},
      {"GET", "/api/stories/%00", 400, "bad_request"},
      {"GET", "/api/stories/%C3%A9", 400, "bad_request"},
      {"GET", "/api/stories/snotastory", 404, "not_found"},
      {"GET", "/api/articles/..", 404, "not_found"},
      {"GET", "/api/articles/%2e%2e%2fetc", 404, "not_found"},
      {"GET", "/api/articles/00000000000000000000000000000000", 404, "not_found"},
      {"GET", "/api/articles/a%22b", 400, "bad_request"},
      {"GET", "/api/stories?limit=0", 400, "bad_request"},
      {"GET", "/api/stories?limit=-1", 400, "bad_request"},
      {"GET", "/api/stories?limit=abc", 400, "bad_request"},
      {"GET", "/api/stories?limit=101", 400, "bad_request"},
      {"GET", "/api/stories?limit=1e3", 400, "bad_request"},
      {"GET", "/api/stories?limit=99999999999999999999", 400, "bad_request"},
      {"GET", "/api/stories?limit=", 400, "bad_request"},
      {"GET", "/api/stories?limit=1&limit=2", 400, "bad_request"},
      {"GET", "/api/stories?cursor=zz", 400, "bad_request"},
      {"GET", "/api/stories?cursor=abc", 400, "bad_request"},
      {"GET", "/api/stories?cursor=73", 400, "bad_request"},
      {"GET", "/api/stories?cursor=", 400, "bad_request"},
      {"GET", "/api/search", 400, "bad_request"},
      {"GET", "/api/search?q=", 400, "bad_request"},
      {"GET", "/api/search?q=%20%20", 400, "bad_request"},
      {"GET", "/api/search?q=-only", 400, "bad_request"},
      {"GET", "/api/search?q=word&limit=0", 400, "bad_request"},
      {"GET", "/api/search?q=" + std::string(1001, 'w'), 400, "bad_request"},
      {"GET", "/nope", 404, "not_found"},
      {"GET", "/api", 404, "not_found"},
      {"GET", "/api/stories/", 404, "not_found"},
      {"GET", "/api/stories/" + id + "/more", 404, "not_found"},
      {"POST", "/api/stories", 405, "method_not_allowed"},
      {"PUT", "/api/stories/" + id, 405, "method_not_allowed"},
      {"DELETE", "/api/stories/" + id, 405, "method_not_allowed"},
      {"PATCH", "/api/search", 405, "method_not_allowed"},
      {"OPTIONS", "/healthz", 405, "method_not_allowed"},
      {"POST", "/nope", 404, "not_found"},
  };
  httplib::Client client = server_->Client();
  for (const BadRequest& c : cases) {
    httplib::Result res =
        c.method == "GET"      ? client.Get(c.path.c_str())
        : c.method == "POST"   ? client.Post(c.path.c_str(), "{}", "application/json")
        : c.method == "PUT"    ? client.Put(c.path.c_str(), "{}", "application/json")
        : c.method == "DELETE" ? client.Delete(c.path.c_str())
        : c.method == "PATCH"  ? client.Patch(c.path.c_str(), "{}", "application/json")
                               : client.Options(c.path.c_str());
    const std::string what = c.method + " " + c.path.substr(0, 80);
    ASSERT_TRUE(res) << what << ": no answer (" << httplib::to_string(res.error()) << ")";
    EXPECT_EQ(res->status, c.status) << what << ": " << res->body;
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/json") << what;
    const json body = Body(res);
    ASSERT_TRUE(body.is_object()) << what << ": " << res->body;
    EXPECT_EQ(body["error"], c.error) << what;
    ASSERT_TRUE(body["detail"].is_string()) << what;
    EXPECT_FALSE(body["detail"].get<std::string>().empty()) << what;
    if (c.status == 405) {
      EXPECT_EQ(res->get_header_value("Allow"), "GET, HEAD") << what;
    }
  }
  // A body over the limit is refused before it is read into memory.
  auto big = client.Post("/api/stories", std::string(3 << 20, 'x'), "application/json");
  ASSERT_TRUE(big);
  EXPECT_EQ(big->status, 413);
  EXPECT_EQ(Body(big)["error"], "payload_too_large");
  EXPECT_TRUE(server_->Alive());
  auto health = Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
}

TEST_F(ServeApiTest, WebPageIsServedFromTheBinaryWithNothingFromElsewhere) {
  auto page = Get("/");
  ASSERT_TRUE(page);
  ASSERT_EQ(page->status, 200);
  EXPECT_EQ(page->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(page->body.find("/assets/app.js"), std::string::npos);
  EXPECT_EQ(page->body.find("://"), std::string::npos)
      << "the page must load nothing from elsewhere";
  for (const auto& [path, type] : std::vector<std::pair<std::string, std::string>>{
           {"/assets/app.js", "text/javascript; charset=utf-8"},
           {"/assets/style.css", "text/css; charset=utf-8"}}) {
    auto res = Get(path);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200) << path;
    EXPECT_EQ(res->get_header_value("Content-Type"), type);
    EXPECT_FALSE(res->body.empty());
    // The SVG namespace is a name, not an address anything is loaded from.
    std::string body = res->body;
    const std::string svg_ns = "\"http://www.w3.org/2000/svg\"";
    for (size_t at = body.find(svg_ns); at != std::string::npos; at = body.find(svg_ns)) {
      body.erase(at, svg_ns.size());
    }
    EXPECT_EQ(body.find("://"), std::string::npos) << path;
  }
  auto missing = Get("/assets/nothing.js");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  // The story page is the CLI's HTML report, with a way back to the list.
  const json story = CliStories()["stories"][0];
  auto html = Get("/stories/" + story["id"].get<std::string>());
  ASSERT_TRUE(html);
  ASSERT_EQ(html->status, 200);
  EXPECT_EQ(html->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(html->body.find(story["headline"].get<std::string>()), std::string::npos);
  EXPECT_NE(html->body.find("href=\"/\""), std::string::npos);
  EXPECT_NE(html->get_header_value("Content-Security-Policy").find("default-src 'none'"),
            std::string::npos);
  EXPECT_FALSE(html->get_header_value("ETag").empty());
}

// Each listed story carries what the list draws beyond the store's row: its
// articles per day and its conflicts, the same as its report says.
TEST_F(ServeApiTest, ListedStoriesCarryCoverageDaysAndConflictsOfTheirReport) {
  const json list = Body(Get("/api/stories?limit=100"));
  ASSERT_TRUE(list.contains("stories")) << list.dump();
  ASSERT_FALSE(list["stories"].empty());
  for (const json& story : list["stories"]) {
    const std::string id = story["id"].get<std::string>();
    const json report = CliJson("story " + id + " --format json" + Db());
    ASSERT_TRUE(report.is_object()) << id;
    ASSERT_TRUE(story.contains("coverage")) << story.dump();
    const json& coverage = story["coverage"];
    int dated = 0;
    for (const json& n : coverage["articles_per_day"]) dated += n.get<int>();
    EXPECT_EQ(dated + coverage["undated_articles"].get<int>(),
              static_cast<int>(report["sources"].size()))
        << id;
    std::string first_day;
    for (const json& source : report["sources"]) {
      const std::string published = source.value("published", "");
      if (published.size() >= 10 && (first_day.empty() || published.substr(0, 10) < first_day)) {
        first_day = published.substr(0, 10);
      }
    }
    EXPECT_EQ(coverage["first_day"].is_null() ? "" : coverage["first_day"].get<std::string>(),
              first_day)
        << id;
    EXPECT_EQ(story["conflicts"].get<size_t>(), report["conflicts"].size()) << id;
    EXPECT_EQ(story["disputed"].get<bool>(), !report["conflicts"].empty()) << id;
  }
}

// The served story page runs one script, served from the binary, and the
// policy lets it load nothing else; the CLI's report (the offline export)
// stays a page without any script.
TEST_F(ServeApiTest, StoryPageRunsOnlyItsOwnScriptAndTheExportNone) {
  const std::string id = CliStories()["stories"][0]["id"].get<std::string>();
  auto html = Get("/stories/" + id);
  ASSERT_TRUE(html);
  ASSERT_EQ(html->status, 200);
  const std::string origin = "http://127.0.0.1:" + std::to_string(server_->port());
  const std::string csp = html->get_header_value("Content-Security-Policy");
  EXPECT_NE(csp.find("script-src " + origin + "/assets/story.js;"), std::string::npos) << csp;
  EXPECT_NE(csp.find("connect-src " + origin + "/api/events;"), std::string::npos) << csp;
  EXPECT_EQ(csp.find("unsafe-eval"), std::string::npos) << csp;
  const std::string& body = html->body;
  const size_t script = body.find("<script src=\"/assets/story.js\" defer></script>");
  ASSERT_NE(script, std::string::npos);
  EXPECT_LT(script, body.find("</head>"));
  EXPECT_EQ(body.find("<script", script + 1), std::string::npos) << "one script only";
  EXPECT_NE(body.find("<p id=story-status role=status></p>"), std::string::npos);

  auto js = Get("/assets/story.js");
  ASSERT_TRUE(js);
  EXPECT_EQ(js->status, 200);
  EXPECT_EQ(js->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_NE(js->body.find("new EventSource(\"/api/events\")"), std::string::npos);
  EXPECT_NE(js->body.find("This story was updated"), std::string::npos);
  EXPECT_EQ(js->body.find("://"), std::string::npos);

  CliRun offline = RunCli("story " + id + " --format html" + Db(), /*with_stderr=*/false);
  ASSERT_EQ(offline.exit_code, 0);
  EXPECT_NE(offline.out.find("</html>"), std::string::npos);
  EXPECT_EQ(offline.out.find("<script"), std::string::npos);
}

// A server and a CLI ingest on one store at once: what the CLI commits shows
// up on the server's next answer, and a changed story has a new version.
TEST(ServeLiveTest, CliIngestWhileServingShowsUpAndChangesTheStorysVersion) {
  TempStore store;
  const auto news = SyntheticNews(3, 6, 2026);
  std::vector<SyntheticArticle> first, later;
  int held_back = 0;
  for (const auto& a : news) {
    // Event 2 comes only later; so do two reports of event 0.
    if (a.event == 2 || (a.event == 0 && held_back < 2 && ++held_back)) {
      later.push_back(a);
    } else {
      first.push_back(a);
    }
  }
  ASSERT_EQ(store.Ingest("first.jsonl", first), "");
  ServerProcess server;
  ASSERT_TRUE(server.Start(store.db(), store.Path("serve.log"))) << server.error();
  httplib::Client client = server.Client();

  // The story of event 0: its headline starts with the event's place.
  const std::string place0 = [&] {
    for (const auto& a : news) {
      if (a.event == 0) return a.title.substr(0, a.title.find(' '));
    }
    return std::string();
  }();
  auto list_before = client.Get("/api/stories?limit=100");
  ASSERT_TRUE(list_before);
  const json before = Body(list_before);
  std::string story0;
  size_t articles0 = 0;
  for (const auto& s : before["stories"]) {
    if (s["headline"].get<std::string>().rfind(place0 + " ", 0) == 0) {
      ASSERT_TRUE(story0.empty()) << "event 0 was split into two stories";
      story0 = s["id"];
      articles0 = s["articles"];
    }
  }
  ASSERT_FALSE(story0.empty());
  auto report_before = client.Get(("/api/stories/" + story0).c_str());
  ASSERT_TRUE(report_before);
  const std::string etag_before = report_before->get_header_value("ETag");
  ASSERT_FALSE(etag_before.empty());

  ASSERT_EQ(store.Ingest("later.jsonl", later), "");  // while the server runs
  const json cli = CliJson("stories --format json --db " + store.db());
  ASSERT_TRUE(cli.is_object());
  size_t cli_articles0 = 0;
  std::set<std::string> cli_ids;
  for (const auto& s : cli["stories"]) {
    cli_ids.insert(s["id"].get<std::string>());
    if (s["id"] == story0) cli_articles0 = s["articles"];
  }
  ASSERT_EQ(cli_articles0, articles0 + 2) << "the CLI put event 0's later reports elsewhere";

  auto list_after = client.Get("/api/stories?limit=100");
  ASSERT_TRUE(list_after);
  const json after = Body(list_after);
  EXPECT_GT(after["total_stories"].get<size_t>(), before["total_stories"].get<size_t>());
  EXPECT_EQ(after["total_stories"], cli["total_stories"]);
  std::set<std::string> api_ids;
  for (const auto& s : after["stories"]) {
    api_ids.insert(s["id"].get<std::string>());
    if (s["id"] == story0) {
      EXPECT_EQ(s["articles"], cli_articles0);
    }
  }
  EXPECT_EQ(api_ids, cli_ids);

  // The version the client holds is stale: a full answer with a new one.
  auto report_after =
      client.Get(("/api/stories/" + story0).c_str(), {{"If-None-Match", etag_before}});
  ASSERT_TRUE(report_after);
  EXPECT_EQ(report_after->status, 200);
  EXPECT_NE(report_after->get_header_value("ETag"), etag_before);
  EXPECT_EQ(report_after->body,
            RunCli("story " + story0 + " --format json --db " + store.db(), false).out);
  EXPECT_EQ(Body(report_after)["sources"].size(), cli_articles0);
  EXPECT_EQ(server.Stop(), 0) << "SIGTERM ends the server cleanly";
}

TEST(ServeStartTest, AMissingStoreIsRefusedAsTheCliDoesAndABusyPortIsRefused) {
  TempStore store;
  const auto missing = RunCli("serve --db " + store.db() + " --listen 127.0.0.1:0");
  EXPECT_EQ(missing.exit_code, 3) << missing.out;
  EXPECT_NE(
      missing.out.find("no database at " + store.db() + " (create one with `newsfuse ingest`)"),
      std::string::npos)
      << missing.out;
  EXPECT_FALSE(std::filesystem::exists(store.db())) << "serve must not create the store";
  ASSERT_EQ(store.Ingest("news.jsonl", SyntheticNews(1, 2, 3)), "");
  ServerProcess server;
  ASSERT_TRUE(server.Start(store.db(), store.Path("serve.log"))) << server.error();
  auto list = server.Client().Get("/api/stories");
  ASSERT_TRUE(list);
  ASSERT_EQ(list->status, 200);
  EXPECT_EQ(Body(list)["total_stories"], 1);
  const auto taken =
      RunCli("serve --db " + store.db() + " --listen 127.0.0.1:" + std::to_string(server.port()));
  EXPECT_EQ(taken.exit_code, 2) << taken.out;
  EXPECT_NE(taken.out.find("cannot listen"), std::string::npos) << taken.out;
  for (const char* bad : {"nonsense", "127.0.0.1:", ":80", "127.0.0.1:70000", "[::1:80"}) {
    const auto run = RunCli("serve --db " + store.db() + " --listen '" + std::string(bad) + "'");
    EXPECT_EQ(run.exit_code, 1) << bad << ": " << run.out;
    EXPECT_NE(run.out.find("--listen takes HOST:PORT"), std::string::npos) << run.out;
  }
}

}  // namespace
}  // namespace newsfuse
