// Content hashes: the identity of a page.
//
// Two pages with the same bytes are the same page, whatever their file names,
// so re-ingesting a corpus is a no-op. XXH3-128 is fast (GB/s) and, at 128
// bits, collision-free in practice for any corpus we will ever hold.
#pragma once

#include <string>
#include <string_view>

namespace newsfuse {

// 32 lowercase hex digits of XXH3-128 over `bytes`.
std::string ContentHash(std::string_view bytes);

}  // namespace newsfuse
