// Issue 17: the stages that read words read the one scan, so they agree on
// the tokens of text with accents, CJK, Cyrillic, curly apostrophes and
// dotted abbreviations. Each stage is run on the same text and its tokens or
// spans are checked against the base scan (text/tokens.h): quantity, time,
// entity and quote tokens, cluster name terms, fuse sentence shapes, fusion's
// index terms against clustering's, the words statement conflicts compare,
// and the spans of the annotations.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "analyze/analyze.h"
#include "analyze/entity/gazetteer.h"
#include "analyze/entity/tokens.h"
#include "analyze/quantity/tokens.h"
#include "analyze/quote/quote_text.h"
#include "analyze/time/time_rules.h"
#include "analyze/time/time_tokens.h"
#include "cluster/names.h"
#include "fuse/claims/statement_words.h"
#include "fuse/sentence_shape.h"
#include "fuse/story_words.h"
#include "text/sentences.h"
#include "text/terms.h"
#include "text/tokens.h"

namespace newsfuse {
namespace {

// Written for this test: every hard case in one paragraph.
constexpr std::string_view kText =
    "Pedro Sánchez met Зеленский and Kyung-min Lee in 東京 on 2026-02-05 at 10:30. "
    "The U.S. envoy said O’Brien’s team had sent 1,200 tonnes of grain and about 5km of "
    "pipe, and Владимир Путин’s aides don’t deny it. "
    "Officials in Zürich said the talks would resume on Feb. 9 at 9 a.m., and "
    "Ærøskøbing’s mayor said “nothing is agreed” before 2/5/2026.";

struct Fixture {
  AnnotatedArticle article;
  text::Tokens tokens;
  std::set<uint32_t> begins, ends;  // byte offsets where base tokens begin and end

