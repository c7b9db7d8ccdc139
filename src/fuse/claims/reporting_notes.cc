#include "fuse/claims/reporting_notes.h"

#include <string>

#include "core/strings.h"

namespace newsfuse::fuse {

bool IsReportingNote(std::string_view body, const text::Tokens& tokens, size_t sentence) {
  const size_t begin = tokens.SentenceBegin(sentence), end = tokens.SentenceEnd(sentence);
  auto word = [&](size_t k) {
    const text::Token& t = tokens[k];
    return t.IsWord() ? AsciiLower(body.substr(t.begin, t.end - t.begin)) : std::string();
  };
  for (size_t k = begin + 1; k < end; ++k) {
    const std::string w = word(k);
    if (w != "comment" && w != "comments") continue;
    std::string before = word(k - 1);
    if (before == "a" && k >= begin + 2) before = word(k - 2);
    if (before == "for" || before == "to" || before == "seeking") return true;
  }
  return false;
}

}  // namespace newsfuse::fuse
