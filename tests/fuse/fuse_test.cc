#include "fuse/fuse.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "analyze/analyze.h"
#include "text/seed_corpus.h"

namespace newsfuse {
namespace {

using ::testing::HasSubstr;
using testing::MakeArticle;

// A fictional event told by four outlets, written for these tests. The 6.1
// magnitude and the 12 deaths are stated by three outlets in near words.
std::vector<Article> QuakeArticles() {
  return {
      MakeArticle("q1000000000000000000000000000001", "Coast Herald",
                  "Strong earthquake shakes Valdora, killing 12",
                  {"A magnitude 6.1 earthquake struck the port city of Valdora on Monday "
                   "morning, killing at least 12 people and damaging hundreds of buildings.",
                   "The quake hit at 7:40 a.m. at a depth of 10 kilometres, the national "
                   "seismology institute said. Rescue teams searched collapsed homes in the "
                   "old harbour district through the afternoon.",
                   "Mayor Ines Varga said schools would stay closed until engineers had "
                   "inspected every building in the city."},
                  DateTime::Day(2026, 3, 2)),
      MakeArticle("q2000000000000000000000000000002", "Daily Meridian",
                  "Valdora earthquake kills 12, damages hundreds of buildings",
                  {"At least 12 people were killed when a magnitude 6.1 earthquake struck the "
                   "port city of Valdora on Monday morning, damaging hundreds of buildings.",
                   "Mayor Ines Varga said all schools would stay closed until engineers "
                   "inspected every building.",
                   "Why was the old harbour district hit so hard? Its stone warehouses date from "
                   "the nineteenth century and were never reinforced, engineers said."},
                  *DateTime::ParseIso("2026-03-02T14:00")),
      MakeArticle("q3000000000000000000000000000003", "Northern Wire",
                  "Quake in Valdora leaves 12 dead",
                  {"A magnitude 6.1 earthquake struck the port city of Valdora on Monday, "
                   "killing at least 12 people, officials said.",
                   "AFTERSHOCKS EXPECTED",
                   "The seismology institute warned residents to expect aftershocks for several "
                   "days and to stay out of damaged buildings.",
                   "\"It was terrifying,\" one resident said."},
                  *DateTime::ParseIso("2026-03-02T09:15")),
      MakeArticle("q4000000000000000000000000000004", "Island Post",
                  "Aid flights head to Valdora after deadly quake",
                  {"The government sent two aid flights carrying tents, water and medical "
                   "supplies to Valdora after Monday's earthquake.",
                   "The seismology institute warned residents to expect aftershocks for days "
                   "and to keep away from damaged buildings.",
                   "Port operations were suspended while inspectors checked the cranes and "
                   "the container terminal for damage."}),
  };
}

Story StoryOf(const std::vector<AnnotatedArticle>& articles) {
  Story story{"sq10000000000", {}};
  for (const auto& a : articles) story.article_ids.push_back(a.article.id);
  return story;
}

std::vector<AnnotatedArticle> Annotate(const std::vector<Article>& articles) {
  std::vector<AnnotatedArticle> out;
  for (const Article& a : articles) out.push_back(Analyze(a));
  return out;
}

// Every citation names a real source, the shown wording is where the span
// says, and citations are sorted and include the source shown.
void ExpectWellFormed(const StoryReport& report, const std::vector<AnnotatedArticle>& articles) {
  std::set<std::string> ids;
  for (const auto& s : report.sources) ids.insert(s.id);
  for (const auto& s : report.summary) {
    ASSERT_FALSE(s.citations.empty()) << s.text;
    for (const auto& c : s.citations) EXPECT_TRUE(ids.count(c)) << c;
    EXPECT_TRUE(std::is_sorted(s.citations.begin(), s.citations.end(),
                               [](const std::string& a, const std::string& b) {
                                 return std::stoi(a.substr(1)) < std::stoi(b.substr(1));
                               }));
    EXPECT_THAT(s.citations, ::testing::Contains(s.from_source));
    EXPECT_GE(s.support, 1);
    EXPECT_LE(s.support, static_cast<double>(s.citations.size()));
    const auto src = std::find_if(report.sources.begin(), report.sources.end(),
                                  [&](const auto& r) { return r.id == s.from_source; });
    ASSERT_NE(src, report.sources.end());
    const auto art = std::find_if(articles.begin(), articles.end(),
                                  [&](const auto& a) { return a.article.id == src->article_id; });
    ASSERT_NE(art, articles.end());
    EXPECT_EQ(art->Text(s.span), s.text);
    // One own sentence per citation, in citation order, where its span says.
    ASSERT_EQ(s.wording.size(), s.citations.size()) << s.text;
    for (size_t i = 0; i < s.wording.size(); ++i) {
      const Attestation& w = s.wording[i];
      EXPECT_EQ(w.source, s.citations[i]);
      if (w.source == s.from_source) {
        EXPECT_EQ(w.text, s.text);
      }
      const auto cited = std::find_if(report.sources.begin(), report.sources.end(),
                                      [&](const auto& r) { return r.id == w.source; });
      ASSERT_NE(cited, report.sources.end());
      const auto own = std::find_if(articles.begin(), articles.end(), [&](const auto& a) {
        return a.article.id == cited->article_id;
      });
      ASSERT_NE(own, articles.end());
      EXPECT_EQ(own->Text(w.span), w.text);
    }
  }
}

TEST(FuseTest, SentenceStatedByThreeSourcesCitesAllThree) {
  const auto articles = Annotate(QuakeArticles());
  const StoryReport report = FuseStory(StoryOf(articles), articles);
  ExpectWellFormed(report, articles);
  // Sources by date: Coast Herald (day only, 2 Mar) sorts before the timed
  // ones of the same day; the undated Island Post comes last.
  ASSERT_EQ(report.sources.size(), 4u);
  EXPECT_EQ(report.sources[0].outlet, "Coast Herald");
  EXPECT_EQ(report.sources[1].outlet, "Northern Wire");
  EXPECT_EQ(report.sources[2].outlet, "Daily Meridian");
  EXPECT_EQ(report.sources[3].outlet, "Island Post");
  EXPECT_EQ(report.sources[3].published, "");
  const auto lead = std::find_if(report.summary.begin(), report.summary.end(), [](const auto& s) {
    return s.text.find("6.1") != std::string::npos;
  });
  ASSERT_NE(lead, report.summary.end());
  EXPECT_EQ(lead->citations, (std::vector<std::string>{"S1", "S2", "S3"}));
  EXPECT_EQ(lead->support, 3);
  // Each outlet's own sentence of it, not the one shown (the popovers of the page).
  ASSERT_EQ(lead->wording.size(), 3u);
  EXPECT_EQ(lead->wording[1].text.rfind("A magnitude 6.1 earthquake struck", 0), 0u);
  EXPECT_NE(lead->wording[1].text.find("officials said"), std::string::npos);
  EXPECT_EQ(lead->wording[2].text.rfind("At least 12 people were killed", 0), 0u);
  // Most supported first.
  EXPECT_EQ(report.summary.front().support, 3);
  for (size_t i = 1; i < report.summary.size(); ++i) {
    EXPECT_GE(report.summary[i - 1].support, report.summary[i].support);
  }
}

// A reprint is its original's voice, whoever ran it: a wire story on a
// second site is cited but does not confirm the story a second time.
TEST(FuseTest, ACopyCountsAsItsOriginalsVoice) {
  std::vector<Article> raw = QuakeArticles();
  Article reprint = raw[0];  // Coast Herald's report, run again by another site
  reprint.id = "q5000000000000000000000000000005";
  reprint.outlet = "Valley Gazette";
  raw.push_back(reprint);
  const auto articles = Annotate(raw);
  Story story = StoryOf(articles);
  const auto lead_support = [](const StoryReport& r) {
    for (const auto& s : r.summary) {
      if (s.text.find("6.1") != std::string::npos) return s.support;
    }
    return -1.0;
  };
  // Not marked: the reprint looks like a fourth outlet confirming the magnitude.
  EXPECT_EQ(lead_support(FuseStory(story, articles)), 4);
  // Marked as the clusterer marks it: the same three voices as without it.
  story.copy_of[reprint.id] = raw[0].id;
  const StoryReport report = FuseStory(story, articles);
  EXPECT_EQ(lead_support(report), 3);
  const auto copy = std::find_if(report.sources.begin(), report.sources.end(),
                                 [&](const auto& s) { return s.article_id == reprint.id; });
  ASSERT_NE(copy, report.sources.end());
  EXPECT_FALSE(copy->copy_of.empty());
}

TEST(FuseTest, NearIdenticalSentencesAreNeverBothSelected) {
  const auto articles = Annotate(QuakeArticles());
  const StoryReport report = FuseStory(StoryOf(articles), articles);
  int lead_versions = 0, aftershock_versions = 0, school_versions = 0;
  for (const auto& s : report.summary) {
    if (s.text.find("6.1") != std::string::npos) ++lead_versions;
    if (s.text.find("aftershocks") != std::string::npos) ++aftershock_versions;
    if (s.text.find("schools") != std::string::npos) ++school_versions;
  }
  EXPECT_EQ(lead_versions, 1);
  EXPECT_LE(aftershock_versions, 1);
  EXPECT_LE(school_versions, 1);
}

TEST(FuseTest, SkipsQuestionsSubheadsAndShortQuotes) {
  const auto articles = Annotate(QuakeArticles());
  const StoryReport report = FuseStory(StoryOf(articles), articles);
  for (const auto& s : report.summary) {
    EXPECT_THAT(s.text, ::testing::Not(HasSubstr("?")));
    EXPECT_NE(s.text, "AFTERSHOCKS EXPECTED");
    EXPECT_THAT(s.text, ::testing::Not(HasSubstr("terrifying")));
  }
}

TEST(FuseTest, SummarySizeWithinBounds) {
  const auto seeds = Annotate(testing::SeedArticles());
  const StoryReport report = FuseStory(StoryOf(seeds), seeds);
  ExpectWellFormed(report, seeds);
  EXPECT_GE(report.summary.size(), 5u);
  EXPECT_LE(report.summary.size(), 8u);

  FuseOptions narrow;
  narrow.min_summary_sentences = 2;
  narrow.max_summary_sentences = 3;
  const StoryReport small = FuseStory(StoryOf(seeds), seeds, narrow);
  EXPECT_GE(small.summary.size(), 2u);
  EXPECT_LE(small.summary.size(), 3u);

  // Fewer usable sentences than the minimum: take what there is.
  const auto one = Annotate(
      {MakeArticle("z1000000000000000000000000000001", "Tiny Times", "Bridge reopens",
                   {"The Harlow bridge reopened to traffic on Friday after six months of repairs.",
                    "Short line here."})});
  const StoryReport tiny = FuseStory(StoryOf(one), one);
  ASSERT_EQ(tiny.summary.size(), 1u);
  EXPECT_EQ(tiny.summary[0].citations, std::vector<std::string>{"S1"});
  EXPECT_EQ(tiny.headline, "Bridge reopens");
}

TEST(FuseTest, OffTopicParagraphIsNotSelected) {
  const std::string off_topic =
      "An American content creator has given his take on a viral trend in which social media "
      "users share recipes for dumplings. The trend has drawn millions of views on video "
      "platforms. Cooks posted clips of folding dough and steaming buns in home kitchens.";
  // Real reports (the Bastille Post page really glues such a story on) ...
  auto seeds = testing::SeedArticles();
  seeds[3].paragraphs.push_back(off_topic);
  auto annotated = Annotate(seeds);
  StoryReport report = FuseStory(StoryOf(annotated), annotated);
  ExpectWellFormed(report, annotated);
  for (const auto& s : report.summary) {
    EXPECT_THAT(s.text, ::testing::Not(HasSubstr("content creator")));
    EXPECT_THAT(s.text, ::testing::Not(HasSubstr("dumplings")));
    EXPECT_THAT(s.text, ::testing::Not(HasSubstr("dough")));
  }
  // ... and a small story, where there are few on-topic sentences to prefer.
  auto quake = QuakeArticles();
  quake[1].paragraphs.push_back(off_topic);
  annotated = Annotate(quake);
  report = FuseStory(StoryOf(annotated), annotated);
  for (const auto& s : report.summary) {
    EXPECT_THAT(s.text, ::testing::Not(HasSubstr("content creator")));
    EXPECT_THAT(s.text, ::testing::Not(HasSubstr("dumplings")));
    EXPECT_THAT(s.text, ::testing::Not(HasSubstr("dough")));
  }
}

TEST(FuseTest, HeadlineDatesAndSources) {
  const auto articles = Annotate(QuakeArticles());
  const StoryReport report = FuseStory(StoryOf(articles), articles);
  EXPECT_EQ(report.story_id, "sq10000000000");
  // One of the titles that name the quake, Valdora and the 12 dead, which
  // agree with each other, not the aid-flight angle of the fourth.
  EXPECT_THAT(report.headline, HasSubstr("12"));
  EXPECT_THAT(report.headline, HasSubstr("Valdora"));
  EXPECT_EQ(report.first_seen, "2026-03-02");
  EXPECT_EQ(report.last_updated, "2026-03-02T14:00");
  EXPECT_EQ(report.sources[0].id, "S1");
  EXPECT_EQ(report.sources[0].article_id, "q1000000000000000000000000000001");
  EXPECT_EQ(report.sources[0].published, "2026-03-02");
  EXPECT_EQ(report.sources[0].locator, "Coast Herald.txt");
}

TEST(FuseTest, ASourceLinksTheCanonicalUrlWhenFetchedThroughAFeedOrTrackingLink) {
  auto quake = QuakeArticles();
  // Sources in date order: Coast Herald, Northern Wire, Daily Meridian, Island Post.
  quake[0].url = "https://feeds.example-feeds.test/~r/coastherald/abc123";
  quake[0].canonical_url = "https://www.coastherald.test/2026/03/02/valdora-quake";
  quake[2].url = "https://northernwire.test/valdora?utm_source=rss&utm_medium=feed";
  quake[2].canonical_url = "https://www.northernwire.test/valdora";
  quake[1].url = "https://amp.dailymeridian.test/news/valdora/amp";
  quake[1].canonical_url = "https://dailymeridian.test/news/valdora";
  // A syndicated copy with tracking parameters names its original on another
  // site: it is cited where it was read.
  quake[3].url = "https://islandpost.test/world/valdora?utm_campaign=wire";
  quake[3].canonical_url = "https://www.coastherald.test/2026/03/02/valdora-quake";
  const auto articles = Annotate(quake);
  const StoryReport report = FuseStory(StoryOf(articles), articles);
  ASSERT_EQ(report.sources.size(), 4u);
  EXPECT_EQ(report.sources[0].url, quake[0].canonical_url);
  EXPECT_EQ(report.sources[1].url, quake[2].canonical_url);
  EXPECT_EQ(report.sources[2].url, quake[1].canonical_url);
  EXPECT_EQ(report.sources[3].url, quake[3].url);

  // A plain fetch URL stays, even where the canonical URL differs from it.
  quake[0].url = "https://www.coastherald.test/valdora-quake-live";
  const auto plain = Annotate(quake);
  EXPECT_EQ(FuseStory(StoryOf(plain), plain).sources[0].url, quake[0].url);
}

TEST(FuseTest, HeadlineIsTheMostCentralTitleOrTheEarliest) {
  auto quake = QuakeArticles();
  quake[0].title = "Live updates: what we know so far";  // the earliest, but an outlier
  auto articles = Annotate(quake);
  EXPECT_NE(FuseStory(StoryOf(articles), articles).headline, quake[0].title);
  // No title agrees with another: the earliest source's title.
  quake[1].title = "Morning briefing";
  quake[2].title = "Ports and harbours";
  quake[3].title = "Relief effort begins";
  articles = Annotate(quake);
  EXPECT_EQ(FuseStory(StoryOf(articles), articles).headline, quake[0].title);
}

TEST(FuseTest, OnlyTheStorysArticlesAreUsed) {
  auto articles = Annotate(QuakeArticles());
  Story story = StoryOf(articles);
  story.article_ids.pop_back();  // Island Post is not in this story
  const StoryReport report = FuseStory(story, articles);
  ASSERT_EQ(report.sources.size(), 3u);
  for (const auto& s : report.sources) EXPECT_NE(s.outlet, "Island Post");
}

TEST(FuseTest, Deterministic) {
  const auto seeds = Annotate(testing::SeedArticles());
  const Story story = StoryOf(seeds);
  const StoryReport a = FuseStory(story, seeds);
  // Same story, articles handed over in another order: same report.
  std::vector<AnnotatedArticle> reversed(seeds.rbegin(), seeds.rend());
  const StoryReport b = FuseStory(story, reversed);
  ASSERT_EQ(a.summary.size(), b.summary.size());
  EXPECT_EQ(a.headline, b.headline);
  for (size_t i = 0; i < a.summary.size(); ++i) {
    EXPECT_EQ(a.summary[i].text, b.summary[i].text);
    EXPECT_EQ(a.summary[i].citations, b.summary[i].citations);
    EXPECT_EQ(a.summary[i].from_source, b.summary[i].from_source);
    EXPECT_EQ(a.summary[i].span, b.summary[i].span);
  }
}

// Issue 18 end to end (annotators and fusion): two outlets give one note
// five and eight pages, one in a number word; a page count of another
// document is no conflict.
TEST(FuseTest, PageCountsWrittenAsWordsOrDigitsConflict) {
  auto article = [](const char* id, const char* outlet, const char* text) {
    return MakeArticle(id, outlet, "Coach resigns", {text}, DateTime::Day(2026, 3, 2));
  };
  const std::vector<AnnotatedArticle> articles = Annotate({
      article("p1000000000000000000000000000001", "Coast Herald",
              "The coach left an eight-page note for his players before resigning on Monday."),
      article("p2000000000000000000000000000002", "Daily Meridian",
              "The coach left a 5-page note for his players before he resigned on Monday."),
      article("p3000000000000000000000000000003", "Northern Wire",
              "The club published a 12-page report on the season on Monday."),
  });
  const StoryReport report = FuseStory(StoryOf(articles), articles);
  ASSERT_EQ(report.conflicts.size(), 1u);
  std::vector<std::string> values;
  for (const auto& side : report.conflicts[0].sides) values.push_back(side.value);
  std::sort(values.begin(), values.end());
  EXPECT_EQ(values, (std::vector<std::string>{"5", "8"}));
}

TEST(FuseTest, EmptyStoryGivesEmptyReport) {
  const StoryReport report = FuseStory(Story{"sx", {"missing"}}, {});
  EXPECT_EQ(report.story_id, "sx");
  EXPECT_TRUE(report.sources.empty());
  EXPECT_TRUE(report.summary.empty());
}

}  // namespace
}  // namespace newsfuse
