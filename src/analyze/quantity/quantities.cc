#include "analyze/quantity/quantities.h"

#include "analyze/quantity/scanner.h"

namespace newsfuse::analyze {

void AnnotateQuantities(AnnotatedArticle& article) {
  quantity::Scanner scanner(article.body, quantity::GetLexicon());
  if (article.sentences.empty()) {
    if (!article.body.empty())
      scanner.Scan(Span{0, static_cast<uint32_t>(article.body.size())}, article.quantities);
    return;
  }
  for (const Sentence& s : article.sentences) scanner.Scan(s.span, article.quantities);
}

}  // namespace newsfuse::analyze
