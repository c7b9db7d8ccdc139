// The one scan of an article: tokens with byte spans and shape, read by every
// stage that looks at words (issue 17).
//
// Run once per article beside the sentence split (Analyze does it); each
// annotator reads the same tokens and keeps its own lexicon classes in side
// arrays indexed by token, so two stages can no longer disagree on where a
// word starts or whether "Sánchez" is one.
//
// The cut is the finest any stage needs; coarser readings are views over it:
// - a word is a run of letters (any script: Unicode alphabetic code points and
//   combining marks), with an inner apostrophe (' or ’: "O'Brien", "don’t")
//   or an inner period ("U.S.", "a.m.") kept inside; a dotted word keeps its
//   final period too ("U.S."), a plain word does not ("Feb" then ".");
// - a number is a run of ASCII digits with thousands groups (",ddd", exactly
//   three digits) and a decimal part (".5"): "1,200.5" is one token;
// - every other visible code point is a symbol token of its own ("$", "-",
//   "’" when not inside a word, "。");
// - letters and digits are cut apart: "5km" is 5|km, "G7" G|7, "2026-02-05"
//   2026|-|02|-|05. Glued() and the Cut helpers read those back as one.
// Whitespace (Unicode White_Space, including no-break and thin spaces) makes
// no token; it sets kSpaceBefore on the next token. Tokens never cross a
// sentence span. Scripts written without spaces (Chinese, Japanese) are not
// segmented into words: a run of ideographs is one word token.
//
// Invalid UTF-8 never fails the scan: each bad byte is a one-byte symbol token.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/records.h"

namespace newsfuse::text {

enum class Kind : uint8_t { kWord, kNumber, kSymbol };

enum TokenFlag : uint16_t {
  kSpaceBefore = 1u << 0,      // whitespace or the sentence start precedes it
  kCapital = 1u << 1,          // a word whose first letter is upper or title case (any script)
  kAllCaps = 1u << 2,          // a word of two or more letters, none lower case ("UAE", "U.S.")
  kInnerApostrophe = 1u << 3,  // a word with ' or ’ inside ("O'Brien", "Zelenskyy’s")
  kDotted = 1u << 4,           // a word with inner periods, final one included ("U.S.", "a.m.")
  kNonAscii = 1u << 5,         // has a code point above U+007F
  kSentenceStart = 1u << 6,    // the first token of its sentence
  kLineBefore = 1u << 7,       // a line break lies between it and the previous token
  kParagraphBefore = 1u << 8,  // a blank line ("\n", only spaces, "\n") lies there
};

struct Token {
  uint32_t begin = 0, end = 0;  // byte span in the scanned text
  uint32_t sentence = 0;        // index of its sentence (0 when scanned without sentences)
  Kind kind = Kind::kSymbol;
  uint16_t flags = 0;
  bool Has(uint16_t f) const { return (flags & f) != 0; }
  bool IsWord() const { return kind == Kind::kWord; }
  bool IsNumber() const { return kind == Kind::kNumber; }
  bool IsSymbol() const { return kind == Kind::kSymbol; }
};

// The tokens of one text, in order, with each sentence's token range.
// `text` views the scanned text, which must outlive this object (for an
// article: AnnotatedArticle::body).
struct Tokens {
  std::string_view text;
  std::vector<Token> list;
  std::vector<uint32_t> sentence_first;  // first token of sentence i; size = sentences + 1

  size_t size() const { return list.size(); }
  const Token& operator[](size_t i) const { return list[i]; }
  std::string_view Text(const Token& t) const { return text.substr(t.begin, t.end - t.begin); }
  std::string_view Text(size_t i) const { return Text(list[i]); }
  // True when token i+1 follows token i with no space between ("5|km", "G|7").
  bool Glued(size_t i) const {
    return i + 1 < list.size() && !list[i + 1].Has(kSpaceBefore) &&
           list[i + 1].sentence == list[i].sentence;
  }
  // The half-open token range of sentence `s`.
  uint32_t SentenceBegin(size_t s) const { return sentence_first[s]; }
  uint32_t SentenceEnd(size_t s) const { return sentence_first[s + 1]; }
};

// Scans each sentence span of `text` (spans outside the text or empty give
// no tokens); line and paragraph breaks between two spans mark the first
// token of the second (kLineBefore, kParagraphBefore); with no sentences at all, scans the whole
// text as one sentence (an article too short or odd for the splitter still has words). Replaces
// `out`; reuses its buffers.
void Tokenize(std::string_view text, const std::vector<Sentence>& sentences, Tokens& out);
// Scans `text` as one sentence.
void Tokenize(std::string_view text, Tokens& out);

// True when token `i` exists and is a number of min_digits..max_digits
// ASCII digits and nothing else (no group comma or decimal point): the
// pieces the special cuts below and the time rules' dates are made of.
bool IsNumberOf(const Tokens& t, size_t i, size_t min_digits, size_t max_digits);

// Special cuts, read as views over the base tokens. Each returns the index
// one past its last token, or `i` when the tokens at `i` are not that shape.
// "10:30" / "9:05": number(1-2 digits) ':' number(2 digits), glued.
size_t ClockAt(const Tokens& t, size_t i);
// "2026-02-05": number(4) '-' number(2) '-' number(2), glued.
size_t IsoDateAt(const Tokens& t, size_t i);
// "5km", "21st", "1990s": a number with a word glued after it.
size_t NumberWithSuffixAt(const Tokens& t, size_t i);
// The glued run starting at `i`: "F-16", "G7", "Kyung-min" (never empty).
size_t GluedRunAt(const Tokens& t, size_t i);

// True when token `i` (a word or number) continues the word before it
// rather than starting one: glued to a word or number ("5|km", "G|7"), or
// glued across a hyphen or apostrophe between two ("F-16", "co-founder",
// "rock'n"). Tokens before `begin` are not looked at. Counting the tokens
// for which this is false counts words as a reader does.
bool ContinuesWord(const Tokens& t, size_t i, size_t begin = 0);

// True when `word` starts with an upper or title case letter: the scan's
// kCapital test, for a part of a word token ("Brien" of "O'Brien").
bool StartsCapital(std::string_view word);

// The case-folded form of a token (Unicode full case folding: "Sánchez" ->
// "sánchez", "STRASSE" and "Straße" -> "strasse"), appended to `out`.
void AppendFolded(std::string_view token_text, std::string& out);

}  // namespace newsfuse::text
