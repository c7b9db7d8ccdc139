// The temporal rules (data/analyze/time/rules.txt) and their matcher.
//
// A rule is a token pattern with a TIMEX3 value template, HeidelTime style.
// Matching is anchored at a token and backtracks over optional elements;
// the longest match of any rule wins, ties going to the earlier rule. Only
// rules whose first element can match a token's word or class are tried there,
// so a token that is no temporal word costs one hash lookup.
#pragma once

#include <array>
#include <bit>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analyze/time/time_lexicon.h"
#include "analyze/time/time_tokens.h"
#include "core/records.h"

namespace newsfuse::analyze::time {

struct PatternElement {
  struct Alternative {
    bool is_class = false;
    WordClass cls = WordClass::kCount;
    std::string_view literal;
    int32_t word = -1;  // WordEntry::id of the literal
  };
  std::vector<Alternative> alternatives;
  bool optional = false;
  bool context = false;  // must match, but lies outside the expression's extent
};

enum class RuleGuard : uint8_t { kNone, kYear };

struct TimeRule {
  Timex::Type type = Timex::Type::kDate;
  std::vector<PatternElement> elements;
  std::string_view value;  // template: "$5-$1-$3", "UNDEF-weekday-$1"
  RuleGuard guard = RuleGuard::kNone;
  int line = 0;  // in rules.txt, for error messages and tests
};

// What one element captured: the token and the alternative it matched.
struct Capture {
  int32_t token = -1;  // -1: an optional element that matched nothing
  const PatternElement::Alternative* alternative = nullptr;
};

// A set of rules by index (rules.txt holds fewer than kMaxRules).
constexpr size_t kMaxRules = 256;
using RuleSet = std::array<uint64_t, kMaxRules / 64>;

struct RuleMatch {
  const TimeRule* rule = nullptr;
  uint32_t first_token = 0, end_token = 0;  // whole match, context included
  std::array<Capture, 16> captures{};
};

class TimeRules {
 public:
  // The embedded lexicon and rules, parsed on first use. Aborts with the file
  // and line on a malformed rule: a broken data file is a build defect.
  static const TimeRules& Get();

  const WordTable& words() const { return words_; }
  const std::vector<TimeRule>& rules() const { return rules_; }

  // The longest match starting at token `start` (false when none). Inline
  // up to the first test: every rule starts with a lexicon word or a class,
  // so most tokens of an article are turned away here, without a call.
  bool MatchAt(const TokenizedText& text, uint32_t start, RuleMatch& best) const {
    if (start >= text.tokens.size()) return false;
    const Token& t = text.tokens[start];
    if (t.word < 0 && t.feature_count == 0) return false;
    return MatchKnownAt(text, start, best);
  }

 private:
  TimeRules();
  void IndexFirstElements(uint32_t rule_index);

  int32_t Intern(std::string_view word);

  Lexicon lexicon_;
  WordTable words_;
  std::vector<TimeRule> rules_;
  // Rules that can start at a word (by WordEntry::id) or at a word class.
  std::vector<RuleSet> starts_by_word_;
  std::array<RuleSet, static_cast<size_t>(WordClass::kCount)> starts_by_class_{};
  // Rules that can go on at a word or class as their second token, and those
  // that can match one token alone: a rule is tried at a token only if the
  // next token can continue it, or it needs no second token. Most tokens that
  // begin some rule ("the", "a", "in") are followed by one that continues none.
  std::vector<RuleSet> seconds_by_word_;
  std::array<RuleSet, static_cast<size_t>(WordClass::kCount)> seconds_by_class_{};
  RuleSet single_token_{};
  bool MatchKnownAt(const TokenizedText& text, uint32_t start, RuleMatch& best) const;
  RuleSet Lookup(const TokenizedText& text, uint32_t token, const std::vector<RuleSet>& by_word,
                 const std::array<RuleSet, static_cast<size_t>(WordClass::kCount)>& by_class) const;
};

}  // namespace newsfuse::analyze::time
