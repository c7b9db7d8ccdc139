// Tests that need a PostgreSQL or Redis server skip without one, so a
// machine without them still runs everything else. CI sets
// NEWSFUSE_REQUIRE_SERVERS=1 (.ci/run): there a skip would hide a server that
// did not start or a build without libpq or hiredis, and the PostgreSQL and
// queue paths would pass untested, so those tests fail instead.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>

namespace newsfuse::testing {

inline bool ServersRequired() {
  const char* value = std::getenv("NEWSFUSE_REQUIRE_SERVERS");
  return value != nullptr && std::strcmp(value, "1") == 0;
}

}  // namespace newsfuse::testing

// In place of GTEST_SKIP() << why, in a void function (SetUp or a test body).
#define NEWSFUSE_SKIP_WITHOUT_SERVER(why)                                              \
  if (::newsfuse::testing::ServersRequired()) {                                        \
    GTEST_FAIL() << why << " (NEWSFUSE_REQUIRE_SERVERS=1: this run must not skip it)"; \
  } else                                                                               \
    GTEST_SKIP() << why
