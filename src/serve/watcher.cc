#include "serve/watcher.h"

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <thread>
#include <unordered_map>
#include <vector>

namespace newsfuse::serve {
namespace {

namespace fs = std::filesystem;

std::string AsciiLower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Entries of `dir` in byte-wise name order, as `ingest` walks a folder.
std::vector<fs::path> Entries(const std::string& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    out.push_back(it->path());
  }
  std::sort(out.begin(), out.end(),
            [](const fs::path& a, const fs::path& b) { return a.native() < b.native(); });
  return out;
}

}  // namespace

bool IsWatchedName(std::string_view name) {
  if (name.empty() || name.front() == '.') return false;
  std::string lower = AsciiLower(name);
  if (lower.ends_with(".gz")) lower.resize(lower.size() - 3);
  static constexpr std::array<std::string_view, 8> kKnown = {
      ".txt", ".text", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson", ".warc"};
  return std::any_of(kKnown.begin(), kKnown.end(), [&](std::string_view ext) {
    return lower.size() > ext.size() && lower.ends_with(ext);
  });
}

struct DirWatcher::Impl {
  std::string dir;
  OnArrival on_arrival;
  OnNotice on_notice;
  int inotify_fd = -1;
  int stop_fd = -1;
  std::thread thread;
  // Listed when watching starts, before the thread runs: a file written
  // after Start returns arrives as an event only, so a caller that waits for
  // Start gets each file exactly once.
  std::vector<fs::path> present_at_start;
  // The size and modification time of each path when it was last offered.
  // The listing at start and a late close event can name the same finished
  // file; offering it again would ingest it twice and count it twice. A path
  // is forgotten when its file is deleted or moved out, so the map is no
  // larger than the folder and a file put back arrives again.
  struct Stamp {
    fs::file_time_type modified;
    std::uintmax_t size = 0;
    bool operator==(const Stamp&) const = default;
  };
  std::unordered_map<std::string, Stamp> offered;

  ~Impl() {
    if (thread.joinable()) {
      const uint64_t one = 1;
      // Wakes the poll below; the thread returns once its callback does.
      if (write(stop_fd, &one, sizeof one) != sizeof one) {
        // eventfd writes of 8 bytes do not fail short of overflow.
      }
      thread.join();
    }
    if (inotify_fd >= 0) close(inotify_fd);
    if (stop_fd >= 0) close(stop_fd);
  }

  // A file of a watched name, or a folder (read whole, as ingest does).
  void Offer(const fs::path& path, bool is_dir) {
    const std::string name = path.filename().string();
    if (name.empty() || name.front() == '.') return;
    if (!is_dir && !IsWatchedName(name)) return;
    std::error_code time_ec, size_ec;
    const Stamp stamp{fs::last_write_time(path, time_ec),
                      is_dir ? 0 : fs::file_size(path, size_ec)};
    if (time_ec || size_ec) return;  // gone again before it could be read
    auto [it, fresh] = offered.try_emplace(path.string(), stamp);
    if (!fresh) {
      if (it->second == stamp) return;
      it->second = stamp;
    }
    on_arrival(path.string());
  }

  void Offer(const std::vector<fs::path>& paths) {
    for (const fs::path& path : paths) {
      std::error_code ec;
      const bool is_dir = fs::is_directory(path, ec) && !fs::is_symlink(path, ec);
      if (is_dir || fs::is_regular_file(path, ec)) Offer(path, is_dir);
    }
  }

  void Rescan() { Offer(Entries(dir)); }

  void Run() {
    Offer(present_at_start);
    alignas(inotify_event) std::array<char, 64 * 1024> buf{};
    for (;;) {
      std::array<pollfd, 2> fds = {pollfd{inotify_fd, POLLIN, 0}, pollfd{stop_fd, POLLIN, 0}};
      if (poll(fds.data(), fds.size(), -1) < 0) {
        if (errno == EINTR) continue;
        on_notice("watch " + dir + ": poll failed (" + std::strerror(errno) + "); stopped");
        return;
      }
      if (fds[1].revents != 0) return;
      const ssize_t n = read(inotify_fd, buf.data(), buf.size());
      if (n <= 0) continue;
      for (ssize_t at = 0; at < n;) {
        const auto* event = reinterpret_cast<const inotify_event*>(buf.data() + at);
        at += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
        if (event->mask & IN_Q_OVERFLOW) {
          on_notice("watch " + dir +
                    ": events were lost (queue overflow); reading the folder again");
          Rescan();
          continue;
        }
        if (event->mask & (IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED)) {
          on_notice("watch " + dir + ": the folder was removed or moved; no longer watching");
          return;
        }
        if (event->len == 0) continue;
        const fs::path path = fs::path(dir) / event->name;
        if (event->mask & (IN_DELETE | IN_MOVED_FROM)) {
          offered.erase(path.string());
          continue;
        }
        Offer(path, (event->mask & IN_ISDIR) != 0);
      }
    }
  }
};

Result<std::unique_ptr<DirWatcher>> DirWatcher::Start(const std::string& dir, OnArrival on_arrival,
                                                      OnNotice on_notice) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status::Usage("--watch " + dir + ": not a folder");
  auto impl = std::make_unique<Impl>();
  impl->dir = dir;
  impl->on_arrival = std::move(on_arrival);
  impl->on_notice = std::move(on_notice);
  impl->inotify_fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  impl->stop_fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (impl->inotify_fd < 0 || impl->stop_fd < 0) {
    return Status::IoError(dir, std::string("cannot watch: ") + std::strerror(errno));
  }
  // Complete files only: closed after writing, or renamed in. A plain
  // IN_CREATE or IN_MODIFY would catch a file half written.
  // Deletions and moves out only forget a path (see `offered`).
  const uint32_t mask = IN_CLOSE_WRITE | IN_MOVED_TO | IN_DELETE | IN_MOVED_FROM | IN_DELETE_SELF |
                        IN_MOVE_SELF | IN_ONLYDIR | IN_EXCL_UNLINK;
  if (inotify_add_watch(impl->inotify_fd, dir.c_str(), mask) < 0) {
    return Status::IoError(dir, std::string("cannot watch: ") + std::strerror(errno));
  }
  impl->present_at_start = Entries(dir);
  Impl* raw = impl.get();
  impl->thread = std::thread([raw] { raw->Run(); });
  return std::unique_ptr<DirWatcher>(new DirWatcher(std::move(impl)));
}

DirWatcher::DirWatcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
DirWatcher::~DirWatcher() = default;

}  // namespace newsfuse::serve
