// The quantity annotator's word tables, parsed once from the embedded data
// files in data/analyze/quantity/ (see that folder for formats and provenance).
//
// Every table is keyed by a lowercase "phrase key": the text of consecutive
// tokens with a space wherever the source had whitespace, so "US$" is "us$",
// "per cent" is "per cent" and "°C" is "°c". Lookups take a string_view and do
// not allocate.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "text/string_map.h"

namespace newsfuse::analyze::quantity {

template <typename T>
struct PhraseTable {
  text::StringMap<T> entries;      // open addressing: asked about every word
  int max_tokens = 1;              // an upper bound on tokens per phrase, for scanning
  text::KeySignatures signatures;  // turns most words away before hashing them
  void Insert(std::string_view key, T value) {
    signatures.Add(key);
    entries.emplace(std::string(key), std::move(value));
  }
  const T* Find(std::string_view key) const {
    if (!signatures.MayHold(key)) return nullptr;
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
