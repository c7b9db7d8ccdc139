#include "text/tokens.h"

#include <unicode/ucasemap.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <memory>

#include "core/strings.h"

namespace newsfuse::text {
namespace {

enum class Class : uint8_t { kSpace, kLetter, kDigit, kApostrophe, kPeriod, kSymbol };

struct CodePoint {
  UChar32 c = 0;
  uint32_t len = 1;
  Class cls = Class::kSymbol;
};

// Most of a news text is ASCII: its classes come from a table.
constexpr Class AsciiClass(int c) {
  if (c == ' ' || (c >= '\t' && c <= '\r')) return Class::kSpace;
  if (c >= '0' && c <= '9') return Class::kDigit;
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return Class::kLetter;
  if (c == '\'') return Class::kApostrophe;
  if (c == '.') return Class::kPeriod;
  return Class::kSymbol;
}
struct AsciiTable {
  Class cls[128];
  constexpr AsciiTable() : cls() {
    for (int c = 0; c < 128; ++c) cls[c] = AsciiClass(c);
  }
};
constexpr AsciiTable kAscii;

Class ClassOf(UChar32 c) {
  if (c >= 0 && c < 0x80) return kAscii.cls[c];
  if (c < 0) return Class::kSymbol;  // an invalid byte
  if (c == 0x2019) return Class::kApostrophe;
  if (u_isUWhiteSpace(c)) return Class::kSpace;
  // Alphabetic covers letters of every script, ideographs and the letter-like
  // marks; combining marks ("e" + U+0301) and other scripts' digits stay
  // inside a word rather than cutting it.
  if (u_hasBinaryProperty(c, UCHAR_ALPHABETIC)) return Class::kLetter;
  const int8_t cat = u_charType(c);
  if (cat == U_NON_SPACING_MARK || cat == U_COMBINING_SPACING_MARK || cat == U_ENCLOSING_MARK ||
      cat == U_DECIMAL_DIGIT_NUMBER)
    return Class::kLetter;
  return Class::kSymbol;
}

CodePoint NonAsciiAt(std::string_view s, size_t i, size_t end) {
  CodePoint cp;
  auto j = static_cast<int32_t>(i);
  U8_NEXT(s.data(), j, static_cast<int32_t>(end), cp.c);
  cp.len = static_cast<uint32_t>(j - static_cast<int32_t>(i));
  if (cp.c < 0) cp.len = 1;  // one bad byte, one symbol token
  cp.cls = ClassOf(cp.c);
  return cp;
}

// The code point at byte i. The scan asks this of every token start and
// space: the ASCII case is kept small enough to inline.
inline CodePoint At(std::string_view s, size_t i, size_t end) {
  const auto b = static_cast<unsigned char>(s[i]);
  if (b >= 0x80) return NonAsciiAt(s, i, end);
  CodePoint cp;
  cp.c = b;
  cp.cls = kAscii.cls[b];
  return cp;
}

bool IsCapitalLetter(UChar32 c) {
  return c < 0x80 ? (c >= 'A' && c <= 'Z') : (u_isupper(c) || u_istitle(c));
}

class SentenceScanner {
 public:
  SentenceScanner(std::string_view s, std::vector<Token>& out, uint32_t sentence)
      : s_(s), out_(out), sentence_(sentence) {}

  void Run(size_t begin, size_t end) {
    size_t i = begin;
    uint16_t before = kSpaceBefore | kSentenceStart;
    bool newline = false;  // a '\n' since the last token, only spaces after it
    while (i < end) {
      const CodePoint cp = At(s_, i, end);
      if (cp.cls == Class::kSpace) {
        before |= kSpaceBefore;
        if (cp.c == '\n' || cp.c == '\r' || cp.c == 0x2028 || cp.c == 0x2029) before |= kLineBefore;
        if (cp.c == '\n') {
          if (newline) before |= kParagraphBefore;
          newline = true;
        }
        i += cp.len;
        continue;
      }
      newline = false;
      Token t;
      t.begin = static_cast<uint32_t>(i);
      t.sentence = sentence_;
      t.flags = before;
      before = 0;
      if (cp.cls == Class::kDigit) {
        t.kind = Kind::kNumber;
        i = Number(i, end);
      } else if (cp.cls == Class::kLetter) {
        t.kind = Kind::kWord;
        i = Word(i, end, cp, t.flags);
      } else {
        t.kind = Kind::kSymbol;
        i += cp.len;
      }
      t.end = static_cast<uint32_t>(i);
      out_.push_back(t);
    }
  }

