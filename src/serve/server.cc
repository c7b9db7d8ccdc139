#include "serve/server.h"

#include <httplib.h>
#include <sched.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <vector>

#include "serve/api.h"
#include "serve/events.h"
#include "serve/fifo_gate.h"
#include "serve/ingester.h"
#include "serve/metrics.h"
#include "serve/report_cache.h"
#include "serve/routes.h"
#include "serve/store_pool.h"
#include "serve/watcher.h"
#include "serve/web_assets.h"
#include "store/store.h"

namespace newsfuse::serve {
namespace {

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
  if (reply.shared_body) {
    // Sent from the cached bytes, no copy; a body given by a provider of known
    // length is also one the library does not compress again.
    std::shared_ptr<const std::string> body = reply.shared_body;
    res.set_content_provider(body->size(), reply.content_type,
                             [body](size_t offset, size_t length, httplib::DataSink& sink) {
                               return sink.write(body->data() + offset, length);
                             });
    return;
  }
  res.set_content(reply.body, reply.content_type);
}

std::string RandomSalt() {
  std::random_device device;
  return std::to_string(device()) + "-" + std::to_string(device());
}

bool Allows(const RouteInfo& route, const std::string& method) {
  return (", " + route.methods + ",").find(", " + method + ",") != std::string::npos;
}

std::string IngestMetrics(const Ingester& ingester) {
  auto line = [](const char* outcome, uint64_t n) {
    return std::string("newsfuse_ingest_articles_total{outcome=\"") + outcome + "\"} " +
           std::to_string(n) + "\n";
  };
  return "# HELP newsfuse_ingest_articles_total Articles posted to /api/articles, by outcome.\n"
         "# TYPE newsfuse_ingest_articles_total counter\n" +
         line("new", ingester.ingested()) + line("duplicate", ingester.duplicates()) +
         line("refused", ingester.refused());
}

// Workers answer one connection each at a time, for as long as the client
// keeps it alive: with fewer workers than clients, the rest wait for a
// connection to close (at 64 wrk connections and 32 workers, p99 of a 304
// was 1.3 s; at 96 workers, 34 ms). Event streams take at most a quarter.
constexpr size_t kWorkers = 96;
constexpr size_t kMaxEventStreams = kWorkers / 4;
// How often an idle event stream sends a comment: a client (or a proxy)
// learns the connection lives, and the server learns when it does not.
constexpr std::chrono::seconds kKeepAlive{15};

// "Last-Event-ID: 12" when a client reconnects; nullopt when absent or not
// a number this server could have given.
std::optional<uint64_t> LastEventId(const httplib::Request& req) {
  const std::string text = req.get_header_value("Last-Event-ID");
  if (text.empty() || text.size() > 19) return std::nullopt;
  uint64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<uint64_t>(c - '0');
  }
  return value;
}

// The library listens with an accept queue of 5 connections. Clients that
// connect at once beyond it (wrk's 64 connections at its start) have the
// last step of their handshake dropped and retried by the kernel 1, 3, 7 s
// later while their first request waits (TcpExtListenOverflows counted
// 170-360 in each 8 s run of 64 connections). Listening again on the bound
// socket only changes the queue's length.
void WidenAcceptQueue(socket_t sock) {
  if (sock != INVALID_SOCKET) ::listen(sock, SOMAXCONN);
}

