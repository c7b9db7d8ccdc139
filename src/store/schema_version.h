// What both stores say when a read-only open finds an older schema, private
// to the store.
#pragma once

#include <string>

#include "core/status.h"

namespace newsfuse::store_internal {

// A read-only open cannot create or migrate the schema: the error names the
// store and tells the reader how to upgrade it. `version` 0 is an empty store.
inline Status ReadOnlyNeedsUpgrade(const std::string& store, int version, int current) {
  if (version == 0) {
    return Status::StoreError(store +
                              ": not a newsfuse store yet (it is empty); "
                              "open it read-write once to create one");
  }
  return Status::StoreError(store + ": schema version " + std::to_string(version) +
                            " must be upgraded to " + std::to_string(current) +
                            "; open it read-write once");
}

}  // namespace newsfuse::store_internal
