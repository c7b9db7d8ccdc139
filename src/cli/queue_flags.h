// Shared by enqueue, worker and cluster-worker: the --queue option, clocks for
// the "where the time goes" lines, and a clean stop on SIGINT/SIGTERM (finish
// the batch in hand, commit, acknowledge, leave).
#pragma once

#include <time.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <csignal>
#include <cstdlib>
#include <string>

namespace newsfuse::cli {

struct QueueFlags {
  std::string url;
  void Add(CLI::App& cmd) {
    if (const char* env = std::getenv("NEWSFUSE_QUEUE")) url = env;
    cmd.add_option("--queue", url, "redis://host[:port]/stream (default: $NEWSFUSE_QUEUE)");
  }
};

inline double WallSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

inline double CpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

// Set by SIGINT/SIGTERM once StopOnSignals() was called.
inline std::atomic<bool>& StopRequested() {
  static std::atomic<bool> stop{false};
  return stop;
}

inline void StopOnSignals() {
  auto handler = [](int) { StopRequested().store(true); };
  std::signal(SIGINT, handler);
  std::signal(SIGTERM, handler);
}

}  // namespace newsfuse::cli
