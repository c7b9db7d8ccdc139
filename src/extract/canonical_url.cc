#include "extract/canonical_url.h"

#include "extract/text_util.h"
#include "extract/url_outlet.h"

namespace newsfuse::extract_internal {
namespace {

// Where the path starts: after "scheme://authority" (the URL is absolute http(s)).
size_t PathStart(std::string_view url) {
  const size_t auth = url.find("://") + 3;
  const size_t end = url.find_first_of("/?#", auth);
  return end == std::string_view::npos ? url.size() : end;
}

// "/a/./b/../c" -> "/a/c" (RFC 3986, 5.2.4, for the segments pages write).
std::string RemoveDotSegments(std::string_view path) {
  std::vector<std::string_view> out;
  while (!path.empty()) {
    path.remove_prefix(1);  // the '/' before a segment
    const size_t slash = path.find('/');
    const std::string_view seg = path.substr(0, slash);
    const bool last = slash == std::string_view::npos;
    if (seg == "..") {
      if (!out.empty()) out.pop_back();
      if (last) out.emplace_back();
    } else if (seg == ".") {
      if (last) out.emplace_back();
    } else {
      out.push_back(seg);
    }
    path = last ? std::string_view() : path.substr(slash);
  }
  std::string joined;
  for (std::string_view seg : out) (joined += '/') += seg;
  return joined;
}

bool IsHttp(std::string_view url) {
  return IStartsWith(url, "http://") || IStartsWith(url, "https://");
}

// The path without query and fragment is "" or "/", and there is no query.
bool IsHomePage(std::string_view url) {
  const std::string_view rest = url.substr(PathStart(url));
  return rest.empty() || rest == "/";
}

// An absolute address inside the path or query: "r?u=https%3A%2F%2F...".
bool CarriesAnAddress(std::string_view url) {
  const std::string rest = AsciiLower(url.substr(PathStart(url)));
  for (std::string_view marker : {"http://", "https://", "http%3a", "https%3a"})
    if (rest.find(marker) != std::string::npos) return true;
  return false;
}

}  // namespace

std::string ResolveUrl(std::string_view href, std::string_view base) {
  href = Trim(href);
  href = href.substr(0, href.find('#'));
  std::string absolute;
  if (IsHttp(href)) {
    absolute = href;
  } else {
    const size_t colon = href.find(':');
    if (colon != std::string_view::npos && colon < href.find_first_of("/?"))
      return {};  // mailto:, javascript:, ftp:...
    if (!IsHttp(base) || href.empty()) return {};
    base = base.substr(0, base.find('#'));
    const std::string_view origin = base.substr(0, PathStart(base));
    if (StartsWith(href, "//")) {
      absolute = std::string(base.substr(0, base.find(':') + 1)) + std::string(href);
    } else if (StartsWith(href, "/")) {
      absolute = std::string(origin) + std::string(href);
    } else if (StartsWith(href, "?")) {
      absolute = std::string(base.substr(0, base.find('?'))) + std::string(href);
    } else {
      const std::string_view path = base.substr(0, base.find('?'));
      const size_t dir = path.rfind('/');
      absolute = dir < origin.size() ? std::string(origin) + "/" + std::string(href)
                                     : std::string(path.substr(0, dir + 1)) + std::string(href);
    }
  }
  const size_t path_start = PathStart(absolute);
  const size_t query = absolute.find('?', path_start);
  const std::string_view path = std::string_view(absolute).substr(
      path_start, query == std::string::npos ? std::string::npos : query - path_start);
  if (path.find("/.") == std::string_view::npos) return absolute;
  return absolute.substr(0, path_start) + RemoveDotSegments(path) +
         (query == std::string::npos ? "" : absolute.substr(query));
}

CanonicalUrl ChooseCanonicalUrl(const std::vector<UrlCandidate>& candidates,
                                std::string_view page_url) {
  for (const UrlCandidate& c : candidates) {
    const std::string url = ResolveUrl(c.value, page_url);
    if (url.empty() || HostOf(url).empty() || IsHomePage(url)) continue;
    if (CarriesAnAddress(url)) {
      // Site names only here: RegistrableDomain reads the host through ICU.
      const std::string page_site = RegistrableDomain(HostOf(page_url));
      if (page_site.empty() || RegistrableDomain(HostOf(url)) != page_site) continue;
    }
    return {url, c.source};
  }
  return {};
}

}  // namespace newsfuse::extract_internal
