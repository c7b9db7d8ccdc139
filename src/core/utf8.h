// UTF-8 and UTF-16 checks and byte-level UTF-8 helpers shared by every stage.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace newsfuse {

// Offset of the first byte that breaks UTF-8 well-formedness, or nullopt if
// the whole text is valid. Overlong forms and surrogates count as invalid.
std::optional<size_t> FirstInvalidUtf8(std::string_view text);

// Bytes in the UTF-8 sequence that `lead` starts: 1 to 4. A byte that cannot
// start a sequence (a continuation byte, 0xF8..0xFF) counts as 1, so a scanner
// that steps by it always moves forward and steps over a stray byte alone.
// The caller must still clamp to the text's end: a truncated sequence is
// shorter than its lead byte says.
constexpr size_t Utf8SequenceLength(unsigned char lead) {
  if (lead < 0xC0) return 1;
  if (lead < 0xE0) return 2;
  if (lead < 0xF0) return 3;
  if (lead < 0xF8) return 4;
  return 1;
}

// Number of code points in `text`, counted as the bytes that are not
// continuation bytes; well-formedness is not checked (FirstInvalidUtf8 does).
constexpr size_t Utf8Length(std::string_view text) {
  size_t n = 0;
  for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// `text` cut to at most `max_bytes` without splitting a UTF-8 sequence: the
// cut moves back to the start of the sequence it would fall into. A view into
// `text`, which must outlive it.
constexpr std::string_view Utf8Prefix(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  size_t n = max_bytes;
  while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
  return text.substr(0, n);
}

enum class Utf16Order : uint8_t { kLittleEndian, kBigEndian };

struct Utf16Sniff {
  Utf16Order order = Utf16Order::kLittleEndian;
  size_t bom_bytes = 0;  // 2 when the bytes start with a byte-order mark, else 0
};

// Whether `bytes` are UTF-16 text: a byte-order mark (FF FE, FE FF), or,
// without one, the NUL pattern of markup or Latin text in UTF-16 (in the first
// 4 KiB, at least a quarter of the code units have a NUL high byte on one side
// and at most 1% on the other). UTF-8's BOM (EF BB BF) is not confused with it.
// Random binary data has NULs on both sides and is not taken for UTF-16.
std::optional<Utf16Sniff> SniffUtf16(std::string_view bytes);

// Decodes UTF-16 `bytes` (no BOM) to UTF-8. An unpaired surrogate or a final
// odd byte becomes U+FFFD, so the result is always valid UTF-8.
std::string Utf16ToUtf8(std::string_view bytes, Utf16Order order);

// A byte that text does not hold: NUL and the C0 controls other than tab,
// newline, CR, form feed and the charset shifts ESC, SO and SI that ISO-2022
// text uses.
inline bool IsControlByte(unsigned char c) {
  return c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B && c != 0x0E &&
         c != 0x0F;
}

// True if the bytes look like binary data rather than text: more than 1% of
// them, and more than kStrayControlBytes, are control bytes (IsControlByte).
// UTF-16 text (SniffUtf16) is not binary.
// A few stray NULs in a page of text are thus text, as browsers treat them.
bool LooksBinary(std::string_view bytes);

// As many control bytes as a page may hold, whatever its size, and still be
// text: a stray NUL or two from a broken crawler is not evidence of binary.
inline constexpr size_t kStrayControlBytes = 4;

// True when `count` control bytes in `size` bytes are too many for text: more
// than 1% of them and more than kStrayControlBytes. LooksBinary's rule, for
// callers that count a narrower set of bytes (e.g. only NULs in HTML, whose
// legacy charsets may use other control bytes).
inline bool TooManyControlBytes(size_t count, size_t size) {
  return count > kStrayControlBytes && count * 100 > size;
}

}  // namespace newsfuse
