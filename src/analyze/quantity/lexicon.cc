#include "analyze/quantity/lexicon.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <string>

#include "core/strings.h"
#include "text/word_lists.h"

namespace newsfuse::analyze::quantity {
namespace {
#include "quantity_data.inc"

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// Splits off the first whitespace-separated field of `line`.
std::string_view NextField(std::string_view& line) {
  line = Trim(line);
  size_t end = 0;
  while (end < line.size() && !IsSpace(line[end])) ++end;
  std::string_view field = line.substr(0, end);
  line = Trim(line.substr(end));
  return field;
}

// The phrase as a key: lowercase ASCII, single spaces. The token count is an
// upper bound: words plus every non-alphanumeric byte, each of which may be a
// token of its own ("us$" is two).
template <typename T>
void Add(PhraseTable<T>& table, std::string_view phrase, T value, bool lower = true) {
  std::string key;
  int tokens = 1;
  bool space = false;
  for (char c : phrase) {
    if (IsSpace(c)) {
      space = !key.empty();
      continue;
    }
    if (space) {
      key.push_back(' ');
      ++tokens;
      space = false;
    }
    const unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x80 && !std::isalnum(u)) ++tokens;
    key.push_back(lower && c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  if (key.empty()) return;
  if (tokens > table.max_tokens) table.max_tokens = tokens;
  table.Insert(key, std::move(value));
}

double ToDouble(std::string_view s) { return std::strtod(std::string(s).c_str(), nullptr); }

NumberClass ParseNumberClass(std::string_view s) {
  if (s == "tens") return NumberClass::kTens;
  if (s == "hundred") return NumberClass::kHundred;
  if (s == "scale") return NumberClass::kScale;
  if (s == "suffix") return NumberClass::kSuffix;
  if (s == "dozen") return NumberClass::kDozen;
  if (s == "fraction") return NumberClass::kFraction;
  if (s == "fractions") return NumberClass::kFractions;
  return NumberClass::kUnit;
}

Hedge ParseHedge(std::string_view s) {
  if (s == "approx") return Hedge::kApprox;
  if (s == "nearly") return Hedge::kNearly;
  if (s == "over") return Hedge::kOver;
  if (s == "atleast") return Hedge::kAtLeast;
  if (s == "upto") return Hedge::kUpTo;
  if (s == "under") return Hedge::kUnder;
  if (s == "exact") return Hedge::kExact;
  if (s == "justover") return Hedge::kJustOver;
  return Hedge::kNone;
}

Context ParseContext(std::string_view s) {
  if (s == "weekday") return Context::kWeekday;
  if (s == "label") return Context::kLabel;
  if (s == "clock") return Context::kClock;
  if (s == "score") return Context::kScore;
  if (s == "year") return Context::kYear;
  if (s == "party") return Context::kParty;
  if (s == "phrasal") return Context::kPhrasal;
  return Context::kMonth;
}

Lexicon Load() {
  Lexicon lex;
  for (std::string_view line : word_lists::Lines(kNumbersData)) {
    const std::string_view word = NextField(line);
    const double value = ToDouble(NextField(line));
    Add(lex.numbers, word, NumberWord{value, ParseNumberClass(NextField(line))});
  }
  for (const auto& [word, unused] : lex.numbers.entries)
    lex.longest_number_word = std::max(lex.longest_number_word, word.size());
  for (std::string_view line : word_lists::Lines(kHedgesData)) {
    std::string_view cls = NextField(line);
    const bool after = cls.substr(0, 6) == "after:";
    if (after) cls.remove_prefix(6);
    Add(after ? lex.hedges_after : lex.hedges_before, line, ParseHedge(cls));
  }
  for (std::string_view line : word_lists::Lines(kUnitsData)) {
    Unit unit;
    unit.unit = std::string(NextField(line));
    unit.factor = ToDouble(NextField(line));
    unit.offset = ToDouble(NextField(line));
    Add(lex.units, line, std::move(unit));
  }
  for (std::string_view line : word_lists::Lines(kCurrenciesData)) {
    const std::string code(NextField(line));
    const std::string_view where = NextField(line);
    Add(where == "after" ? lex.currency_after : lex.currency_before, line, code);
  }
  for (std::string_view line : word_lists::Lines(kContextData)) {
    const Context cls = ParseContext(NextField(line));
    Add(lex.context, line, cls);
  }
  for (std::string_view line : word_lists::Lines(kCountedStopsData)) {
    while (!line.empty()) Add(lex.counted_stops, NextField(line), true);
  }
  for (std::string_view line : word_lists::Lines(kPluralsData)) {
    const std::string_view plural = NextField(line);
    Add(lex.plurals, plural, std::string(NextField(line)));
  }
  return lex;
}

}  // namespace

const Lexicon& GetLexicon() {
  static const Lexicon lexicon = Load();
  return lexicon;
}

}  // namespace newsfuse::analyze::quantity
