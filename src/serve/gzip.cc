#include "serve/gzip.h"

#include <zlib.h>

#include <cstdlib>

#include "core/strings.h"

namespace newsfuse::serve {
namespace {

bool EqualsNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    const char x = (a[i] >= 'A' && a[i] <= 'Z') ? static_cast<char>(a[i] - 'A' + 'a') : a[i];
    if (x != b[i]) return false;
  }
  return true;
}

// q=0 (or 0.0, 0.00, 0.000) refuses a coding; any other weight accepts it.
bool RefusedByWeight(std::string_view params) {
  while (!params.empty()) {
    const size_t semi = params.find(';');
    std::string_view param = Trim(params.substr(0, semi));
    params = semi == std::string_view::npos ? std::string_view() : params.substr(semi + 1);
    if (param.size() < 2 || (param[0] != 'q' && param[0] != 'Q') || param[1] != '=') continue;
    std::string_view value = Trim(param.substr(2));
    if (value.empty() || value[0] != '0') return false;
    value.remove_prefix(1);
    if (!value.empty() && value[0] == '.') value.remove_prefix(1);
    for (char c : value) {
      if (c != '0') return false;
    }
    return true;
  }
  return false;
}

}  // namespace

std::shared_ptr<const std::string> Gzip(std::string_view body) {
  z_stream zs{};
  // 15 window bits + 16: a gzip header and trailer rather than zlib's.
  if (deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return nullptr;
  std::string out(deflateBound(&zs, static_cast<uLong>(body.size())), '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(body.data()));
  zs.avail_in = static_cast<uInt>(body.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  if (rc != Z_STREAM_END) return nullptr;
  return std::make_shared<const std::string>(std::move(out));
}

bool AcceptsGzip(std::string_view header) {
  while (!header.empty()) {
    const size_t comma = header.find(',');
    std::string_view item = header.substr(0, comma);
    header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
    const size_t semi = item.find(';');
    const std::string_view coding = Trim(item.substr(0, semi));
    if (EqualsNoCase(coding, "gzip") || EqualsNoCase(coding, "x-gzip") || coding == "*") {
      return !RefusedByWeight(semi == std::string_view::npos ? "" : item.substr(semi + 1));
    }
  }
  return false;
}

}  // namespace newsfuse::serve
