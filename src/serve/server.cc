#include "serve/server.h"

#include <httplib.h>

#include <chrono>
#include <filesystem>
#include <random>
#include <regex>
#include <vector>

#include "serve/api.h"
#include "serve/metrics.h"
#include "serve/report_cache.h"
#include "serve/store_pool.h"
#include "serve/web_assets.h"

namespace newsfuse::serve {
namespace {

// Every path the server answers, for the 404/405 choice and metric labels.
struct Route {
  const char* name;
  std::regex pattern;
};

const std::vector<Route>& Routes() {
  static const std::vector<Route> routes = {
      {"/", std::regex("/")},
      {"/assets/{file}", std::regex("/assets/[^/]+")},
      {"/stories/{id}", std::regex("/stories/[^/]+")},
      {"/api/stories", std::regex("/api/stories")},
      {"/api/stories/{id}", std::regex("/api/stories/[^/]+")},
      {"/api/articles/{id}", std::regex("/api/articles/[^/]+")},
      {"/api/search", std::regex("/api/search")},
      {"/healthz", std::regex("/healthz")},
      {"/metrics", std::regex("/metrics")},
  };
  return routes;
}

const char* RouteOf(const std::string& path) {
  for (const Route& route : Routes()) {
    if (std::regex_match(path, route.pattern)) return route.name;
  }
  return nullptr;
}

// The HTTP parser keeps whatever word began a request it then refused; only
// the methods it accepts become label values.
std::string MethodLabel(const std::string& method) {
  static const char* kKnown[] = {"GET",     "HEAD",    "POST",  "PUT",  "DELETE",
                                 "CONNECT", "OPTIONS", "TRACE", "PATCH"};
  for (const char* known : kKnown) {
    if (method == known) return method;
  }
  return "other";
}

// For the statuses the HTTP library sets by itself (it gives no reason text).
std::string LibraryErrorDetail(const httplib::Request& req, int status, size_t max_body) {
  switch (status) {
    case 404:
      return "no such path: " + req.path;
    case 413:
      return "request body is over " + std::to_string(max_body) + " bytes";
    case 414:
      return "request target is too long";
    case 416:
      return "requested range cannot be served";
    case 400:
      return "request could not be read as HTTP/1.x";
    default:
      return "request failed with HTTP status " + std::to_string(status);
  }
}

void Send(const Reply& reply, httplib::Response& res) {
  res.status = reply.status;
  for (const auto& [name, value] : reply.headers) res.set_header(name, value);
  if (reply.status == 304) return;
  res.set_content(reply.body, reply.content_type);
}

std::string RandomSalt() {
  std::random_device device;
  return std::to_string(device()) + "-" + std::to_string(device());
}

// When routing of the current request began, per worker thread: the HTTP
// library takes a request from parsing to its answer on one thread.
thread_local std::optional<std::chrono::steady_clock::time_point> t_started;

}  // namespace

struct Server::Impl {
  explicit Impl(ServeOptions opts)
      : options(std::move(opts)),
        pool(options.db_path),
        cache(64 << 20),
        api{pool, cache, RandomSalt(), options.plain_words_to_fts} {}

  void Install();
  // Counted before the answer is sent, so a client that has its answer
  // finds it in the next /metrics.
  void Count(const httplib::Request& req, int status);

