// OpenPostgresStore in a build made without libpq (libpq-dev absent): the
// SQLite store needs nothing from PostgreSQL, so its absence is not fatal.
#include "store/store.h"

namespace newsfuse {

Result<std::unique_ptr<Store>> OpenPostgresStore(const std::string& uri,
                                                 const StoreOptions& /*options*/) {
  (void)uri;
  return Status::StoreError(
      "this newsfuse was built without PostgreSQL support (install libpq-dev and rebuild)");
}

}  // namespace newsfuse
