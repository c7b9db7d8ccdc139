// The entity tokens are a view over the one scan (text/tokens.h): glued base
// tokens joined into names, possessives cut off. Text written for this test.
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

Tokens Cut(std::string_view text) {
  text::Tokens base;
  text::Tokenize(text, Split(text), base);
  Tokens t;
  Tokenize(base, Gazetteer::Get(), t);
  return t;
}

std::vector<std::string> Texts(std::string_view text, const Tokens& t) {
  std::vector<std::string> out;
  for (const Token& k : t.list) out.emplace_back(text.substr(k.begin, k.end - k.begin));
  return out;
}

using Words = std::vector<std::string>;

TEST(EntityTokensTest, GluedRunsAreJoinedIntoNames) {
  const std::string a = "Adm. James O'Brien's ship met Kyung-min Lee and Gen. J. R. Smith.";
  EXPECT_EQ(Texts(a, Cut(a)), (Words{"Adm.", "James", "O'Brien", "'s", "ship", "met", "Kyung-min",
                                     "Lee", "and", "Gen.", "J.", "R.", "Smith", "."}));
  const std::string b = "The U.S.-brokered deal, a US-brokered truce and G7 jets, F-16s.";
  EXPECT_EQ(Texts(b, Cut(b)), (Words{"The", "U.S.", "-", "brokered", "deal", ",", "a", "US", "-",
                                     "brokered", "truce", "and", "G7", "jets", ",", "F-16s", "."}));
  const std::string c = "Zelensky’s aide, the Emirates' role and the 1990's boom.";
  EXPECT_EQ(Texts(c, Cut(c)), (Words{"Zelensky", "’s", "aide", ",", "the", "Emirates", "'", "role",
                                     "and", "the", "1990", "'s", "boom", "."}));
}

TEST(EntityTokensTest, ADottedWordRunningOnIsCutAsASpaceWouldCutIt) {
  // Typed without a space after the period: the period ends the first word
  // unless it follows a single letter.
  const std::string a = "The U.N.refugee agency, Rep.e Smith, MSN.com and Ph.D. holders.";
  EXPECT_EQ(Texts(a, Cut(a)),
            (Words{"The", "U.N.", "refugee", "agency", ",", "Rep.", "e", "Smith", ",", "MSN", ".",
                   "com", "and", "Ph", ".", "D.", "holders", "."}));
  const std::string b = "Sen. Smith (R-N.Y.) met x.y. officials.";
  EXPECT_EQ(Texts(b, Cut(b)),
            (Words{"Sen.", "Smith", "(", "R-N", ".", "Y.", ")", "met", "x.y.", "officials", "."}));
}

TEST(EntityTokensTest, NumbersAreWholeAndNonAsciiNamesAreOneWord) {
  const std::string a = "Sánchez met Зеленский in São Paulo: 1,200.5 tonnes, 12.5% and 5km.";
  EXPECT_EQ(Texts(a, Cut(a)), (Words{"Sánchez", "met", "Зеленский", "in", "São", "Paulo", ":",
                                     "1,200.5", "tonnes", ",", "12.5", "%", "and", "5km", "."}));
}

TEST(EntityTokensTest, FlagsAndKeysOfJoinedAndCutWords) {
  const std::string text = "The UAE's envoy met Müller-Lüdenscheidt and NATO-led troops.";
  const Tokens t = Cut(text);
  ASSERT_GE(t.list.size(), 8u);
  EXPECT_EQ(t.Key(t.list[1]), "uae");
  EXPECT_TRUE(t.list[1].Has(kAllCaps));  // counted without the possessive "'s"
  EXPECT_TRUE(t.list[2].Has(kPossessive));
  EXPECT_TRUE(t.list[0].Has(kSentenceStart));
  EXPECT_FALSE(t.list[1].Has(kSentenceStart));
  EXPECT_EQ(text.substr(t.list[5].begin, t.list[5].end - t.list[5].begin), "Müller-Lüdenscheidt");
  EXPECT_TRUE(t.list[5].Has(kCapital));
  EXPECT_FALSE(t.list[5].Has(kAllCaps));
  EXPECT_TRUE(t.list[7].Has(kCapital));  // "NATO-led": joined, not all capitals
  EXPECT_FALSE(t.list[7].Has(kAllCaps));
  const std::string d = "Was it J.? The 5G rollout.";
  const Tokens u = Cut(d);
  EXPECT_EQ(Texts(d, u), (Words{"Was", "it", "J.", "?", "The", "5G", "rollout", "."}));
  EXPECT_TRUE(u.list[2].Has(kPeriod));
  EXPECT_EQ(u.Key(u.list[2]), "j");
  EXPECT_TRUE(u.list[5].Has(kDigit));
}

TEST(EntityTokensTest, EveryCutFallsOnTheScanOrAtAPossessiveOrPeriodOnTheSeedReports) {
  size_t n = 0;
  for (const Article& a : testing::SeedArticles()) {
    const std::string body = a.Body();
    text::Tokens base;
    text::Tokenize(body, Split(body), base);
    Tokens t;
    Tokenize(base, Gazetteer::Get(), t);
    std::vector<bool> begins(body.size() + 1, false), ends(body.size() + 1, false);
    for (const text::Token& b : base.list) begins[b.begin] = ends[b.end] = true;
    for (size_t k = 0; k < t.list.size(); ++k) {
      const Token& e = t.list[k];
      const bool cut_before = k + 1 < t.list.size() && t.list[k + 1].Has(kPossessive);
      // A dotted word running on ("U.N.refugee") is cut at a period.
      const bool at_period =
          (e.begin > 0 && body[e.begin - 1] == '.') || (e.end < body.size() && body[e.end] == '.');
      EXPECT_TRUE(begins[e.begin] || e.Has(kPossessive) || at_period) << body.substr(e.begin, 20);
      EXPECT_TRUE(ends[e.end] || cut_before || at_period) << body.substr(e.begin, 20);
    }
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
