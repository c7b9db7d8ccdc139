// Pathological article bodies for the linearity test and bench (issue 11):
// long runs of one kind of token with no sentence end anywhere, the input on
// which an analyser that rescans its sentence per token goes quadratic.
//
// Deterministic: the same kind and size always give the same text, so the
// 1 MB and 10 MB texts of a kind differ only in length, and a ratio of their
// costs measures how the cost grows, not what the text holds.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsfuse::testing {

enum class Pathology { kDates, kNumbers, kNames, kQuotes, kMixed };

inline constexpr std::array<Pathology, 5> kAllPathologies = {Pathology::kDates, Pathology::kNumbers,
                                                             Pathology::kNames, Pathology::kQuotes,
                                                             Pathology::kMixed};

inline std::string_view PathologyName(Pathology p) {
  switch (p) {
    case Pathology::kDates:
      return "dates";
    case Pathology::kNumbers:
      return "numbers";
    case Pathology::kNames:
      return "names";
    case Pathology::kQuotes:
      return "quotes";
    case Pathology::kMixed:
      return "mixed";
  }
  return "?";
}

namespace pathological_detail {

// Each list mixes the shapes an analyser keys on (month names, weekdays,
// relative words, years, reporting verbs that set tense; plain, grouped,
// decimal and spelled numbers with units; capitalised words that do and do
// not look like names; straight, curly and guillemet quotes, opening and
// closing), and none holds a sentence end ('.' only inside "3.5" and "U.S.").
inline const std::vector<std::string_view>& Words(Pathology p) {
  static const std::vector<std::string_view> dates = {
      "Monday",    "January",  "5",       "2026",  "yesterday", "March", "Friday",   "12",
      "last",      "week",     "next",    "year",  "said",      "will",  "December", "1999",
      "today",     "tomorrow", "morning", "on",    "Tuesday",   "since", "2019",     "autumn",
      "announced", "10:30",    "ago",     "three", "days"};
  static const std::vector<std::string_view> numbers = {
      "12",  "3,400",   "$5",        "7%",     "million", "3.5", "billion",
      "42",  "percent", "1,000,000", "troops", "nearly",  "250", "km",
      "two", "hundred", "0.25",      "€40",    "dozens",  "of",  "17"};
  static const std::vector<std::string_view> names = {
      "Alice",   "Brown", "Carter", "Davis",  "U.S.",    "Evans",  "Foster", "Green",     "Harris",
      "Irving",  "Jones", "Kyiv",   "Lopez",  "Moscow",  "Nguyen", "Ortiz",  "President", "Quinn",
      "Reuters", "Smith", "Taylor", "United", "Nations", "Volkov", "Walker", "Xi",        "Young"};
  static const std::vector<std::string_view> quotes = {
      "\"",     "we",     "\u201C",          "agreed", "\u201D",      "'",
      "\u00AB", "said",   "\u00BB",          "\"",     "\u2018",      "no",
      "\u2019", "\"told", "\u201Creporters", "\"",     "added\u201D", "Smith"};
  switch (p) {
    case Pathology::kDates:
      return dates;
    case Pathology::kNumbers:
      return numbers;
    case Pathology::kNames:
      return names;
    case Pathology::kQuotes:
      return quotes;
    case Pathology::kMixed:
      break;
  }
  static const std::vector<std::string_view> mixed = [] {
    std::vector<std::string_view> all;
    for (const auto* list : {&dates, &numbers, &names, &quotes})
      all.insert(all.end(), list->begin(), list->end());
    return all;
  }();
  return mixed;
}

}  // namespace pathological_detail

// About `bytes` bytes (never more) of one paragraph with no sentence end:
// words of kind `p` picked by a fixed pseudo-random sequence, separated by
// single spaces.
inline std::string PathologicalText(Pathology p, size_t bytes) {
  const std::vector<std::string_view>& words = pathological_detail::Words(p);
  std::string out;
  out.reserve(bytes);
  uint64_t state = 0x9E3779B97F4A7C15ull;
  for (;;) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    std::string_view w = words[(state >> 33) % words.size()];
    if (out.size() + w.size() + 1 > bytes) break;
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

}  // namespace newsfuse::testing
