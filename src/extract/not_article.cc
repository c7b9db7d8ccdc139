#include "extract/not_article.h"

#include <array>
#include <vector>

#include "extract/rules.h"
#include "extract/text_util.h"

namespace newsfuse::extract_internal {
namespace {

// A notice is short; a story with a cookie banner glued on is longer than
// its banner. Above this many body words nothing is called a notice.
constexpr size_t kMaxNoticeWords = 250;
// ... and the notice's paragraphs make up at least this share of the body.
constexpr double kNoticeShare = 0.6;
// A paragraph of this many words that holds only a notice's vocabulary is
// prose about the subject (an article on cookie law), not the notice itself.
constexpr size_t kMaxWeakParagraphWords = 60;
// An index page has at most one paragraph of prose (this many words, ending
// a sentence): its text is headlines and one-line teasers. News paragraphs
// are short (often 20-35 words), so one long paragraph is not the test.
constexpr size_t kProseWords = 15;

struct NoticeKind {
  const char* key;     // data/extract/not_article.txt: notice.<key>, word.<key>
  const char* reason;  // what the user is told
};
constexpr std::array<NoticeKind, 4> kKinds = {{
    {"consent", "cookie or consent notice"},
    {"login", "login or sign-up notice"},
    {"javascript", "\"enable JavaScript\" notice"},
    {"browser-check", "browser check or access-denied page"},
}};

bool IsWordByte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool IsQuoteBefore(std::string_view text, size_t at) {
  // ' " or the UTF-8 quotation marks (“ ‘ „ « end in these bytes).
  for (size_t back = 1; back <= 3 && back <= at; ++back) {
    const char c = text[at - back];
    if (c == '"' || c == '\'') return true;
    if (back >= 2 && (StartsWith(text.substr(at - back), "\xE2\x80\x9C") ||
                      StartsWith(text.substr(at - back), "\xE2\x80\x98") ||
                      StartsWith(text.substr(at - back), "\xE2\x80\x9E") ||
                      StartsWith(text.substr(at - back), "\xC2\xAB")))
      return true;
  }
  return false;
}

// `phrase` in `text` (both lowercase) as whole words. With `unquoted`, an
// occurrence right after a quotation mark does not count: a story quoting a
// banner ("'We use cookies,' the notice says") is not the banner.
bool HasPhrase(std::string_view text, std::string_view phrase, bool unquoted) {
  for (size_t at = text.find(phrase); at != std::string_view::npos;
       at = text.find(phrase, at + 1)) {
    const size_t end = at + phrase.size();
    if (at > 0 && IsWordByte(text[at - 1])) continue;
    if (end < text.size() && IsWordByte(text[end])) continue;
    if (unquoted && IsQuoteBefore(text, at)) continue;
    return true;
  }
  return false;
}

bool HasAny(std::string_view text, const std::vector<std::string>& phrases, bool unquoted) {
  for (const auto& p : phrases)
    if (HasPhrase(text, p, unquoted)) return true;
  return false;
}

bool EndsSentence(std::string_view p) {
  p = Trim(p);
  while (!p.empty() && (p.back() == '"' || p.back() == ')' || p.back() == '\'')) p.remove_suffix(1);
  if (EndsWith(p, "\xE2\x80\x9D")) p.remove_suffix(3);  // closing quotation mark
  return !p.empty() && (p.back() == '.' || p.back() == '!' || p.back() == '?');
}

}  // namespace

std::optional<std::string> NoticeReason(const std::vector<std::string>& blocks) {
  std::vector<std::string> lower;
  std::vector<size_t> words;
  size_t total = 0;
  for (const auto& p : blocks) {
    lower.push_back(CollapseSpace(AsciiLower(p)));
    words.push_back(SplitWords(p).size());
    total += words.back();
  }
  if (total > 0 && total <= kMaxNoticeWords) {
    const Rules& rules = GetRules();
    for (const NoticeKind& k : kKinds) {
      const auto& strong = rules.Phrases(std::string("notice.") + k.key);
      const auto& weak = rules.Phrases(std::string("word.") + k.key);
      bool stated = false;
      size_t notice_words = 0;
      for (size_t i = 0; i < lower.size(); ++i) {
        const bool s = HasAny(lower[i], strong, /*unquoted=*/true);
        stated = stated || s;
        if (s || (words[i] <= kMaxWeakParagraphWords && HasAny(lower[i], weak, false)))
          notice_words += words[i];
      }
      if (stated && static_cast<double>(notice_words) >= kNoticeShare * static_cast<double>(total))
        return std::string(k.reason);
    }
  }
  return std::nullopt;
}

bool LooksLikeReadme(std::string_view text) {
  const auto& sections = GetRules().Phrases("readme.section");
  int headings = 0;
  bool fence = false;
  for (std::string_view line : SplitLines(text.substr(0, 1 << 16))) {
    line = Trim(line);
    if (StartsWith(line, "```")) fence = true;
    if (line.empty() || line.front() != '#') continue;
    while (!line.empty() && line.front() == '#') line.remove_prefix(1);
    if (line.empty() || line.front() != ' ') continue;  // "#hashtag" is no heading
    const std::string title = CollapseSpace(AsciiLower(Trim(line)));
    for (const auto& s : sections)
      if (title == s) {
        ++headings;
        break;
      }
  }
  return fence && headings >= 2;
}

std::optional<std::string> NotArticleReason(const Article& a, const PageKind& kind) {
  if (kind.readme) return std::string("software README or manual");
  if (auto why = NoticeReason(a.paragraphs)) return why;
  if (!kind.listing_schema) return std::nullopt;
  int prose = 0;
  for (const auto& p : a.paragraphs)
    if (SplitWords(p).size() >= kProseWords && EndsSentence(p)) ++prose;
  if (prose <= 1) return std::string("index or list page");
  return std::nullopt;
}

}  // namespace newsfuse::extract_internal
