// Quote grouping by speaker (fuse/claims/quote_groups.cc) on hand-built
// annotations: who a report credits each quote to.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "fuse/claims/claims.h"

namespace newsfuse {
namespace {

class Article {
 public:
  Article(std::string outlet, std::string body) {
    a_.article.outlet = std::move(outlet);
    a_.article.id = a_.article.outlet;
    a_.article.paragraphs = {std::move(body)};
    a_.body = a_.article.Body();
    a_.sentences.push_back({Span{0, static_cast<uint32_t>(a_.body.size())}, 0});
  }
  Span Find(const std::string& text) const {
    const size_t at = a_.body.find(text);
    EXPECT_NE(at, std::string::npos) << text;
    return Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + text.size())};
  }
  Article& Person(const std::string& name, const std::string& key) {
    Entity e;
    e.type = EntityType::kPerson;
    e.name = name;
    e.key = key;
    a_.entities.push_back(e);
    return *this;
  }
  // A direct quote of the entity last added.
  Article& Said(const std::string& content) {
    Quote q;
    q.content = Find(content);
    q.speaker = static_cast<uint32_t>(a_.entities.size() - 1);
    a_.quotes.push_back(q);
    return *this;
  }
  // A direct quote no entity speaks: `phrase` is where the speaker is written,
  // `description` the person it describes, if any.
  Article& SaidUnresolved(const std::string& content, const std::string& phrase,
                          const std::string& description) {
    Quote q;
    q.content = Find(content);
    q.speaker_span = Find(phrase);
    if (!description.empty()) q.speaker_description = Find(description);
    a_.quotes.push_back(q);
    return *this;
  }
  AnnotatedArticle Build() const { return a_; }

 private:
  AnnotatedArticle a_;
};

StoryReport Fuse(const std::vector<AnnotatedArticle>& articles) {
  StoryReport report;
  std::vector<const AnnotatedArticle*> members;
  for (size_t i = 0; i < articles.size(); ++i) {
    ReportSource source;
    source.id = "S" + std::to_string(i + 1);
    source.outlet = articles[i].article.outlet;
    report.sources.push_back(source);
    members.push_back(&articles[i]);
  }
  fuse::AddClaims(members, report);
  return report;
}

const SpeakerQuotes* SpeakerOf(const StoryReport& r, const std::string& words) {
  for (const SpeakerQuotes& sp : r.quotes)
    for (const ReportQuote& q : sp.quotes)
      for (const Attestation& w : q.wording)
        if (w.text.find(words) != std::string::npos) return &sp;
  return nullptr;
}

TEST(QuoteGroupsTest, NamesakesNamedInFullStayApart) {
  const std::vector<AnnotatedArticle> articles = {
      Article("Wire One",
              "\"We only ask for mercy for an old man,\" a tearful Marta Solvik told reporters.")
          .Person("Marta Solvik", "solvik")
          .Said("We only ask for mercy for an old man")
          .Build(),
      Article("Wire Two",
              "\"I have nothing to apologise for,\" the former minister Edvard Solvik said.")
          .Person("Edvard Solvik", "solvik")
          .Said("I have nothing to apologise for")
          .Build(),
  };
  const StoryReport r = Fuse(articles);
  const SpeakerQuotes* marta = SpeakerOf(r, "mercy for an old man");
  const SpeakerQuotes* edvard = SpeakerOf(r, "nothing to apologise");
  ASSERT_NE(marta, nullptr);
  ASSERT_NE(edvard, nullptr);
  EXPECT_NE(marta, edvard);
  EXPECT_EQ(marta->speaker, "Marta Solvik");
  EXPECT_EQ(edvard->speaker, "Edvard Solvik");
}

TEST(QuoteGroupsTest, BareSurnameAmongNamesakesIsGivenToNeither) {
  const std::vector<AnnotatedArticle> articles = {
      Article("Wire One", "\"He is very ill,\" Marta Solvik said of her husband Edvard Solvik.")
          .Person("Edvard Solvik", "solvik")
          .Person("Marta Solvik", "solvik")
          .Said("He is very ill")
          .Build(),
      Article("Wire Three", "\"The charges are political,\" Solvik said in a statement.")
          .Person("Solvik", "solvik")
          .Said("The charges are political")
          .Build(),
  };
  const StoryReport r = Fuse(articles);
  const SpeakerQuotes* bare = SpeakerOf(r, "charges are political");
  ASSERT_NE(bare, nullptr);
  EXPECT_EQ(bare->speaker, "Solvik");
  EXPECT_NE(bare, SpeakerOf(r, "very ill"));
}

