// What every claim builder needs: the story's articles with their citation
// keys, sentence lookup, and term vectors to tell whether two sentences speak
// of the same thing. Internal to src/fuse/claims.
#pragma once

#include <numeric>
#include <string>
#include <string_view>
#include <vector>

#include "core/records.h"
#include "fuse/story_words.h"
#include "fuse/term_vector.h"

namespace newsfuse::fuse {

// The cosine of two normalised term vectors (fuse/term_vector.h).
inline double Cosine(const TermVector& a, const TermVector& b) { return Dot(a, b); }

// Disjoint sets over 0..n-1 with path halving: claims that agree pairwise
// (hedged intervals that chain, reports of one event) form one group.
class UnionFind {
 public:
  explicit UnionFind(size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0); }
  size_t Find(size_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  void Union(size_t a, size_t b) { parent_[Find(a)] = Find(b); }

 private:
  std::vector<size_t> parent_;
};

class ClaimContext {
 public:
  // `words` reads the same `members`; both must outlive this object.
  ClaimContext(const std::vector<const AnnotatedArticle*>& members, const StoryReport& report,
               StoryWords& words);

  size_t size() const { return members_.size(); }
  const AnnotatedArticle& article(size_t s) const { return *members_[s]; }
  const std::string& source_id(size_t s) const { return source_ids_[s]; }
  // Sources are counted once per voice: two articles of one outlet, or a copy
  // and its original, are one (fuse/voices.h).
  const std::string& outlet_key(size_t s) const { return outlet_keys_[s]; }

  // The story's one scan of source `s`'s body (fuse/story_words.h).
  const text::Tokens& tokens(size_t s) const { return words_->tokens(s); }
  // Index of the sentence of source `s` that contains `span`, or the nearest before it.
  size_t SentenceOf(size_t s, Span span) const;
  Span SentenceSpan(size_t s, size_t sentence) const;
  // Term vector of a sentence (cached), from the story's one scan
  // (fuse/story_words.h): stemmed in the article's language, stop words out.
  const TermVector& SentenceVector(size_t s, size_t sentence);
  // The same for any text of source `s` (a clause, a quote, a role).
  TermVector Vector(size_t s, std::string_view text);
  // Stemmed head word of a noun phrase: "prisoners of war" -> "prison",
  // "attack drones" -> "drone". Empty when the phrase has no content word.
  std::string HeadStem(std::string_view phrase);

 private:
  std::vector<const AnnotatedArticle*> members_;
  std::vector<std::string> source_ids_;
  std::vector<std::string> outlet_keys_;
  std::vector<std::vector<TermVector>> sentence_vectors_;
  std::vector<std::vector<bool>> sentence_ready_;
  StoryWords* words_;
  std::vector<uint32_t> scratch_;
};

// "157", "1,200", "2.5", "1.2 million": a value as a person would write it.
std::string FormatNumber(double value);

// Whether `span` overlaps the words of a direct quote of `a`: those are a
// speaker's, not the outlet's own claim, and who said them is shown apart.
bool InDirectQuote(const AnnotatedArticle& a, Span span);

// Text of `span` inside `article`, whitespace collapsed.
std::string SpanText(const AnnotatedArticle& article, Span span);

// The words next to `span` (a number, a date) inside its own clause, up to
// `words_before` / `words_after` words and never past a clause mark, the span
// itself left out (`in_place_of_span` stands where it was: a space for
// comparing clauses, "\u2026" for showing one). A sentence can hold several measures or dates, and
// the sentence as a whole says little about which of them two sources share; what a figure or a
// date is *of* is written right next to it.
std::string ClauseAround(const AnnotatedArticle& a, Span sentence, Span span, int words_before,
                         int words_after, std::string_view in_place_of_span = " ");

// The same clause as one span of the body, `span` included.
Span ClauseSpan(const AnnotatedArticle& a, Span sentence, Span span, int words_before,
                int words_after);

}  // namespace newsfuse::fuse
