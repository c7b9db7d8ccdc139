#include "fuse/candidates.h"

#include <algorithm>
#include <cmath>

#include "fuse/sentence_shape.h"
#include "fuse/summary_select.h"

namespace newsfuse::fuse {

double StoryTerms::Idf(uint32_t term) const {
  const double n = static_cast<double>(candidates);
  return std::log((n + 1.0) / ((term < df.size() ? df[term] : 0) + 1.0)) + 1.0;
}

std::vector<Candidate> CollectCandidates(const std::vector<const AnnotatedArticle*>& members,
                                         StoryTerms& terms) {
  std::vector<Candidate> cands;
  std::vector<uint32_t> ids;
  const TermDictionary& dict = terms.words.dict();
  for (size_t s = 0; s < members.size(); ++s) {
    const AnnotatedArticle& a = *members[s];
    const text::Tokens& tokens = terms.words.tokens(s);
    for (size_t k = 0; k < a.sentences.size(); ++k) {
      const Span span = a.sentences[k].span;
      if (span.end > a.body.size() || span.begin >= span.end) continue;
      std::string_view text = a.Text(span);
      const size_t begin = tokens.SentenceBegin(k), end = tokens.SentenceEnd(k);
      const SentenceShape shape = ShapeOf(tokens, begin, end);
      if (!UsableAlone(shape) || JudgeSummaryLine(text, tokens, begin, end) != LineFault::kNone)
        continue;
      const std::span<const uint32_t> sentence_terms = terms.words.SentenceTerms(s, k);
      if (sentence_terms.empty()) continue;
      ids.assign(sentence_terms.begin(), sentence_terms.end());
      Candidate c;
      c.terms = ids;
      c.words = shape.words;
      std::sort(ids.begin(), ids.end());
      c.source = s;
      c.position = static_cast<uint32_t>(k);
      c.span = span;
      c.text = text;
      c.vec = LogFrequencies(ids);
      if (terms.df.size() < dict.size()) terms.df.resize(dict.size(), 0);
      for (const auto& [t, w] : c.vec) ++terms.df[t];
      cands.push_back(std::move(c));
    }
  }
  terms.candidates = cands.size();
  for (auto& c : cands) {
    for (auto& [t, w] : c.vec) w *= terms.Idf(t);
    Normalise(c.vec);
  }
  return cands;
}

}  // namespace newsfuse::fuse
