#include "serve/reply.h"

#include <nlohmann/json.hpp>

namespace newsfuse::serve {

std::string ErrorBody(std::string_view code, std::string_view detail) {
  // A detail may quote what the client sent, which need not be UTF-8.
  return nlohmann::json{{"error", code}, {"detail", detail}}.dump(
             -1, ' ', false, nlohmann::json::error_handler_t::replace) +
         "\n";
}

Reply ErrorReply(int status, std::string_view code, std::string_view detail) {
  Reply reply;
  reply.status = status;
  reply.body = ErrorBody(code, detail);
  return reply;
}

Reply StatusReply(const Status& status) {
  switch (status.code()) {
    case Status::Code::kNotFound:
      return ErrorReply(404, "not_found", status.ToString());
    case Status::Code::kUsage:
    case Status::Code::kBadInput:
      return ErrorReply(400, "bad_request", status.ToString());
    default:
      return ErrorReply(500, "store_error", status.ToString());
  }
}

std::string_view ErrorCodeFor(int status) {
  switch (status) {
    case 400:
      return "bad_request";
    case 404:
      return "not_found";
    case 405:
      return "method_not_allowed";
    case 413:
      return "payload_too_large";
    case 414:
      return "uri_too_long";
    case 416:
      return "range_not_satisfiable";
    case 431:
      return "headers_too_large";
    case 503:
      return "unavailable";
    default:
      return status >= 500 ? "internal" : "bad_request";
  }
}

}  // namespace newsfuse::serve
