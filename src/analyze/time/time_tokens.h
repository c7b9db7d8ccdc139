// The tokens of a text as the temporal rules see them.
//
// Rules match token sequences, not characters: "Feb. 5, 2026" is MONTH . DAY
// , YEAR whatever the spacing. A token carries its byte span, its lowercase
// text and the word classes it belongs to (from the lexicon, or from the
// shape of a number: "2026" is a YEAR, "5th" a DAYORD, "10:30" a CLOCK).
// Ambiguous names ("May", "March", "Sun") get their class only in a temporal
// context, decided here once so every rule sees the same reading.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/time/time_lexicon.h"
#include "text/tokens.h"

namespace newsfuse::analyze::time {

struct Feature {
  WordClass cls;
  int32_t num = 0;        // numeric value for shape classes (day, year, clock hhmm)
  std::string_view text;  // normalised value for lexicon classes ("02", "W", "X")
};

struct Token {
  uint32_t begin = 0, end = 0;  // bytes in the text
  std::string_view lower;       // lowercase form (ASCII folding)
  int32_t word = -1;            // WordEntry::id, -1 for a word the rules do not know
  bool capitalised = false;     // first character an uppercase letter
  uint32_t first_feature = 0;   // index into TokenizedText::features
  uint16_t feature_count = 0;
};

// Reused across calls on one thread: tokenizing an article allocates only
// when it is larger than any seen before.
struct TokenizedText {
  std::string lower;  // the text, ASCII-lowercased; Token::lower views into it
  std::vector<Token> tokens;
  std::vector<Feature> features;

  const Feature* Find(const Token& t, WordClass cls) const {
    for (uint32_t i = t.first_feature; i < t.first_feature + t.feature_count; ++i)
      if (features[i].cls == cls) return &features[i];
    return nullptr;
  }
  bool Has(const Token& t, WordClass cls) const { return Find(t, cls) != nullptr; }
};

// Reads the tokens of the one scan `base` (text/tokens.h) as the rules see
// them and assigns their classes. A base word is a rule token as it stands
// (so "Sánchez" is one token here as everywhere); numbers join their glued
// special cuts ("10:30", "2026-02-05", "2/5/2026", "5th", "10am"), which the
// rules read as one token. `base.text` must outlive `out` (Token::lower views
// a lower-cased copy, but spans index it).
void Tokenize(const text::Tokens& base, const WordTable& words, TokenizedText& out);
// The same, scanning `text` as one sentence first (tests, single sentences).
void Tokenize(std::string_view text, const WordTable& words, TokenizedText& out);

}  // namespace newsfuse::analyze::time
