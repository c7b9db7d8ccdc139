#include "fuse/sentence_shape.h"

#include <algorithm>

#include "core/utf8.h"
#include "text/tokens.h"

namespace newsfuse::fuse {
namespace {

constexpr int kMinWords = 6;         // fragments, datelines, captions
constexpr int kShortQuoteWords = 8;  // `"We agreed," he said.` says little alone

// What may follow a final '?' and still leave the sentence a question.
bool Closing(std::string_view symbol) {
  return symbol == "\"" || symbol == "\u201d" || symbol == "\u2019" || symbol == "'" ||
         symbol == ")";
}

}  // namespace

SentenceShape ShapeOf(std::string_view s) {
  thread_local text::Tokens tokens;  // reused across sentences
  text::Tokenize(s, tokens);
  return ShapeOf(tokens, 0, tokens.size());
}

SentenceShape ShapeOf(const text::Tokens& tokens, size_t begin, size_t end) {
  end = std::min(end, tokens.size());
  SentenceShape shape;
  bool in_quote = false;
  std::string_view last;
  for (size_t i = begin; i < end; ++i) {
    const text::Token& t = tokens[i];
    const std::string_view tx = tokens.Text(t);
    if (t.IsSymbol()) {
      if (tx == "\"")
        in_quote = !in_quote;
      else if (tx == "\u201c")
        in_quote = true;
      else if (tx == "\u201d")
        in_quote = false;
      if (!Closing(tx)) last = tx;
      continue;
    }
    last = tx;
    // A word is a run of word and number tokens, glued directly or by a
    // hyphen or apostrophe: "5km", "F-16", "1,200" and "U.S." count once.
    if (!text::ContinuesWord(tokens, i, begin)) {
      ++shape.words;
      if (in_quote) ++shape.quoted_words;
    }
    if (t.IsWord()) {
      // Capitals by word shape: a word in capitals counts all its letters,
      // a capitalised word its first.
      const int n = static_cast<int>(Utf8Length(tx));
      shape.letters += n;
      shape.upper += t.Has(text::kAllCaps) ? n : t.Has(text::kCapital) ? 1 : 0;
    }
  }
  shape.question = last == "?";
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
