// The quantity annotator's word tables, parsed once from the embedded data
// files in data/analyze/quantity/ (see that folder for formats and provenance).
//
// Every table is keyed by a lowercase "phrase key": the text of consecutive
// tokens with a space wherever the source had whitespace, so "US$" is "us$",
// "per cent" is "per cent" and "°C" is "°c". Lookups take a string_view and do
// not allocate.
#pragma once

#include <bitset>
#include <cstdint>
#include <string>
#include <string_view>

#include "text/string_map.h"

namespace newsfuse::analyze::quantity {

template <typename T>
struct PhraseTable {
  text::StringMap<T> entries;  // open addressing: asked about every word
  int max_tokens = 1;          // an upper bound on tokens per phrase, for scanning
  // The signatures of the keys (Signature below): nearly every word the
  // scanner asks about is in no table, and a signature no key has turns it
  // away without hashing the word and probing the map.
  std::bitset<4096> signatures;

  // A key's length and first two bytes (0 past its end), folded into a bit index.
  static size_t Signature(size_t size, unsigned char first, unsigned char second) {
    return (size * 1031 + first * 37u + second) & 4095;
  }
  static size_t Signature(std::string_view key) {
    return Signature(key.size(), key.empty() ? 0 : static_cast<unsigned char>(key[0]),
                     key.size() < 2 ? 0 : static_cast<unsigned char>(key[1]));
  }
  // False when no key has this signature: then no key is the one asked about.
  bool MayHold(size_t size, unsigned char first, unsigned char second) const {
    return signatures.test(Signature(size, first, second));
  }
  void Insert(std::string_view key, T value) {
    signatures.set(Signature(key));
    entries.emplace(std::string(key), std::move(value));
  }
  const T* Find(std::string_view key) const {
    if (!signatures.test(Signature(key))) return nullptr;  // what most words get
    auto it = entries.find(key);
    return it == entries.end() ? nullptr : &it->second;
  }
};

enum class NumberClass : uint8_t {
  kUnit,
  kTens,
  kHundred,
  kScale,
  kSuffix,
  kDozen,
  kFraction,
  kFractions
};
struct NumberWord {
  double value = 0;
  NumberClass cls = NumberClass::kUnit;
};

// How a hedge turns a stated value into an interval (data/analyze/quantity/hedges.txt).
enum class Hedge : uint8_t {
  kNone,
  kApprox,
  kNearly,
  kOver,
  kAtLeast,
  kUpTo,
  kUnder,
  kExact,
  kJustOver
};

struct Unit {
  std::string unit;  // normalised: "m", "%", "degC", ...
  double factor = 1;
  double offset = 0;
};

enum class Context : uint8_t { kMonth, kWeekday, kLabel, kClock, kScore, kYear, kParty, kPhrasal };

struct Lexicon {
  PhraseTable<NumberWord> numbers;
  // Longer words cannot be number words and skip the lookups: most words of
  // a sentence, and otherwise the scanner's main cost on running text.
  size_t longest_number_word = 0;
  PhraseTable<Hedge> hedges_before;
  PhraseTable<Hedge> hedges_after;
  PhraseTable<Unit> units;
  PhraseTable<std::string> currency_before;  // -> ISO 4217
  PhraseTable<std::string> currency_after;
  PhraseTable<Context> context;
  PhraseTable<bool> counted_stops;
  PhraseTable<std::string> plurals;  // plural -> singular
};

const Lexicon& GetLexicon();

}  // namespace newsfuse::analyze::quantity