// Handlers that may run at once: two per core the server may use, so one
// can read the store while another computes.
size_t HandlerSlots() {
  cpu_set_t cpus;
  CPU_ZERO(&cpus);
  const int n = sched_getaffinity(0, sizeof cpus, &cpus) == 0 ? CPU_COUNT(&cpus) : 1;
  return 2 * static_cast<size_t>(n > 0 ? n : 1);
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
        etags(1 << 16),
        digests(1 << 16),
        api{pool, cache, etags, digests, RandomSalt(), options.plain_words_to_fts},
        ingester(options.db_path),
        events(options.db_path, api.salt, std::chrono::milliseconds(options.events_poll_ms)),
        gate(HandlerSlots()) {}

  void Install();
  // One arrival in the watched folder: ingested, logged, counted; nothing
  // in the file can stop the watching.
  void IngestArrival(const std::string& path);
  std::string WatchMetrics() const;
  void StreamEvents(const httplib::Request& req, httplib::Response& res);
  // Counted before the answer is sent, so a client that has its answer
  // finds it in the next /metrics.
  void Count(const httplib::Request& req, int status);

  ServeOptions options;
  StorePool pool;
  ReportCache cache;
  EtagMemo etags;
  DigestMemo digests;
  ApiContext api;
  Ingester ingester;
  // Before `http`, so it outlives the worker threads that wait on it.
  EventHub events;
  // Every handler but the event stream's (which waits for changes) runs
  // inside it.
  FifoGate gate;
  Metrics metrics;
  httplib::Server http;
  int port = 0;
  // The listening socket, kept to widen its accept queue after bind.
  std::atomic<socket_t> listen_socket{INVALID_SOCKET};
  std::atomic<uint64_t> watch_ok{0}, watch_bad{0}, watch_failed{0};
  // Last: stopped first, so its thread never sees the rest half destroyed.
  std::unique_ptr<DirWatcher> watcher;
};

void Server::Impl::IngestArrival(const std::string& path) {
  try {
    auto outcome = ingester.IngestPath(path);
    if (!outcome.ok()) {
      ++watch_failed;
      std::fprintf(stderr, "newsfuse: watch: %s: not ingested: %s\n", path.c_str(),
                   outcome.status().ToString().c_str());
      return;
    }
    const IngestSummary& sum = outcome->summary;
    for (const Status& error : outcome->errors) {
      std::fprintf(stderr, "newsfuse: watch: %s\n", error.ToString().c_str());
    }
    const bool bad = sum.failed > 0 || (sum.pages == 0 && !outcome->errors.empty());
    ++(bad ? watch_bad : watch_ok);
    std::fprintf(stderr, "newsfuse: watch: %s: %lld new, %lld duplicate, %lld failed\n",
                 path.c_str(), static_cast<long long>(sum.ingested),
                 static_cast<long long>(sum.duplicates), static_cast<long long>(sum.failed));
    if (sum.ingested > 0) events.Poke();
  } catch (const std::exception& e) {
    ++watch_failed;
    std::fprintf(stderr, "newsfuse: watch: %s: not ingested: %s\n", path.c_str(), e.what());
  }
}

std::string Server::Impl::WatchMetrics() const {
  if (!watcher) return "";
  auto line = [](const char* outcome, uint64_t n) {
    return std::string("newsfuse_watch_files_total{outcome=\"") + outcome + "\"} " +
           std::to_string(n) + "\n";
  };
  return "# HELP newsfuse_watch_files_total Files ingested from the --watch folder, by outcome "
         "(with_errors: some pages were bad; failed: not read at all).\n"
         "# TYPE newsfuse_watch_files_total counter\n" +
         line("ok", watch_ok) + line("with_errors", watch_bad) + line("failed", watch_failed);
}

