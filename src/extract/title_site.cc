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

}  // namespace newsfuse::extract_internal
