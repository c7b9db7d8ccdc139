#include "analyze/analyze.h"

#include <utility>

#include "analyze/entity/entities.h"
#include "analyze/quantity/quantities.h"
#include "analyze/quote/quotes.h"
#include "analyze/time/timexes.h"
#include "text/sentences.h"
#include "text/tokens.h"

namespace newsfuse {

AnnotatedArticle WithSentences(Article article) {
  AnnotatedArticle out;
  out.body = article.Body();
  // Split paragraph by paragraph rather than the joined body: the paragraph
  // index of each sentence is then known, not recovered, and no sentence can
  // straddle two paragraphs. Offsets shift by each paragraph's place in the
  // body, which Article::Body() defines as paragraphs joined by "\n\n".
  // SplitSentences keeps one splitter per thread, so Analyze stays a pure
  // function that is safe to run on several threads at once.
  uint32_t base = 0;
  for (size_t p = 0; p < article.paragraphs.size(); ++p) {
    const std::string& para = article.paragraphs[p];
    for (const Span& s : SplitSentences(para)) {
      out.sentences.push_back(
          Sentence{Span{base + s.begin, base + s.end}, static_cast<uint32_t>(p)});
    }
    base += static_cast<uint32_t>(para.size()) + 2;  // the "\n\n" separator
  }
  out.article = std::move(article);
  return out;
}

AnnotatedArticle Analyze(Article article, const AnalyzeOptions& /*options*/) {
  AnnotatedArticle out = WithSentences(std::move(article));
  // The one scan of the body (issue 17): every annotator that reads words
  // reads these tokens. Reused per thread: an article allocates only when it
  // is longer than any this thread has seen.
  thread_local text::Tokens tokens;
  text::Tokenize(out.body, out.sentences, tokens);
  analyze::AnnotateEntities(out, tokens);
  analyze::AnnotateQuantities(out, tokens);
  analyze::AnnotateTime(out, tokens);
  analyze::AnnotateQuotes(out, tokens);
  return out;
}

}  // namespace newsfuse
