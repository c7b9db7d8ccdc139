// Reading back the hex this project writes (paging cursors, the PostgreSQL
// cluster state's bytes): lower case only, so one spelling round-trips.
#pragma once

namespace newsfuse {

// The value of a lower-case hex digit ('0'-'9', 'a'-'f'); -1 for any other
// byte, upper-case digits included.
constexpr int LowerHexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

}  // namespace newsfuse
