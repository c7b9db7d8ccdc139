#include "analyze/time/time_rules.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace newsfuse::analyze::time {
namespace {

#include "time_embedded_data.inc"

struct ClassName {
  std::string_view name;
  WordClass cls;
};

constexpr ClassName kClassNames[] = {
    {"MONTH", WordClass::kMonth},
    {"WEEKDAY", WordClass::kWeekday},
    {"WEEKDAYS", WordClass::kWeekdays},
    {"SEASON", WordClass::kSeason},
    {"PART", WordClass::kPart},
    {"UNIT", WordClass::kUnit},
    {"UNITS", WordClass::kUnits},
    {"NUM", WordClass::kNum},
    {"ORD", WordClass::kOrd},
    {"HOLIDAY", WordClass::kHoliday},
    {"HEDGE", WordClass::kHedge},
    {"NOTYEAR", WordClass::kNotYear},
    {"NOTYEARAFTER", WordClass::kNotYearAfter},
    {"YEARPLURAL", WordClass::kYearPlural},
    {"MONTHCTX", WordClass::kMonthCtx},
    {"FUTURE", WordClass::kFuture},
    {"PAST", WordClass::kPast},
    {"MODAL", WordClass::kModal},
    {"REPORT", WordClass::kReport},
    {"AMPM", WordClass::kAmPm},
    {"TZ", WordClass::kTz},
    {"DAY", WordClass::kDay},
    {"DAYORD", WordClass::kDayOrd},
    {"YEAR", WordClass::kYear},
    {"DIGITS", WordClass::kDigits},
    {"HOUR", WordClass::kHour},
    {"DECADE", WordClass::kDecade},
    {"CENTORD", WordClass::kCentOrd},
    {"ISODATE", WordClass::kIsoDate},
    {"SLASHDATE", WordClass::kSlashDate},
    {"CLOCK", WordClass::kClock},
};

[[noreturn]] void DataError(const char* file, int line, std::string_view what) {
  std::fprintf(stderr, "newsfuse: data/analyze/time/%s line %d: %.*s\n", file, line,
               static_cast<int>(what.size()), what.data());
  std::abort();
}

// Splits on any of `seps`, dropping empty fields.
std::vector<std::string_view> Split(std::string_view s, std::string_view seps) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = s.find_first_of(seps, i);
    if (j == std::string_view::npos) j = s.size();
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

template <typename Fn>
void ForEachLine(std::string_view data, Fn&& fn) {
  int line_no = 0;
  size_t i = 0;
  while (i <= data.size()) {
    size_t j = data.find('\n', i);
    if (j == std::string_view::npos) j = data.size();
    ++line_no;
    std::string_view line = data.substr(i, j - i);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty() && line[0] != '#') fn(line, line_no);
    i = j + 1;
  }
}

PatternElement ParseElement(std::string_view text, int line) {
  PatternElement e;
  if (text.size() > 1 && text.back() == '?') {
    e.optional = true;
    text.remove_suffix(1);
  }
  if (text.size() > 2 && text.front() == '<' && text.back() == '>') {
    e.context = true;
    text = text.substr(1, text.size() - 2);
  }
  for (std::string_view alt : Split(text, "|")) {
    PatternElement::Alternative a;
    if (auto cls = WordClassFromName(alt)) {
      a.is_class = true;
      a.cls = *cls;
    } else {
      for (char c : alt)
        if (c >= 'A' && c <= 'Z') DataError("rules.txt", line, "unknown class in pattern");
      a.literal = alt;
    }
    e.alternatives.push_back(a);
  }
  if (e.alternatives.empty()) DataError("rules.txt", line, "empty pattern element");
  return e;
}

Timex::Type TypeFromName(std::string_view name, int line) {
  if (name == "DATE") return Timex::Type::kDate;
  if (name == "TIME") return Timex::Type::kTime;
  if (name == "DURATION") return Timex::Type::kDuration;
  if (name == "SET") return Timex::Type::kSet;
  DataError("rules.txt", line, "unknown TIMEX3 type");
}

bool AlternativeMatches(const PatternElement::Alternative& a, const TokenizedText& text,
                        const Token& t) {
  return a.is_class ? text.Has(t, a.cls) : a.word == t.word;
}

// The longest way elements [e, n) match from token `tok`, depth first.
// `work` holds the captures of the current path; a complete path longer
// than `best_end` replaces `best`. Trying the element before skipping an
// optional one keeps the first-found (greedy) path on ties.
void MatchFrom(const TimeRule& rule, size_t e, uint32_t tok, const TokenizedText& text,
               std::array<Capture, 16>& work, int& best_end, std::array<Capture, 16>& best) {
  if (e == rule.elements.size()) {
    if (static_cast<int>(tok) > best_end) {
      best_end = static_cast<int>(tok);
      std::copy_n(work.begin(), e, best.begin());
    }
    return;
  }
  const PatternElement& el = rule.elements[e];
  if (tok < text.tokens.size()) {
    for (const auto& alt : el.alternatives) {
      if (!AlternativeMatches(alt, text, text.tokens[tok])) continue;
      work[e] = Capture{static_cast<int32_t>(tok), &alt};
      MatchFrom(rule, e + 1, tok + 1, text, work, best_end, best);
      break;  // the other alternatives would see the same token
    }
  }
  if (el.optional) {
    work[e] = Capture{};
    MatchFrom(rule, e + 1, tok, text, work, best_end, best);
  }
}

void AddRule(RuleSet& set, uint32_t rule) { set[rule / 64] |= uint64_t{1} << (rule % 64); }

}  // namespace

std::optional<WordClass> WordClassFromName(std::string_view name) {
  for (const ClassName& c : kClassNames)
    if (c.name == name) return c.cls;
  return std::nullopt;
}

