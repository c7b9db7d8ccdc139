#include "extract/url_outlet.h"

#include <unicode/uidna.h>

#include <unordered_set>
#include <vector>

#include "extract/text_util.h"

namespace newsfuse::extract_internal {
namespace {
#include "public_suffix.inc"

// The list's rules, one per line: "com", "co.uk", "*.ck" (any label under
// ck), "!www.ck" (an exception to a wildcard). Views into the embedded text.
const std::unordered_set<std::string_view>& SuffixRules() {
  static const std::unordered_set<std::string_view> kRules = [] {
    std::unordered_set<std::string_view> rules;
    for (std::string_view line : SplitLines(kPublicSuffixData)) {
      line = Trim(line);
      if (!line.empty()) rules.insert(line);
    }
    return rules;
  }();
  return kRules;
}

// "xn--bcher-kva.de" -> "bücher.de": the list writes internationalised rules
// in Unicode. Unchanged when the host has no A-label or ICU refuses it.
std::string ToUnicodeHost(const std::string& host) {
  if (host.find("xn--") == std::string::npos) return host;
  UErrorCode err = U_ZERO_ERROR;
  UIDNA* idna = uidna_openUTS46(UIDNA_DEFAULT, &err);
  if (U_FAILURE(err)) return host;
  std::string out(host.size() * 4 + 16, '\0');
  UIDNAInfo info = UIDNA_INFO_INITIALIZER;
  const int32_t n =
      uidna_nameToUnicodeUTF8(idna, host.data(), static_cast<int32_t>(host.size()), out.data(),
                              static_cast<int32_t>(out.size()), &info, &err);
  uidna_close(idna);
  if (U_FAILURE(err) || info.errors != 0 || n <= 0 || n > static_cast<int32_t>(out.size()))
    return host;
  out.resize(static_cast<size_t>(n));
  return out;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// "www-theguardian-com.cdn.ampproject.org" -> "www.theguardian.com": the AMP
// cache writes the origin's dots as '-' and its '-' as "--".
std::string AmpCacheOrigin(std::string_view label) {
  std::string out;
  for (size_t i = 0; i < label.size(); ++i) {
    if (label[i] == '-' && i + 1 < label.size() && label[i + 1] == '-') {
      out += '-';
      ++i;
    } else {
      out += label[i] == '-' ? '.' : label[i];
    }
  }
  return out;
}

}  // namespace

std::string HostOf(std::string_view url) {
  url = Trim(url);
  size_t start = 0;
  if (IStartsWith(url, "http://"))
    start = 7;
  else if (IStartsWith(url, "https://"))
    start = 8;
  else
    return {};
  std::string_view auth = url.substr(start);
  auth = auth.substr(0, auth.find_first_of("/?#\\"));
  if (const size_t at = auth.rfind('@'); at != std::string_view::npos) auth.remove_prefix(at + 1);
  if (!auth.empty() && auth.front() == '[') return {};  // IPv6 literal: no site name
  auth = auth.substr(0, auth.find(':'));
  while (!auth.empty() && auth.back() == '.') auth.remove_suffix(1);
  std::string host;
  for (char c : auth) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 || (c >= '0' && c <= '9') || c == '-' || c == '.' || (c >= 'a' && c <= 'z'))
      host += c;
    else if (c >= 'A' && c <= 'Z')
      host += static_cast<char>(c - 'A' + 'a');
    else
      return {};  // '%', '_', spaces...: not a host name we can name a site by
  }
  return host;
}

std::string RegistrableDomain(std::string_view host_in) {
  const std::string host = ToUnicodeHost(std::string(host_in));
  std::vector<std::string_view> labels;
  std::string_view rest = host;
  while (true) {
    const size_t dot = rest.find('.');
    labels.push_back(rest.substr(0, dot));
    if (labels.back().empty()) return {};  // "a..b", ".com"
    if (dot == std::string_view::npos) break;
    rest.remove_prefix(dot + 1);
  }
  if (labels.size() < 2) return {};
  bool numeric = true;
  for (std::string_view l : labels) numeric = numeric && AllDigits(l);
  if (numeric) return {};  // IPv4 address

  // Offset in `host` where labels[i] starts.
  std::vector<size_t> starts;
  for (size_t i = 0, at = 0; i < labels.size(); ++i) {
    starts.push_back(at);
    at += labels[i].size() + 1;
  }
  auto suffix = [&](size_t i) { return std::string_view(host).substr(starts[i]); };
  // The public suffix starts at the longest matching rule; an exception rule
  // ("!www.ck") makes its parent the suffix; no rule at all: the last label.
  const auto& rules = SuffixRules();
  size_t ps = labels.size() - 1;
  for (size_t i = 0; i < labels.size(); ++i) {
    if (rules.count("!" + std::string(suffix(i)))) {
      ps = i + 1;
      break;
    }
    if (rules.count(suffix(i)) ||
        (i + 1 < labels.size() && rules.count("*." + std::string(suffix(i + 1))))) {
      ps = i;
      break;
    }
  }
  if (ps == 0 || ps >= labels.size()) return {};  // the host is a public suffix
  return std::string(suffix(ps - 1));
}

std::string OutletFromUrl(std::string_view url) {
  const std::string host = HostOf(url);
  if (host.empty()) return {};
  if (host == "web.archive.org") {
    // "https://web.archive.org/web/20230101000000/https://www.example.com/a"
    const size_t web = url.find("/web/");
    if (web != std::string_view::npos) {
      const size_t inner = url.find("http", web + 5);
      if (inner != std::string_view::npos) {
        const std::string origin = HostOf(url.substr(inner));
        if (!origin.empty() && origin != host) return RegistrableDomain(origin);
      }
    }
  }
  constexpr std::string_view kAmpCache = ".cdn.ampproject.org";
  if (host.size() > kAmpCache.size() && host.ends_with(kAmpCache)) {
    const std::string origin =
        AmpCacheOrigin(std::string_view(host).substr(0, host.size() - kAmpCache.size()));
    if (const std::string d = RegistrableDomain(origin); !d.empty()) return d;
  }
  return RegistrableDomain(host);
}

}  // namespace newsfuse::extract_internal
