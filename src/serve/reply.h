// What a handler answers, independent of the HTTP library, so the API can be
// read (and tested) as functions from a request's parts to a reply.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"

namespace newsfuse::serve {

struct Reply {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  // When set, the body instead: bytes shared with the report cache, sent
  // without a copy and never compressed again by the HTTP library (a body
  // given here is sent as it is: set Content-Encoding when it is coded).
  std::shared_ptr<const std::string> shared_body;
  std::vector<std::pair<std::string, std::string>> headers;
};

// {"error": <code>, "detail": <message>}: `code` is a stable word a client can
// branch on (bad_request, not_found, ...); `detail` is for people.
std::string ErrorBody(std::string_view code, std::string_view detail);
Reply ErrorReply(int status, std::string_view code, std::string_view detail);

// A failed Status as a reply: kNotFound 404, kUsage and kBadInput 400,
// anything else (the store failing) 500.
Reply StatusReply(const Status& status);

// The stable error word for an HTTP status the library or a handler set.
std::string_view ErrorCodeFor(int status);

}  // namespace newsfuse::serve
