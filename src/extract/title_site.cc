#include "extract/title_site.h"

#include <array>

#include "extract/text_util.h"

namespace newsfuse::extract_internal {

std::string StripTitleSite(std::string_view title_in, std::string_view outlet, std::string* site) {
  std::string title = CollapseSpace(title_in);
  const std::string lo = AsciiLower(CollapseSpace(outlet));
  auto same = [&](std::string_view a) {
    std::string la = AsciiLower(Trim(a));
    if (lo.empty() || la.empty()) return false;
    return la == lo ||
           (lo.size() >= 4 && la.find(lo) != std::string::npos && la.size() <= lo.size() + 12) ||
           (la.size() >= 4 && lo.find(la) != std::string::npos);
  };
  static const std::array<std::string_view, 7> kSeps = {
      " | ", " - ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", " :: ", " \xC2\xB7 ", " \xC2\xBB "};
  for (std::string_view sep : kSeps) {
    size_t at = title.rfind(sep);
    if (at == std::string::npos) continue;
    std::string left = title.substr(0, at), right = title.substr(at + sep.size());
    const bool strong_sep = sep == " | " || sep == " :: " || sep == " \xC2\xB7 ";
    // A dash also joins headline clauses ("War in Sudan \xE2\x80\x93 live updates"), so
    // with no outlet known it counts only before a short capitalised name
    // after a headline-length left side.
    const bool dash_site = (sep == " \xE2\x80\x94 " || sep == " \xE2\x80\x93 ") &&
                           SplitWords(right).size() <= 3 && SplitWords(left).size() >= 4 &&
                           !right.empty() && right[0] >= 'A' && right[0] <= 'Z';
    if (same(right) || (lo.empty() && ((strong_sep && SplitWords(right).size() <= 5 &&
                                        SplitWords(left).size() >= 3) ||
                                       dash_site))) {
      if (site) *site = std::string(Trim(right));
      return std::string(Trim(left));
    }
    size_t first = title.find(sep);
    if (same(title.substr(0, first))) {
      if (site) *site = title.substr(0, first);
      return std::string(Trim(title.substr(first + sep.size())));
    }
  }
  return title;
}

namespace {

// Lowercase ASCII with all whitespace dropped, so "（CNET Japan）" and
// " （CNET Japan）" compare equal.
std::string Folded(std::string_view s) {
  const std::string collapsed = CollapseSpace(s);  // outlives the word views
  std::string out;
  for (std::string_view w : SplitWords(collapsed)) out += AsciiLower(w);
  return out;
}

// True when `longer` is `shorter` with a separator and a short site name
// before or after it ("Hermitian matrix - Wikipedia").
bool AddsSiteAffix(std::string_view shorter_in, std::string_view longer_in) {
  const std::string shorter = AsciiLower(CollapseSpace(shorter_in));
  const std::string longer = AsciiLower(CollapseSpace(longer_in));
  if (shorter.empty() || longer.size() <= shorter.size()) return false;
  static const std::array<std::string_view, 8> kSeps = {
      " | ", " - ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", " :: ", " \xC2\xB7 ", " \xC2\xBB ", " : "};
  auto short_site = [](std::string_view rest) {
    return !rest.empty() && SplitWords(rest).size() <= 5;
  };
  std::string_view l(longer);
  for (std::string_view sep : kSeps) {
    if (StartsWith(l, shorter) && StartsWith(l.substr(shorter.size()), sep) &&
        short_site(l.substr(shorter.size() + sep.size())))
      return true;
    if (EndsWith(l, shorter) && EndsWith(l.substr(0, l.size() - shorter.size()), sep) &&
        short_site(l.substr(0, l.size() - shorter.size() - sep.size())))
      return true;
  }
  // "Site: Headline"; a colon after the headline starts a subtitle instead.
  if (EndsWith(l, shorter) && EndsWith(l.substr(0, l.size() - shorter.size()), ": ") &&
      short_site(l.substr(0, l.size() - shorter.size() - 2)))
    return true;
  return false;
}

}  // namespace

int TitleAgreement(std::string_view a_in, std::string_view b_in) {
  std::string a = Folded(a_in), b = Folded(b_in);
  if (a.empty() || b.empty()) return 0;
  if (a == b || AddsSiteAffix(a_in, b_in) || AddsSiteAffix(b_in, a_in)) return 2;
  if (a.size() > b.size()) std::swap(a, b);
  return a.size() * 10 >= b.size() * 6 && b.find(a) != std::string::npos ? 1 : 0;
}

int MostAgreedTitle(const std::vector<std::string>& candidates) {
  const size_t n = candidates.size();
  std::vector<int> votes(n, 0);
  for (size_t i = 0; i < n; ++i)
    for (size_t j = 0; j < n; ++j)
      if (i != j) votes[i] += TitleAgreement(candidates[i], candidates[j]);
  int best = -1;
  for (size_t i = 0; i < n; ++i)
    if (votes[i] > 0 && (best < 0 || votes[i] > votes[best])) best = static_cast<int>(i);
  if (best < 0) return -1;
  // The same headline without the site affix the winner still carries.
  for (size_t j = 0; j < n; ++j)
    if (AddsSiteAffix(candidates[j], candidates[best])) return static_cast<int>(j);
  return best;
}

}  // namespace newsfuse::extract_internal
