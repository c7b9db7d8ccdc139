// The story changes GET /api/events streams (Server-Sent Events).
//
// One thread watches the store for every client. It asks the store's data
// version (one cheap PRAGMA) every poll interval and, only when another
// connection has committed (a CLI ingest in another process, or this
// server's own POST, which writes through a connection of its own), lists
// the stories and compares each one's version (StoryVersion, the ETag of
// GET /api/stories/{id}) with the last it saw: a new id is "story-created",
// a changed version "story-updated", an id gone (merged into another)
// "story-removed". Events are numbered, and the last few hundred are kept
// so a client that reconnects with Last-Event-ID misses nothing.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "store/store.h"

namespace newsfuse::serve {

struct StoryEvent {
  uint64_t id = 0;
  std::string type;  // story-created, story-updated, story-removed
  std::string data;  // one line of JSON
};

class EventHub {
 public:
  // Watches `db_path` through a read-only connection of its own (a data
  // version is per connection). `salt` as for StoryVersion.
  EventHub(std::string db_path, std::string salt, std::chrono::milliseconds poll_every);
  ~EventHub();

  // Looks now rather than at the next poll (after this server wrote).
  void Poke();
  // Wakes every waiting client to end its stream; no event comes after.
  void Close();

  struct Batch {
    std::vector<StoryEvent> events;
    bool closed = false;
    // The events after the id asked for are no longer all held (or the id
    // is one this server never gave): the client must read the list again.
    bool gap = false;
  };
  // The events after `after`, waiting up to `wait` for one to come.
  Batch After(uint64_t after, std::chrono::milliseconds wait);
  uint64_t last_id() const;

  // Open /api/events streams, counted so their number can be capped (each
  // holds a worker thread).
  bool TryJoin(size_t max_clients);
  void Leave();

 private:
  void Run();
  void Check();

  std::string db_path_;
  std::string salt_;
  std::chrono::milliseconds poll_every_;
  std::unique_ptr<Store> store_;  // the watcher thread's alone
  std::optional<int64_t> seen_data_version_;
  std::map<std::string, std::string> versions_;  // story id -> StoryVersion

  mutable std::mutex mutex_;
  std::condition_variable changed_;  // clients wait on it for events
  std::condition_variable wake_;     // the watcher waits on it for Poke/Close
  std::deque<StoryEvent> recent_;
  uint64_t next_id_ = 1;
  bool poked_ = false;
  bool closed_ = false;
  size_t clients_ = 0;
  std::thread thread_;
};

}  // namespace newsfuse::serve
