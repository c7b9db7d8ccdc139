#include "fuse/claims/modality.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <sstream>
#include <string>

#include "core/strings.h"

namespace newsfuse::fuse {
namespace {

#include "modality_data.inc"

struct ModalWords {
  std::set<std::string, std::less<>> guess, unasserted, proposal;
};

// Parsed once. The file is ours and embedded, so a line that names no class
// is a mistake in this build: said on stderr and fatal, never skipped.
const ModalWords& Words() {
  static const ModalWords words = [] {
    ModalWords w;
    std::istringstream lines(kModalityData);
    std::string line;
    int number = 0;
    while (std::getline(lines, line)) {
      ++number;
      if (line.empty() || line[0] == '#') continue;
      std::istringstream fields(line);
      std::string kind, word;
      fields >> kind;
      auto* into = kind == "guess"        ? &w.guess
                   : kind == "unasserted" ? &w.unasserted
                   : kind == "proposal"   ? &w.proposal
                                          : nullptr;
      if (!into) {
        std::fprintf(stderr, "data/fuse/modality.txt:%d: unknown class '%s'\n", number,
                     kind.c_str());
        std::abort();
      }
      while (fields >> word) into->insert(word);
    }
    return w;
  }();
  return words;
}

}  // namespace

bool IsModalWord(Modality m, std::string_view lowered) {
  const ModalWords& w = Words();
  switch (m) {
    case Modality::kGuess:
      return w.guess.count(lowered) > 0;
    case Modality::kUnasserted:
      return w.unasserted.count(lowered) > 0;
    case Modality::kProposal:
      return w.proposal.count(lowered) > 0;
  }
  return false;
}

bool SentenceIsModal(Modality m, std::string_view body, const text::Tokens& tokens,
                     size_t sentence) {
  for (size_t k = tokens.SentenceBegin(sentence); k < tokens.SentenceEnd(sentence); ++k) {
    const text::Token& t = tokens[k];
    if (t.IsWord() && IsModalWord(m, AsciiLower(body.substr(t.begin, t.end - t.begin))))
      return true;
  }
  return false;
}

bool OutletGuesses(const AnnotatedArticle& a, const text::Tokens& tokens, size_t sentence) {
  for (size_t k = tokens.SentenceBegin(sentence); k < tokens.SentenceEnd(sentence); ++k) {
    const text::Token& t = tokens[k];
    if (!t.IsWord() ||
        !IsModalWord(Modality::kGuess, AsciiLower(a.body.substr(t.begin, t.end - t.begin))))
      continue;
    // "fled in May 1997": a capital inside the sentence is the month.
    if (k != tokens.SentenceBegin(sentence) && IsAsciiUpper(a.body[t.begin])) continue;
    const bool reported = std::any_of(a.quotes.begin(), a.quotes.end(), [&](const Quote& q) {
      return q.content.begin <= t.begin && t.end <= q.content.end;
    });
    if (!reported) return true;
  }
  return false;
}

}  // namespace newsfuse::fuse
