#include "fuse/sentence_shape.h"

#include <algorithm>

#include "core/strings.h"
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

// A demonstrative as the subject of a verb ("That's", "This was", "Those
// are") stands for the sentence before; as a determiner ("This week", "That
// decision") it does not, and the word after it tells which.
bool PointsBack(const text::Tokens& tokens, size_t begin, size_t end) {
  size_t first = begin;
  while (first < end && !tokens[first].IsWord()) {
    if (!tokens[first].IsSymbol()) return false;
    ++first;
  }
  if (first >= end || first != begin) return false;  // a quote mark first: someone's words
  std::string lowered = AsciiLower(tokens.Text(first));
  // The scan keeps "That's" one word.
  for (std::string_view contraction : {"'s", "\u2019s"}) {
    if (lowered.ends_with(contraction)) {
      lowered.resize(lowered.size() - contraction.size());
      return lowered == "this" || lowered == "that";
    }
  }
  if (lowered != "this" && lowered != "that" && lowered != "these" && lowered != "those")
    return false;
  if (first + 1 >= end || !tokens[first + 1].IsWord()) return false;
  static constexpr std::string_view kVerbs[] = {"is",    "was",    "are",   "were",  "has", "have",
                                                "had",   "will",   "would", "could", "can", "may",
                                                "might", "should", "means", "meant"};
  const std::string next = AsciiLower(tokens.Text(first + 1));
  return std::find(std::begin(kVerbs), std::end(kVerbs), next) != std::end(kVerbs);
}

}  // namespace

int QuoteMarkAt(const text::Tokens& tokens, size_t i, size_t* width) {
  *width = 1;
  const std::string_view x = tokens.Text(i);
  if (x == "\u201c") return 1;
  if (x == "\u201d") return -1;
  if (x == "\"") return 2;
  if ((x == "`" || x == "'") && tokens.Glued(i) && tokens.Text(i + 1) == x) {
    *width = 2;
    return x == "`" ? 1 : -1;
  }
  return 0;
}

SentenceShape ShapeOf(std::string_view s) {
  thread_local text::Tokens tokens;  // reused across sentences
  text::Tokenize(s, tokens);
  return ShapeOf(tokens, 0, tokens.size());
}

SentenceShape ShapeOf(const text::Tokens& tokens, size_t begin, size_t end) {
  end = std::min(end, tokens.size());
  SentenceShape shape;
  bool in_quote = false, seen_mark = false;
  int straight_marks = 0;
  std::string_view last;
  for (size_t i = begin; i < end; ++i) {
    const text::Token& t = tokens[i];
    const std::string_view tx = tokens.Text(t);
    if (t.IsSymbol()) {
      size_t width = 1;
      const int mark = QuoteMarkAt(tokens, i, &width);
      if (mark != 0 && i + width <= end) {
        if (mark == 2) {
          in_quote = !in_quote;
          ++straight_marks;
        } else if (mark > 0) {
          in_quote = true;
        } else {
          if (!in_quote && !seen_mark) shape.quote_tail = true;
          in_quote = false;
        }
        seen_mark = true;
        // A closing mark after '?' leaves the sentence a question.
        if (mark == 1) last = tx;
        i += width - 1;
        continue;
      }
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
  // One straight mark, closing the sentence: the tail of a quotation (a
  // straight mark that opens is followed by words, so it is not last).
  if (straight_marks == 1 && end > begin) {
    size_t k = end;
    while (k > begin && tokens[k - 1].IsSymbol() && tokens.Text(k - 1) != "\"") --k;
    if (k > begin && tokens.Text(k - 1) == "\"") shape.quote_tail = true;
  }
  shape.question = last == "?";
  shape.points_back = PointsBack(tokens, begin, end);
  return shape;
}

bool UsableAlone(const SentenceShape& s) {
  if (s.words < kMinWords) return false;
  if (s.question || s.points_back || s.quote_tail) return false;
  // Mostly a short quotation: the words are someone's, the content thin.
  if (s.quoted_words > 0 && s.quoted_words * 2 >= s.words && s.quoted_words < kShortQuoteWords) {
    return false;
  }
  // A subhead set in capitals ("RUSSIA SEES PROGRESS"), not a sentence.
  if (s.letters >= 3 && s.upper * 10 >= s.letters * 8) return false;
  return true;
}

}  // namespace newsfuse::fuse
