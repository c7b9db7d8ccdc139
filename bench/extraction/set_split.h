// Dev / held-out halves of the extra extraction sets (htmldate-eval, dragnet).
//
// The half is a pure function of the item's file name (FNV-1a 64, low bit),
// fixed before any score on those sets was seen, so it cannot drift towards
// easy or hard pages. Development looks at the dev half only; the held-out
// half is printed only when asked for (--half held-out|all) and reported once.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace newsfuse::bench {

enum class Half { kDev, kHeldOut };

uint64_t Fnv1a64(std::string_view bytes);
Half HalfOf(std::string_view file_name);
const char* HalfName(Half h);

// Which halves an evaluator prints: "dev", "held-out" or "all"; nullopt on
// anything else.
struct HalfSelection {
  bool dev = true, held_out = false;
  bool Wants(Half h) const { return h == Half::kDev ? dev : held_out; }
};
std::optional<HalfSelection> ParseHalfSelection(std::string_view text);

}  // namespace newsfuse::bench
