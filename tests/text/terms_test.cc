#include "text/terms.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "text/word_lists.h"

namespace newsfuse {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::Not;

TEST(TermsTest, StemsCaseFoldsAndDropsStopWords) {
  TermExtractor ex;
  EXPECT_THAT(ex.Terms("The Talks were TALKED about while talking."),
              ElementsAre("talk", "talk", "talk"));
}

TEST(TermsTest, StripsPossessives) {
  TermExtractor ex;
  EXPECT_THAT(ex.Terms("Europe's war and Ukraine\u2019s envoy"),
              ElementsAre("europ", "war", "ukrain", "envoy"));
}

TEST(TermsTest, KeepsNumbersWithoutGroupingCommas) {
  TermExtractor ex;
  EXPECT_THAT(ex.Terms("They swapped 314 prisoners, then 1,200 more; 3.5 percent."),
              ElementsAre("swap", "314", "prison", "1200", "3.5", "percent"));
  TermExtractor no_numbers(TermOptions{.keep_numbers = false});
  EXPECT_THAT(no_numbers.Terms("They swapped 314 prisoners"), ElementsAre("swap", "prison"));
}

TEST(TermsTest, AcronymsAreNotStopWords) {
  TermExtractor ex;
  // "US" and "U.S." meet; "IT" is a name where "it" is a stop word.
  EXPECT_THAT(ex.Terms("U.S. envoy and the US team"), ElementsAre("us", "envoy", "us", "team"));
  EXPECT_THAT(ex.Terms("IT staff said it failed"), ElementsAre("it", "staff", "said", "fail"));
  // In a headline set in capitals "AND" is a stop word, not an acronym.
  EXPECT_THAT(ex.Terms("RUSSIA SEES PROGRESS AND MOVEMENT"),
              ElementsAre("russia", "see", "progress", "movement"));
}

TEST(TermsTest, ContractionsGo) {
  TermExtractor ex;
  EXPECT_THAT(ex.Terms("We don't know; we'll see."), ElementsAre("know", "see"));
}

TEST(TermsTest, OptionsTurnOffStemmingAndStopWords) {
  TermExtractor ex(TermOptions{.stem = false, .drop_stop_words = false});
  EXPECT_THAT(ex.Terms("The Talks"), ElementsAre("the", "talks"));
}

TEST(TermsTest, DictionaryInternsStably) {
  TermDictionary dict;
  TermExtractor ex;
  std::vector<uint32_t> ids;
  ex.Extract("prisoner swap", dict, ids);
  ex.Extract("swap of prisoners", dict, ids);
  ASSERT_EQ(ids.size(), 4u);
  EXPECT_EQ(ids[0], ids[3]);
  EXPECT_EQ(ids[1], ids[2]);
  EXPECT_EQ(dict.size(), 2u);
  EXPECT_EQ(dict.Term(ids[0]), "prison");
  EXPECT_EQ(dict.Find("swap"), ids[1]);
  EXPECT_EQ(dict.Find("peace"), UINT32_MAX);
}

// The dictionary remembers what each surface form became; a remembered form
// must give what a fresh extraction gives, including where the answer depends
// on the text around it (an acronym in a headline in capitals is a word).
TEST(TermsTest, RememberedFormsGiveWhatFreshExtractionGives) {
  TermDictionary dict;
  TermExtractor ex;
  TermExtractor fresh;
  for (const char* text : {"The IT budget and Russia's talks", "The IT budget and Russia's talks",
                           "THE IT BUDGET AND RUSSIA'S TALKS", "the it budget and russia's talks",
                           "1,200 km of front", "1,200 km of front"}) {
    std::vector<uint32_t> ids;
    ex.Extract(text, dict, ids);
    std::vector<std::string> terms;
    for (uint32_t id : ids) terms.push_back(dict.Term(id));
    EXPECT_EQ(terms, fresh.Terms(text)) << text;
  }
  EXPECT_THAT(fresh.Terms("The IT budget"), ElementsAre("it", "budget"));
  EXPECT_THAT(fresh.Terms("THE IT BUDGET"), ElementsAre("budget"));
}

// Another language brings its own stemmer and stop list; one without either
// is still split and case-folded.
TEST(TermsTest, EachLanguageHasItsStemmerAndStopWords) {
  TermExtractor de(TermOptions{.language = "de"});
  const auto terms = de.Terms("Die Gespräche über den Austausch der Gefangenen und die Gesprächen");
  EXPECT_EQ(std::count(terms.begin(), terms.end(), "die"), 0);
  EXPECT_EQ(std::count(terms.begin(), terms.end(), "und"), 0);
  ASSERT_EQ(terms.size(), 4u) << ::testing::PrintToString(terms);
  EXPECT_EQ(terms[0], terms[3]);  // Gespräche, Gesprächen
  TermExtractor en;
  EXPECT_GT(en.Terms("Die Gespräche über den Austausch").size(), 3u);  // German words kept
  TermExtractor unknown(TermOptions{.language = "xx"});
  EXPECT_THAT(unknown.Terms("Talks and the TALKS"), ElementsAre("talks", "and", "the", "talks"));
}

TEST(TermsTest, NonLatinWordsAndBadBytesAreSafe) {
  TermExtractor ex;
  EXPECT_THAT(
      ex.Terms("Zelenskyy \u0417\u0435\u043b\u0435\u043d\u0441\u044c\u043a\u0438\u0439"),
      ElementsAre("zelenskyy", "\u0437\u0435\u043b\u0435\u043d\u0441\u044c\u043a\u0438\u0439"));
  EXPECT_THAT(ex.Terms("bad \xff bytes"), ElementsAre("bad", "byte"));
  EXPECT_TRUE(ex.Terms("").empty());
}

// Terms are read off the one scan: letters and digits glued are one word,
// a hyphen or a dotted acronym is cut as the scan cuts it.
TEST(TermsTest, WordsAreTheScansWords) {
  TermExtractor ex;
  EXPECT_THAT(ex.Terms("The G7 moved 5km in the 1990s; an F-16 and a well-known pilot."),
              ElementsAre("g7", "move", "5km", "1990s", "16", "well", "known", "pilot"));
  EXPECT_THAT(ex.Terms("Zelenskyy’s aides won’t meet O'Brien at 10:30 a.m."),
              ElementsAre("zelenskyy", "aid", "meet", "o'brien", "10", "30", "am"));
  EXPECT_THAT(ex.Terms("Sánchez Sánchez's SÁNCHEZ"), ElementsAre("sánchez", "sánchez", "sánchez"));
}

// A range of an article's tokens gives what the same text gives alone, so
// fusion's per-sentence terms and clustering's whole-text terms agree.
TEST(TermsTest, TokenRangeGivesWhatItsTextGives) {
  const std::string body = "Talks resumed in Geneva. The U.S. envoy didn't sign 1,200 pages.";
  std::vector<Sentence> sentences = {{{0, 24}}, {{25, static_cast<uint32_t>(body.size())}}};
  text::Tokens tokens;
  text::Tokenize(body, sentences, tokens);
  TermDictionary dict;
  TermExtractor ex;
  for (size_t k = 0; k < 2; ++k) {
    std::vector<uint32_t> ids;
    ex.Extract(tokens, tokens.SentenceBegin(k), tokens.SentenceEnd(k), dict, ids);
    std::vector<std::string> terms;
    for (uint32_t id : ids) terms.push_back(dict.Term(id));
    const Span span = sentences[k].span;
    EXPECT_EQ(terms, ex.Terms(std::string_view(body).substr(span.begin, span.end - span.begin)))
        << k;
    EXPECT_FALSE(terms.empty());
  }
}

// Chinese and Japanese have no spaces: the scan gives a run of ideographs
// as one token, and the extractor cuts it into dictionary words, so two
// texts sharing a word share a term.
TEST(TermsTest, ScriptsWithoutSpacesAreCutIntoWords) {
  TermExtractor zh(TermOptions{.language = "zh"});
  const auto a = zh.Terms("我们在北京开会");  // 我们在北京开会
  const auto b = zh.Terms("北京今天下雨");    // 北京今天下雨
  EXPECT_GT(a.size(), 1u) << ::testing::PrintToString(a);
  EXPECT_THAT(a, Contains("北京"));  // 北京
  EXPECT_THAT(b, Contains("北京"));
  TermExtractor en;
  EXPECT_THAT(en.Terms("Talks in 北京开会 resumed"), Contains("北京"));
}

// The stop lists are embedded by file name (data/text/stopwords_<code>.txt)
// and found by the language code.
TEST(WordListsTest, StopListsAreFoundByLanguageCode) {
  const std::vector<std::string_view> de = word_lists::Lines(word_lists::StopWords("de"));
  EXPECT_NE(std::find(de.begin(), de.end(), "und"), de.end());
  const std::vector<std::string_view> ru = word_lists::Lines(word_lists::StopWords("ru"));
  EXPECT_NE(std::find(ru.begin(), ru.end(), "\u0438"), ru.end());  // "и"
  EXPECT_EQ(word_lists::StopWordsEn(), word_lists::StopWords("en"));
  EXPECT_TRUE(word_lists::StopWords("xx").empty());
  EXPECT_TRUE(word_lists::StopWords("").empty());
  EXPECT_FALSE(word_lists::Lines(word_lists::AbbreviationsEn()).empty());
  EXPECT_FALSE(word_lists::Lines(word_lists::SentenceStartersEn()).empty());
}

}  // namespace
}  // namespace newsfuse
