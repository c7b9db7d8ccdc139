// Serve: `newsfuse serve`, the store over HTTP (issue 14): a JSON API and a
// small web page, for readers who follow stories in a browser.
//
// The server reads through read-only connections that each see every commit
// made before their read began (WAL), so `newsfuse ingest` may run beside it
// and its stories show up on the next request. It writes only for POST
// /api/articles, through one connection of its own and the pipeline the CLI
// ingests with (serve/ingester.h). The API is documented in docs/api.md and
// at /api/openapi.json.
//
// Nothing a client sends can stop the process: every handler turns a failure
// into a JSON error ({"error", "detail"}) with its 4xx/5xx status.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"

namespace newsfuse::serve {

struct ServeOptions {
  std::string db_path;
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port (Server::port() says which)
  // Turns what a reader types into an FTS5 query. The CLI passes its own
  // (cli/plain_query.h), so /api/search reads words as `newsfuse search` does.
  // Required.
  std::function<Result<std::string>(std::string_view)> plain_words_to_fts;
  // Largest request body accepted (413 beyond): one article posted.
  size_t max_body_bytes = 2 << 20;
  // A folder whose arriving files are ingested (serve/watcher.h); empty:
  // none. Each file's outcome, and each bad page with its file's name, is
  // logged on stderr and counted in /metrics.
  std::string watch_dir;
  // How often /api/events asks the store whether another process wrote.
  int events_poll_ms = 500;
};

class Server {
 public:
  // Opens the store, binds the socket and starts watching watch_dir (kUsage
  // when it is not a folder). kStoreError for a store that does
  // not exist (as the CLI's read commands: the first ingest creates it) or
  // cannot be opened, kIoError when the address cannot be bound, kUsage for
  // missing options.
  static Result<std::unique_ptr<Server>> Bind(ServeOptions options);
  ~Server();

  int port() const;
  // Answers requests until Stop(); false when the server failed to run.
  bool Run();
  // Safe from any thread; Run() returns once the requests in flight finish.
  void Stop();

 private:
  struct Impl;
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsfuse::serve
