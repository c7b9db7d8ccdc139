#include "serve/metrics.h"

#include <fmt/format.h>

namespace newsfuse::serve {

void Metrics::Observe(const std::string& route, const std::string& method, int status,
                      double seconds) {
  std::lock_guard<std::mutex> lock(mutex_);
  ++requests_[{route, method, status}];
  if (seconds < 0) return;
  Histogram& h = latency_[route];
  for (size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) {
      ++h.le[i];
      break;
    }
  }
  ++h.count;
  h.sum += seconds;
}

std::string Metrics::Render(const std::string& extra) const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::string out =
      "# HELP newsfuse_http_requests_total HTTP requests answered, by route, method and status.\n"
      "# TYPE newsfuse_http_requests_total counter\n";
  for (const auto& [key, count] : requests_) {
    const auto& [route, method, status] = key;
    out +=
        fmt::format("newsfuse_http_requests_total{{route=\"{}\",method=\"{}\",code=\"{}\"}} {}\n",
                    route, method, status, count);
  }
  out +=
      "# HELP newsfuse_http_request_duration_seconds Time from a parsed request to its answer "
      "being ready to send.\n"
      "# TYPE newsfuse_http_request_duration_seconds histogram\n";
  for (const auto& [route, h] : latency_) {
    uint64_t cumulative = 0;
    for (size_t i = 0; i < kBuckets.size(); ++i) {
      cumulative += h.le[i];
      out += fmt::format(
          "newsfuse_http_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n", route,
          kBuckets[i], cumulative);
    }
    out += fmt::format(
        "newsfuse_http_request_duration_seconds_bucket{{route=\"{}\",le=\"+Inf\"}} {}\n", route,
        h.count);
    out += fmt::format("newsfuse_http_request_duration_seconds_sum{{route=\"{}\"}} {}\n", route,
                       h.sum);
    out += fmt::format("newsfuse_http_request_duration_seconds_count{{route=\"{}\"}} {}\n", route,
                       h.count);
  }
  return out + extra;
}

}  // namespace newsfuse::serve
