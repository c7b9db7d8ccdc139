#include "cli/plain_query.h"

#include <cctype>
#include <vector>

namespace newsfuse::cli {
namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// A word the tokenizer would find anything in: an ASCII letter or digit, or a
// non-ASCII byte (unicode61 decides about those, and a string of only
// punctuation is an empty phrase, which FTS5 accepts).
bool HasTokenText(std::string_view text) {
  for (unsigned char c : text) {
    if (std::isalnum(c) || c >= 0x80) return true;
  }
  return false;
}

// One FTS5 string: the text with '"' doubled, as FTS5 escapes it.
std::string FtsString(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

std::string Joined(const std::vector<std::string>& parts, const char* separator) {
  std::string out;
  for (const auto& part : parts) {
    if (!out.empty()) out += separator;
    out += part;
  }
  return out;
}

}  // namespace

Result<std::string> PlainWordsToFts(std::string_view words, const WordVariants& variants) {
  std::vector<std::string> wanted, excluded;
  size_t i = 0;
  while (i < words.size()) {
    if (IsBlank(words[i])) {
      ++i;
      continue;
    }
    bool exclude = false;
    if (words[i] == '-' && i + 1 < words.size() && !IsBlank(words[i + 1])) {
      exclude = true;
      ++i;
    }
    std::string_view term;
    const bool quoted = words[i] == '"';
    if (quoted) {
      const size_t close = words.find('"', i + 1);
      const size_t end = close == std::string_view::npos ? words.size() : close;
      term = words.substr(i + 1, end - i - 1);
      i = end == words.size() ? end : end + 1;
    } else {
      size_t end = i;
      while (end < words.size() && !IsBlank(words[end]) && words[end] != '"') ++end;
      term = words.substr(i, end - i);
      i = end;
    }
    if (!HasTokenText(term)) continue;
    std::vector<std::string> alternatives;
    if (!exclude && !quoted && variants) alternatives = variants(term);
    if (alternatives.empty()) {
      (exclude ? excluded : wanted).push_back(FtsString(term));
      continue;
    }
    std::string any = "(" + FtsString(term);
    for (const std::string& other : alternatives) any += " OR " + FtsString(other);
    wanted.push_back(any + ")");
  }
  if (wanted.empty()) {
    return Status::Usage("search query '" + std::string(words) + "' has no word to look for" +
                         (excluded.empty() ? "" : " (a -word only excludes)"));
  }
  std::string query = "(" + Joined(wanted, " AND ") + ")";
  if (!excluded.empty()) query += " NOT (" + Joined(excluded, " OR ") + ")";
  return query;
}

}  // namespace newsfuse::cli
