#include "extract/rules.h"

#include "extract/text_util.h"

namespace newsfuse::extract_internal {
namespace {
#include "embedded_data.inc"
}  // namespace

const std::vector<std::string>& Rules::Phrases(const std::string& kind) const {
  static const std::vector<std::string> kEmpty;
  auto it = phrases.find(kind);
  return it == phrases.end() ? kEmpty : it->second;
}

bool Rules::IsWire(std::string_view name) const {
  return wire.count(CollapseSpace(AsciiLower(name))) > 0;
}

void ParseRulesText(std::string_view text, Rules& rules) {
  for (std::string_view line : SplitLines(text)) {
    line = Trim(line);
    if (line.empty() || line.front() == '#') continue;
    size_t sep = 0;
    while (sep < line.size() && !IsAsciiSpace(line[sep])) ++sep;
    const std::string kind(line.substr(0, sep));
    const std::string value = CollapseSpace(AsciiLower(line.substr(sep)));
    if (value.empty()) continue;
    if (kind == "social")
      rules.social.insert(value);
    else if (kind == "label")
      rules.label.insert(value);
    else if (kind == "updated")
      rules.updated.insert(value);
    else if (kind == "role")
      rules.role.insert(value);
    else if (kind == "wire")
      rules.wire.insert(value);
    else if (kind == "positive" || kind == "negative" || kind == "never") {
      auto& words = kind == "positive"   ? rules.positive_words
                    : kind == "negative" ? rules.negative_words
                                         : rules.never_words;
      auto& prefixes = kind == "positive"   ? rules.positive_prefixes
                       : kind == "negative" ? rules.negative_prefixes
                                            : rules.never_prefixes;
      if (value.back() == '*') {
        if (value.size() > 1) prefixes.push_back(value.substr(0, value.size() - 1));
      } else {
        words.insert(value);
      }
    } else {
      rules.phrases[kind].push_back(value);
    }
  }
}

const Rules& GetRules() {
  static const Rules rules = [] {
    Rules r;
    ParseRulesText(kFurnitureData, r);
    ParseRulesText(kHtmlHintsData, r);
    ParseRulesText(kNotArticleData, r);
    ParseRulesText(kBylineWordsData, r);
    return r;
  }();
  return rules;
}

}  // namespace newsfuse::extract_internal
