#include "analyze/quantity/tokens.h"

#include "core/utf8.h"

namespace newsfuse::analyze::quantity {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Non-ASCII code points that are symbols or spaces rather than letters:
// currency signs, degree, dashes, curly quotes, minus, no-break spaces.
// Everything else above ASCII is read as a letter, which keeps "Zaporizhzhia"
// and "Zelenskyy’s" whole.
enum class Class : uint8_t { kSpace, kLetter, kDigit, kSymbol, kApostrophe };

Class ClassifyAt(std::string_view s, size_t i, uint32_t& len) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  len = 1;
  if (c < 0x80) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
      return Class::kSpace;
    if (IsDigit(static_cast<char>(c))) return Class::kDigit;
    if (IsAsciiLetter(static_cast<char>(c))) return Class::kLetter;
    if (c == '\'') return Class::kApostrophe;
    return Class::kSymbol;
  }
  len = static_cast<uint32_t>(Utf8SequenceLength(c));
  if (i + len > s.size()) len = static_cast<uint32_t>(s.size() - i);
  const std::string_view seq = s.substr(i, len);
  if (seq == "\u00a0" || seq == "\u2009" || seq == "\u202f" || seq == "\u2007")
    return Class::kSpace;
  if (seq == "\u2019") return Class::kApostrophe;
  if (len == 2 && c == 0xC2) return Class::kSymbol;        // £ ¥ ° « » and Latin-1 punctuation
  if (len == 2 && seq == "\u00d7") return Class::kSymbol;  // ×
  if (len == 3 && c == 0xE2) return Class::kSymbol;        // general punctuation, currency, math
  if (len == 3 && seq == "\uff05") return Class::kSymbol;
  return Class::kLetter;
}

}  // namespace

void Tokenize(std::string_view s, uint32_t base, std::vector<Token>& out) {
  out.clear();
  size_t i = 0;
  bool glued = false;
  while (i < s.size()) {
    uint32_t len = 0;
    const Class cls = ClassifyAt(s, i, len);
    if (cls == Class::kSpace) {
      i += len;
      glued = false;
      continue;
    }
    Token t;
    t.begin = static_cast<uint32_t>(i);
    t.glued = glued && !out.empty();
    if (cls == Class::kDigit) {
      t.kind = TokenKind::kNumber;
      size_t j = i;
      while (j < s.size()) {
        if (IsDigit(s[j])) {
          ++j;
        } else if (s[j] == ',' && j + 3 < s.size() && IsDigit(s[j + 1]) && IsDigit(s[j + 2]) &&
                   IsDigit(s[j + 3]) && (j + 4 >= s.size() || !IsDigit(s[j + 4]))) {
          j += 4;  // a thousands group: exactly three digits after the comma
        } else if (s[j] == '.' && j + 1 < s.size() && IsDigit(s[j + 1])) {
          ++j;
        } else {
          break;
        }
      }
      i = j;
    } else if (cls == Class::kLetter || cls == Class::kApostrophe) {
      t.kind = cls == Class::kLetter ? TokenKind::kWord : TokenKind::kSymbol;
      t.capital = s[i] >= 'A' && s[i] <= 'Z';
      i += len;
      if (t.kind == TokenKind::kWord) {
        bool dotted = false;
        while (i < s.size()) {
          uint32_t l2 = 0;
          const Class c2 = ClassifyAt(s, i, l2);
          if (c2 == Class::kLetter) {
            i += l2;
          } else if ((c2 == Class::kApostrophe || s[i] == '.') && i + l2 < s.size()) {
            uint32_t l3 = 0;
            if (ClassifyAt(s, i + l2, l3) != Class::kLetter) break;
            dotted = dotted || s[i] == '.';
            i += l2;
          } else {
            break;
          }
        }
        // "U.S." and "a.m." keep their final period; "Feb." does not, so the
        // period stays a token of its own and "Feb" reads as a month.
        if (dotted && i < s.size() && s[i] == '.') ++i;
      }
    } else {
      t.kind = TokenKind::kSymbol;
      i += len;
    }
    t.begin += base;
    t.end = static_cast<uint32_t>(i) + base;
    out.push_back(t);
    glued = true;
  }
}

}  // namespace newsfuse::analyze::quantity
