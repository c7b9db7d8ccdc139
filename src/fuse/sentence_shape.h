// Sentence shape: whether a sentence can stand alone in a summary, judged on
// its words, quotation marks and capitals. Internal to src/fuse.
#pragma once

#include <cstddef>
#include <string_view>

#include "text/tokens.h"

namespace newsfuse::fuse {

// Read from the one token scan (text/tokens.h), so a word here is the words
// and numbers other stages see.
struct SentenceShape {
  int words = 0;          // word and number tokens, glued runs ("F-16", "5km", "don't") once
  int quoted_words = 0;   // of those, inside quotation marks
  int letters = 0;        // code points in word tokens
  int upper = 0;          // of those, capitals: all of an all-caps word, else a capital initial
  bool question = false;  // ends in '?' (closing quotes and brackets aside)
  // Opens with a demonstrative standing for what came before: "That's
  // enough to fill a pool", "This was the first ...". Alone it points nowhere.
  bool points_back = false;
  // Closes a quotation it never opened: the tail of someone's words whose
  // opening, and speaker, are in an earlier sentence ("... which is a big
  // one.”").
  bool quote_tail = false;
};

// The quotation mark at token `i`: +1 opens (\u201c or ``), -1 closes
// (\u201d or ''), 2 toggles (the straight '"'), 0 for any other token. Wire
// copy's ``...'' come as two glued one-character symbols; `width` is set to
// the tokens the mark takes (1 or 2).
int QuoteMarkAt(const text::Tokens& tokens, size_t i, size_t* width);

// Never fails: an invalid byte is a symbol.
SentenceShape ShapeOf(std::string_view sentence);
// The same over tokens [begin, end) of a scan already made (one sentence's).
SentenceShape ShapeOf(const text::Tokens& tokens, size_t begin, size_t end);

// False for what a summary cannot use alone: fragments, questions, short
// quotations with little around them, subheads set in capitals, sentences
// that point back at the one before, the tail of a quotation.
bool UsableAlone(const SentenceShape& shape);

}  // namespace newsfuse::fuse
