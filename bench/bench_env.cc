#include "bench_env.h"

#include <sys/resource.h>

#include <fstream>
#include <thread>

namespace newsfuse::bench {

std::string MachineLine() {
  std::string model = "unknown";
  std::ifstream cpuinfo("/proc/cpuinfo");
  for (std::string line; std::getline(cpuinfo, line);) {
    if (line.rfind("model name", 0) == 0) {
      model = line.substr(line.find(':') + 2);
      break;
    }
  }
  return "cpu=" + model + "; cores=" + std::to_string(std::thread::hardware_concurrency()) +
         "; compiler=" + __VERSION__ + "; build=" + NEWSFUSE_BUILD_TYPE;
}

double PeakRssMiB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // Linux reports KiB
}

}  // namespace newsfuse::bench
