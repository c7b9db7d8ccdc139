// Statement conflicts: one source says there was "no joint statement", another
// quotes "a joint statement". The signal is a noun phrase under the
// determiner "no" in one source and the same phrase asserted, not negated, in
// another outlet's sentence about the same event. Narrow on purpose: "not"
// and "never" negate verbs whose scope needs parsing, and a wrong conflict
// costs the reader more than a missed one.
#include <algorithm>
#include <cctype>
#include <set>
#include <string_view>

#include "fuse/claims/builders.h"

namespace newsfuse::fuse {
namespace {

constexpr double kSameEvent = 0.15;

// Words that end a noun phrase after "no", and idioms where "no" negates
// nothing a source could contradict ("no longer", "no doubt").
bool IsFunctionWord(std::string_view w) {
  static const std::set<std::string_view> kWords = {
      "a", "an", "the", "is", "was", "were", "are", "be", "been", "has", "had", "have", "on", "in", "of",
      "to", "and", "or", "for", "with", "by", "at", "that", "this", "as", "from", "but", "yet", "so",
      "longer", "doubt", "matter", "one", "more", "less", "later", "fewer", "other", "such", "way"};
  return kWords.count(w) > 0;
}

bool IsNegation(std::string_view w) { return w == "no" || w == "not" || w == "without" || w == "never"; }

struct Token {
  std::string text;  // lowercased
  uint32_t begin, end;
};

std::vector<Token> Words(std::string_view text, uint32_t base) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !std::isalnum(static_cast<unsigned char>(text[i]))) ++i;
    const size_t start = i;
    std::string w;
    while (i < text.size() && (std::isalnum(static_cast<unsigned char>(text[i])) || text[i] == '-')) {
      w += static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])));
      ++i;
    }
    if (!w.empty()) out.push_back({std::move(w), base + static_cast<uint32_t>(start), base + static_cast<uint32_t>(i)});
  }
  return out;
}

struct Negated {
  size_t source, sentence;
  std::vector<std::string> phrase;
};

}  // namespace

std::vector<Conflict> StatementConflicts(ClaimContext& ctx) {
  std::vector<std::vector<std::vector<Token>>> words(ctx.size());
  std::vector<Negated> negated;
  for (size_t s = 0; s < ctx.size(); ++s) {
    const AnnotatedArticle& a = ctx.article(s);
    for (size_t k = 0; k < a.sentences.size(); ++k) {
      words[s].push_back(Words(a.Text(a.sentences[k].span), a.sentences[k].span.begin));
      const auto& w = words[s].back();
      for (size_t i = 0; i + 1 < w.size(); ++i) {
        if (w[i].text != "no" || IsFunctionWord(w[i + 1].text) || w[i + 1].text.size() < 3) continue;
        Negated n{s, k, {w[i + 1].text}};
        if (i + 2 < w.size() && !IsFunctionWord(w[i + 2].text) && w[i + 2].text.size() >= 3) {
          n.phrase.push_back(w[i + 2].text);
        }
        // A lone word must carry meaning on its own ("progress", "agreement").
        if (n.phrase.size() == 1 && n.phrase[0].size() < 6) continue;
        negated.push_back(std::move(n));
      }
    }
  }

  std::vector<Conflict> out;
  std::set<std::string> reported;
  for (const Negated& n : negated) {
    std::string phrase_text;
    for (const auto& p : n.phrase) phrase_text += (phrase_text.empty() ? "" : " ") + p;
    if (reported.count(phrase_text)) continue;
    Conflict c;
    Conflict::Side asserted;
    double best_sim = 0;
    for (size_t s = 0; s < ctx.size(); ++s) {
      if (ctx.outlet_key(s) == ctx.outlet_key(n.source)) continue;
      for (size_t k = 0; k < words[s].size(); ++k) {
        const auto& w = words[s][k];
        for (size_t i = 0; i + n.phrase.size() <= w.size(); ++i) {
          bool match = true;
          for (size_t j = 0; j < n.phrase.size() && match; ++j) match = w[i + j].text == n.phrase[j];
          if (!match) continue;
          bool negated_here = false;
          for (size_t back = 1; back <= 3 && back <= i; ++back) negated_here |= IsNegation(w[i - back].text);
          if (negated_here) continue;
          const double sim = Cosine(ctx.SentenceVector(s, k), ctx.SentenceVector(n.source, n.sentence));
          if (sim < kSameEvent) continue;
          const Span span = ctx.SentenceSpan(s, k);
          if (std::find(asserted.sources.begin(), asserted.sources.end(), ctx.source_id(s)) == asserted.sources.end()) {
            asserted.sources.push_back(ctx.source_id(s));
            asserted.wording.push_back({ctx.source_id(s), SpanText(ctx.article(s), span), span});
          }
          best_sim = std::max(best_sim, sim);
          break;
        }
      }
    }
    if (asserted.sources.empty()) continue;
    reported.insert(phrase_text);
    const Span span = ctx.SentenceSpan(n.source, n.sentence);
    c.subject = phrase_text;
    c.hard = true;
    c.confidence = std::min(1.0, 0.4 + best_sim);
    c.sides.push_back({"no " + phrase_text, {ctx.source_id(n.source)},
                       {{ctx.source_id(n.source), SpanText(ctx.article(n.source), span), span}}});
    asserted.value = phrase_text;
    c.sides.push_back(std::move(asserted));
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace newsfuse::fuse
