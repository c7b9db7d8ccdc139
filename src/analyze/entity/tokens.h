// Word tokens for the entity recogniser: just what it needs to find names.
//
// A token is a byte span of the body with case flags; its lower-case form is
// the same span of one lowered copy of the body (no string per token). News-specific shapes are
// kept whole: dotted acronyms and initials ("U.S.", "J."), rank abbreviations
// with their period ("Adm."), internal apostrophes and hyphens ("O'Brien",
// "Kyung-min"). A possessive "'s" becomes its own token, so "Zelensky's"
// yields the name "Zelensky". A hyphenated word whose first part is a place or
// nationality ("US-brokered") is split so that part can be tagged.
//
// The tokens are a view over the article's one scan (text/tokens.h, issue
// 17): an entity word is a run of glued base words and numbers, joined across
// a hyphen or an apostrophe, with the period of an initial or a rank
// abbreviation; only a possessive is cut inside a base token. A number is whole ("1,200", "12.5"):
// numbers are never names.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/records.h"
#include "text/tokens.h"

namespace newsfuse::analyze::entity {

class Gazetteer;

enum TokenFlag : uint16_t {
  kWord = 1u << 0,           // letters or digits (else punctuation)
  kCapital = 1u << 1,        // starts with an upper-case letter
  kAllCaps = 1u << 2,        // two or more letters, none lower case ("UAE", "U.S.")
  kPossessive = 1u << 3,     // the "'s" / "’s" / "'" of a possessive
  kDigit = 1u << 4,          // contains a digit
  kSentenceStart = 1u << 5,  // first word of its sentence (after opening quotes)
  kPeriod = 1u << 6,         // ends with a period that is part of it ("Adm.", "U.S.")
};

struct Token {
  uint32_t begin = 0, end = 0;  // byte span in the body
  uint32_t sentence = 0;        // index into AnnotatedArticle::sentences
  uint16_t flags = 0;
  bool Has(uint16_t f) const { return (flags & f) != 0; }
};

struct Tokens {
  std::vector<Token> list;
  // The scanned text with A-Z lowered, so a token's lower-case form sits at
  // its own span: lowering the body once costs less than copying each key.
  std::string keys;

  // The token's lower-case form without a final period of its own ("adm.",
  // "u.s." -> "adm", "u.s"), the word the lists hold.
  std::string_view Key(const Token& t) const {
    const uint32_t end = t.Has(kPeriod) && t.end > t.begin ? t.end - 1 : t.end;
    return std::string_view(keys).substr(t.begin, end - t.begin);
  }
};

// The entity tokens of each sentence of the scan `base`, into `out` (cleared
// first); spans are into base.text, sentence indexes are base's.
void Tokenize(const text::Tokens& base, const Gazetteer& gazetteer, Tokens& out);
// Scans `body` first (text::Tokenize), then as above.
void Tokenize(std::string_view body, const std::vector<Sentence>& sentences,
              const Gazetteer& gazetteer, Tokens& out);

}  // namespace newsfuse::analyze::entity
