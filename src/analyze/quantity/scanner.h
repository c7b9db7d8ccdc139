// The quantity scanner: reads the quantities of one sentence at a time.
//
// The reading of a number, in order (each step may reject it):
//   1. the number itself: digits ("1,200", "1.5"), words ("twenty-five",
//      "a dozen", "three million"), shares ("a third of", "two-thirds", "one
//      in five"), with a sign ("minus 20", "-5");
//   2. what surrounds it: a currency before ("$", "US$", "€") or after
//      ("dollars"), a scale ("1.2 million", "$5bn"), a unit ("km", "750-mile",
//      "°C"), a range ("10 to 15", "between 5 and 8"), a hedge before ("about",
//      "more than") or after ("or more");
//   3. the negatives: years, dates, times of day, ordinals, scores, labels
//      and names ("Boeing 737", "F-16", "World War Two", "No. 10");
//   4. what is counted: the noun phrase after it ("314 prisoners of war"), or
//      a partitive ("about 110 of which were Shaheds", "three of them");
//   5. distribution: "157 prisoners each" / "each side returned 157" between
//      N parties gives total = N x value.
// Tokens and the phrase key are buffers reused across sentences, so a scan
// allocates only for the Quantity strings it emits.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/quantity/lexicon.h"
#include "analyze/quantity/tokens.h"
#include "core/records.h"
#include "core/strings.h"

namespace newsfuse::analyze::quantity {

// A number as read from tokens [first, last], before its surroundings.
struct NumberReading {
  size_t first = 0;
  size_t last = 0;
  double value = 0;
  bool digits = false;        // written in digits
  bool year_like = false;     // four plain digits from 1000 to 2100
  bool share = false;         // a fraction word or "one in five": value is a percent
  bool scaled = false;        // a scale word is part of it ("three million")
  bool leading_zero = false;  // "0900", "007": clock times and codes, not counts
};

constexpr size_t kNoToken = static_cast<size_t>(-1);

// A number with what has been read around it so far (steps 2 and 3).
struct Expression {
  NumberReading n;
  size_t first = 0, last = 0;    // tokens of the whole expression so far
  double value = 0, value2 = 0;  // as stated (value2: the end of a range)
  std::string currency;          // ISO 4217
  size_t currency_first = kNoToken, currency_last = kNoToken;
  const Unit* unit = nullptr;
  size_t unit_first = kNoToken, unit_last = kNoToken;
  size_t hyphen_noun = kNoToken;  // "1,500-page": the noun glued on
  bool range = false;
  Hedge hedge = Hedge::kNone;
  size_t hedge_first = kNoToken;
  size_t skip_to = kNoToken;  // set when the number proves not to be a quantity
  bool measured() const { return unit || !currency.empty(); }
};

// Sets q.low and q.high to the interval `hedge` allows around the normalised value v.
void ApplyHedgeInterval(Hedge hedge, double v, bool can_be_negative, Quantity& q);

class Scanner {
 public:
  Scanner(std::string_view body, const Lexicon& lexicon) : body_(body), lex_(lexicon) {}

  // Appends the quantities of sentence `sentence` of `tokens` (the scan of
  // the body given to the constructor) to `out`.
  void Scan(const text::Tokens& tokens, size_t sentence, std::vector<Quantity>& out);

 private:
  // Token access.
  size_t Size() const { return tokens_.size(); }
  // Inline: the readers ask these of nearly every token, from several files.
  std::string_view Text(size_t i) const {
    return body_.substr(tokens_[i].begin, tokens_[i].end - tokens_[i].begin);
  }
  bool Is(size_t i, std::string_view lower_word) const {  // ASCII case-insensitive
    if (i >= Size()) return false;
    const std::string_view t = Text(i);
    if (t.size() != lower_word.size()) return false;
    for (size_t k = 0; k < t.size(); ++k)
      if (AsciiLower(t[k]) != lower_word[k]) return false;
    return true;
  }
  // A word of weight ("mass of", "weighing") among the few words before token `first`.
  bool WeightBefore(size_t first) const;
  bool IsWord(size_t i) const { return i < Size() && tokens_[i].kind == TokenKind::kWord; }
  bool IsSymbol(size_t i, std::string_view s) const;
  bool Glued(size_t i) const { return i < Size() && tokens_[i].glued; }
  // The phrase key of tokens [first, last] (see lexicon.h); valid until the next call.
  std::string_view Key(size_t first, size_t last);
  // Appends token j to the key being built (a space first when `inner` and
  // whitespace precedes it): Key(first, j) from Key(first, j - 1).
  void AppendKey(size_t j, bool inner);
  // Longest phrase of `table` starting at `i`; sets `last`.
  template <typename T>
  const T* MatchAt(const PhraseTable<T>& table, size_t i, size_t& last);
  // Longest phrase of `table` ending just before `end`; sets `first`.
  template <typename T>
  const T* MatchBefore(const PhraseTable<T>& table, size_t end, size_t& first);
  // The entry of `table` keyed by word token i alone (Key(i, i)), or null.
  template <typename T>
  const T* WordIn(const PhraseTable<T>& table, size_t i);
  // Inline: asked of nearly every word, most often already looked up.
  const NumberWord* NumberWordAt(size_t i) {
    if (!IsWord(i)) return nullptr;
    if (number_word_[i] == &kUnknownNumberWord) number_word_[i] = WordIn(lex_.numbers, i);
    return number_word_[i];
  }
  bool ContextAt(size_t i, Context cls);
  bool AtSentenceStart(size_t i) const;  // only quotes or brackets before token i