const TimeRules& TimeRules::Get() {
  static const TimeRules rules;
  return rules;
}

TimeRules::TimeRules() {
  ForEachLine(kTimeLexiconData, [&](std::string_view line, int line_no) {
    auto f = Split(line, " \t");
    if (f.size() < 3) DataError("lexicon.txt", line_no, "expected: CLASS word value [flags]");
    auto cls = WordClassFromName(f[0]);
    if (!cls) DataError("lexicon.txt", line_no, "unknown class");
    LexiconEntry e{*cls, f[2]};
    if (f.size() > 3) {
      e.needs_capital = f[3].find("cap") != std::string_view::npos;
      e.needs_context = f[3].find("ctx") != std::string_view::npos;
    }
    Intern(f[1]);
    lexicon_[f[1]].entries.push_back(e);
  });
  ForEachLine(kTimeRulesData, [&](std::string_view line, int line_no) {
    auto f = Split(line, "\t");
    if (f.size() < 3) DataError("rules.txt", line_no, "expected: TYPE<TAB>PATTERN<TAB>VALUE");
    TimeRule r;
    r.type = TypeFromName(f[0], line_no);
    for (std::string_view el : Split(f[1], " ")) r.elements.push_back(ParseElement(el, line_no));
    for (PatternElement& el : r.elements)
      for (auto& alt : el.alternatives)
        if (!alt.is_class) alt.word = Intern(alt.literal);
    if (r.elements.empty() || r.elements.size() > 16)
      DataError("rules.txt", line_no, "1 to 16 elements");
    r.value = f[2];
    if (f.size() > 3) {
      if (f[3] != "year") DataError("rules.txt", line_no, "unknown guard");
      r.guard = RuleGuard::kYear;
    }
    r.line = line_no;
    if (rules_.size() == kMaxRules) DataError("rules.txt", line_no, "too many rules");
    rules_.push_back(std::move(r));
    IndexFirstElements(static_cast<uint32_t>(rules_.size() - 1));
  });
  words_.Build(lexicon_);
}

int32_t TimeRules::Intern(std::string_view word) {
  WordEntry& w = lexicon_[word];
  if (w.id < 0) {
    w.id = static_cast<int32_t>(starts_by_word_.size());
    starts_by_word_.emplace_back();
    seconds_by_word_.emplace_back();
  }
  return w.id;
}

// A rule can start at any element up to and including its first required
// one; its second token is any element after the first that can be reached by
// skipping optional ones.
void TimeRules::IndexFirstElements(uint32_t rule_index) {
  const auto& elements = rules_[rule_index].elements;
  auto add = [&](const PatternElement& el, std::vector<RuleSet>& by_word,
                 std::array<RuleSet, static_cast<size_t>(WordClass::kCount)>& by_class) {
    for (const auto& alt : el.alternatives)
      AddRule(alt.is_class ? by_class[static_cast<size_t>(alt.cls)]
                           : by_word[static_cast<size_t>(alt.word)],
              rule_index);
  };
  for (size_t first = 0; first < elements.size(); ++first) {
    add(elements[first], starts_by_word_, starts_by_class_);
    bool rest_optional = true;
    for (size_t second = first + 1; second < elements.size(); ++second) {
      add(elements[second], seconds_by_word_, seconds_by_class_);
      if (!elements[second].optional) {
        rest_optional = false;
        break;
      }
    }
    if (rest_optional) {
      for (size_t k = first + 1; k < elements.size(); ++k) rest_optional &= elements[k].optional;
      if (rest_optional) AddRule(single_token_, rule_index);
    }
    if (!elements[first].optional) break;
  }
}

RuleSet TimeRules::Lookup(
    const TokenizedText& text, uint32_t token, const std::vector<RuleSet>& by_word,
    const std::array<RuleSet, static_cast<size_t>(WordClass::kCount)>& by_class) const {
  RuleSet set{};
  if (token >= text.tokens.size()) return set;
  const Token& t = text.tokens[token];
  if (t.word >= 0) set = by_word[static_cast<size_t>(t.word)];
  for (uint32_t i = t.first_feature; i < t.first_feature + t.feature_count; ++i) {
    const RuleSet& more = by_class[static_cast<size_t>(text.features[i].cls)];
    for (size_t w = 0; w < set.size(); ++w) set[w] |= more[w];
  }
  return set;
}

bool TimeRules::MatchKnownAt(const TokenizedText& text, uint32_t start, RuleMatch& best) const {
  RuleSet candidates = Lookup(text, start, starts_by_word_, starts_by_class_);
  uint64_t any = 0;
  for (uint64_t w : candidates) any |= w;
  if (!any) return false;
  RuleSet next = Lookup(text, start + 1, seconds_by_word_, seconds_by_class_);
  for (size_t w = 0; w < candidates.size(); ++w) candidates[w] &= next[w] | single_token_[w];
  // In file order, so a later rule must be strictly longer to win.
  int best_end = static_cast<int>(start);  // a match must consume the start token
  std::array<Capture, 16> work{};
  const TimeRule* winner = nullptr;
  for (size_t w = 0; w < candidates.size(); ++w) {
    for (uint64_t bits = candidates[w]; bits; bits &= bits - 1) {
      const TimeRule& rule = rules_[w * 64 + static_cast<size_t>(std::countr_zero(bits))];
      int before = best_end;
      MatchFrom(rule, 0, start, text, work, best_end, best.captures);
      if (best_end > before) winner = &rule;
    }
  }
  if (!winner) return false;
  best.rule = winner;
  best.first_token = start;
  best.end_token = static_cast<uint32_t>(best_end);
  return true;
}

}  // namespace newsfuse::analyze::time
