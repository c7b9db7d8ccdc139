// Statement conflicts: one source says there was "no joint statement", another
// quotes "a joint statement". The signal is a noun phrase under the
// determiner "no" in one source and the same phrase asserted, not negated, in
// another outlet's sentence about the same event. Narrow on purpose: "not"
// and "never" negate verbs whose scope needs parsing, and a wrong conflict
// costs the reader more than a missed one.
#include <algorithm>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>

#include "core/strings.h"
#include "fuse/claims/builders.h"
#include "fuse/claims/modality.h"
#include "fuse/claims/statement_words.h"

namespace newsfuse::fuse {
namespace {

// Low: the shared negated two-word phrase, asserted with a determiner, is
// already strong evidence of one subject; the sentences need only be about
// the same story, not the same clause (the seeds' "no joint statement" /
// "in a joint statement" share little else).
constexpr double kSameEvent = 0.15;

// Words that end a noun phrase after "no", and idioms where "no" negates
// nothing a source could contradict ("no longer", "no doubt").
bool IsFunctionWord(std::string_view w) {
  static const std::set<std::string_view> kWords = {
      "a",     "an",    "the",    "is",    "was",    "were",  "are",  "be",   "been",
      "has",   "had",   "have",   "on",    "in",     "of",    "to",   "and",  "or",
      "for",   "with",  "by",     "at",    "that",   "this",  "as",   "from", "but",
      "yet",   "so",    "longer", "doubt", "matter", "one",   "more", "less", "later",
      "fewer", "other", "such",   "way",   "would",  "could", "will", "can",  "should",
      "may",   "might", "must",   "did",   "does",   "do"};
  return kWords.count(w) > 0;
}

// What makes the asserting side a claim that X exists or happened: a
// determiner right before it ("a joint statement", "the withdrawal"), not
// an adverb ("right now"), a verb ("will not") or a name ("the West Bank",
// caught apart by its capitals).
bool IsDeterminer(std::string_view w) {
  static const std::set<std::string_view> kWords = {"a",     "an",  "the", "its",
                                                    "their", "his", "her", "one"};
  return kWords.count(w) > 0;
}

// Whether sentence `k` has the word "no" in any case: only those can negate.
bool HasNo(const text::Tokens& t, size_t k) {
  if (k + 1 >= t.sentence_first.size()) return false;
  for (size_t i = t.SentenceBegin(k); i < t.SentenceEnd(k); ++i) {
    const std::string_view w = t.Text(i);
    if (w.size() == 2 && AsciiLower(w[0]) == 'n' && AsciiLower(w[1]) == 'o') return true;
  }
  return false;
}

// "didn't", "won’t": the scan keeps the contraction one word.
bool NegatedContraction(std::string_view w) {
  return w.ends_with("n't") || w.ends_with("n\u2019t");
}

// Any negation in a sentence: one that says "X" while negating something
// else ("did not issue a joint statement") asserts nothing about X, and a
// sentence that says "no X" itself (a copy, or a paraphrase of the negating
// one) must never be its own opposite.
bool HasNegation(const std::vector<StatementWord>& w) {
  static const std::set<std::string_view> kWords = {
      "no",   "not",    "never",  "without", "nor",      "neither", "nothing",
      "none", "denied", "denies", "deny",    "rejected", "refused"};
  for (size_t i = 0; i < w.size(); ++i) {
    if (kWords.count(w[i].text) || NegatedContraction(w[i].text)) return true;
  }
  return false;
}

// A sentence that only expects, plans or asks for X ("a presidential decree
// was expected", "expected to issue a decree", "would sign an accord")
// asserts nothing about X: against a later "no X" it is an unmet
// expectation, not a disagreement.
bool Irrealis(const std::vector<StatementWord>& w) {
  for (const StatementWord& t : w)
    if (IsModalWord(Modality::kUnasserted, t.text)) return true;
  return false;
}

struct Occurrence {
  size_t source, sentence, word;
};

struct Negated {
  size_t source, sentence;
  std::vector<std::string> phrase;
};

}  // namespace

std::vector<Conflict> StatementConflicts(ClaimContext& ctx) {
  // Each sentence's folded words, made when first needed: most sentences
  // have no "no" and none of the negated phrases.
  std::vector<std::vector<std::vector<StatementWord>>> words(ctx.size());
  std::vector<std::vector<bool>> worded(ctx.size());
  for (size_t s = 0; s < ctx.size(); ++s) {
    words[s].resize(ctx.article(s).sentences.size());
    worded[s].resize(ctx.article(s).sentences.size(), false);
  }
  auto words_of = [&](size_t s, size_t k) -> const std::vector<StatementWord>& {
    if (!worded[s][k]) {
      words[s][k] = StatementWords(ctx.tokens(s), k);
      worded[s][k] = true;
    }
    return words[s][k];
  };
  std::vector<Negated> negated;
  for (size_t s = 0; s < ctx.size(); ++s) {
    const AnnotatedArticle& a = ctx.article(s);
    for (size_t k = 0; k < a.sentences.size(); ++k) {
      if (!HasNo(ctx.tokens(s), k)) continue;
      const auto& w = words_of(s, k);
      for (size_t i = 0; i + 1 < w.size(); ++i) {
        // "No, ..." answers a question; a "no" a speaker says is their view.
        if (w[i].text != "no" || w[i].ends_clause ||
            InDirectQuote(a, Span{w[i].begin, w[i].begin + 1}))
          continue;
        // The noun phrase under "no": content words, coordinations allowed
        // ("no joint political or security statement"), up to a function word.
        std::vector<std::string_view> np;
        for (size_t j = i + 1; j < w.size() && np.size() < 6; ++j) {
          const std::string& t = w[j].text;
          if (t == "or" || t == "and") {
            np.push_back(t);
            continue;
          }
          if (IsFunctionWord(t) || t.size() < 3) break;
          // A past form after the noun is its verb: "no ferry decree
          // followed the talks" negates a decree.
          if (!np.empty() && t.size() > 4 && t.ends_with("ed")) break;
          np.push_back(t);
          if (w[j].ends_clause) break;
        }
        while (!np.empty() && (np.back() == "or" || np.back() == "and")) np.pop_back();
        if (np.empty()) continue;
        // Phrases another source could assert: each modifier with the head
        // ("joint statement"). Never a pair short of the head: "no oil
        // industry experience" says nothing of "his oil industry career".
        auto content = [](std::string_view t) { return t != "or" && t != "and"; };
        std::set<std::vector<std::string>> phrases;
        for (size_t j = 0; j + 1 < np.size(); ++j)
          if (content(np[j])) phrases.insert({std::string(np[j]), std::string(np.back())});
        // A lone head ("no information", "no owners", "no precedent") is
        // asserted in any story about something else: over the 40 DUC topics
        // without gold every such conflict was two different things.
        for (const auto& phrase : phrases) negated.push_back({s, k, phrase});
      }
    }
  }

  // Where each phrase's first word occurs: one pass over the story instead
  // of a scan of the story per phrase.
  std::unordered_map<std::string_view, std::vector<Occurrence>> index;
  for (const Negated& n : negated) index.try_emplace(n.phrase[0]);
  if (!index.empty()) {
    std::string folded;  // one buffer: no string kept per word of the story
    for (size_t s = 0; s < ctx.size(); ++s) {
      const text::Tokens& t = ctx.tokens(s);
      for (size_t k = 0; k < words[s].size(); ++k) {
        size_t i = 0;
        ForEachWord(t, k, [&](size_t first, size_t last) {
          folded.clear();
          text::AppendFolded(t.text.substr(t[first].begin, t[last].end - t[first].begin), folded);
          if (auto it = index.find(folded); it != index.end()) it->second.push_back({s, k, i});
          ++i;
        });
      }
    }
  }
  std::vector<Conflict> out;
  // One conflict per phrase: the negating sentence most like the asserting ones.
  std::map<std::string, size_t> by_phrase;
  for (const Negated& n : negated) {
    std::string phrase_text;
    for (const auto& p : n.phrase) phrase_text += (phrase_text.empty() ? "" : " ") + p;
    Conflict c;
    Conflict::Side asserted;
    double best_sim = 0;
    size_t last_source = SIZE_MAX, last_sentence = SIZE_MAX;
    for (const Occurrence& o : index[n.phrase[0]]) {
      const size_t s = o.source, k = o.sentence, i = o.word;
      if (s == last_source && k == last_sentence) continue;  // one match per sentence
      if (ctx.outlet_key(s) == ctx.outlet_key(n.source)) continue;
      const auto& w = words_of(s, k);
      if (i + n.phrase.size() > w.size()) continue;
      bool match = true;
      for (size_t j = 1; j < n.phrase.size() && match; ++j) match = w[i + j].text == n.phrase[j];
      if (!match) continue;
      if (i == 0 || !IsDeterminer(w[i - 1].text) || HasNegation(w) || Irrealis(w)) continue;
      const AnnotatedArticle& other = ctx.article(s);
      if (w[i].capital || InDirectQuote(other, Span{w[i].begin, w[i].begin + 1})) continue;
      const double sim = Cosine(ctx.SentenceVector(s, k), ctx.SentenceVector(n.source, n.sentence));
      if (sim < kSameEvent) continue;
      last_source = s;
      last_sentence = k;
      const Span span = ctx.SentenceSpan(s, k);
      if (std::find(asserted.sources.begin(), asserted.sources.end(), ctx.source_id(s)) ==
          asserted.sources.end()) {
        asserted.sources.push_back(ctx.source_id(s));
        asserted.wording.push_back({ctx.source_id(s), SpanText(ctx.article(s), span), span});
      }
      best_sim = std::max(best_sim, sim);
    }
    if (asserted.sources.empty()) continue;
    auto [known, fresh] = by_phrase.try_emplace(phrase_text, out.size());
    if (!fresh && out[known->second].confidence >= std::min(1.0, 0.4 + best_sim)) continue;
    const Span span = ctx.SentenceSpan(n.source, n.sentence);
    c.subject = phrase_text;
    c.hard = true;
    c.confidence = std::min(1.0, 0.4 + best_sim);
    c.sides.push_back({"no " + phrase_text,
                       {ctx.source_id(n.source)},
                       {{ctx.source_id(n.source), SpanText(ctx.article(n.source), span), span}}});
    asserted.value = phrase_text;
    c.sides.push_back(std::move(asserted));
    if (fresh)
      out.push_back(std::move(c));
    else
      out[known->second] = std::move(c);
  }
  return out;
}

}  // namespace newsfuse::fuse