TEST(QuoteGroupsTest, OneNameWithAndWithoutTitleIsOneSpeaker) {
  const std::vector<AnnotatedArticle> articles = {
      Article("Wire One", "\"We will form a government,\" said Premier-designate Ilkin Dora.")
          .Person("Premier-designate Ilkin Dora", "dora")
          .Said("We will form a government")
          .Build(),
      Article("Wire Two", "\"Nobody will stop us,\" Ilkin Dora said.")
          .Person("Ilkin Dora", "dora")
          .Said("Nobody will stop us")
          .Build(),
      Article("Wire Three", "\"I am hopeful,\" Dora said.")
          .Person("Dora", "dora")
          .Said("I am hopeful")
          .Build(),
  };
  const StoryReport r = Fuse(articles);
  ASSERT_EQ(r.quotes.size(), 1u);
  EXPECT_EQ(r.quotes[0].quotes.size(), 3u);
}

TEST(QuoteGroupsTest, DescribedSpeakerIsKeptUnnamedAndApartFromNamedOnes) {
  const std::vector<AnnotatedArticle> articles = {
      Article("Wire One",
              "\"The deal is all but done,\" a senior official said. \"Talks go on,\" said Ana "
              "Petrov.")
          .SaidUnresolved("The deal is all but done", "a senior official", "a senior official")
          .Person("Ana Petrov", "petrov")
          .Said("Talks go on")
          .Build(),
  };
  const StoryReport r = Fuse(articles);
  const SpeakerQuotes* official = SpeakerOf(r, "all but done");
  ASSERT_NE(official, nullptr);
  EXPECT_EQ(official->speaker, "a senior official");
  EXPECT_FALSE(official->named);
  const SpeakerQuotes* petrov = SpeakerOf(r, "Talks go on");
  ASSERT_NE(petrov, nullptr);
  EXPECT_TRUE(petrov->named);
  EXPECT_NE(official, petrov);
}

TEST(QuoteGroupsTest, ParaphraseOfADescribedSpeakerIsLeftOut) {
  std::vector<AnnotatedArticle> articles = {
      Article("Wire One", "Officials said the bridge would reopen by the end of the month.")
          .SaidUnresolved("the bridge would reopen by the end of the month", "Officials",
                          "Officials")
          .Build(),
  };
  articles[0].quotes[0].direct = false;
  EXPECT_EQ(SpeakerOf(Fuse(articles), "bridge would reopen"), nullptr);
}

TEST(QuoteGroupsTest, SpeakerNeitherNamedNorDescribedIsLeftOut) {
  const std::vector<AnnotatedArticle> articles = {
      Article("Wire One", "\"We reject the ruling entirely,\" Valdoria said on Monday.")
          .SaidUnresolved("We reject the ruling entirely", "Valdoria", "")
          .Build(),
  };
  EXPECT_EQ(SpeakerOf(Fuse(articles), "reject the ruling"), nullptr);
}

// A quote over two paragraphs: the second opens with a quote mark, which is
// the newspaper's convention, not the speaker's words.
TEST(QuoteGroupsTest, AQuoteOverTwoParagraphsDropsTheReopeningMark) {
  const std::vector<AnnotatedArticle> articles = {
      Article("Wire One",
              "Ilkin Dora said: \"We will rebuild the yard.\n\n\"It will take years,\" she said.")
          .Person("Ilkin Dora", "dora")
          .Said("We will rebuild the yard.\n\n\"It will take years")
          .Build(),
  };
  const StoryReport r = Fuse(articles);
  ASSERT_EQ(r.quotes.size(), 1u);
  ASSERT_EQ(r.quotes[0].quotes.size(), 1u);
  EXPECT_EQ(r.quotes[0].quotes[0].wording[0].text, "We will rebuild the yard. It will take years");
}

// A stock phrase shares words with many longer remarks: it joins one only
// when that remark says it word for word.
TEST(QuoteGroupsTest, AShortPhraseJoinsALongQuoteOnlyWhenQuotedFromIt) {
  const std::vector<AnnotatedArticle> articles = {
      Article("Wire One",
              "\"The yard has a future here, near the coast, with its welders,\" Ilkin Dora "
              "said.")
          .Person("Ilkin Dora", "dora")
          .Said("The yard has a future here, near the coast, with its welders")
          .Build(),
      Article("Wire Two", "Talks will resume \"in the near future,\" Dora said.")
          .Person("Dora", "dora")
          .Said("in the near future")
          .Build(),
      Article("Wire Three", "Dora called it \"a future here\" for the town.")
          .Person("Dora", "dora")
          .Said("a future here")
          .Build(),
  };
  const StoryReport r = Fuse(articles);
  ASSERT_EQ(r.quotes.size(), 1u);
  const SpeakerQuotes& dora = r.quotes[0];
  ASSERT_EQ(dora.quotes.size(), 2u);
  EXPECT_EQ(dora.quotes[0].wording.size(), 2u);  // the long remark and its quoted part
  EXPECT_EQ(dora.quotes[1].wording.size(), 1u);
  EXPECT_EQ(dora.quotes[1].wording[0].text, "in the near future");
}

}  // namespace
}  // namespace newsfuse
