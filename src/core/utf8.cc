#include "core/utf8.h"

#include <unicode/utf16.h>
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

std::optional<Utf16Sniff> SniffUtf16(std::string_view bytes) {
  if (bytes.starts_with("\xFF\xFE")) return Utf16Sniff{Utf16Order::kLittleEndian, 2};
  if (bytes.starts_with("\xFE\xFF")) return Utf16Sniff{Utf16Order::kBigEndian, 2};
  // Without a BOM: ASCII in UTF-16 is a NUL beside every character. A
  // sample of 4 KiB decides in constant time and holds the markup of any page.
  const std::string_view sample = bytes.substr(0, 4096);
  const size_t units = sample.size() / 2;
  if (units < 16) return std::nullopt;
  size_t nul_even = 0, nul_odd = 0;
  for (size_t i = 0; i + 1 < sample.size(); i += 2) {
    nul_even += sample[i] == '\0';
    nul_odd += sample[i + 1] == '\0';
  }
  auto lopsided = [&](size_t many, size_t few) { return many * 4 >= units && few * 100 <= units; };
  if (lopsided(nul_odd, nul_even)) return Utf16Sniff{Utf16Order::kLittleEndian, 0};
  if (lopsided(nul_even, nul_odd)) return Utf16Sniff{Utf16Order::kBigEndian, 0};
  return std::nullopt;
}

std::string Utf16ToUtf8(std::string_view bytes, Utf16Order order) {
  const auto* b = reinterpret_cast<const uint8_t*>(bytes.data());
  const size_t units = bytes.size() / 2;
  auto unit = [&](size_t i) -> uint16_t {
    const uint16_t lo = b[2 * i], hi = b[2 * i + 1];
    return order == Utf16Order::kLittleEndian ? static_cast<uint16_t>(hi << 8 | lo)
                                              : static_cast<uint16_t>(lo << 8 | hi);
  };
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 2);
  for (size_t i = 0; i < units; ++i) {
    UChar32 c = unit(i);
    if (U16_IS_LEAD(c) && i + 1 < units && U16_IS_TRAIL(unit(i + 1))) {
      c = U16_GET_SUPPLEMENTARY(c, unit(i + 1));
      ++i;
    } else if (U16_IS_SURROGATE(c)) {
      c = 0xFFFD;
    }
    char buf[4];
    int32_t n = 0;
    U8_APPEND_UNSAFE(buf, n, c);
    out.append(buf, static_cast<size_t>(n));
  }
  if (bytes.size() % 2 != 0) out += "\xEF\xBF\xBD";
  return out;
}

bool LooksBinary(std::string_view bytes) {
  if (SniffUtf16(bytes)) return false;
  size_t control = 0;
  for (unsigned char c : bytes) control += IsControlByte(c);
  return TooManyControlBytes(control, bytes.size());
}

}  // namespace newsfuse
