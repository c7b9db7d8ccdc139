// Request counts and latencies for GET /metrics, in the Prometheus text
// exposition format (version 0.0.4).
//
// Labels are bounded: `route` is a route pattern ("/api/stories/{id}") or
// "unmatched", never the raw path, so a client cannot grow the series
// without limit; `method` is one of the few methods the HTTP parser accepts.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <tuple>

namespace newsfuse::serve {

class Metrics {
 public:
  // `seconds` < 0: the latency is unknown (the request never reached
  // routing), so only the count is kept.
  void Observe(const std::string& route, const std::string& method, int status, double seconds);

  // `extra` is appended as is (further metric families from the caller).
  std::string Render(const std::string& extra) const;

 private:
  static constexpr std::array<double, 12> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                      0.1,   0.25,   0.5,   1,    2.5,   10};
  struct Histogram {
    std::array<uint64_t, kBuckets.size()> le{};  // cumulative at render time
    uint64_t count = 0;
    double sum = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::tuple<std::string, std::string, int>, uint64_t> requests_;
  std::map<std::string, Histogram> latency_;
};

}  // namespace newsfuse::serve
