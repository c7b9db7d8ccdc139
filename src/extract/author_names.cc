#include "extract/author_names.h"

#include <vector>

#include "extract/date_words.h"
#include "extract/rules.h"
#include "extract/text_util.h"

namespace newsfuse::extract_internal {
namespace {

// Full names only: "Sun" and "Sat" are names too (date_words.h's IsWeekday
// takes the abbreviations a dateline uses).
bool IsFullWeekday(std::string_view lower) {
  for (std::string_view d :
       {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
    if (lower == d) return true;
  return false;
}

// Strips punctuation a link or list puts around a name: "Jane Doe:", "| Jane Doe";
// a final '.' stays ("John Roe Jr.").
std::string_view TrimDecor(std::string_view s) {
  auto decor = [](char c) {
    return IsAsciiSpace(c) || c == ':' || c == ',' || c == '|' || c == '-';
  };
  // Dashes, bullets, a full-width colon and a no-break space a template puts
  // between a name and the date after it ("Jane Doe —").
  static constexpr std::string_view kWide[] = {"\xE2\x80\x94", "\xE2\x80\x93", "\xC2\xB7",
                                               "\xE2\x80\xA2", "\xEF\xBC\x9A", "\xC2\xA0"};
  for (bool again = true; again;) {
    again = false;
    while (!s.empty() && decor(s.front())) s.remove_prefix(1);
    while (!s.empty() && decor(s.back())) s.remove_suffix(1);
    for (std::string_view w : kWide) {
      if (StartsWith(s, w)) s.remove_prefix(w.size()), again = true;
      if (EndsWith(s, w)) s.remove_suffix(w.size()), again = true;
    }
  }
  return s;
}

// A user name or URL slug ("devindra", "jdoe_42"): one word, no capital,
// ASCII only. Scripts without case (Chinese, Arabic) are not judged.
bool LooksLikeHandle(std::string_view name) {
  if (name.find(' ') != std::string_view::npos) return false;
  for (char c : name)
    if (IsAsciiUpper(c) || static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

// "作者：" and "Автор:" end the generated prefixes in a colon; a full-width
// colon or none at all follows a prefix in scripts written without spaces.
bool EndsPrefix(std::string_view rest) {
  return rest.empty() || rest.front() == ' ' || rest.front() == ':' ||
         StartsWith(rest, "\xEF\xBC\x9A") || static_cast<unsigned char>(rest.front()) >= 0xE3;
}

}  // namespace

std::string StripAuthorPrefix(std::string_view text) {
  std::string name = CollapseSpace(text);
  // Longest prefix first, so "view all posts by" wins over "by"; repeated for
  // "By: Author: Jane Doe".
  for (bool again = true; again;) {
    again = false;
    const std::string lower = AsciiLower(name);
    size_t best = 0;
    for (const std::string& p : GetRules().Phrases("authorprefix"))
      if (p.size() > best && StartsWith(lower, p) && lower.size() > p.size() &&
          EndsPrefix(std::string_view(lower).substr(p.size())))
        best = p.size();
    if (best > 0) {
      name = std::string(TrimDecor(std::string_view(name).substr(best)));
      again = true;
    }
  }
  // Words after the name: "%s による投稿" (Japanese), "%s bejegyzése" (Hungarian).
  const std::string lower = AsciiLower(name);
  for (const std::string& p : GetRules().Phrases("authorsuffix"))
    if (lower.size() > p.size() && EndsWith(lower, p)) {
      name = std::string(TrimDecor(std::string_view(name).substr(0, name.size() - p.size())));
      break;
    }
  return name;
}

std::string CleanAuthorName(std::string_view raw, std::string_view outlet) {
  const Rules& rules = GetRules();
  std::string name = CollapseSpace(raw);
  if (name.find("://") != std::string::npos || StartsWith(name, "www.") || StartsWith(name, "/"))
    return {};
  std::string lower = AsciiLower(name);
  const std::string padded = " " + lower + " ";
  for (const std::string& link : rules.Phrases("authorlink"))
    if (padded.find(" " + link + " ") != std::string::npos) {
      // "View all posts by Jane Doe": the link words name the author after them.
      bool prefix_form = false;
      for (const std::string& p : rules.Phrases("authorprefix"))
        prefix_form |= StartsWith(lower, p + " ") && p.find(link) != std::string::npos;
      if (!prefix_form) return {};
    }
  name = StripAuthorPrefix(name);
  name = std::string(TrimDecor(name));
  std::vector<std::string_view> words = SplitWords(name);
  while (!words.empty()) {
    const std::string last = AsciiLower(TrimDecor(words.back()));
    if (!IsFullWeekday(last) && MonthFromName(last) == 0) break;
    words.pop_back();
  }
  if (words.empty() || words.size() > 6) return {};
  std::string out;
  for (std::string_view w : words) {
    const std::string lw = AsciiLower(TrimDecor(w));
    for (const std::string& np : rules.Phrases("notperson"))
      if (lw == np) return {};
    out += (out.empty() ? "" : " ") + std::string(w);
  }
  out = std::string(TrimDecor(out));
  if (out.empty() || out.size() > 80 || LooksLikeHandle(out)) return {};
  // A news agency ("Reuters", "The Associated Press") and a name opening
  // with an article ("The Harbour Times") are a credit or a publication, not
  // a person.
  if (StartsWith(out, "The ") || GetRules().IsWire(out)) return {};
  const std::string lo = AsciiLower(out), lout = AsciiLower(CollapseSpace(outlet));
  // A name that contains the outlet can be a person's own blog ("Ann Lee (annlee)"
  // on "Ann Lee"), so only a name equal to the outlet or part of it is refused.
  if (!lout.empty() && lout.find(lo) != std::string::npos) return {};
  return out;
}

}  // namespace newsfuse::extract_internal
