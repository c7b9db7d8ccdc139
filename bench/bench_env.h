// What a benchmark ran on, printed with its figures so numbers from
// different machines are never compared blind.
#pragma once

#include <string>

namespace newsfuse::bench {

// "cpu=<model>; cores=<n>; compiler=<id>; build=<type>"
std::string MachineLine();
// Peak resident set size of this process so far, in MiB.
double PeakRssMiB();

}  // namespace newsfuse::bench
