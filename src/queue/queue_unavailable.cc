// The queue in a build without hiredis: every command that needs it says so.
#include "queue/queue.h"

namespace newsfuse {

bool QueueSupported() { return false; }

Result<std::unique_ptr<PageQueue>> PageQueue::Open(const std::string& url) {
  return Status::Usage("queue " + url +
                       ": this newsfuse was built without Redis support (install libhiredis-dev "
                       "and rebuild with -DNEWSFUSE_REDIS=ON)");
}

}  // namespace newsfuse
