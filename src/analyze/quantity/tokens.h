// A sentence cut into the pieces numbers are read from.
//
// Coarser than a word tokenizer and much cheaper: runs of letters (with inner
// apostrophes and dotted abbreviations such as "U.S." or "a.m."), runs of
// digits (with thousands commas and a decimal point: "1,200", "1.5"), and
// single symbols. Letters and digits are cut apart ("5km", "G7", "21st"), and
// each token records whether whitespace preceded it, which is what tells
// "F-16" (a name) from "- 16" and "$5m" from "$5 m".
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace newsfuse::analyze::quantity {

enum class TokenKind : uint8_t { kWord, kNumber, kSymbol };

struct Token {
  uint32_t begin = 0;  // byte offsets into the text given to Tokenize (plus base)
  uint32_t end = 0;
  TokenKind kind = TokenKind::kWord;
  bool glued = false;    // no whitespace between this token and the previous one
  bool capital = false;  // a word that starts with an upper-case ASCII letter
};

// Replaces `out` with the tokens of `text`; offsets are shifted by `base`.
void Tokenize(std::string_view text, uint32_t base, std::vector<Token>& out);

}  // namespace newsfuse::analyze::quantity
