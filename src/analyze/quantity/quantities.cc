#include "analyze/quantity/quantities.h"

#include "analyze/quantity/scanner.h"

namespace newsfuse::analyze {

void AnnotateQuantities(AnnotatedArticle& article, const text::Tokens& tokens) {
  quantity::Scanner scanner(article.body, quantity::GetLexicon());
  for (size_t s = 0; s + 1 < tokens.sentence_first.size(); ++s)
    scanner.Scan(tokens, s, article.quantities);
}

void AnnotateQuantities(AnnotatedArticle& article) {
  text::Tokens tokens;
  text::Tokenize(article.body, article.sentences, tokens);
  AnnotateQuantities(article, tokens);
}

}  // namespace newsfuse::analyze
