#include "extract/title_site.h"

#include <array>
#include <optional>

#include "extract/text_util.h"

namespace newsfuse::extract_internal {

namespace {

// "标题_频道_网站" / "标题 _频道 _网站": Chinese portals join the headline,
// its section and the site with underscores. An underscore counts only
// between two non-ASCII characters (spaces aside), so "snake_case" in a
// Latin title is not cut; the headline keeps at least four characters and
// the affix is at most three short parts.
std::optional<size_t> CjkUnderscoreAffix(std::string_view title) {
  for (size_t at = title.find('_'); at != std::string_view::npos; at = title.find('_', at + 1)) {
    size_t before = at, after = at + 1;
    while (before > 0 && title[before - 1] == ' ') --before;
    if (before == 0 || static_cast<unsigned char>(title[before - 1]) < 0x80) continue;
    if (after >= title.size() || static_cast<unsigned char>(title[after]) < 0x80) continue;
    if (Utf8Length(title.substr(0, before)) < 4) continue;
    int parts = 0;
    bool short_parts = true;
    for (std::string_view rest = title.substr(at + 1);; ++parts) {
      const size_t next = rest.find('_');
      short_parts = short_parts && Utf8Length(Trim(rest.substr(0, next))) <= 12;
      if (next == std::string_view::npos) break;
      rest.remove_prefix(next + 1);
    }
    if (short_parts && parts < 3) return before;
    return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace

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
      // "Headline | Section | Site": a section of one or two words before the
      // site, after the same bar.
      if (sep == " | ") {
        const size_t section = left.rfind(sep);
        if (section != std::string::npos &&
            SplitWords(left.substr(section + sep.size())).size() <= 2 &&
            SplitWords(left.substr(0, section)).size() >= 3)
          left.resize(section);
      }
      return std::string(Trim(left));
    }
    size_t first = title.find(sep);
    if (same(title.substr(0, first))) {
      if (site) *site = title.substr(0, first);
      return std::string(Trim(title.substr(first + sep.size())));
    }
  }
  // The site is not reported: the last part is as often a keyword as the
  // site's name.
  if (const std::optional<size_t> cut = CjkUnderscoreAffix(title))
    return std::string(Trim(title.substr(0, *cut)));
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
  // "Headline [Site]", "Headline（Outlet）", "[Site] Headline": a short
  // bracketed group on one side; "Headline_Section_Site" (CjkUnderscoreAffix).
  auto bracketed = [&](std::string_view rest) {
    rest = Trim(rest);
    static const std::array<std::pair<std::string_view, std::string_view>, 6> kPairs = {{
        {"(", ")"},
        {"[", "]"},
        {"\xEF\xBC\x88", "\xEF\xBC\x89"},  // full-width parentheses
        {"\xEF\xBC\x9C", "\xEF\xBC\x9E"},  // full-width angle brackets
        {"\xE3\x80\x90", "\xE3\x80\x91"},  // lenticular brackets
        {"\xE3\x80\x94", "\xE3\x80\x95"},  // tortoise-shell brackets
    }};
    for (const auto& [open, close] : kPairs)
      if (StartsWith(rest, open) && EndsWith(rest, close) &&
          rest.size() > open.size() + close.size() &&
          rest.substr(open.size()).find(open) == std::string_view::npos)
        return short_site(rest);
    return false;
  };
  if (StartsWith(l, shorter) &&
      (bracketed(l.substr(shorter.size())) || CjkUnderscoreAffix(l) == shorter.size()))
    return true;
  if (EndsWith(l, shorter) && bracketed(l.substr(0, l.size() - shorter.size()))) return true;
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
