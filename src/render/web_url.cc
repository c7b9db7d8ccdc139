#include "render/web_url.h"

#include <fmt/format.h>

namespace newsfuse::render_internal {

bool IsWebUrl(std::string_view url) {
  auto starts_nocase = [&](std::string_view prefix) {
    if (url.size() <= prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i) {
      char c = url[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != prefix[i]) return false;
    }
    return true;
  };
  return starts_nocase("http://") || starts_nocase("https://");
}

std::string LinkTarget(std::string_view url) {
  std::string out;
  out.reserve(url.size());
  for (char ch : url) {
    const auto c = static_cast<unsigned char>(ch);
    if (c <= 0x20 || c == 0x7F || c == '"' || c == '<' || c == '>' || c == '`' || c == '\'') {
      out += fmt::format("%{:02X}", c);
    } else {
      out += ch;
    }
  }
  return out;
}

}  // namespace newsfuse::render_internal
