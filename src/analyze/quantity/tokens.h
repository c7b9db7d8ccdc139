// A sentence's tokens as the quantity scanner reads them: a view over the
// article's one scan (text/tokens.h), so numbers are cut exactly where every
// other stage cuts them.
//
// The base scan already has the pieces numbers are read from: runs of letters
// (with inner apostrophes and dotted abbreviations such as "U.S." or "a.m."),
// runs of digits (with thousands commas and a decimal point: "1,200", "1.5"),
// and single symbols, letters and digits cut apart ("5km", "G7", "21st"). Each
// token records whether whitespace preceded it, which is what tells "F-16" (a
// name) from "- 16" and "$5m" from "$5 m". This side array copies the facts
// the scanner tests per token, for one sentence at a time.
#pragma once

#include <cstdint>
#include <vector>

#include "text/tokens.h"

namespace newsfuse::analyze::quantity {

enum class TokenKind : uint8_t { kWord, kNumber, kSymbol };

struct Token {
  uint32_t begin = 0;  // byte offsets into the article body
  uint32_t end = 0;
  TokenKind kind = TokenKind::kWord;
  bool glued = false;    // no whitespace between this token and the previous one
  bool capital = false;  // a word that starts with an upper-case letter (any script)
  bool ascii = true;     // no byte above 0x7F
};

// Replaces `out` with the tokens of sentence `sentence` of `tokens`.
// REQUIRES: sentence < tokens.sentence_first.size() - 1.
void SentenceTokens(const text::Tokens& tokens, size_t sentence, std::vector<Token>& out);

}  // namespace newsfuse::analyze::quantity
