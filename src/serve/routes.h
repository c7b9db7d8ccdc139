// Every path the server answers and the methods it answers there: the one
// list the 404/405 choice, the Allow header, the metric labels and the test
// of /api/openapi.json (which must describe exactly these) all read.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace newsfuse::serve {

struct RouteInfo {
  std::string name;     // the OpenAPI path template: "/api/stories/{id}"
  std::string methods;  // the Allow header value: "GET, HEAD"
};

const std::vector<RouteInfo>& RouteTable();

// The route whose template matches `path` (a {name} segment is one or more
// characters other than '/'); nullptr for none.
const RouteInfo* RouteOf(std::string_view path);

}  // namespace newsfuse::serve
