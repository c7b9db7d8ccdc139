#include "extract/text_util.h"

namespace newsfuse::extract_internal {

bool IsWordByte(char c) {
  return IsAsciiUpper(c) || IsAsciiLower(c) || IsAsciiDigit(c) ||
         static_cast<unsigned char>(c) >= 0x80;
}

namespace {
// Length of a Unicode space sequence at s[i] (0 if none).
size_t UnicodeSpaceAt(std::string_view s, size_t i) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[i + k]); };
  if (IsAsciiSpace(s[i])) return 1;
  if (i + 1 < s.size() && b(0) == 0xC2 && b(1) == 0xA0) return 2;  // U+00A0
  if (i + 2 < s.size() && b(0) == 0xE2 && b(1) == 0x80 && b(2) >= 0x80 && b(2) <= 0x8B)
    return 3;                                                                      // U+2000..U+200B
  if (i + 2 < s.size() && b(0) == 0xE2 && b(1) == 0x80 && b(2) == 0xAF) return 3;  // U+202F
  if (i + 2 < s.size() && b(0) == 0xE3 && b(1) == 0x80 && b(2) == 0x80) return 3;  // U+3000
  if (i + 2 < s.size() && b(0) == 0xEF && b(1) == 0xBB && b(2) == 0xBF) return 3;  // BOM
  return 0;
}
}  // namespace

std::string CollapseSpace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending = false;
  for (size_t i = 0; i < s.size();) {
    size_t n = UnicodeSpaceAt(s, i);
    if (n) {
      pending = true;
      i += n;
      continue;
    }
    if (pending && !out.empty()) out += ' ';
    pending = false;
    out += s[i++];
  }
  return out;
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}
size_t DashAt(std::string_view s, size_t pos) {
  if (StartsWith(s.substr(pos), "\xE2\x80\x94") || StartsWith(s.substr(pos), "\xE2\x80\x93"))
    return 3;
  if (StartsWith(s.substr(pos), "--")) return 2;
  if (pos < s.size() && s[pos] == '-') return 1;
  return 0;
}

void SkipSpaces(std::string_view s, size_t& pos) {
  while (pos < s.size() && s[pos] == ' ') ++pos;
}

bool IStartsWith(std::string_view s, std::string_view p) {
  if (s.size() < p.size()) return false;
  for (size_t i = 0; i < p.size(); ++i) {
    char a = s[i], b = p[i];
    if (IsAsciiUpper(a)) a = static_cast<char>(a - 'A' + 'a');
    if (IsAsciiUpper(b)) b = static_cast<char>(b - 'A' + 'a');
    if (a != b) return false;
  }
  return true;
}

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' || text[i] == '\r') {
      lines.push_back(text.substr(start, i - start));
      if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      start = i + 1;
    }
  }
  if (start < text.size()) lines.push_back(text.substr(start));
  return lines;
}

bool EndsWithTerminal(std::string_view s) {
  s = Trim(s);
  // Strip closing quotes/brackets: ASCII " ' ) ] and U+201D U+2019 U+00BB.
  for (;;) {
    if (!s.empty() && (s.back() == '"' || s.back() == '\'' || s.back() == ')' || s.back() == ']')) {
      s.remove_suffix(1);
    } else if (EndsWith(s, "\xE2\x80\x9D") || EndsWith(s, "\xE2\x80\x99")) {
      s.remove_suffix(3);
    } else if (EndsWith(s, "\xC2\xBB")) {
      s.remove_suffix(2);
    } else {
      break;
    }
  }
  if (s.empty()) return false;
  const char c = s.back();
  if (c == '.' || c == '!' || c == '?') return true;
  return EndsWith(s, "\xE2\x80\xA6") /* … */ || EndsWith(s, "\xE3\x80\x82") /* 。 */;
}

std::vector<std::string_view> SplitWords(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && IsAsciiSpace(s[i])) ++i;
    size_t j = i;
    while (j < s.size() && !IsAsciiSpace(s[j])) ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

std::vector<std::string> WordTokens(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    // Skip non-word bytes, including whole punctuation code points
    // (U+2000..U+206F general punctuation: dashes, curly quotes).
    if (!IsWordByte(s[i]) || (static_cast<unsigned char>(s[i]) == 0xE2 && i + 1 < s.size() &&
                              (static_cast<unsigned char>(s[i + 1]) == 0x80 ||
                               static_cast<unsigned char>(s[i + 1]) == 0x81))) {
      i += (static_cast<unsigned char>(s[i]) == 0xE2) ? 3 : 1;
      continue;
    }
    size_t j = i;
    std::string tok;
    while (j < s.size()) {
      char c = s[j];
      if (static_cast<unsigned char>(c) == 0xE2 && j + 1 < s.size() &&
          (static_cast<unsigned char>(s[j + 1]) == 0x80 ||
           static_cast<unsigned char>(s[j + 1]) == 0x81))
        break;
      if (IsWordByte(c)) {
        tok += IsAsciiUpper(c) ? static_cast<char>(c - 'A' + 'a') : c;
        ++j;
      } else if ((c == '.' || c == '\'' || c == '-') && j + 1 < s.size() && IsWordByte(s[j + 1]) &&
                 static_cast<unsigned char>(s[j + 1]) != 0xE2) {
        tok += c;
        ++j;
      } else {
        break;
      }
    }
    out.push_back(std::move(tok));
    i = j;
  }
  return out;
}

bool IsAllCaps(std::string_view s, int min_letters) {
  int letters = 0;
  for (char c : s) {
    if (IsAsciiLower(c)) return false;
    if (IsAsciiUpper(c)) ++letters;
  }
  return letters >= min_letters;
}

std::string TitleCaseWords(std::string_view s) {
  std::string out(s);
  bool start = true;
  for (size_t i = 0; i < out.size(); ++i) {
    char c = out[i];
    if (IsAsciiUpper(c) || IsAsciiLower(c)) {
      if (!start && IsAsciiUpper(c)) {
        // Keep abbreviations with dots ("U.S.") as written.
        bool dotted = (i + 1 < out.size() && out[i + 1] == '.') || (i > 0 && out[i - 1] == '.');
        if (!dotted) out[i] = static_cast<char>(c - 'A' + 'a');
      }
      start = false;
    } else {
      start = (c == ' ' || c == '-');
    }
  }
  return out;
}

}  // namespace newsfuse::extract_internal