 private:
  size_t Number(size_t i, size_t end) const {
    while (i < end) {
      if (IsAsciiDigit(s_[i])) {
        ++i;
      } else if (s_[i] == ',' && i + 3 < end && IsAsciiDigit(s_[i + 1]) &&
                 IsAsciiDigit(s_[i + 2]) && IsAsciiDigit(s_[i + 3]) &&
                 (i + 4 >= end || !IsAsciiDigit(s_[i + 4]))) {
        i += 4;  // a thousands group: exactly three digits after the comma
      } else if (s_[i] == '.' && i + 1 < end && IsAsciiDigit(s_[i + 1])) {
        ++i;
      } else {
        break;
      }
    }
    return i;
  }

  size_t Word(size_t i, size_t end, CodePoint first, uint16_t& flags) const {
    int letters = 0, lower = 0;
    bool dotted = false, apostrophe = false, non_ascii = false, first_letter = true;
    CodePoint cp = first;
    while (true) {
      if (cp.cls == Class::kLetter && cp.c < 0x80) {
        // The common case: a run of ASCII letters, no lookups.
        if (first_letter && cp.c <= 'Z') flags |= kCapital;
        first_letter = false;
        while (i < end) {
          const auto b = static_cast<unsigned char>(s_[i]);
          if (b >= 'a' && b <= 'z') {
            ++lower;
          } else if (!(b >= 'A' && b <= 'Z')) {
            break;
          }
          ++letters;
          ++i;
        }
      } else if (cp.cls == Class::kLetter) {
        if (cp.c >= 0x80) non_ascii = true;
        if (cp.c < 0x80 ? (cp.c >= 'a' && cp.c <= 'z') : u_islower(cp.c) != 0) ++lower;
        if (first_letter && IsCapitalLetter(cp.c)) flags |= kCapital;
        if (cp.c >= 0x80 ? u_isalpha(cp.c) != 0 : true) ++letters;
        first_letter = false;
        i += cp.len;
      } else if ((cp.cls == Class::kApostrophe || cp.cls == Class::kPeriod) && i + cp.len < end &&
                 At(s_, i + cp.len, end).cls == Class::kLetter) {
        (cp.cls == Class::kPeriod ? dotted : apostrophe) = true;
        if (cp.c >= 0x80) non_ascii = true;
        i += cp.len;
      } else {
        break;
      }
      if (i >= end) break;
      cp = At(s_, i, end);
    }
    // "U.S." and "a.m." keep their final period; "Feb." does not, so the
    // period stays a token and a sentence-final period is never swallowed
    // by a plain word.
    if (dotted && i < end && s_[i] == '.') ++i;
    if (letters >= 2 && lower == 0) flags |= kAllCaps;
    if (dotted) flags |= kDotted;
    if (apostrophe) flags |= kInnerApostrophe;
    if (non_ascii) flags |= kNonAscii;
    return i;
  }

