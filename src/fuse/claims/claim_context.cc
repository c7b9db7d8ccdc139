#include "fuse/claims/claim_context.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <span>

#include "core/strings.h"
#include "fuse/voices.h"

namespace newsfuse::fuse {

namespace {

// Raw counts, normalised: a claim's few words are compared as they stand.
TermVector CountVector(std::span<const uint32_t> ids) {
  thread_local std::vector<uint32_t> sorted;
  sorted.assign(ids.begin(), ids.end());
  std::sort(sorted.begin(), sorted.end());
  TermVector v;
  for (size_t i = 0; i < sorted.size();) {
    size_t j = i;
    while (j < sorted.size() && sorted[j] == sorted[i]) ++j;
    v.emplace_back(sorted[i], static_cast<double>(j - i));
    i = j;
  }
  Normalise(v);
  return v;
}

}  // namespace

ClaimContext::ClaimContext(const std::vector<const AnnotatedArticle*>& members,
                           const StoryReport& report, StoryWords& words)
    : members_(members), outlet_keys_(VoiceKeys(members, report.sources)), words_(&words) {
  for (size_t s = 0; s < members_.size(); ++s) {
    source_ids_.push_back(s < report.sources.size() ? report.sources[s].id
                                                    : "S" + std::to_string(s + 1));
    sentence_vectors_.emplace_back(members_[s]->sentences.size());
    sentence_ready_.emplace_back(members_[s]->sentences.size(), false);
  }
}

size_t ClaimContext::SentenceOf(size_t s, Span span) const {
  const auto& sentences = members_[s]->sentences;
  auto it = std::upper_bound(sentences.begin(), sentences.end(), span.begin,
                             [](uint32_t pos, const Sentence& x) { return pos < x.span.begin; });
  return it == sentences.begin() ? 0 : static_cast<size_t>(it - sentences.begin() - 1);
}

Span ClaimContext::SentenceSpan(size_t s, size_t sentence) const {
  const auto& sentences = members_[s]->sentences;
  return sentence < sentences.size() ? sentences[sentence].span : Span{};
}

TermVector ClaimContext::Vector(size_t s, std::string_view text) {
  scratch_.clear();
  words_->TermsOf(text, members_[s]->article.language, scratch_);
  return CountVector(scratch_);
}

const TermVector& ClaimContext::SentenceVector(size_t s, size_t sentence) {
  static const TermVector kEmpty;
  if (sentence >= sentence_vectors_[s].size()) return kEmpty;
  if (!sentence_ready_[s][sentence]) {
    sentence_vectors_[s][sentence] = CountVector(words_->SentenceTerms(s, sentence));
    sentence_ready_[s][sentence] = true;
  }
  return sentence_vectors_[s][sentence];
}

std::string ClaimContext::HeadStem(std::string_view phrase) {
  // The head of an English noun phrase is its last word before a
  // post-modifier: "prisoners [of war]", "drones [launched overnight]".
  size_t cut = phrase.find(" of ");
  if (cut != std::string_view::npos) phrase = phrase.substr(0, cut);
  scratch_.clear();
  words_->TermsOf(phrase, "en", scratch_);
  return scratch_.empty() ? std::string() : words_->dict().Term(scratch_.back());
}

std::string FormatNumber(double value) {
  char buf[64];
  const double magnitude = std::fabs(value);
  if (magnitude >= 1e9 && std::fmod(magnitude, 1e7) == 0) {
    std::snprintf(buf, sizeof buf, "%g billion", value / 1e9);
    return buf;
  }
  if (magnitude >= 1e6 && std::fmod(magnitude, 1e4) == 0) {
    std::snprintf(buf, sizeof buf, "%g million", value / 1e6);
    return buf;
  }
  if (magnitude >= 1e15 || (magnitude != std::floor(magnitude) && magnitude < 100)) {
    std::snprintf(buf, sizeof buf, "%.3g", value);
    return buf;
  }
  // From 100 up, a fraction is noise of unit conversion (746 miles = 1,200.6 km).
  std::snprintf(buf, sizeof buf, "%.0f", std::round(magnitude));
  std::string digits = buf, out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return value < 0 ? "-" + out : out;
}

namespace {
// The mark a quote that runs over several paragraphs reopens each new
// paragraph with (news style leaves the previous one unclosed); 0 when none.
size_t ReopeningMark(std::string_view s) {
  for (std::string_view mark : {"``", "\"", "\u201C", "\u00AB", "\u201E"})
    if (s.starts_with(mark)) return mark.size();
  return 0;
}
}  // namespace

bool InDirectQuote(const AnnotatedArticle& a, Span span) {
  for (const Quote& q : a.quotes)
    if (q.direct && q.content.begin < span.end && span.begin < q.content.end) return true;
  return false;
}

std::string SpanText(const AnnotatedArticle& article, Span span) {
  if (span.end > article.body.size() || span.begin >= span.end) return {};
  const std::string_view text = article.Text(span);
  std::string out;
  bool space = false, new_paragraph = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !out.empty();
      new_paragraph |= c == '\n' && !out.empty();
      continue;
    }
    if (new_paragraph) {
      new_paragraph = false;
      if (const size_t mark = ReopeningMark(text.substr(i)); mark > 0) {
        i += mark - 1;
        continue;
      }
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

namespace {
// The mark at `at` ends a clause, unless it is a digit group or decimal
// separator ("10,000 athletes", "2.8 million"), which a clause cut there
// would leave as "000 athletes".
bool ClauseBoundary(std::string_view body, size_t at) {
  const char c = body[at];
  if ((c == ',' || c == '.') && at > 0 && at + 1 < body.size() && IsAsciiDigit(body[at - 1]) &&
      IsAsciiDigit(body[at + 1]))
    return false;
  return c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '"' || c == '.';
}
}  // namespace

Span ClauseSpan(const AnnotatedArticle& a, Span sentence, Span span, int words_before,
                int words_after) {
  const std::string_view body = a.body;
  uint32_t begin = span.begin;
  for (int words = 0; begin > sentence.begin && !ClauseBoundary(body, begin - 1);) {
    --begin;
    if (body[begin] == ' ' && ++words > words_before) break;
  }
  uint32_t end = std::min<uint32_t>(span.end, static_cast<uint32_t>(body.size()));
  const uint32_t stop = std::min<uint32_t>(sentence.end, static_cast<uint32_t>(body.size()));
  for (int words = 0; end < stop && !ClauseBoundary(body, end); ++end) {
    if (body[end] == ' ' && ++words > words_after) break;
  }
  while (begin < span.begin && body[begin] == ' ') ++begin;
  while (end > span.end && body[end - 1] == ' ') --end;
  return Span{begin, end};
}

std::string ClauseAround(const AnnotatedArticle& a, Span sentence, Span span, int words_before,
                         int words_after, std::string_view in_place_of_span) {
  const std::string_view body = a.body;
  const Span clause = ClauseSpan(a, sentence, span, words_before, words_after);
  std::string out(body.substr(clause.begin, span.begin - clause.begin));
  out += in_place_of_span;
  out.append(body.substr(span.end, clause.end > span.end ? clause.end - span.end : 0));
  return out;
}

}  // namespace newsfuse::fuse
