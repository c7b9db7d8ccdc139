#include <cstdlib>

#include "store/store.h"

namespace newsfuse {

bool IsPostgresLocation(const std::string& location) {
  return location.rfind("postgres://", 0) == 0 || location.rfind("postgresql://", 0) == 0;
}

Result<std::unique_ptr<Store>> OpenStoreAt(const std::string& location,
                                           const StoreOptions& options) {
  if (IsPostgresLocation(location)) return OpenPostgresStore(location, options);
  return OpenSqliteStore(location, options);
}

}  // namespace newsfuse
