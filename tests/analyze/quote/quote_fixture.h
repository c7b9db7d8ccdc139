// Builds AnnotatedArticles by hand for the quote tests, so speaker
// resolution is tested apart from the entity annotator.
#pragma once

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/quote/quotes.h"
#include "core/records.h"
#include "text/sentences.h"

namespace newsfuse::testing {

// Paragraphs joined as Article::Body() joins them, split into sentences the
// way Analyze does; no entities.
inline AnnotatedArticle MakeAnnotated(const std::vector<std::string>& paragraphs) {
  AnnotatedArticle a;
  a.article.paragraphs = paragraphs;
  a.body = a.article.Body();
  uint32_t base = 0;
  for (size_t p = 0; p < paragraphs.size(); ++p) {
    for (const Span& s : SplitSentences(paragraphs[p])) {
      a.sentences.push_back(Sentence{Span{base + s.begin, base + s.end}, static_cast<uint32_t>(p)});
    }
    base += static_cast<uint32_t>(paragraphs[p].size()) + 2;
  }
  return a;
}

// Adds an entity and a mention for every whole-word occurrence of each surface
// form; returns the entity's index. Mentions stay in body order.
inline uint32_t AddEntity(AnnotatedArticle& a, EntityType type, const std::string& name,
                          const std::vector<std::string>& surfaces,
                          std::vector<std::string> roles = {}) {
  const uint32_t index = static_cast<uint32_t>(a.entities.size());
  Entity e;
  e.type = type;
  e.name = name;
  e.roles = std::move(roles);
  a.entities.push_back(e);
  auto is_word = [&](size_t i) {
    const unsigned char c = static_cast<unsigned char>(a.body[i]);
    return std::isalnum(c) != 0;
  };
  for (const std::string& s : surfaces) {
    size_t pos = 0;
    while ((pos = a.body.find(s, pos)) != std::string::npos) {
      const size_t end = pos + s.size();
      const bool whole = (pos == 0 || !is_word(pos - 1)) && (end >= a.body.size() || !is_word(end));
      if (whole) {
        const bool overlaps =
            std::any_of(a.mentions.begin(), a.mentions.end(),
                        [&](const Mention& m) { return m.span.begin < end && pos < m.span.end; });
        if (!overlaps) {
          a.mentions.push_back(Mention{Span{static_cast<uint32_t>(pos), static_cast<uint32_t>(end)},
                                       index,
                                       s == name ? MentionKind::kName : MentionKind::kAlias});
        }
      }
      pos = end;
    }
  }
  std::sort(a.mentions.begin(), a.mentions.end(),
            [](const Mention& x, const Mention& y) { return x.span.begin < y.span.begin; });
  return index;
}

// The speaker entity of the first quote whose content holds `words`, after
// annotating the quotes if that was not done; -2 when no such quote was
// found, -1 when it has no speaker. `direct` gets its kind.
inline int SpeakerOf(AnnotatedArticle& a, const std::string& words, bool* direct = nullptr) {
  if (a.quotes.empty()) analyze::AnnotateQuotes(a);
  for (const Quote& q : a.quotes) {
    if (std::string(a.Text(q.content)).find(words) == std::string::npos) continue;
    if (direct) *direct = q.direct;
    return q.speaker ? static_cast<int>(*q.speaker) : -1;
  }
  return -2;
}

// The reported (not direct) content of the first quote holding `words`;
// "<none>" when no reported quote holds them.
inline std::string ReportedWith(AnnotatedArticle& a, const std::string& words) {
  if (a.quotes.empty()) analyze::AnnotateQuotes(a);
  for (const Quote& q : a.quotes) {
    const std::string content(a.Text(q.content));
    if (!q.direct && content.find(words) != std::string::npos) return content;
  }
  return "<none>";
}

// The first direct quote holding `words`, or nullptr.
inline const Quote* QuoteWith(AnnotatedArticle& a, const std::string& words) {
  if (a.quotes.empty()) analyze::AnnotateQuotes(a);
  for (const Quote& q : a.quotes)
    if (q.direct && std::string(a.Text(q.content)).find(words) != std::string::npos) return &q;
  return nullptr;
}

// The described speaker of that quote as written; "<no quote>" when none.
inline std::string DescriptionOf(AnnotatedArticle& a, const std::string& words) {
  const Quote* q = QuoteWith(a, words);
  return q == nullptr ? "<no quote>" : std::string(a.Text(q->speaker_description));
}

}  // namespace newsfuse::testing
