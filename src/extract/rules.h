// The phrase and word lists of data/extract/*.txt, parsed once.
//
// The files are embedded at build time (see CMakeLists.txt), so loading cannot
// fail at run time; the parse happens on first use behind a function-local
// static (thread-safe, immutable afterwards).
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace newsfuse::extract_internal {

struct Rules {
  // furniture.txt, by kind ("newsletter", "related", "menu", ...), lowercased.
  std::map<std::string, std::vector<std::string>> phrases;
  std::set<std::string> social, label, updated, role, wire;
  // html_hints.txt: exact words and prefixes ("article*" -> prefix "article").
  // Hashed with string_view lookup: HintOf probes these for every class word.
  struct WordHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using WordSet = std::unordered_set<std::string, WordHash, std::equal_to<>>;
  WordSet positive_words, negative_words, never_words;
  std::vector<std::string> positive_prefixes, negative_prefixes, never_prefixes;

  const std::vector<std::string>& Phrases(const std::string& kind) const;
  bool IsWire(std::string_view name) const;  // case-insensitive, whole name
};

const Rules& GetRules();

// Parses one data file's text into `rules` (exposed for tests).
void ParseRulesText(std::string_view text, Rules& rules);

}  // namespace newsfuse::extract_internal
