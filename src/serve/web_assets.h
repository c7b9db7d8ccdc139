// The web page's static files, embedded in the binary at build time so the
// page works offline and from any working directory (no CDN, no file paths).
#pragma once

#include <optional>
#include <string_view>

namespace newsfuse::serve {

struct WebAsset {
  std::string_view body;
  std::string_view content_type;
};

// "/" and "/assets/<name>"; nothing for any other path.
std::optional<WebAsset> FindWebAsset(std::string_view path);

}  // namespace newsfuse::serve
