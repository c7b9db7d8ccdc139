#include "extract/sign_off.h"

#include "extract/rules.h"
#include "extract/text_util.h"

namespace newsfuse::extract_internal {

std::optional<SignOff> ParseSignOff(std::string_view p) {
  p = Trim(p);
  const size_t n = p.size();
  const size_t floor = n > 60 ? n - 60 : 0;
  for (size_t k = n; k-- > floor;) {
    char c = p[k];
    if (c != '.' && c != '!' && c != '?') continue;
    size_t cut = k + 1;
    // Keep closing quotes with the sentence.
    while (cut < n && (p[cut] == '"' || p[cut] == '\'')) ++cut;
    if (StartsWith(p.substr(cut), "\xE2\x80\x9D")) cut += 3;
    if (cut >= n || p[cut] != ' ') continue;
    std::string_view rest = Trim(p.substr(cut));
    if (size_t d = DashAt(rest, 0)) rest = Trim(rest.substr(d));
    if (!rest.empty() && rest.front() == '(' && rest.back() == ')')
      rest = Trim(rest.substr(1, rest.size() - 2));
    if (rest.size() < 2 || rest.size() > 40) return std::nullopt;
    const bool caps = IsAllCaps(rest, 2) && SplitWords(rest).size() <= 4;
    bool all_credit_chars = true;
    for (char ch : rest)
      all_credit_chars &= IsAsciiUpper(ch) || IsAsciiLower(ch) || ch == ' ' || ch == '/' ||
                          ch == '&' || ch == '.' || ch == '-';
    if (!all_credit_chars || !(caps || GetRules().IsWire(rest))) return std::nullopt;
    return SignOff{std::string(rest), cut};
  }
  return std::nullopt;
}

}  // namespace newsfuse::extract_internal
