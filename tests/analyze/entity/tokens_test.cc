// The entity tokens read off the one scan (text/tokens.h) must be the cut
// the entity rules make byte by byte: plain words taken from the scan as they
// stand, glued runs cut again. Text written for this test, one shape per line.
#include "analyze/entity/tokens.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analyze/entity/gazetteer.h"
#include "text/seed_corpus.h"
#include "text/sentences.h"
#include "text/tokens.h"

namespace newsfuse::analyze::entity {
namespace {

std::vector<Sentence> Split(std::string_view text) {
  std::vector<Sentence> out;
  for (const Span& s : SplitSentences(text)) out.push_back(Sentence{s, 0});
  return out;
}

// Token i as "text|key|flags|sentence", so a failure shows what differs.
std::vector<std::string> Show(std::string_view body, const Tokens& t) {
  std::vector<std::string> out;
  for (const Token& k : t.list) {
    out.push_back(std::string(body.substr(k.begin, k.end - k.begin)) + "|" + std::string(t.Key(k)) +
                  "|" + std::to_string(k.flags) + "|" + std::to_string(k.sentence));
  }
  return out;
}

void ExpectSameCut(std::string_view text) {
  const Gazetteer& gaz = Gazetteer::Get();
  const std::vector<Sentence> sentences = Split(text);
  Tokens bytes, scanned;
  TokenizeBytes(text, sentences, gaz, bytes);
  text::Tokens base;
  text::Tokenize(text, sentences, base);
  Tokenize(base, gaz, scanned);
  EXPECT_EQ(Show(text, bytes), Show(text, scanned)) << text;
}

TEST(EntityTokensTest, ScanCutEqualsByteCut) {
  const char* const kTexts[] = {
      "Adm. James O'Brien's ship sailed. Mr. Kyung-min Lee met Gen. J. R. Smith on Feb. 5.",
      "The U.S.-brokered deal and the U.S.A. team met at 10 a.m. in St.Louis, officials said.",
      "\"We won,\" said Zelensky’s aide. The Emirates' role grew; the UAE's didn't.",
      "G7 leaders, F-16 jets and 5km runs: 1,200.5 tonnes, 1.5 m and 12.5% in the 1990s.",
      "Sánchez met Зеленский in São Paulo. Ms. Müller-Lüdenscheidt, 42, spoke at 9:30 p.m.",
      "A.5 is odd. Was it J.? \"Dr.\" Smith (R-Texas) said: 'no'. e.g. Jan.-Feb. 2026-02-05",
      "French-led forces, a US-brokered truce and New York-based firms. 1998. Ends with x.",
      "Rock'n'roll's fans' cheers... Jones' dog - and Smith--Brown.",
  };
  for (const char* t : kTexts) ExpectSameCut(t);
}

TEST(EntityTokensTest, ScanCutEqualsByteCutOnTheSeedReports) {
  size_t n = 0;
  for (const Article& a : testing::SeedArticles()) {
    ExpectSameCut(a.Body());
    ++n;
  }
  EXPECT_GT(n, 0u);
}

TEST(EntityTokensTest, PlainWordsComeFromTheScan) {
  // A sentence of plain words: one entity token per base token, with the
  // scan's case flags, and the honorific keeps its period.
  const std::string text = "Adm. Smith told NATO leaders in Brussels.";
  text::Tokens base;
  text::Tokenize(text, Split(text), base);
  Tokens t;
  Tokenize(base, Gazetteer::Get(), t);
  ASSERT_EQ(t.list.size(), 8u);
  EXPECT_EQ(t.Key(t.list[0]), "adm");
  EXPECT_TRUE(t.list[0].Has(kPeriod));
  EXPECT_TRUE(t.list[0].Has(kSentenceStart));
  EXPECT_TRUE(t.list[3].Has(kAllCaps));   // NATO
  EXPECT_FALSE(t.list[2].Has(kCapital));  // told
  EXPECT_FALSE(t.list[6].Has(kPeriod));   // "Brussels" leaves the full stop
  EXPECT_EQ(text.substr(t.list[7].begin, 1), ".");
}

}  // namespace
}  // namespace newsfuse::analyze::entity