  std::string_view s_;
  std::vector<Token>& out_;
  uint32_t sentence_;
};

bool IsSymbolOf(const Tokens& t, size_t i, char c) {
  return i < t.size() && t[i].IsSymbol() && t.Text(i) == std::string_view(&c, 1);
}

}  // namespace

bool IsNumberOf(const Tokens& t, size_t i, size_t min_digits, size_t max_digits) {
  if (i >= t.size() || !t[i].IsNumber()) return false;
  const std::string_view s = t.Text(i);
  if (s.size() < min_digits || s.size() > max_digits) return false;
  for (char c : s)
    if (!IsAsciiDigit(c)) return false;
  return true;
}

// The line and paragraph flags of the text between two sentences' tokens,
// read as the scanner reads the spaces inside one (a blank line is two
// '\n' with only spaces between; anything else between resets that).
uint16_t BreaksBetween(std::string_view text, size_t from, size_t to) {
  uint16_t flags = 0;
  bool newline = false;
  for (size_t i = from; i < to; ++i) {
    const char c = text[i];
    if (c == '\n') {
      flags |= newline ? kLineBefore | kParagraphBefore : kLineBefore;
      newline = true;
    } else if (c == '\r') {
      flags |= kLineBefore;
    } else if (c != ' ' && c != '\t' && c != '\f' && c != '\v') {
      newline = false;
    }
  }
  return flags;
}

void Tokenize(std::string_view text, const std::vector<Sentence>& sentences, Tokens& out) {
  if (sentences.empty()) {
    Tokenize(text, out);
    return;
  }
  out.text = text;
  out.list.clear();
  out.sentence_first.clear();
  out.list.reserve(text.size() / 4 + 16);
  out.sentence_first.reserve(sentences.size() + 1);
  for (size_t k = 0; k < sentences.size(); ++k) {
    out.sentence_first.push_back(static_cast<uint32_t>(out.list.size()));
    const Span sp = sentences[k].span;
    if (sp.end > text.size() || sp.begin >= sp.end) continue;
    const size_t first = out.list.size();
    SentenceScanner(text, out.list, static_cast<uint32_t>(k)).Run(sp.begin, sp.end);
    if (first == out.list.size()) continue;
    Token& t = out.list[first];
    t.flags |= BreaksBetween(text, first == 0 ? 0 : out.list[first - 1].end, t.begin);
  }
  out.sentence_first.push_back(static_cast<uint32_t>(out.list.size()));
}

void Tokenize(std::string_view text, Tokens& out) {
  out.text = text;
  out.list.clear();
  out.sentence_first.assign(1, 0);
  SentenceScanner(text, out.list, 0).Run(0, text.size());
  out.sentence_first.push_back(static_cast<uint32_t>(out.list.size()));
}

size_t ClockAt(const Tokens& t, size_t i) {
  if (IsNumberOf(t, i, 1, 2) && t.Glued(i) && IsSymbolOf(t, i + 1, ':') && t.Glued(i + 1) &&
      IsNumberOf(t, i + 2, 2, 2))
    return i + 3;
  return i;
}

size_t IsoDateAt(const Tokens& t, size_t i) {
  if (IsNumberOf(t, i, 4, 4) && t.Glued(i) && IsSymbolOf(t, i + 1, '-') && t.Glued(i + 1) &&
      IsNumberOf(t, i + 2, 2, 2) && t.Glued(i + 2) && IsSymbolOf(t, i + 3, '-') && t.Glued(i + 3) &&
      IsNumberOf(t, i + 4, 2, 2))
    return i + 5;
  return i;
}

size_t NumberWithSuffixAt(const Tokens& t, size_t i) {
  if (i < t.size() && t[i].IsNumber() && t.Glued(i) && t[i + 1].IsWord()) return i + 2;
  return i;
}

size_t GluedRunAt(const Tokens& t, size_t i) {
  if (i >= t.size()) return i;
  size_t j = i;
  while (t.Glued(j)) ++j;
  return j + 1;
}

bool StartsCapital(std::string_view word) {
  if (word.empty()) return false;
  const CodePoint cp = At(word, 0, word.size());
  return cp.cls == Class::kLetter && IsCapitalLetter(cp.c);
}

void AppendFolded(std::string_view token_text, std::string& out) {
  bool ascii = true;
  for (char c : token_text) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) {
    for (char c : token_text) out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
    return;
  }
  UErrorCode status = U_ZERO_ERROR;
  thread_local std::unique_ptr<UCaseMap, decltype(&ucasemap_close)> map(
      ucasemap_open(nullptr, U_FOLD_CASE_DEFAULT, &status), &ucasemap_close);
  const size_t base = out.size();
  // Folding grows a code point to at most three; UTF-8 at most 3x the bytes.
  out.resize(base + 3 * token_text.size() + 4);
  status = U_ZERO_ERROR;
  const int32_t n =
      ucasemap_utf8FoldCase(map.get(), out.data() + base, static_cast<int32_t>(out.size() - base),
                            token_text.data(), static_cast<int32_t>(token_text.size()), &status);
  if (U_FAILURE(status) || n < 0) {
    out.resize(base);
    out.append(token_text);  // unfoldable (invalid UTF-8): kept as written
    return;
  }
  out.resize(base + static_cast<size_t>(n));
}

bool ContinuesWord(const Tokens& t, size_t i, size_t begin) {
  if (i <= begin || i >= t.size() || t[i].Has(kSpaceBefore) || t[i].IsSymbol()) return false;
  if (t[i - 1].sentence != t[i].sentence) return false;
  if (!t[i - 1].IsSymbol()) return true;
  const std::string_view joiner = t.Text(i - 1);
  const bool joins = joiner == "-" || joiner == "'" || joiner == "\u2019";
  return joins && i >= begin + 2 && t.Glued(i - 2) && !t[i - 2].IsSymbol();
}

}  // namespace newsfuse::text