  ServeOptions options;
  StorePool pool;
  ReportCache cache;
  ApiContext api;
  Metrics metrics;
  httplib::Server http;
  int port = 0;
};

void Server::Impl::Install() {
  http.set_payload_max_length(options.max_body_bytes);
  http.set_read_timeout(5, 0);
  http.set_write_timeout(5, 0);
  http.set_keep_alive_max_count(1000);
  http.set_default_headers({{"X-Content-Type-Options", "nosniff"}});
  // The library's default also sets SO_REUSEPORT, which lets a second server
  // share a port that is in use instead of failing to start.
  http.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });

  // Every handler runs inside this: an exception from anywhere below becomes
  // a 500 with a JSON body instead of ending the process.
  auto handle = [this](auto&& fn) {
    return [this, fn](const httplib::Request& req, httplib::Response& res) {
      try {
        Send(fn(req), res);
      } catch (const std::exception& e) {
        Send(ErrorReply(500, "internal", e.what()), res);
      } catch (...) {
        Send(ErrorReply(500, "internal", "unexpected failure"), res);
      }
      Count(req, res.status);
    };
  };
  auto first_match = [](const httplib::Request& req) { return req.matches[1].str(); };

  http.Get("/healthz", handle([this](const httplib::Request&) { return HealthReply(api); }));
  http.Get("/metrics", handle([this](const httplib::Request&) {
             Reply reply;
             reply.content_type = "text/plain; version=0.0.4; charset=utf-8";
             reply.body = metrics.Render(
                 "# HELP newsfuse_report_cache_hits_total Story reads answered from memory.\n"
                 "# TYPE newsfuse_report_cache_hits_total counter\n"
                 "newsfuse_report_cache_hits_total " +
                 std::to_string(cache.hits()) +
                 "\n"
                 "# HELP newsfuse_report_cache_misses_total Story reads that fused the story.\n"
                 "# TYPE newsfuse_report_cache_misses_total counter\n"
                 "newsfuse_report_cache_misses_total " +
                 std::to_string(cache.misses()) + "\n");
             return reply;
           }));
  http.Get("/api/stories", handle([this](const httplib::Request& req) {
             return ListStoriesReply(api, req.params);
           }));
  http.Get(R"(/api/stories/([^/]+))", handle([this, first_match](const httplib::Request& req) {
             return StoryReply(api, first_match(req), req.get_header_value("If-None-Match"),
                               StoryFormat::kJson);
           }));
  http.Get(R"(/api/articles/([^/]+))", handle([this, first_match](const httplib::Request& req) {
             return ArticleReply(api, first_match(req));
           }));
  http.Get("/api/search",
           handle([this](const httplib::Request& req) { return SearchReply(api, req.params); }));
  http.Get(R"(/stories/([^/]+))", handle([this, first_match](const httplib::Request& req) {
             Reply reply = StoryReply(api, first_match(req), req.get_header_value("If-None-Match"),
                                      StoryFormat::kHtml);
             // The report page has inline CSS and SVG and runs no script.
             reply.headers.emplace_back("Content-Security-Policy",
                                        "default-src 'none'; style-src 'unsafe-inline'; "
                                        "img-src data:; base-uri 'none'; form-action 'none'");
             return reply;
           }));
  auto asset = handle([](const httplib::Request& req) {
    Reply reply;
    auto found = FindWebAsset(req.path);
    if (!found) return ErrorReply(404, "not_found", "no such file");
    reply.content_type = std::string(found->content_type);
    reply.body = std::string(found->body);
    reply.headers.emplace_back("Content-Security-Policy",
                               "default-src 'none'; script-src 'self'; style-src 'self'; "
                               "connect-src 'self'; base-uri 'none'; form-action 'self'");
    return reply;
  });
  http.Get("/", asset);
  http.Get(R"(/assets/[^/]+)", asset);

  http.set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
    t_started = std::chrono::steady_clock::now();
    return httplib::Server::HandlerResponse::Unhandled;
  });
  // Errors the library answers itself (no route, a body too large, a request
  // it cannot parse) get the API's JSON body; a known path asked with
  // another method is 405, not 404.
  http.set_error_handler(httplib::Server::HandlerWithResponse([this](const httplib::Request& req,
                                                                     httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    // A request that reached routing (t_started is set only then) and
    // found no handler for its method: the library says 400 or 404.
    const bool routed = t_started.has_value();
    if (routed && (res.status == 400 || res.status == 404) && req.method != "GET" &&
        req.method != "HEAD") {
      if (RouteOf(req.path)) {
        res.status = 405;
        res.set_header("Allow", "GET, HEAD");
        res.set_content(ErrorBody("method_not_allowed", req.path + " answers GET and HEAD only"),
                        "application/json");
        Count(req, res.status);
        return httplib::Server::HandlerResponse::Handled;
      }
      res.status = 404;
    }
    res.set_content(ErrorBody(ErrorCodeFor(res.status),
                              LibraryErrorDetail(req, res.status, options.max_body_bytes)),
                    "application/json");
    Count(req, res.status);
    return httplib::Server::HandlerResponse::Handled;
  }));
  http.set_exception_handler(
      [this](const httplib::Request& req, httplib::Response& res, std::exception_ptr) {
        res.status = 500;
        res.set_content(ErrorBody("internal", "unexpected failure"), "application/json");
        Count(req, res.status);
      });
}

void Server::Impl::Count(const httplib::Request& req, int status) {
  double seconds = -1;
  if (t_started) {
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - *t_started).count();
    t_started.reset();
  }
  const char* route = RouteOf(req.path);
  metrics.Observe(route ? route : "unmatched", MethodLabel(req.method), status, seconds);
}

Result<std::unique_ptr<Server>> Server::Bind(ServeOptions options) {
  if (options.db_path.empty()) return Status::Usage("serve needs a database path");
  if (!options.plain_words_to_fts) return Status::Usage("serve needs a query translator");
  if (options.port < 0 || options.port > 65535) {
    return Status::Usage("port must be from 0 to 65535");
  }
  // A server may start before the first ingest: it makes the empty store the
  // CLI would, then only reads it.
  std::error_code ec;
  if (!std::filesystem::exists(options.db_path, ec)) {
    auto created = OpenSqliteStore(options.db_path);
    if (!created.ok()) return created.status();
  }
  auto impl = std::make_unique<Impl>(std::move(options));
  {
    auto check = impl->pool.Acquire();
    if (!check.ok()) return check.status();
  }
  impl->Install();
  const std::string& host = impl->options.host;
  if (impl->options.port == 0) {
    impl->port = impl->http.bind_to_any_port(host);
  } else if (impl->http.bind_to_port(host, impl->options.port)) {
    impl->port = impl->options.port;
  } else {
    impl->port = -1;
  }
  if (impl->port <= 0) {
    return Status::IoError(host + ":" + std::to_string(impl->options.port),
                           "cannot listen there (address in use, or not an address of this "
                           "machine)");
  }
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::~Server() = default;

int Server::port() const { return impl_->port; }
bool Server::Run() { return impl_->http.listen_after_bind(); }
void Server::Stop() { impl_->http.stop(); }

}  // namespace newsfuse::serve
