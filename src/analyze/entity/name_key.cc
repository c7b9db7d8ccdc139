#include "analyze/entity/name_key.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace newsfuse::analyze::entity {
namespace {

// Rewrites one lower-case word with the folds, in order. '^' and '$' anchor a
// fold at the word's start or end; an unanchored fold replaces every match.
void FoldWord(std::string& word, const std::vector<std::pair<std::string, std::string>>& folds) {
  for (const auto& [from_raw, to] : folds) {
    std::string_view from = from_raw;
    const bool at_start = !from.empty() && from.front() == '^';
    const bool at_end = !from.empty() && from.back() == '$';
    if (at_start) from.remove_prefix(1);
    if (at_end) from.remove_suffix(1);
    if (from.empty() || word.size() < from.size()) continue;
    if (at_end) {
      if (word.compare(word.size() - from.size(), from.size(), from) == 0) {
        word.replace(word.size() - from.size(), from.size(), to);
      }
    } else if (at_start) {
      if (word.compare(0, from.size(), from) == 0) word.replace(0, from.size(), to);
    } else {
      size_t pos = 0;
      while ((pos = word.find(from, pos)) != std::string::npos) {
        word.replace(pos, from.size(), to);
        pos += to.size();
      }
    }
  }
}

}  // namespace

void AppendAsciiFolded(std::string_view text, std::string& out) {
  const icu::Normalizer2* nfd = nullptr;
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(text.size());
  while (i < n) {
    const unsigned char b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      out.push_back(static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b));
      ++i;
      continue;
    }
    const int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(text.data(), i, n, c);
    if (c < 0) continue;
    // Typographic apostrophes fold to ASCII so "O’Brien" keys like "O'Brien".
    if (c == 0x2019 || c == 0x2018) {
      out.push_back('\'');
      continue;
    }
    if (nfd == nullptr) {
      UErrorCode status = U_ZERO_ERROR;
      nfd = icu::Normalizer2::getNFDInstance(status);
      if (U_FAILURE(status)) nfd = nullptr;
    }
    icu::UnicodeString decomposed;
    if (nfd != nullptr && nfd->getDecomposition(u_tolower(c), decomposed) &&
        decomposed.length() > 0 && decomposed.charAt(0) < 0x80) {
      out.push_back(static_cast<char>(decomposed.charAt(0)));
    } else {
      const UChar32 lower = u_tolower(c);
      if (lower < 0x80) {
        out.push_back(static_cast<char>(lower));
      } else {
        out.append(text.substr(start, i - start));
      }
    }
  }
}

std::string NameKey(std::string_view text,
                    const std::vector<std::pair<std::string, std::string>>& folds) {
  std::string folded;
  folded.reserve(text.size());
  AppendAsciiFolded(text, folded);
  std::string key;
  key.reserve(folded.size());
  std::string word;
  auto flush = [&] {
    if (word.empty()) return;
    FoldWord(word, folds);
    if (!key.empty()) key.push_back(' ');
    key += word;
    word.clear();
  };
  for (char c : folded) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (c == ' ' || c == '\t' || c == '\n') {
      flush();
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || u >= 0x80) {
      word.push_back(c);
    }
  }
  flush();
  return key;
}

}  // namespace newsfuse::analyze::entity
