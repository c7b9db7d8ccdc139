// The story's words, read once: each member's body through the shared token
// scan (text::Tokenize over its sentences, as analysis scans it), and each
// sentence's index terms taken from those tokens in the article's own
// language. Candidates, the headline and every claim builder read these, so
// fusion has one tokenizer and one dictionary, and "Sánchez" is one word to
// all of them. Internal to src/fuse.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/records.h"
#include "text/terms.h"
#include "text/tokens.h"

namespace newsfuse::fuse {

// Index terms of tokens in one language, as TermExtractor (text/terms.h)
// makes them from ICU words: case-folded, possessive and clitics cut ("n't"
// drops the word), dots out of acronyms ("U.S." -> "us"), stop words dropped
// unless written as an acronym, Snowball-stemmed when the language has a
// stemmer, numbers whole without grouping commas. A glued run of letters and
// digits ("G7", "5km") is one term, as ICU's word rules read it.
class TokenTerms {
 public:
  // `language`: an ISO 639-1 code ("en", "de").
  explicit TokenTerms(std::string_view language);
  ~TokenTerms();
  TokenTerms(const TokenTerms&) = delete;
  TokenTerms& operator=(const TokenTerms&) = delete;

  // Appends the term ids of tokens [begin, end) of `tokens` to `out`, in
  // text order. `dict` must be the same dictionary on every call: the memo of
  // surface forms holds its ids.
  void Extract(const text::Tokens& tokens, size_t begin, size_t end, TermDictionary& dict,
               std::vector<uint32_t>& out);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

class StoryWords {
 public:
  // Scans every member once. `members` must outlive this object.
  explicit StoryWords(const std::vector<const AnnotatedArticle*>& members);
  ~StoryWords();
  StoryWords(const StoryWords&) = delete;
  StoryWords& operator=(const StoryWords&) = delete;

  size_t size() const { return articles_.size(); }
  // The tokens of member `s`'s body, sentence by sentence.
  const text::Tokens& tokens(size_t s) const { return articles_[s].tokens; }
  // The term ids of sentence `k` of member `s`, in text order (empty past
  // the last sentence). Read on first use: a story's candidates and claims
  // look at only some of its sentences. The span lives as long as this object.
  std::span<const uint32_t> SentenceTerms(size_t s, size_t k);
  // The term ids of any other text (a title, a clause, a role), read in
  // `language_tag`'s primary language (English when empty), appended to `out`.
  void TermsOf(std::string_view text, std::string_view language_tag, std::vector<uint32_t>& out);
  // The dictionary behind every id above.
  TermDictionary& dict() { return dict_; }
  const TermDictionary& dict() const { return dict_; }

 private:
  struct Article {
    text::Tokens tokens;
    TokenTerms* terms = nullptr;                     // its language's
    std::vector<std::vector<uint32_t>> by_sentence;  // filled on first use
    std::vector<bool> ready;
  };
  TokenTerms& For(std::string_view language_tag);

  std::vector<Article> articles_;
  TermDictionary dict_;
  std::map<std::string, std::unique_ptr<TokenTerms>, std::less<>> by_language_;
  text::Tokens scratch_;
};

}  // namespace newsfuse::fuse
