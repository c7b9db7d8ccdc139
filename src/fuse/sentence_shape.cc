#include "fuse/sentence_shape.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdint>

namespace newsfuse::fuse {
namespace {

constexpr int kMinWords = 6;         // fragments, datelines, captions
constexpr int kShortQuoteWords = 8;  // `"We agreed," he said.` says little alone

}  // namespace

SentenceShape ShapeOf(std::string_view s) {
  SentenceShape shape;
  bool in_word = false, in_quote = false;
  UChar32 last = 0;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) c = 0xFFFD;
    if (c == '"')
      in_quote = !in_quote;
    else if (c == 0x201C)
      in_quote = true;
    else if (c == 0x201D)
      in_quote = false;
    const bool word_char = u_isalnum(c);
    if (word_char && !in_word) {
      ++shape.words;
      if (in_quote) ++shape.quoted_words;
    }
    in_word = word_char || (in_word && (c == '\'' || c == 0x2019 || c == '-'));
    if (u_isalpha(c)) {
      ++shape.letters;
      if (u_isupper(c)) ++shape.upper;
    }
    if (!u_isUWhiteSpace(c) && c != '"' && c != 0x201D && c != 0x2019 && c != '\'' && c != ')') {
      last = c;
    }
  }
  shape.question = last == '?';
  return shape;
}

bool UsableAlone(const SentenceShape& s) {
  if (s.words < kMinWords) return false;
  if (s.question) return false;
  // Mostly a short quotation: the words are someone's, the content thin.
  if (s.quoted_words > 0 && s.quoted_words * 2 >= s.words && s.quoted_words < kShortQuoteWords) {
    return false;
  }
  // A subhead set in capitals ("RUSSIA SEES PROGRESS"), not a sentence.
  if (s.letters >= 3 && s.upper * 10 >= s.letters * 8) return false;
  return true;
}

}  // namespace newsfuse::fuse
