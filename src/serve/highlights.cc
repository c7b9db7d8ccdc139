#include "serve/highlights.h"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "text/terms.h"

namespace newsfuse::serve {
namespace {

// Letters and digits of any script: every byte of a multi-byte UTF-8
// character counts as a word byte, which is all a cut between words needs.
bool IsWordByte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

void Append(std::vector<TextPart>& parts, std::string_view text, bool match) {
  if (text.empty()) return;
  if (!parts.empty() && parts.back().match == match) {
    parts.back().text.append(text);
  } else {
    parts.push_back(TextPart{std::string(text), match});
  }
}

// The words of the index (text/terms.h) without its stop list: a marked
// "the" of a quoted phrase is a word the reader asked for.
TermExtractor& Extractor() {
  thread_local TermExtractor extractor(TermOptions{.drop_stop_words = false});
  return extractor;
}

// The term of one word as it is spelled. Remembered: titles of a search's
// hits repeat their words, and an extractor run per word made the highlights
// a third of a search's CPU time.
const std::string& TermOfWord(std::string_view word) {
  constexpr size_t kMaxRemembered = 1 << 16;
  thread_local std::unordered_map<std::string, std::string> terms;
  auto it = terms.find(std::string(word));
  if (it != terms.end()) return it->second;
  if (terms.size() >= kMaxRemembered) terms.clear();
  std::vector<std::string> found = Extractor().Terms(word);
  return terms.emplace(std::string(word), found.empty() ? "" : std::move(found.front()))
      .first->second;
}

}  // namespace

std::vector<TextPart> SnippetParts(std::string_view snippet) {
  std::vector<TextPart> parts;
  size_t pos = 0;
  while (pos < snippet.size()) {
    const size_t open = snippet.find('[', pos);
    if (open == std::string_view::npos) break;
    Append(parts, snippet.substr(pos, open - pos), false);
    const size_t close = snippet.find(']', open + 1);
    // A mark is not empty and holds no '[' of its own: "[a [b]" marks "b".
    if (close == std::string_view::npos || close == open + 1 ||
        snippet.substr(open + 1, close - open - 1).find('[') != std::string_view::npos) {
      Append(parts, "[", false);
      pos = open + 1;
      continue;
    }
    Append(parts, snippet.substr(open + 1, close - open - 1), true);
    pos = close + 1;
  }
  Append(parts, snippet.substr(pos), false);
  return parts;
}

std::vector<TextPart> TitleParts(std::string_view title,
                                 const std::vector<TextPart>& snippet_parts) {
  std::set<std::string> matched;
  for (const TextPart& part : snippet_parts) {
    if (!part.match) continue;
    // Word by word, as the title is read below ("Abu Dhabi" marked whole).
    const std::string_view text = part.text;
    for (size_t pos = 0; pos < text.size();) {
      size_t end = pos;
      while (end < text.size() && IsWordByte(static_cast<unsigned char>(text[end]))) ++end;
      if (end > pos) {
        const std::string& term = TermOfWord(text.substr(pos, end - pos));
        if (!term.empty()) matched.insert(term);
      }
      pos = std::max(end, pos + 1);
    }
  }
  std::vector<TextPart> parts;
  size_t pos = 0;
  while (pos < title.size()) {
    size_t end = pos;
    const bool word = IsWordByte(static_cast<unsigned char>(title[pos]));
    while (end < title.size() && IsWordByte(static_cast<unsigned char>(title[end])) == word) ++end;
    const std::string_view piece = title.substr(pos, end - pos);
    bool match = false;
    if (word && !matched.empty()) {
      const std::string& term = TermOfWord(piece);
      match = !term.empty() && matched.contains(term);
    }
    Append(parts, piece, match);
    pos = end;
  }
  return parts;
}

}  // namespace newsfuse::serve
