// Sentence boundaries in news text.
//
// ICU's rule-based sentence break iterator, corrected for what news prose
// trips it on: abbreviations ("U.S.", "Feb.", "Adm.", "No."), initials
// ("J. R. Smith") and paragraph breaks, which always end a sentence. The
// abbreviation classes live in data/text/abbreviations_en.txt.
//
// Boundaries are found on UTF-16 (ICU's native form) and mapped back, so every
// Span is a byte range of the UTF-8 input that starts and ends on a code point
// boundary. A closing quote or bracket after the final period stays with its
// sentence: `He said "we agreed."` is one sentence, quote included.
//
// Length bound (issue 11): no span is longer than kMaxSentenceBytes. A longer
// run without a sentence end (a list, a table flattened to one line, or
// hostile input) is cut into pieces, each at the last clause mark (", ; :")
// or else the last space in the second half of the allowed length, or else at
// the last code point that fits. The annotators scan around each expression
// within its sentence, so this bound is what bounds their work per token.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

#include "core/records.h"

namespace newsfuse {

// The longest sentence span, in bytes. News sentences are far shorter: the
// longest of the 13,292 sentences in the seeds and 500 DUC 2004 documents is
// 520 bytes, so the bound cuts only runs that are not prose.
inline constexpr size_t kMaxSentenceBytes = 2048;

// Byte spans of the sentences of `text` (UTF-8), trimmed of surrounding
// whitespace, in order. Empty text gives no sentences. A blank line ("\n\n",
// possibly with spaces between) always ends a sentence; a single line break
// inside a paragraph (hard-wrapped text) is read as a space. Uses a splitter
// cached per thread, so it is safe to call from several threads.
std::vector<Span> SplitSentences(std::string_view text);

// The same with explicit state: holds an ICU iterator and conversion buffers,
// so a caller splitting many texts on one thread reuses them. Not thread-safe.
class SentenceSplitter {
 public:
  SentenceSplitter();
  ~SentenceSplitter();
  SentenceSplitter(const SentenceSplitter&) = delete;
  SentenceSplitter& operator=(const SentenceSplitter&) = delete;

  // Appends the sentence spans of `text` to `out` (see SplitSentences).
  void Split(std::string_view text, std::vector<Span>& out);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsfuse
