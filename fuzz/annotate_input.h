// The input of the analyser targets: an Article built from fuzzer bytes (one
// paragraph per line, valid UTF-8, a publication date for relative times to
// resolve against) with its sentences split as Analyze() splits them, so one
// annotator can run alone and be fuzzed faster than all four together.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>

#include "analyze/analyze.h"  // WithSentences: each annotator is fuzzed alone
#include "core/date.h"
#include "core/records.h"
#include "fuzz_input.h"

namespace newsfuse::fuzz {

inline Article ArticleFromText(std::string_view bytes) {
  Article article;
  article.id = "fuzz";
  article.locator = "fuzz.txt";
  article.outlet = "Fuzz Times";
  article.language = "en";
  article.published = DateTime::Day(2026, 2, 5);
  article.paragraphs = Paragraphs(ValidUtf8(bytes));
  return article;
}

// Spans inside the body, indexes inside their vectors: what fuse and render
// rely on when they cut text out of the body.
inline void CheckAnnotations(const AnnotatedArticle& a) {
  const size_t n = a.body.size();
  Check(a.body == a.article.Body(), "body differs from Article::Body()");
  for (const auto& s : a.sentences) CheckSpan(s.span, n, "sentence span");
  for (const auto& m : a.mentions) {
    CheckSpan(m.span, n, "mention span");
    Check(m.entity < a.entities.size(), "mention names no entity");
  }
  for (const auto& q : a.quantities) {
    CheckSpan(q.span, n, "quantity span");
    CheckSpan(q.counted_span, n, "quantity counted span");
  }
  for (const auto& t : a.timexes) CheckSpan(t.span, n, "timex span");
  for (const auto& q : a.quotes) {
    CheckSpan(q.content, n, "quote content span");
    CheckSpan(q.speaker_span, n, "quote speaker span");
    CheckSpan(q.cue, n, "quote cue span");
    Check(!q.speaker || *q.speaker < a.entities.size(), "quote speaker names no entity");
  }
}

}  // namespace newsfuse::fuzz
