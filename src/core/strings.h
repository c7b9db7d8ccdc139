// Small byte-string helpers every stage needs, in one place so that the
// stages agree on what "space" and "lower case" mean.
//
// All of them look at ASCII only and pass every other byte through, so they
// are safe on UTF-8 (no multi-byte sequence contains an ASCII byte). Text
// that needs Unicode case or space rules goes through ICU (src/text) instead.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace newsfuse {

// ' ', tab, newline, carriage return, form feed, vertical tab: the C locale's
// isspace, without its locale dependence or its undefined behaviour on
// negative chars.
constexpr bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// The trims return views into `s`, so `s` must outlive the result.
constexpr std::string_view TrimLeft(std::string_view s) {
  while (!s.empty() && IsAsciiSpace(s.front())) s.remove_prefix(1);
  return s;
}
constexpr std::string_view TrimRight(std::string_view s) {
  while (!s.empty() && IsAsciiSpace(s.back())) s.remove_suffix(1);
  return s;
}
constexpr std::string_view Trim(std::string_view s) { return TrimRight(TrimLeft(s)); }

constexpr bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
constexpr bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
constexpr bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
constexpr bool IsAsciiLetter(char c) { return IsAsciiUpper(c) || IsAsciiLower(c); }
constexpr bool IsAsciiAlnum(char c) { return IsAsciiLetter(c) || IsAsciiDigit(c); }

constexpr char AsciiLower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// Lowers A-Z in place, eight bytes a step: annotators lower whole article
// bodies, and a byte at a time that was a measurable share of analysis.
inline void AsciiLowerInPlace(std::string& s) {
  constexpr uint64_t kEach = 0x0101010101010101ull;  // a byte's value, in every byte
  char* p = s.data();
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t x;
    std::memcpy(&x, p + i, 8);
    // Per byte, with its top bit cleared so no sum carries into the next:
    // +0x3F sets the top bit from 'A' up, +0x25 from '[' up; a byte is A-Z
    // when the first is set, the second not, and the byte itself is ASCII.
    const uint64_t low7 = x & (0x7F * kEach);
    const uint64_t upper = (low7 + 0x3F * kEach) & ~(low7 + 0x25 * kEach) & ~x & (0x80 * kEach);
    x |= upper >> 2;  // 0x80 -> 0x20, the case bit
    std::memcpy(p + i, &x, 8);
  }
  for (; i < s.size(); ++i) p[i] = AsciiLower(p[i]);
}

// A copy with A-Z lowered; "É" and every other non-ASCII byte are unchanged.
inline std::string AsciiLower(std::string_view s) {
  std::string out(s);
  AsciiLowerInPlace(out);
  return out;
}

}  // namespace newsfuse
