// Content coding of answers: a report is compressed once per version when it
// is cached, not once per request (the HTTP library would otherwise compress
// every answer itself, and a 2 MB report at brotli's default quality takes
// seconds of CPU).
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace newsfuse::serve {

// `body` as a gzip member (RFC 1952); nullptr if zlib fails.
std::shared_ptr<const std::string> Gzip(std::string_view body);

// True when an Accept-Encoding header value accepts gzip: "gzip", "x-gzip"
// or "*" listed without q=0 (RFC 9110 12.5.3).
bool AcceptsGzip(std::string_view accept_encoding);

}  // namespace newsfuse::serve
