#include "set_split.h"

namespace newsfuse::bench {

uint64_t Fnv1a64(std::string_view bytes) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

Half HalfOf(std::string_view file_name) {
  return (Fnv1a64(file_name) & 1) == 0 ? Half::kDev : Half::kHeldOut;
}

const char* HalfName(Half h) { return h == Half::kDev ? "dev" : "held-out"; }

std::optional<HalfSelection> ParseHalfSelection(std::string_view text) {
  if (text == "dev") return HalfSelection{true, false};
  if (text == "held-out") return HalfSelection{false, true};
  if (text == "all") return HalfSelection{true, true};
  return std::nullopt;
}

}  // namespace newsfuse::bench
