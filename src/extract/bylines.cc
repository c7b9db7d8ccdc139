#include "extract/bylines.h"

#include <algorithm>

#include "extract/author_names.h"
#include "extract/date_words.h"
#include "extract/list_words.h"
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

// What follows a name after a comma without being another name: one word
// (a degree, a suffix, an outlet: "MD", "CNN") or a job title ("AP Auto
// Writer", "Senior Correspondent").
bool IsQualifier(std::string_view part) {
  const std::vector<std::string_view> words = SplitWords(part);
  if (words.size() == 1) return true;
  for (std::string_view w : words) {
    // Each piece of a hyphenated title: "Editor-at-large".
    const std::string lower = AsciiLower(StripDecor(w));
    for (size_t at = 0; at <= lower.size();) {
      const size_t end = std::min(lower.find('-', at), lower.size());
      if (GetRules().role.count(lower.substr(at, end - at))) return true;
      at = end + 1;
    }
  }
  return false;
}

// "Newsroom Staff", "Our Foreign Desk": a group, not a person.
bool NamesAGroup(std::string_view part) {
  for (std::string_view w : SplitWords(part))
    for (const std::string& np : GetRules().Phrases("notperson"))
      if (AsciiLower(StripDecor(w)) == np) return true;
  return false;
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
  // "Analysis by Jane Doe", "Story and photos by Jane Doe": the names follow
  // the last "by" among the first words.
  for (size_t at = 0, n = 0; n < 4; ++n) {
    const size_t by = rest.find(" by ", at);
    if (by == std::string::npos || SplitWords(rest.substr(0, by)).size() > 3) break;
    rest = rest.substr(by + 4);
    at = 0;
  }
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
  auto capitalised = [&](size_t i) {
    return i < words.size() &&
           (IsAsciiUpper(words[i][0]) || static_cast<unsigned char>(words[i][0]) >= 0x80);
  };
  // A part after a comma is another author only when it is not a qualifier
  // of the name before it (IsQualifier).
  std::vector<bool> after_comma;
  bool comma_before = false;
  size_t words_in_part = 0;
  auto close_part = [&](bool comma) {
    parts.push_back(cur);
    after_comma.push_back(comma_before);
    comma_before = comma;
    cur.clear();
    words_in_part = 0;
  };
  for (size_t i = 0; i < words.size(); ++i) {
    std::string_view w = words[i];
    // Another language's "and" ("und", "et", "y") joins two full names; one
    // word after it is a surname's particle ("Lula da Silva").
    const bool conjunction = w == "and" || w == "&" || w == "AND" ||
                             (words_in_part >= 2 && capitalised(i + 1) && capitalised(i + 2) &&
                              AsciiLower(w) == w && IsListConjunction(w));
    if (conjunction) {
      close_part(false);
      continue;
    }
    bool comma = !w.empty() && w.back() == ',';
    if (comma) w.remove_suffix(1);
    if (!cur.empty()) cur += ' ';
    cur += w;
    ++words_in_part;
    if (comma) close_part(true);
  }
  close_part(false);
  std::vector<std::string> names;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (GetRules().IsWire(parts[i])) continue;
    if ((after_comma[i] && IsQualifier(parts[i])) || NamesAGroup(parts[i])) continue;
    std::string n = CleanName(parts[i]);
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

bool OpensWithWire(std::string_view text) {
  const std::string s = StripAuthorPrefix(text);
  const std::vector<std::string_view> words = SplitWords(s);
  std::string lead;
  for (size_t i = 0; i < words.size() && i < 4; ++i) {
    const std::string_view w = StripDecor(words[i]);
    if (w.empty() || IsAsciiDigit(w[0])) break;
    lead += (lead.empty() ? "" : " ") + std::string(w);
    if (GetRules().IsWire(lead) || (IStartsWith(lead, "the ") && GetRules().IsWire(lead.substr(4))))
      return true;
    if (words[i].back() == ',') break;
  }
  return false;
}

namespace {

// Whether the text just before `at` (spaces, ":", "：" and "[" skipped) ends
// with an editor label, as listed or with a capital first letter.
bool EditorLabelBefore(std::string_view page, size_t at) {
  size_t end = at;
  for (bool more = true; more && end > 0;) {
    more = false;
    if (IsAsciiSpace(page[end - 1]) || page[end - 1] == ':' || page[end - 1] == '[') {
      --end;
      more = true;
    } else if (end >= 3 && page.substr(end - 3, 3) == "\xEF\xBC\x9A") {
      end -= 3;
      more = true;
    }
  }
  const std::string_view before = page.substr(0, end);
  for (const std::string& label : GetRules().Phrases("editorlabel")) {
    if (before.size() < label.size()) continue;
    const std::string_view tail = before.substr(before.size() - label.size());
    if (AsciiLower(tail) == label) return true;
  }
  return false;
}

}  // namespace

bool CreditedAsEditor(std::string_view page, std::string_view name_in) {
  const std::string name = CollapseSpace(name_in);
  if (Utf8Length(name) < 2) return false;
  // A CMS may put the site's name before the editor's in name=author
  // ("SiteName" + "Name"): for a name in a script without spaces, its last
  // two and three characters are tried as well.
  std::vector<std::string_view> forms{name};
  if (static_cast<unsigned char>(name[0]) >= 0x80 && name.find(' ') == std::string::npos)
    for (size_t chars : {3, 2}) {
      if (Utf8Length(name) <= chars) continue;
      size_t at = name.size();
      for (size_t n = 0; n < chars && at > 0; ++n)
        while (at > 0 && (static_cast<unsigned char>(name[--at]) & 0xC0) == 0x80) {
        }
      forms.push_back(std::string_view(name).substr(at));
    }
  for (std::string_view form : forms) {
    int seen = 0;
    for (size_t at = page.find(form); at != std::string_view::npos && ++seen <= 50;
         at = page.find(form, at + form.size())) {
      const size_t after = at + form.size();
      if (after < page.size() && IsWordByte(page[after])) continue;
      if (EditorLabelBefore(page, at)) return true;
    }
  }
  return false;
}

}  // namespace newsfuse::extract_internal