  Fixture() {
    Article a;
    a.paragraphs.emplace_back(kText);
    a.language = "en";
    article = Analyze(std::move(a));
    text::Tokenize(article.body, article.sentences, tokens);
    for (const text::Token& t : tokens.list) {
      begins.insert(t.begin);
      ends.insert(t.end);
    }
  }
};

std::vector<std::string> BaseWords(const text::Tokens& t) {
  std::vector<std::string> out;
  for (const text::Token& k : t.list)
    if (k.IsWord()) out.emplace_back(t.Text(k));
  return out;
}

TEST(TokenAgreementTest, BaseScanReadsEveryScriptAsWords) {
  Fixture f;
  const std::vector<std::string> words = BaseWords(f.tokens);
  for (const char* w : {"Sánchez", "Зеленский", "東京", "O’Brien’s", "U.S.", "Путин’s", "don’t",
                        "Zürich", "a.m.", "Ærøskøbing’s"}) {
    EXPECT_NE(std::find(words.begin(), words.end(), w), words.end()) << w;
  }
  ASSERT_GE(f.article.sentences.size(), 3u);
  EXPECT_EQ(f.tokens.sentence_first.size(), f.article.sentences.size() + 1);
}

TEST(TokenAgreementTest, QuantityTokensAreTheBaseTokens) {
  Fixture f;
  std::vector<analyze::quantity::Token> q;
  for (size_t s = 0; s + 1 < f.tokens.sentence_first.size(); ++s) {
    analyze::quantity::SentenceTokens(f.tokens, s, q);
    ASSERT_EQ(q.size(), f.tokens.SentenceEnd(s) - f.tokens.SentenceBegin(s));
    for (size_t k = 0; k < q.size(); ++k) {
      const text::Token& b = f.tokens[f.tokens.SentenceBegin(s) + k];
      EXPECT_EQ(q[k].begin, b.begin);
      EXPECT_EQ(q[k].end, b.end);
      EXPECT_EQ(q[k].capital, b.IsWord() && b.Has(text::kCapital));
    }
  }
}

TEST(TokenAgreementTest, TimeTokensAreRunsOfBaseTokensAndWordsAreWhole) {
  Fixture f;
  analyze::time::TokenizedText tt;
  analyze::time::Tokenize(f.tokens, analyze::time::TimeRules::Get().words(), tt);
  std::set<std::string> time_words;
  for (const auto& t : tt.tokens) {
    EXPECT_TRUE(f.begins.count(t.begin)) << t.begin;
    EXPECT_TRUE(f.ends.count(t.end)) << t.end;
    time_words.emplace(f.article.body.substr(t.begin, t.end - t.begin));
  }
  // Every base word is a rule token as it stands, except a suffix the rules
  // read with its number ("5km").
  for (size_t i = 0; i < f.tokens.size(); ++i) {
    if (!f.tokens[i].IsWord() || (i > 0 && f.tokens[i - 1].IsNumber() && f.tokens.Glued(i - 1)))
      continue;
    EXPECT_TRUE(time_words.count(std::string(f.tokens.Text(i)))) << f.tokens.Text(i);
  }
  EXPECT_TRUE(time_words.count("5km"));
  // The special cuts are single rule tokens.
  for (const char* cut : {"2026-02-05", "10:30", "2/5/2026"})
    EXPECT_TRUE(time_words.count(cut)) << cut;
}

TEST(TokenAgreementTest, AnnotationSpansFallOnTokenBoundaries) {
  Fixture f;
  ASSERT_FALSE(f.article.quantities.empty());
  ASSERT_FALSE(f.article.timexes.empty());
  for (const Quantity& q : f.article.quantities) {
    EXPECT_TRUE(f.begins.count(q.span.begin)) << f.article.Text(q.span);
    EXPECT_TRUE(f.ends.count(q.span.end)) << f.article.Text(q.span);
  }
  for (const Timex& t : f.article.timexes) {
    EXPECT_TRUE(f.begins.count(t.span.begin)) << f.article.Text(t.span);
    EXPECT_TRUE(f.ends.count(t.span.end)) << f.article.Text(t.span);
  }
}

std::set<std::string> NamesOf(const text::Tokens& scan) {
  TermDictionary dict;
  std::vector<uint32_t> ids;
  cluster::NameTerms(scan, dict, ids);
  std::set<std::string> names;
  for (uint32_t id : ids) names.insert(dict.Term(id).substr(cluster::kNamePrefix.size()));
  return names;
}

TEST(TokenAgreementTest, NameTermsAreTheCapitalisedBaseWords) {
  Fixture f;
  // The clusterer scans a body as one text (it may hold no sentences: an
  // article restored from stored signals); analysis scans it by sentences.
  // Both scans give the same names.
  text::Tokens whole;
  text::Tokenize(f.article.body, whole);
  const std::set<std::string> names = NamesOf(whole);
  EXPECT_EQ(names, NamesOf(f.tokens));
  // Non-ASCII names are seen, folded, possessives cut, hyphenated names whole.
  // A name with an apostrophe counts by its parts: "O’Brien’s" -> "brien".
  for (const char* n :
       {"sánchez", "зеленский", "kyung-min", "brien", "путин", "zürich", "ærøskøbing"}) {
    EXPECT_TRUE(names.count(n)) << n;
  }
  // Sentence-initial capitals say nothing: "Pedro", "The", "Officials".
  for (const char* n : {"pedro", "the", "officials"}) EXPECT_FALSE(names.count(n)) << n;
  // Contractions and possessives are not names: "don’t", "Путин’s" -> "путин".
  for (const char* n : {"don", "o’brien’s", "путин’s", "s"}) EXPECT_FALSE(names.count(n)) << n;
}

TEST(TokenAgreementTest, SentenceShapeCountsTheBaseWords) {
  // Words are the base scan's words and numbers; a run glued by a hyphen or
  // an apostrophe counts once ("Kyung-min", "2026-02-05", "5km"), as do
  // "U.S." and "1,200"; ":" and "/" separate ("10:30" is two).
  const fuse::SentenceShape a = fuse::ShapeOf(
      "Pedro Sánchez met Зеленский and Kyung-min Lee in 東京 on 2026-02-05 at 10:30.");
  EXPECT_EQ(a.words, 14);
  const fuse::SentenceShape b = fuse::ShapeOf(
      "The U.S. envoy said O’Brien’s team had sent 1,200 tonnes of grain and about 5km of "
      "pipe, and Владимир Путин’s aides don’t deny it.");
  EXPECT_EQ(b.words, 24);
  EXPECT_EQ(b.quoted_words, 0);
  const fuse::SentenceShape c = fuse::ShapeOf(
      "Officials in Zürich said the talks would resume on Feb. 9 at 9 a.m., and "
      "Ærøskøbing’s mayor said “nothing is agreed” before 2/5/2026.");
  EXPECT_EQ(c.words, 25);
  EXPECT_EQ(c.quoted_words, 3);
  EXPECT_TRUE(fuse::UsableAlone(c));
  EXPECT_FALSE(
      fuse::UsableAlone(fuse::ShapeOf("RUSSIA SEES PROGRESS IN TALKS WITH КИЕВ ON MONDAY")));
  EXPECT_TRUE(fuse::ShapeOf("Did Sánchez agree to the talks in Zürich on Monday?”").question);
}

// Words every stage must see whole, in every script, whatever else it cuts.
constexpr const char* kWholeWords[] = {"Sánchez",  "Зеленский",  "東京", "Kyung-min",
                                       "U.S.",     "Zürich",     "a.m.", "don’t",
                                       "Владимир", "2026-02-05", "5km",  "Officials"};

std::vector<std::string> TextsOf(std::string_view body, const auto& list) {
  std::vector<std::string> out;
  for (const auto& t : list) out.emplace_back(body.substr(t.begin, t.end - t.begin));
  return out;
}

bool Holds(const std::vector<std::string>& words, std::string_view w) {
  return std::find(words.begin(), words.end(), w) != words.end();
}

TEST(TokenAgreementTest, EntityTokensAreRunsOfBaseTokensBesidePossessives) {
  Fixture f;
  analyze::entity::Tokens et;
  analyze::entity::Tokenize(f.tokens, analyze::entity::Gazetteer::Get(), et);
  const std::vector<std::string> words = TextsOf(f.article.body, et.list);
  for (const char* w : kWholeWords) EXPECT_TRUE(Holds(words, w)) << w;
  // The possessive is cut off a name, in any script and with a curly
  // apostrophe: "O’Brien’s" -> "O’Brien" + "’s".
  for (const char* w : {"O’Brien", "Путин", "Ærøskøbing"}) EXPECT_TRUE(Holds(words, w)) << w;
  // Every other cut falls on the base scan's boundaries: the entity tokens
  // are runs of base tokens, numbers included ("1,200" is whole).
  std::vector<std::string> off_scan;
  for (size_t k = 0; k < et.list.size(); ++k) {
    const auto& t = et.list[k];
    const bool possessive = t.Has(analyze::entity::kPossessive);
    const bool before_possessive = k + 1 < et.list.size() &&
                                   et.list[k + 1].Has(analyze::entity::kPossessive) &&
                                   et.list[k + 1].begin == t.end;
    if ((!f.begins.count(t.begin) && !possessive) || (!f.ends.count(t.end) && !before_possessive))
      off_scan.push_back(words[k]);
  }
  EXPECT_TRUE(off_scan.empty()) << off_scan.front();
  EXPECT_TRUE(Holds(words, "1,200"));
}

TEST(TokenAgreementTest, QuoteTokensAreRunsOfBaseTokens) {
  Fixture f;
  const analyze::quote_internal::QuoteText qt =
      analyze::quote_internal::BuildQuoteText(f.article.body, f.article.sentences, &f.tokens);
  const std::vector<std::string> words = TextsOf(f.article.body, qt.tokens);
  for (const char* w : kWholeWords) EXPECT_TRUE(Holds(words, w)) << w;
  // A possessive stays on its word; a rank or month abbreviation keeps its
  // period ("Feb."), a run of two base tokens.
  for (const char* w : {"O’Brien’s", "Путин’s", "Ærøskøbing’s", "1,200", "Feb."})
    EXPECT_TRUE(Holds(words, w)) << w;
  for (size_t k = 0; k < qt.tokens.size(); ++k) {
    EXPECT_TRUE(f.begins.count(qt.tokens[k].begin)) << words[k];
    EXPECT_TRUE(f.ends.count(qt.tokens[k].end)) << words[k];
  }
  // The same tokens without the scan (the quote reader's own byte cut).
  const analyze::quote_internal::QuoteText alone =
      analyze::quote_internal::BuildQuoteText(f.article.body, f.article.sentences);
  EXPECT_EQ(TextsOf(f.article.body, alone.tokens), words);
}

TEST(TokenAgreementTest, FusionTermsAreClusteringTermsOfEachSentence) {
  // Fusion takes index terms from the analysis scan, sentence by sentence
  // (fuse/story_words.h); clustering from its own scan of the whole body
  // (cluster.cc's Prepare). Both must give the same terms for every sentence,
  // and the same for the body, in any script.
  Fixture f;
  const std::vector<const AnnotatedArticle*> members = {&f.article};
  fuse::StoryWords words(members);
  ASSERT_EQ(words.tokens(0).list.size(), f.tokens.list.size());  // the same scan
  TermExtractor clustering(TermOptions{.language = "en"});
  std::set<std::string> all;
  std::vector<std::string> fusion_body;
  for (size_t k = 0; k < f.article.sentences.size(); ++k) {
    std::vector<std::string> fusion;
    for (uint32_t id : words.SentenceTerms(0, k)) fusion.push_back(words.dict().Term(id));
    EXPECT_EQ(fusion, clustering.Terms(f.article.Text(f.article.sentences[k].span))) << k;
    all.insert(fusion.begin(), fusion.end());
    fusion_body.insert(fusion_body.end(), fusion.begin(), fusion.end());
  }
  text::Tokens whole;
  text::Tokenize(f.article.body, whole);
  TermDictionary dict;
  std::vector<uint32_t> ids;
  clustering.Extract(whole, 0, whole.size(), dict, ids);
  std::vector<std::string> clustering_body;
  for (uint32_t id : ids) clustering_body.push_back(dict.Term(id));
  EXPECT_EQ(clustering_body, fusion_body);
  // Accents, Cyrillic and CJK are whole terms; a dotted acronym loses its
  // dots, a curly possessive is cut, a contraction in "n’t" drops.
  for (const char* t : {"sánchez", "зеленский", "東京", "us", "o’brien", "zürich"})
    EXPECT_TRUE(all.count(t)) << t;
  for (const char* t : {"don’t", "don", "o’brien’s", "s"}) EXPECT_FALSE(all.count(t)) << t;
}

TEST(TokenAgreementTest, StatementWordsAreRunsOfBaseTokens) {
  Fixture f;
  std::vector<std::string> words;
  for (size_t k = 0; k < f.article.sentences.size(); ++k) {
    for (const fuse::StatementWord& w : fuse::StatementWords(f.tokens, k)) {
      EXPECT_TRUE(f.begins.count(w.begin)) << w.text;
      EXPECT_TRUE(f.ends.count(w.end)) << w.text;
      words.push_back(w.text);
    }
  }
  // Folded, and whole in every script ("Sánchez" is one word, not two).
  for (const char* w : {"sánchez", "зеленский", "東京", "kyung-min", "u.s.", "o’brien’s", "don’t",
                        "zürich", "a.m.", "2026-02-05", "5km", "владимир"})
    EXPECT_TRUE(Holds(words, w)) << w;
  for (const char* w : {"s", "nchez", "o", "brien"}) EXPECT_FALSE(Holds(words, w)) << w;
  EXPECT_TRUE(fuse::StatementWords(f.tokens, f.article.sentences.size()).empty());
}

}  // namespace
}  // namespace newsfuse
