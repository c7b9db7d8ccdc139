#include "serve/web_assets.h"

#include "web_assets.inc"

namespace newsfuse::serve {

std::optional<WebAsset> FindWebAsset(std::string_view path) {
  if (path == "/") return WebAsset{kIndexHtml, "text/html; charset=utf-8"};
  if (path == "/assets/style.css") return WebAsset{kStyleCss, "text/css; charset=utf-8"};
  if (path == "/assets/app.js") return WebAsset{kAppJs, "text/javascript; charset=utf-8"};
  if (path == "/assets/story.js") return WebAsset{kStoryJs, "text/javascript; charset=utf-8"};
  if (path == "/api/openapi.json") return WebAsset{kOpenapiJson, "application/json"};
  return std::nullopt;
}

}  // namespace newsfuse::serve
