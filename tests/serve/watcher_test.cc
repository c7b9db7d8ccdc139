// DirWatcher on a real folder: which paths it gives, and how often. The
// server's counters and log lines rest on "each finished file once".
#include "serve/watcher.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <string>
#include <thread>

namespace newsfuse::serve {
namespace {

namespace fs = std::filesystem;

class Folder {
 public:
  Folder() {
    path_ = fs::temp_directory_path() /
            ("newsfuse-watcher-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++));
    fs::create_directories(path_);
  }
  ~Folder() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  std::string Path(const std::string& name) const { return (path_ / name).string(); }
  std::string path() const { return path_.string(); }

 private:
  static inline int counter_ = 0;
  fs::path path_;
};

// Counts what the watcher gives, by file name.
class Arrivals {
 public:
  DirWatcher::OnArrival Callback() {
    return [this](const std::string& path) {
      std::lock_guard lock(mutex_);
      ++count_[fs::path(path).filename().string()];
      ++total_;
      changed_.notify_all();
    };
  }
  // True once `total` arrivals were seen, false after two seconds.
  bool WaitForTotal(int total) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, std::chrono::seconds(2), [&] { return total_ >= total; });
  }
  std::map<std::string, int> Counts() {
    std::lock_guard lock(mutex_);
    return count_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::map<std::string, int> count_;
  int total_ = 0;
};

void Write(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

// Starts watching `folder`, counting into `arrivals`; fails the test if it cannot.
std::unique_ptr<DirWatcher> StartWatching(const Folder& folder, Arrivals& arrivals) {
  auto watcher = DirWatcher::Start(folder.path(), arrivals.Callback(), [](const std::string&) {});
  EXPECT_TRUE(watcher.ok()) << watcher.status().ToString();
  return watcher.ok() ? std::move(watcher).value() : nullptr;
}

// Gives the writer's events time to reach the watcher, so a test can check
// that nothing more arrived.
void Settle() { std::this_thread::sleep_for(std::chrono::milliseconds(300)); }

TEST(DirWatcherTest, AFileAlreadyThereAndClosedAgainUnchangedArrivesOnce) {
  Folder folder;
  Write(folder.Path("before.txt"), "An article written before watching began.\n");
  Arrivals arrivals;
  const auto watcher = StartWatching(folder, arrivals);
  ASSERT_NE(watcher, nullptr);
  // Opened for writing and closed with nothing written: a close event for a
  // file that is the one already listed.
  { std::ofstream(folder.Path("before.txt"), std::ios::app); }
  ASSERT_TRUE(arrivals.WaitForTotal(1));
  Settle();
  EXPECT_EQ(arrivals.Counts(), (std::map<std::string, int>{{"before.txt", 1}}));
}

TEST(DirWatcherTest, FilesWrittenAfterStartArriveOnceEach) {
  Folder folder;
  Arrivals arrivals;
  const auto watcher = StartWatching(folder, arrivals);
  ASSERT_NE(watcher, nullptr);
  Write(folder.Path("a.jsonl"), "{\"text\": \"one\"}\n");
  Write(folder.Path("b.html"), "<p>two</p>");
  Write(folder.Path("skipped.pdf"), "%PDF");
  Write(folder.Path(".hidden.txt"), "not yet published");
  ASSERT_TRUE(arrivals.WaitForTotal(2));
  Settle();
  EXPECT_EQ(arrivals.Counts(), (std::map<std::string, int>{{"a.jsonl", 1}, {"b.html", 1}}));
}

TEST(DirWatcherTest, AFileRewrittenWithNewContentArrivesAgain) {
  Folder folder;
  Arrivals arrivals;
  const auto watcher = StartWatching(folder, arrivals);
  ASSERT_NE(watcher, nullptr);
  Write(folder.Path("live.txt"), "First version.\n");
  ASSERT_TRUE(arrivals.WaitForTotal(1));
  Write(folder.Path("live.txt"), "Second version, longer than the first.\n");
  ASSERT_TRUE(arrivals.WaitForTotal(2));
  Settle();
  EXPECT_EQ(arrivals.Counts(), (std::map<std::string, int>{{"live.txt", 2}}));
}

// A file deleted (or moved out) and put back with the same size and time is
// a new arrival: what was offered is forgotten when its file leaves, which
// also keeps that memory as small as the folder.
TEST(DirWatcherTest, AFileDeletedAndPutBackUnchangedArrivesAgain) {
  Folder folder;
  Arrivals arrivals;
  const auto watcher = StartWatching(folder, arrivals);
  ASSERT_NE(watcher, nullptr);
  const std::string text = "The same article, filed twice.\n";
  Write(folder.Path("again.txt"), text);
  ASSERT_TRUE(arrivals.WaitForTotal(1));
  const auto modified = fs::last_write_time(folder.Path("again.txt"));
  // Put back under a hidden name first, so the watcher sees it only once its
  // time is the old one: the same size and time as when it was offered.
  auto put_back = [&] {
    Write(folder.Path(".staged"), text);
    fs::last_write_time(folder.Path(".staged"), modified);
    fs::rename(folder.Path(".staged"), folder.Path("again.txt"));
  };
  fs::remove(folder.Path("again.txt"));
  Settle();
  put_back();
  ASSERT_TRUE(arrivals.WaitForTotal(2));
  fs::rename(folder.Path("again.txt"), folder.Path(".moved-out"));
  Settle();
  put_back();
  ASSERT_TRUE(arrivals.WaitForTotal(3));
  Settle();
  EXPECT_EQ(arrivals.Counts(), (std::map<std::string, int>{{"again.txt", 3}}));
}

}  // namespace
}  // namespace newsfuse::serve
