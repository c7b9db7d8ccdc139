#include "core/utf8.h"

#include <unicode/utf8.h>

namespace newsfuse {

std::optional<size_t> FirstInvalidUtf8(std::string_view text) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < n) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);  // ICU's strict decoder: rejects overlongs and surrogates
    if (c < 0) return static_cast<size_t>(start);
  }
  return std::nullopt;
}

bool LooksBinary(std::string_view bytes) {
  size_t control = 0;
  for (unsigned char c : bytes) {
    if (c == 0) return true;
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') ++control;
  }
  return control * 100 > bytes.size();
}

}  // namespace newsfuse
