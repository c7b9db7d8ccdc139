// LeaderLock: "exactly one clusterer" for a store, by a PostgreSQL
// session-level advisory lock held on a connection of its own. PostgreSQL
// frees the lock when that connection ends, so a killed leader (kill -9, a
// lost machine) lets a standby take over as soon as the server notices,
// without any lease or heartbeat of ours.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "core/status.h"

namespace newsfuse {

class LeaderLock {
 public:
  // Connects to `uri` and waits for the lock of the store in the
  // connection's schema, trying every `poll_ms` and calling `on_wait` once
  // per failed try (the standby's log line). kStoreError when the server
  // cannot be reached; kUsage for a build without libpq.
  static Result<std::unique_ptr<LeaderLock>> Acquire(const std::string& uri, int poll_ms,
                                                     const std::function<void()>& on_wait);
  virtual ~LeaderLock() = default;
  // Whether the lock's connection is still up (the lock is lost with it).
  virtual bool Held() = 0;
};

}  // namespace newsfuse
