// The outlet a page's URL names when the page itself names none.
//
// "https://www.theguardian.com/world/..." -> "theguardian.com": the host's
// registrable domain under the Public Suffix List (the Debian `publicsuffix`
// package's list, embedded at build time), so "www.", "m." and "amp." hosts
// of one site are one outlet ("m.bbc.co.uk" -> "bbc.co.uk"), and two sites on
// one public suffix ("foo.blogspot.com", "bar.blogspot.com") stay two.
// Why not leave the outlet empty: every unnamed page would then share one
// empty outlet, and fuse counts independent outlets.
#pragma once

#include <string>
#include <string_view>

namespace newsfuse::extract_internal {

// The registrable domain of a lowercase host name ("news.bbc.co.uk" ->
// "bbc.co.uk"); empty when the host is itself a public suffix ("co.uk"), has
// one label ("localhost") or is an IP address.
std::string RegistrableDomain(std::string_view host);

// The host of an absolute http(s) URL, lowercased, without user, port or a
// trailing dot; empty when there is none or it holds bytes no host name has.
std::string HostOf(std::string_view url);

// The outlet of an absolute http(s) URL: its host's registrable domain.
// An archive or AMP-cache address names the original site, not the cache:
// "web.archive.org/web/<time>/<url>" and "<site-with-dashes>.cdn.ampproject.org"
// give the original's domain. Empty when the URL has no usable host.
std::string OutletFromUrl(std::string_view url);

}  // namespace newsfuse::extract_internal
