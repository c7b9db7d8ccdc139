// SentenceTenses (issue 11) indexes a sentence's tense markers once; its
// answers must equal those of the plain scan it replaced, which looked at
// every token of the sentence for every expression. The reference below is
// that scan, kept here as the specification.
#include "analyze/time/tense.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "analyze/time/time_rules.h"

namespace newsfuse::analyze::time {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool LooksRegularPast(const Token& t) {
  std::string_view w = t.lower;
  if (t.capitalised || w.size() < 5 || !EndsWith(w, "ed")) return false;
  if (EndsWith(w, "eed") && w != "agreed") return false;
  return w != "hundred";
}

Tense ScanTense(const TokenizedText& text, uint32_t sb, uint32_t se, uint32_t eb, uint32_t ee) {
  Tense best = Tense::kUnknown;
  uint32_t best_distance = UINT32_MAX;
  bool reported = false;
  for (uint32_t k = sb; k < se; ++k) {
    if (k >= eb && k < ee) continue;
    const Token& t = text.tokens[k];
    const uint32_t distance = k < eb ? eb - k : k - ee + 1;
    Tense tense = Tense::kUnknown;
    if (text.Has(t, WordClass::kFuture) || EndsWith(t.lower, "'ll")) {
      tense = Tense::kFuture;
    } else if (text.Has(t, WordClass::kReport)) {
      reported = true;
      if (distance > 2) continue;
      tense = Tense::kPast;
    } else if (text.Has(t, WordClass::kPast) || (LooksRegularPast(t) && distance <= 4)) {
      bool aux = false;
      for (uint32_t back = 1; back <= 2 && k >= sb + back; ++back)
        aux = aux || text.Has(text.tokens[k - back], WordClass::kModal);
      tense = aux ? Tense::kFuture : Tense::kPast;
    } else {
      continue;
    }
    if (distance < best_distance) best_distance = distance, best = tense;
  }
  if (best == Tense::kUnknown && reported) best = Tense::kPast;
  return best;
}

TEST(SentenceTensesTest, AgreesWithAScanOfTheWholeSentence) {
  // Words that mark tense at any distance, only nearby, or not at all.
  const std::vector<std::string> words = {"will",      "said", "held",     "located", "ago",
                                          "could",     "be",   "Friday",   "we'll",   "talks",
                                          "announced", "last", "expected", "on",      "the",
                                          "proposed",  "met",  "hundred",  "told",    "may"};
  const TimeRules& rules = TimeRules::Get();
  uint64_t state = 12345;
  auto next = [&] {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<uint32_t>(state >> 33);
  };
  SentenceTenses tenses;
  TokenizedText text;
  int compared = 0;
  for (int trial = 0; trial < 300; ++trial) {
    std::string sentence;
    const uint32_t n = 1 + next() % 40;
    for (uint32_t i = 0; i < n; ++i) sentence += words[next() % words.size()] + " ";
    Tokenize(sentence, rules.words(), text);
    const uint32_t size = static_cast<uint32_t>(text.tokens.size());
    // A sentence inside the token list, to check the edges are respected.
    const uint32_t sb = next() % (size / 4 + 1);
    const uint32_t se = size - next() % (size / 4 + 1);
    if (sb >= se) continue;
    tenses.Reset(text, sb, se);
    for (uint32_t eb = sb; eb < se; ++eb) {
      for (uint32_t ee = eb + 1; ee <= se && ee <= eb + 3; ++ee) {
        ASSERT_EQ(tenses.Nearest(eb, ee), ScanTense(text, sb, se, eb, ee))
            << "sentence \"" << sentence << "\" tokens [" << sb << ", " << se << ") expression ["
            << eb << ", " << ee << ")";
        ++compared;
      }
    }
  }
  EXPECT_GT(compared, 1000);
}

}  // namespace
}  // namespace newsfuse::analyze::time
