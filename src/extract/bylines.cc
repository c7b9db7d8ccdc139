#include "extract/bylines.h"

#include "extract/date_words.h"
#include "extract/rules.h"
#include "extract/text_util.h"

namespace newsfuse::extract_internal {

namespace {
bool IsNameWord(std::string_view w) {
  if (w.empty()) return false;
  unsigned char c = static_cast<unsigned char>(w[0]);
  if (!(IsAsciiUpper(w[0]) || c >= 0x80)) return false;
  for (char ch : w)
    if (IsAsciiDigit(ch) || ch == '@' || ch == '/' || ch == ':') return false;
  return true;
}

std::string CleanName(std::string_view name) {
  const Rules& rules = GetRules();
  std::vector<std::string_view> keep;
  for (std::string_view w : SplitWords(name)) {
    std::string_view bare = StripDecor(w);
    if (rules.role.count(AsciiLower(bare))) continue;
    if (!IsNameWord(bare)) return "";
    keep.push_back(bare);
  }
  if (keep.empty() || keep.size() > 5) return "";
  std::string out;
  for (auto w : keep) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  if (IsAllCaps(out, 3)) out = TitleCaseWords(out);
  return out;
}
}  // namespace

std::vector<std::string> ParseByline(std::string_view line) {
  std::string s = CollapseSpace(line);
  if (!(StartsWith(s, "By ") || StartsWith(s, "BY ") || StartsWith(s, "by "))) return {};
  if (s.size() > 120 || SplitWords(s).size() > 16) return {};
  std::string rest = s.substr(3);
  // Cut trailing credits: "By Jane Doe | Reuters", "By Jane Doe in Kyiv", "..., Staff Writer".
  for (std::string_view stop :
       {" | ", " - ", " \xE2\x80\x94 ", " in ", " for ", " on ", " at ", " -- "}) {
    size_t at = rest.find(stop);
    if (at != std::string::npos) rest.resize(at);
  }
  std::vector<std::string> parts;
  std::string cur;
  std::vector<std::string_view> words = SplitWords(rest);
  // "By Nathan Willis March 25, 2015": the names end where a date begins.
  // A month name counts only before a number ("May Chen" is a name).
  auto has_digit = [](std::string_view w) {
    for (char c : w)
      if (IsAsciiDigit(c)) return true;
    return false;
  };
  for (size_t i = 1; i < words.size(); ++i) {
    const bool month = MonthFromName(AsciiLower(StripDecor(words[i]))) != 0 &&
                       i + 1 < words.size() && has_digit(words[i + 1]);
    if (month || has_digit(words[i])) {
      words.resize(i);
      break;
    }
  }
  for (size_t i = 0; i < words.size(); ++i) {
    std::string_view w = words[i];
    if (w == "and" || w == "&" || w == "AND") {
      parts.push_back(cur);
      cur.clear();
      continue;
    }
    bool comma = !w.empty() && w.back() == ',';
    if (comma) w.remove_suffix(1);
    if (!cur.empty()) cur += ' ';
    cur += w;
    if (comma) {
      parts.push_back(cur);
      cur.clear();
    }
  }
  parts.push_back(cur);
  std::vector<std::string> names;
  for (const auto& p : parts) {
    if (GetRules().IsWire(p)) continue;
    std::string n = CleanName(p);
    if (!n.empty()) names.push_back(n);
  }
  return names;
}

std::optional<EmailByline> ParseEmailByline(std::string_view line) {
  std::string s = CollapseSpace(line);
  std::vector<std::string_view> words = SplitWords(s);
  if (s.size() > 160 || words.empty() || words.size() > 12) return std::nullopt;
  EmailByline out;
  std::string name;
  bool found = false;
  for (std::string_view w : words) {
    std::string_view bare = StripDecor(w);
    if (StartsWith(AsciiLower(bare), "mailto:")) bare.remove_prefix(7);
    size_t at = bare.find('@');
    if (at != std::string_view::npos && at > 0) {
      size_t dot = bare.find('.', at);
      if (dot != std::string_view::npos && dot + 1 < bare.size()) {
        std::string domain = AsciiLower(bare.substr(at + 1));
        while (!domain.empty() && domain.back() == '.') domain.pop_back();
        out.domain = domain;
        found = true;
        continue;
      }
    }
    if (w == "By" || w == "by" || w == "BY") continue;
    if (!name.empty()) name += ' ';
    name += bare;
  }
  if (!found) return std::nullopt;
  out.name = CleanName(name);
  return out;
}

}  // namespace newsfuse::extract_internal
