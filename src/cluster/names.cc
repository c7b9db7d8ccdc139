#include "cluster/names.h"

#include <string>

namespace newsfuse::cluster {
namespace {

bool Upper(char c) { return c >= 'A' && c <= 'Z'; }
bool Letter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

}  // namespace

void NameTerms(std::string_view text, TermDictionary& dict, std::vector<uint32_t>& out) {
  thread_local std::string word;  // reused: no allocation per token
  bool sentence_start = true;     // at text start, after . ! ? : a quote or a newline
  size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (!Letter(c)) {
      if (c == '.' || c == '!' || c == '?' || c == '\n' || c == '"' || c == ':' || c == '_') {
        sentence_start = true;
      }
      ++i;
      continue;
    }
    size_t j = i;
    word.assign(kNamePrefix);
    while (j < text.size() && (Letter(text[j]) || text[j] == '-')) {
      word += static_cast<char>(text[j] | 0x20);
      ++j;
    }
    if (Upper(c) && !sentence_start && word.size() >= 4) out.push_back(dict.Intern(word));
    sentence_start = false;
    i = j;
  }
}

}  // namespace newsfuse::cluster
