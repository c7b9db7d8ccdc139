// The leader lock in a build without libpq or hiredis.
#include "queue/leader_lock.h"

namespace newsfuse {

Result<std::unique_ptr<LeaderLock>> LeaderLock::Acquire(const std::string& uri, int,
                                                        const std::function<void()>&) {
  return Status::Usage(uri +
                       ": the cluster-worker's leader lock needs PostgreSQL support "
                       "(libpq-dev) and Redis support (libhiredis-dev) in the build");
}

}  // namespace newsfuse
