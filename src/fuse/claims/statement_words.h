// The words statement conflicts compare ("no joint statement" against "a
// joint statement"), read from the story's one token scan (text/tokens.h),
// so they are the words every other stage sees. Internal to src/fuse/claims;
// declared here so the token agreement test (tests/text) can check them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "text/tokens.h"

namespace newsfuse::fuse {

struct StatementWord {
  std::string text;  // case-folded (text::AppendFolded)
  uint32_t begin, end;
  bool ends_clause = false;  // followed by , . ; : and the like: a phrase ends here
  bool capital = false;      // written with a capital initial (any script)
};

// Calls fn(first, last) with the token range of each word of sentence `k`
// of the story's one scan: word and number tokens, a hyphenated compound
// ("Kyiv-based", "F-16") one word. A sentence past the last calls nothing.
template <class Fn>
void ForEachWord(const text::Tokens& t, size_t k, Fn fn) {
  if (k + 1 >= t.sentence_first.size()) return;
  const size_t end = t.SentenceEnd(k);
  for (size_t i = t.SentenceBegin(k); i < end; ++i) {
    if (t[i].IsSymbol()) continue;
    const size_t first = i;
    // Glued word, number and hyphen tokens, a hyphen only between two of the others.
    while (i + 1 < end && t.Glued(i) &&
           (!t[i + 1].IsSymbol() ||
            (t.Text(i + 1) == "-" && i + 2 < end && t.Glued(i + 1) && !t[i + 2].IsSymbol())))
      ++i;
    fn(first, i);
  }
}

// The words of sentence `k`, folded so "Sánchez" and "SÁNCHEZ" meet (empty
// past the last sentence).
std::vector<StatementWord> StatementWords(const text::Tokens& t, size_t k);

}  // namespace newsfuse::fuse
