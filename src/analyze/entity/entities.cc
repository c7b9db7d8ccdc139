#include "analyze/entity/entities.h"

#include "analyze/entity/gazetteer.h"
#include "analyze/entity/recognizer.h"
#include "analyze/entity/resolver.h"
#include "analyze/entity/tokens.h"

namespace newsfuse::analyze {

void AnnotateEntities(AnnotatedArticle& article, const text::Tokens& scan) {
  const entity::Gazetteer& gazetteer = entity::Gazetteer::Get();
  // Scratch buffers reused across articles on this thread: tokens are the
  // bulk of the allocation, and Analyze runs article after article.
  thread_local entity::Tokens tokens;
  thread_local std::vector<entity::Candidate> candidates;
  candidates.clear();
  std::vector<Sentence> whole;
  const std::vector<Sentence>* sentences = &article.sentences;
  if (sentences->empty() && !article.body.empty()) {
    // Called without a sentence split (tests, tools): the body is one sentence.
    whole.push_back(Sentence{Span{0, static_cast<uint32_t>(article.body.size())}, 0});
    sentences = &whole;
  }
  entity::Tokenize(scan, gazetteer, tokens);
  entity::Recognizer(article.body, *sentences, tokens, gazetteer).Run(candidates);
  entity::Resolve(candidates, article.body, gazetteer, article.entities, article.mentions);
}

void AnnotateEntities(AnnotatedArticle& article) {
  text::Tokens scan;
  text::Tokenize(article.body, article.sentences, scan);
  AnnotateEntities(article, scan);
}

}  // namespace newsfuse::analyze
