// Starts the built `newsfuse serve` on a free loopback port for a test, and
// makes sure it never outlives it: stopped with SIGTERM (then SIGKILL) when
// the test ends, and killed by the kernel if the test process dies first.
#pragma once

#include <fcntl.h>
#include <httplib.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

namespace newsfuse::testing {

class ServerProcess {
 public:
  ServerProcess() = default;
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;
  ~ServerProcess() { Stop(); }

  // Waits up to 10 s for the line that names the port. False (with the
  // reason in error()) when the server did not start.
  // `extra` arguments (e.g. --watch DIR) follow the usual ones.
  bool Start(const std::string& db, const std::string& log_path,
             const std::vector<std::string>& extra = {}) {
    std::vector<std::string> args = {NEWSFUSE_CLI, "serve", "--db", db, "--listen", "127.0.0.1:0"};
    args.insert(args.end(), extra.begin(), extra.end());
    std::vector<char*> argv;
    for (std::string& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    int out[2];
    if (pipe(out) != 0) return Failed("pipe failed");
    const pid_t parent = getpid();
    pid_ = fork();
    if (pid_ < 0) return Failed("fork failed");
    if (pid_ == 0) {
      prctl(PR_SET_PDEATHSIG, SIGKILL);
      if (getppid() != parent) _exit(126);
      dup2(out[1], 1);
      int log = open(log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      if (log >= 0) dup2(log, 2);
      close(out[0]);
      execv(NEWSFUSE_CLI, argv.data());
      _exit(127);
    }
    close(out[1]);
    out_ = out[0];
    std::string line;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (line.find('\n') == std::string::npos) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) return Failed("no port line within 10 s");
      pollfd fd{out_, POLLIN, 0};
      if (poll(&fd, 1, static_cast<int>(left.count())) <= 0) continue;
      char buf[256];
      const ssize_t n = read(out_, buf, sizeof buf);
      if (n <= 0) return Failed("server exited before listening: " + line);
      line.append(buf, static_cast<size_t>(n));
    }
    const size_t colon = line.rfind(':');
    port_ = colon == std::string::npos ? 0 : std::atoi(line.c_str() + colon + 1);
    if (port_ <= 0) return Failed("no port in '" + line + "'");
    return true;
  }

  bool Alive() const { return pid_ > 0 && waitpid(pid_, nullptr, WNOHANG) == 0; }

  // Exit code after SIGTERM (-1 when it had to be killed).
  int Stop() {
    if (pid_ <= 0) return -1;
    kill(pid_, SIGTERM);
    int status = 0;
    int code = -1;
    for (int i = 0; i < 100; ++i) {
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        pid_ = 0;
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
      pid_ = 0;
    }
    if (out_ >= 0) close(out_);
    out_ = -1;
    return code;
  }

  int port() const { return port_; }
  const std::string& error() const { return error_; }

  httplib::Client Client() const {
    httplib::Client client("127.0.0.1", port_);
    client.set_connection_timeout(5, 0);
    client.set_read_timeout(20, 0);
    client.set_write_timeout(5, 0);
    client.set_url_encode(false);  // tests send paths exactly as written
    return client;
  }

 private:
  bool Failed(std::string why) {
    error_ = std::move(why);
    return false;
  }

  pid_t pid_ = 0;
  int out_ = -1;
  int port_ = 0;
  std::string error_;
};

}  // namespace newsfuse::testing
