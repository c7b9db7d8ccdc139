// The story's words, read once: each member's body through the shared token
// scan (text::Tokenize over its sentences, as analysis scans it), and each
// sentence's index terms taken from those tokens in the article's own
// language. Candidates, the headline and every claim builder read these, so
// fusion has one tokenizer and one dictionary, and "Sánchez" is one word to
// all of them. Internal to src/fuse.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/records.h"
#include "text/language_terms.h"
#include "text/terms.h"
#include "text/tokens.h"

namespace newsfuse::fuse {

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
    TermExtractor* terms = nullptr;                  // its language's
    std::vector<std::vector<uint32_t>> by_sentence;  // filled on first use
    std::vector<bool> ready;
  };

  std::vector<Article> articles_;
  TermDictionary dict_;
  LanguageTermExtractors by_language_;
  text::Tokens scratch_;
};

}  // namespace newsfuse::fuse