void Server::Impl::Install() {
  http.set_payload_max_length(options.max_body_bytes);
  http.set_read_timeout(5, 0);
  http.set_write_timeout(5, 0);
  http.set_keep_alive_max_count(1000);
  // The library sends a response's head and its body in two writes; with
  // Nagle's algorithm the body can wait in the kernel for the client's
  // (delayed) acknowledgement of the head.
  http.set_tcp_nodelay(true);
  // A worker thread serves one connection at a time, and an event stream
  // holds its connection open: more workers than event streams allowed.
  http.new_task_queue = [] { return new httplib::ThreadPool(kWorkers); };
  http.set_default_headers({{"X-Content-Type-Options", "nosniff"}});
  // The library's default also sets SO_REUSEPORT, which lets a second server
  // share a port that is in use instead of failing to start.
  http.set_socket_options([this](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    listen_socket = sock;
  });

  // Every handler runs inside this: an exception from anywhere below becomes
  // a 500 with a JSON body instead of ending the process.
  auto handle = [this](auto&& fn) {
    return [this, fn](const httplib::Request& req, httplib::Response& res) {
      {
        FifoGate::Pass pass = gate.Enter();
        try {
          Send(fn(req), res);
        } catch (const std::exception& e) {
          Send(ErrorReply(500, "internal", e.what()), res);
        } catch (...) {
          Send(ErrorReply(500, "internal", "unexpected failure"), res);
        }
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
                 std::to_string(cache.misses()) + "\n" + IngestMetrics(ingester) + WatchMetrics());
             return reply;
           }));
  http.Get("/api/stories", handle([this](const httplib::Request& req) {
             return ListStoriesReply(api, req.params);
           }));
  http.Get(R"(/api/stories/([^/]+))", handle([this, first_match](const httplib::Request& req) {
             return StoryReply(api, first_match(req), req.get_header_value("If-None-Match"),
                               StoryFormat::kJson, req.get_header_value("Accept-Encoding"));
           }));
  http.Get(R"(/api/articles/([^/]+))", handle([this, first_match](const httplib::Request& req) {
             return ArticleReply(api, first_match(req));
           }));
  http.Post("/api/articles", handle([this](const httplib::Request& req) {
              PostRequest post;
              post.content_type = req.get_header_value("Content-Type");
              post.body = req.body;
              auto url = OneParam(req.params, "url");
              auto outlet = OneParam(req.params, "outlet");
              if (!url.ok() || !outlet.ok()) {
                return StatusReply(!url.ok() ? url.status() : outlet.status());
              }
              post.url = *url ? &**url : nullptr;
              post.outlet = *outlet ? &**outlet : nullptr;
              Reply reply = ingester.Post(post);
              // Clients following /api/events hear of it now, not at the next poll.
              if (reply.status == 200 || reply.status == 201) events.Poke();
              return reply;
            }));
  http.Get("/api/events", [this](const httplib::Request& req, httplib::Response& res) {
    StreamEvents(req, res);
    Count(req, res.status);
  });
  http.Get("/api/search",
           handle([this](const httplib::Request& req) { return SearchReply(api, req.params); }));
  http.Get(R"(/stories/([^/]+))", handle([this, first_match](const httplib::Request& req) {
             Reply reply = StoryReply(api, first_match(req), req.get_header_value("If-None-Match"),
                                      StoryFormat::kHtml, req.get_header_value("Accept-Encoding"));
             // Inline CSS and SVG; one script, and its one event stream.
             reply.headers.emplace_back("Content-Security-Policy",
                                        StoryPageCsp(req.get_header_value("Host")));
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
  http.Get("/api/openapi.json", handle([](const httplib::Request& req) {
             auto found = FindWebAsset(req.path);
             Reply reply;
             reply.body = std::string(found->body);
             reply.content_type = std::string(found->content_type);
             return reply;
           }));
  // Browsers ask for it on every page (the story report too); "no icon"
  // rather than a 404 each time, which they log as an error.
  http.Get("/favicon.ico",
           [](const httplib::Request&, httplib::Response& res) { res.status = 204; });
  http.Get("/", asset);
  http.Get(R"(/assets/[^/]+)", asset);

  http.set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
    t_started = std::chrono::steady_clock::now();
    return httplib::Server::HandlerResponse::Unhandled;
  });
  // Errors the library answers itself (no route, a body too large, a request
  // it cannot parse) get the API's JSON body; a known path asked with
  // another method is 405, not 404.
  http.set_error_handler(httplib::Server::HandlerWithResponse(
      [this](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        // A request that reached routing (t_started is set only then) and
        // found no handler for its method: the library says 400 or 404.
        const bool routed = t_started.has_value();
        if (routed && (res.status == 400 || res.status == 404)) {
          const RouteInfo* route = RouteOf(req.path);
          if (route && !Allows(*route, req.method)) {
            res.status = 405;
            res.set_header("Allow", route->methods);
            res.set_content(
                ErrorBody("method_not_allowed", req.path + " answers " + route->methods + " only"),
                "application/json");
            Count(req, res.status);
            return httplib::Server::HandlerResponse::Handled;
          }
          if (res.status == 400 && !route && req.method != "GET" && req.method != "HEAD") {
            res.status = 404;
          }
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

void Server::Impl::StreamEvents(const httplib::Request& req, httplib::Response& res) {
  if (!events.TryJoin(kMaxEventStreams)) {
    Reply busy = ErrorReply(
        503, "unavailable",
        "too many event streams open (" + std::to_string(kMaxEventStreams) + "); try again later");
    busy.headers.emplace_back("Retry-After", "10");
    Send(busy, res);
    return;
  }
  res.set_header("Cache-Control", "no-cache");
  // Tells a buffering proxy (nginx) to pass events on as they come.
  res.set_header("X-Accel-Buffering", "no");
  if (req.method == "HEAD") {
    events.Leave();
    res.set_content("", "text/event-stream");
    return;
  }
  struct Stream {
    uint64_t after;
    bool greeted = false;
  };
  auto stream = std::make_shared<Stream>(Stream{LastEventId(req).value_or(events.last_id())});
  res.set_chunked_content_provider(
      "text/event-stream",
      [this, stream](size_t, httplib::DataSink& sink) {
        std::string out;
        if (!stream->greeted) {
          // How long a browser waits before it reconnects, and a first line
          // so a client knows the stream is open before any story changes.
          out = "retry: 2000\n: newsfuse story events\n\n";
          stream->greeted = true;
          return sink.write(out.data(), out.size());
        }
        EventHub::Batch batch = events.After(stream->after, kKeepAlive);
        if (batch.gap) {
          // Missed events are gone: the client reads the list again.
          stream->after = events.last_id();
          out = "id: " + std::to_string(stream->after) + "\nevent: reset\ndata: {}\n\n";
        }
        for (const StoryEvent& event : batch.events) {
          out += "id: " + std::to_string(event.id) + "\nevent: " + event.type +
                 "\ndata: " + event.data + "\n\n";
          stream->after = event.id;
        }
        if (out.empty() && !batch.closed) out = ": keep-alive\n\n";
        if (!out.empty() && !sink.write(out.data(), out.size())) return false;
        if (batch.closed) sink.done();
        return true;
      },
      [this](bool) { events.Leave(); });
}

void Server::Impl::Count(const httplib::Request& req, int status) {
  double seconds = -1;
  if (t_started) {
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - *t_started).count();
    t_started.reset();
  }
  const RouteInfo* route = RouteOf(req.path);
  metrics.Observe(route ? route->name : "unmatched", MethodLabel(req.method), status, seconds);
}

Result<std::unique_ptr<Server>> Server::Bind(ServeOptions options) {
  if (options.db_path.empty()) return Status::Usage("serve needs a database path");
  if (!options.plain_words_to_fts) return Status::Usage("serve needs a query translator");
  if (options.port < 0 || options.port > 65535) {
    return Status::Usage("port must be from 0 to 65535");
  }
  // As the CLI's read commands: a mistyped path must not become a new empty
  // store that the first POST then fills beside the real one.
  // (A PostgreSQL store is checked by the read-only open below, which
  // refuses a schema without one.)
  std::error_code ec;
  if (!IsPostgresLocation(options.db_path) && !std::filesystem::exists(options.db_path, ec) &&
      !ec) {
    return Status::StoreError("no database at " + options.db_path +
                              " (create one with `newsfuse ingest`)");
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
  if (impl->port > 0) WidenAcceptQueue(impl->listen_socket);
  if (impl->port <= 0) {
    return Status::IoError(host + ":" + std::to_string(impl->options.port),
                           "cannot listen there (address in use, or not an address of this "
                           "machine)");
  }
  if (!impl->options.watch_dir.empty()) {
    Impl* raw = impl.get();
    auto watcher = DirWatcher::Start(
        impl->options.watch_dir, [raw](const std::string& path) { raw->IngestArrival(path); },
        [](const std::string& line) { std::fprintf(stderr, "newsfuse: %s\n", line.c_str()); });
    if (!watcher.ok()) return watcher.status();
    impl->watcher = std::move(watcher).value();
  }
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::~Server() = default;

int Server::port() const { return impl_->port; }
bool Server::Run() { return impl_->http.listen_after_bind(); }
void Server::Stop() {
  // Event streams end first: the library waits for every worker.
  impl_->events.Close();
  impl_->http.stop();
}

}  // namespace newsfuse::serve
