// `newsfuse-serve` (what `newsfuse serve` runs): the store over HTTP
// (src/serve, docs/api.md).
#include <signal.h>

#include <charconv>
#include <cstdio>
#include <thread>

#include "cli/command.h"
#include "cli/plain_query.h"
#include "serve/server.h"
#include "store/store.h"

namespace newsfuse::cli {
namespace {

struct ServeArgs {
  StoreFlags store;
  std::string listen = "127.0.0.1:8080";
  std::string watch;
};

// The --db as the startup line shows it: a PostgreSQL URI's password hidden.
std::string Shown(const std::string& db) {
  if (!IsPostgresLocation(db)) return db;
  const size_t scheme = db.find("://") + 3;
  const size_t at = db.find('@', scheme);
  const size_t slash = db.find('/', scheme);
  if (at == std::string::npos || (slash != std::string::npos && slash < at)) return db;
  const size_t colon = db.find(':', scheme);
  if (colon == std::string::npos || colon > at) return db;
  return db.substr(0, colon + 1) + "***" + db.substr(at);
}

// "HOST:PORT" or "[IPv6]:PORT"; port 0 takes any free port.
Result<std::pair<std::string, int>> ParseListen(const std::string& text) {
  const Status bad = Status::Usage(
      "--listen takes HOST:PORT (e.g. 127.0.0.1:8080, [::1]:8080), not '" + text + "'");
  const size_t colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == text.size()) return bad;
  std::string host = text.substr(0, colon);
  if (host.front() == '[') {
    if (host.size() < 3 || host.back() != ']') return bad;
    host = host.substr(1, host.size() - 2);
  }
  int port = -1;
  const char* begin = text.data() + colon + 1;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(begin, end, port);
  if (ec != std::errc() || ptr != end || port < 0 || port > 65535) return bad;
  return std::make_pair(host, port);
}

int RunServe(const ServeArgs& args) {
  auto listen = ParseListen(args.listen);
  if (!listen.ok()) return Fail(listen.status());
  // SIGINT and SIGTERM are taken by one thread with sigwait, blocked in all
  // others (the server's workers inherit the mask): stopping the server is
  // not something a signal handler may do.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  // A client that hangs up mid-answer must not end the process.
  signal(SIGPIPE, SIG_IGN);

  serve::ServeOptions options;
  options.db_path = args.store.db;
  options.host = listen->first;
  options.port = listen->second;
  options.watch_dir = args.watch;
  options.plain_words_to_fts = [](std::string_view words) { return PlainWordsToFts(words); };
  auto server = serve::Server::Bind(std::move(options));
  if (!server.ok()) return Fail(server.status());
  const std::string& host = listen->first;
  const bool v6 = host.find(':') != std::string::npos;
  // One line on stdout, flushed, that scripts and tests wait for: the real
  // port when 0 was asked.
  std::printf("newsfuse: serving %s on http://%s%s%s:%d/\n", Shown(args.store.db).c_str(),
              v6 ? "[" : "", host.c_str(), v6 ? "]" : "", (*server)->port());
  std::fflush(stdout);

  std::thread stopper([&] {
    int signal_number = 0;
    sigwait(&stop_signals, &signal_number);
    (*server)->Stop();
  });
  const bool ran = (*server)->Run();
  // Run() also returns when the server fails; wake the stopper to end it.
  pthread_kill(stopper.native_handle(), SIGTERM);
  stopper.join();
  if (!ran) return Fail(Status::IoError(args.listen, "the server stopped on an error"));
  return 0;
}

}  // namespace

void AddServe(CLI::App& cmd, int& exit_code) {
  auto args = std::make_shared<ServeArgs>();
  cmd.add_option("--listen", args->listen, "HOST:PORT to listen on (port 0: any free port)")
      ->capture_default_str();
  cmd.add_option("--watch", args->watch,
                 "Folder whose new files are ingested as they arrive (as `ingest` reads a "
                 "folder)");
  args->store.Add(cmd);
  cmd.callback([args, &exit_code] { exit_code = RunServe(*args); });
}

}  // namespace newsfuse::cli
