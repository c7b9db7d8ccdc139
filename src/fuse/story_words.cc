#include "fuse/story_words.h"

namespace newsfuse::fuse {

StoryWords::StoryWords(const std::vector<const AnnotatedArticle*>& members)
    : articles_(members.size()) {
  for (size_t s = 0; s < members.size(); ++s) {
    const AnnotatedArticle& a = *members[s];
    Article& out = articles_[s];
    text::Tokenize(a.body, a.sentences, out.tokens);
    out.terms = &by_language_.For(a.article.language);
    const size_t sentences =
        out.tokens.sentence_first.empty() ? 0 : out.tokens.sentence_first.size() - 1;
    out.by_sentence.resize(sentences);
    out.ready.resize(sentences, false);
  }
}

StoryWords::~StoryWords() = default;

std::span<const uint32_t> StoryWords::SentenceTerms(size_t s, size_t k) {
  Article& a = articles_[s];
  if (k >= a.by_sentence.size()) return {};
  if (!a.ready[k]) {
    a.terms->Extract(a.tokens, a.tokens.SentenceBegin(k), a.tokens.SentenceEnd(k), dict_,
                     a.by_sentence[k]);
    a.ready[k] = true;
  }
  return a.by_sentence[k];
}

void StoryWords::TermsOf(std::string_view text, std::string_view language_tag,
                         std::vector<uint32_t>& out) {
  text::Tokenize(text, scratch_);
  by_language_.For(language_tag).Extract(scratch_, 0, scratch_.size(), dict_, out);
}

}  // namespace newsfuse::fuse
