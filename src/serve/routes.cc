#include "serve/routes.h"

namespace newsfuse::serve {

const std::vector<RouteInfo>& RouteTable() {
  static const std::vector<RouteInfo> routes = {
      {"/", "GET, HEAD"},
      {"/assets/{file}", "GET, HEAD"},
      {"/stories/{id}", "GET, HEAD"},
      {"/api/stories", "GET, HEAD"},
      {"/api/stories/{id}", "GET, HEAD"},
      {"/api/articles", "POST"},
      {"/api/articles/{id}", "GET, HEAD"},
      {"/api/search", "GET, HEAD"},
      {"/api/events", "GET, HEAD"},
      {"/api/openapi.json", "GET, HEAD"},
      {"/healthz", "GET, HEAD"},
      {"/metrics", "GET, HEAD"},
  };
  return routes;
}

namespace {

// Segment by segment: a literal must be equal, a {name} any non-empty text.
bool Matches(std::string_view templ, std::string_view path) {
  size_t t = 0, p = 0;
  while (t < templ.size() && p < path.size()) {
    if (templ[t] == '{') {
      const size_t t_end = templ.find('}', t);
      const size_t p_end = path.find('/', p);
      const size_t seg_end = p_end == std::string_view::npos ? path.size() : p_end;
      if (seg_end == p) return false;
      t = t_end + 1;
      p = seg_end;
      continue;
    }
    if (templ[t] != path[p]) return false;
    ++t;
    ++p;
  }
  return t == templ.size() && p == path.size();
}

}  // namespace

const RouteInfo* RouteOf(std::string_view path) {
  for (const RouteInfo& route : RouteTable()) {
    if (Matches(route.name, path)) return &route;
  }
  return nullptr;
}

}  // namespace newsfuse::serve