  // Step 1 (numbers.cc).
  bool ReadNumber(size_t i, NumberReading& n);
  bool ReadDigits(size_t i, NumberReading& n);
  bool ReadWords(size_t i, NumberReading& n);
  bool ReadShare(size_t i, NumberReading& n);
  // Steps 2-5 (read.cc, counted.cc). Returns the last token consumed. Each
  // Read* step returns false, with e.skip_to set, when the number is not a quantity.
  size_t Read(const NumberReading& n, std::vector<Quantity>& out);
  bool RejectCodesAndCompounds(Expression& e);
  bool ReadScale(Expression& e);
  bool ReadUnitAfter(Expression& e);
  bool ReadRange(Expression& e);
  void ReadHedges(Expression& e);
  bool RejectByContext(Expression& e);
  Quantity Build(const Expression& e, const std::vector<Quantity>& out);
  bool IsNameOrLabel(size_t first);
  bool IsDate(const NumberReading& n);
  bool ReadCounted(size_t i, bool allow_determiner, Quantity& q);
  void AppendSingular(std::string_view word, std::string& out);
  bool IsPlural(std::string_view lower_word) const;
  void ReadPartitive(size_t of, Quantity& q, const std::vector<Quantity>& out);
  bool IsDistributive(size_t first, size_t after);
  int Parties(size_t first, const std::vector<Quantity>& out);

  std::string_view body_;
  const Lexicon& lex_;
  std::vector<Token> tokens_;
  // Lexicon classes of this sentence's tokens, looked up once each (side
  // arrays indexed by token, issue 17): the readers ask about the same token
  // many times, and each lookup builds a key and hashes it.
  std::vector<const NumberWord*> number_word_;
  // Marks a number_word_ entry not looked up yet (nullptr: not a number word).
  static inline const NumberWord kUnknownNumberWord{};
  std::vector<const Context*> context_;
  std::string key_;
  size_t sentence_out_begin_ = 0;               // index in `out` of this sentence's first quantity
  size_t last_date_ = static_cast<size_t>(-1);  // token of the last day-of-month read
  size_t counted_last_ = 0;                     // last token of the noun phrase ReadCounted found
};

template <typename T>
const T* Scanner::WordIn(const PhraseTable<T>& table, size_t i) {
  const std::string_view t = Text(i);
  // An ASCII word keys as its bytes lowered: its signature is known before
  // any key is built, and turns most words away. Already in lower case, it
  // is its own key, looked up without a copy.
  if (tokens_[i].ascii) {
    const auto byte = [&](size_t k) {
      return k < t.size() ? static_cast<unsigned char>(AsciiLower(t[k])) : 0;
    };
    if (!table.signatures.MayHold(t.size(), byte(0), byte(1))) return nullptr;
    return table.Find(std::any_of(t.begin(), t.end(), IsAsciiUpper) ? Key(i, i) : t);
  }
  return table.Find(Key(i, i));
}

template <typename T>
const T* Scanner::MatchAt(const PhraseTable<T>& table, size_t i, size_t& last) {
  const T* best = nullptr;
  const size_t end = std::min(Size(), i + static_cast<size_t>(table.max_tokens));
  key_.clear();
  for (size_t j = i; j < end; ++j) {
    if (j > i && tokens_[j].kind == TokenKind::kNumber) break;
    AppendKey(j, j > i);  // the key of [i, j], grown by one token
    if (const T* hit = table.Find(key_)) {
      best = hit;
      last = j;
    }
  }
  return best;
}

template <typename T>
const T* Scanner::MatchBefore(const PhraseTable<T>& table, size_t end, size_t& first) {
  const T* best = nullptr;
  const size_t width = static_cast<size_t>(table.max_tokens);
  for (size_t k = 1; k <= width && k <= end; ++k) {
    const size_t start = end - k;
    if (k > 1 && tokens_[start].kind == TokenKind::kNumber) break;
    if (const T* hit = table.Find(Key(start, end - 1))) {
      best = hit;
      first = start;
    }
  }
  return best;
}

}  // namespace newsfuse::analyze::quantity
