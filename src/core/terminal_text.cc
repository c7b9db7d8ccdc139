#include "core/terminal_text.h"

#include <unicode/utf8.h>

#include <cstdint>

namespace newsfuse {
namespace {

constexpr char kEsc = '\x1b';

// Length of the escape sequence that starts at s[i] (an ESC), so the whole
// sequence is dropped, not just its ESC (which would leave "[31m" behind).
// An unterminated string sequence runs to the end of the text.
size_t EscapeSequenceLength(std::string_view s, size_t i) {
  const size_t n = s.size();
  size_t j = i + 1;
  if (j >= n) return 1;
  const unsigned char kind = static_cast<unsigned char>(s[j]);
  if (kind == '[') {  // CSI: parameters 0x30-0x3F, intermediates 0x20-0x2F, final 0x40-0x7E
    ++j;
    while (j < n && static_cast<unsigned char>(s[j]) >= 0x20 &&
           static_cast<unsigned char>(s[j]) <= 0x3F)
      ++j;
    if (j < n && static_cast<unsigned char>(s[j]) >= 0x40 &&
        static_cast<unsigned char>(s[j]) <= 0x7E)
      ++j;
    return j - i;
  }
  if (kind == ']' || kind == 'P' || kind == 'X' || kind == '^' || kind == '_') {
    // OSC, DCS, SOS, PM, APC: a string ended by BEL (OSC) or ST (ESC \).
    for (++j; j < n; ++j) {
      if (s[j] == '\a') return j + 1 - i;
      if (s[j] == kEsc) return (j + 1 < n && s[j + 1] == '\\' ? j + 2 : j + 1) - i;
    }
    return n - i;
  }
  // nF forms: intermediates 0x20-0x2F then one final byte; else ESC + one byte.
  while (j < n && static_cast<unsigned char>(s[j]) >= 0x20 &&
         static_cast<unsigned char>(s[j]) <= 0x2F)
    ++j;
  if (j < n && static_cast<unsigned char>(s[j]) >= 0x30 && static_cast<unsigned char>(s[j]) <= 0x7E)
    ++j;
  return j - i;
}

std::string Sanitise(std::string_view text, bool one_line) {
  std::string out;
  out.reserve(text.size());
  const auto* b = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < n) {
    const unsigned char c = b[i];
    if (c < 0x80) {
      if (c == kEsc) {
        i += static_cast<int32_t>(EscapeSequenceLength(text, static_cast<size_t>(i)));
        continue;
      }
      ++i;
      if (c == '\n' || c == '\t') {
        out += one_line ? ' ' : static_cast<char>(c);
      } else if (c >= 0x20 && c != 0x7F) {
        out += static_cast<char>(c);
      }
      continue;
    }
    const int32_t start = i;
    UChar32 cp;
    U8_NEXT(b, i, n, cp);
    if (cp < 0) {
      out += "\xEF\xBF\xBD";
    } else if (cp >= 0x80 && cp <= 0x9F) {
      continue;  // C1 control: 0x9B is CSI to terminals that honour C1
    } else {
      out.append(text.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)));
    }
  }
  return out;
}

}  // namespace

std::string TerminalSafe(std::string_view text) { return Sanitise(text, false); }

std::string TerminalSafeLine(std::string_view text) { return Sanitise(text, true); }

}  // namespace newsfuse
