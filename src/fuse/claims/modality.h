// Words that keep a sentence from asserting what it reports: an outlet's
// guess ("could", "appears"), or an expectation, plan, demand or condition
// ("expected to", "would", "if"). Read from data/fuse/modality.txt, embedded
// at configure time. Internal to src/fuse/claims.
#pragma once

#include <cstddef>
#include <string_view>

#include "core/records.h"
#include "text/tokens.h"

namespace newsfuse::fuse {

enum class Modality {
  kGuess,       // speculation: no claim to corroborate
  kUnasserted,  // expected, planned, asked for or supposed: no claim to contradict
  kProposal,    // put forward in a negotiation: a position, not an account
};

// Whether `lowered` (one word, lower case) is a word of class `m`.
bool IsModalWord(Modality m, std::string_view lowered);

// Whether sentence `sentence` of `tokens` (a scan of `body`) holds a word of
// class `m`, in any letter case.
bool SentenceIsModal(Modality m, std::string_view body, const text::Tokens& tokens,
                     size_t sentence);

// Whether sentence `sentence` of `tokens` (a scan of `a.body`) holds an
// outlet's own guess: a kGuess word outside every span the quote annotator
// gives to a speaker. "Sharon said that this might change" reports what
// Sharon said, which other outlets can confirm; "the move could be a
// bargaining tactic" is the outlet's own speculation.
bool OutletGuesses(const AnnotatedArticle& a, const text::Tokens& tokens, size_t sentence);

}  // namespace newsfuse::fuse
