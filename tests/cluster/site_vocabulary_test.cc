// Site vocabulary (cluster/site_vocabulary.h): words that only one site has
// used (its boilerplate: newsletter box, editor's bio, the site's name) are no
// evidence that two of its pages report one event.
#include "cluster/site_vocabulary.h"

#include <gtest/gtest.h>

#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "analyze/analyze.h"
#include "cluster/cluster.h"
#include "text/seed_corpus.h"

namespace newsfuse {
namespace {

TEST(SiteVocabularyTest, SiteIsTheUrlHost) {
  EXPECT_EQ(cluster::SiteOf("https://www.Quillmark-Gazette.com:8443/news/a?id=1"),
            "quillmark-gazette.com");
  EXPECT_EQ(cluster::SiteOf("http://user@news.example.org/x"), "news.example.org");
  EXPECT_EQ(cluster::SiteOf(""), "");
}

constexpr double kDay = 20000;  // any day; the tests count from it
constexpr double kUndated = std::numeric_limits<double>::quiet_NaN();

TEST(SiteVocabularyTest, OnlyTermsNoOtherSiteUsed) {
  cluster::SiteVocabulary v;
  v.Record("a.com", {1, 2, 3}, kDay, 1);
  // Term 1: one page, a.com's. Term 2: a.com's page and another site's.
  // Term 5: never a.com's.
  const std::vector<uint32_t> df = {0, 1, 2, 1, 0, 3};
  const double later = kDay + cluster::kSiteApartDays;
  std::vector<uint32_t> out;
  v.SiteOnly("a.com", {1, 2, 5}, later, df, 4, out);
  EXPECT_EQ(out, (std::vector<uint32_t>{1}));
  v.SiteOnly("b.com", {1, 2, 5}, later, df, 4, out);
  EXPECT_TRUE(out.empty());  // a site not seen has no vocabulary yet
  v.SiteOnly("", {1}, later, df, 4, out);
  EXPECT_TRUE(out.empty());
  // A feed of (mostly) one site: every word would be the site's, so none is.
  v.SiteOnly("a.com", {1, 2, 5}, later, df, 1, out);
  EXPECT_TRUE(out.empty());
}

// What a site's pages of the same week share may be the event both report
// before any other outlet does; only what recurs a week or more apart is the
// site's own. Undated pages say nothing either way.
TEST(SiteVocabularyTest, OnlyWordsTheSiteUsedAWeekApart) {
  cluster::SiteVocabulary v;
  v.Record("a.com", {1}, kDay, 1);
  v.Record("a.com", {2}, kDay + 5, 2);
  v.Record("a.com", {3}, kUndated, 3);
  const std::vector<uint32_t> df = {0, 1, 1, 1};
  std::vector<uint32_t> out;
  v.SiteOnly("a.com", {1, 2, 3}, kDay + 6, df, 100, out);
  EXPECT_TRUE(out.empty());
  v.SiteOnly("a.com", {1, 2, 3}, kDay + 7, df, 100, out);
  EXPECT_EQ(out, (std::vector<uint32_t>{1}));
  v.SiteOnly("a.com", {1, 2, 3}, kDay - 2, df, 100, out);
  EXPECT_EQ(out, (std::vector<uint32_t>{2}));  // earlier pages count too
  v.SiteOnly("a.com", {1, 2, 3}, kUndated, df, 100, out);
  EXPECT_TRUE(out.empty());
}

TEST(SiteVocabularyTest, ForgetsOldPagesAndSites) {
  cluster::SiteVocabulary v;
  v.Record("a.com", {7}, kDay, 1);
  for (uint64_t i = 0; i < cluster::kSitePages; ++i) v.Record("a.com", {8}, kDay, 2 + i);
  std::vector<uint32_t> df(9, 1), out;
  const double later = kDay + cluster::kSiteApartDays;
  v.SiteOnly("a.com", {7, 8}, later, df, 1000, out);
  EXPECT_EQ(out, (std::vector<uint32_t>{8}));  // term 7's page has left the window
  for (uint32_t i = 0; i < cluster::kMaxSites; ++i) {
    v.Record("s" + std::to_string(i) + ".com", {7}, kDay, 100 + i);
  }
  v.SiteOnly("a.com", {8}, later, df, 1000, out);
  EXPECT_TRUE(out.empty());  // the least recently seen site was forgotten
  EXPECT_EQ(v.sites().size(), cluster::kMaxSites);
}

// Written for this test: the Quillmark Gazette prints the same newsletter box
// and editor's note under every report.
const char* kBoilerplate =
    "Sign up for the Quillmark Gazette morning digest and get Ambrose Pellwick's picks "
    "in your inbox. Quillmark readers' comments are moderated by the Quillmark desk; "
    "Ambrose Pellwick answers letters every Friday in Pellwick's Post.";

AnnotatedArticle Page(std::string id, std::string url, std::string title,
                      std::vector<std::string> paragraphs, bool boilerplate, int day_of_march) {
  if (boilerplate) paragraphs.emplace_back(kBoilerplate);
  Article a = testing::MakeArticle(std::move(id), "", std::move(title), std::move(paragraphs),
                                   DateTime::Day(2026, 3, day_of_march));
  a.url = std::move(url);
  return Analyze(a);
}

AnnotatedArticle OtherSiteFire() {
  return Page("c1000000000000000000000000000001", "https://harbourtimes.example/fire",
              "Fire destroys Dunmore bakery on Mill Street",
              {"A fire destroyed the Dunmore bakery on Mill Street before dawn, and firefighters "
               "kept the flames from the bakery's neighbours, the fire brigade said.",
               "The baker, Ilse Varga, said her ovens had been serviced last month."},
              false, 2);
}

AnnotatedArticle GazetteFire() {
  return Page("a1000000000000000000000000000001", "https://www.quillmark.example/fire",
              "Dunmore bakery fire: ovens blamed",
              {"Investigators said the fire that destroyed the Dunmore bakery on Mill Street "
               "started in its ovens, and the baker Ilse Varga said she would rebuild."},
              true, 3);
}

AnnotatedArticle GazetteChess() {
  return Page("a2000000000000000000000000000002", "https://www.quillmark.example/chess",
              "Teenager wins the county chess open",
              {"A sixteen-year-old won the county chess open at the town hall on Sunday, "
               "beating the holder in a rook endgame after five hours."},
              true, 17);
}

AnnotatedArticle GazetteFireFollowUp() {
  return Page("a3000000000000000000000000000003", "https://www.quillmark.example/fire-2",
              "Dunmore bakery to rebuild after fire",
              {"Ilse Varga, whose Dunmore bakery on Mill Street was destroyed by fire, said "
               "the bakery would reopen once its ovens were replaced; the fire brigade said "
               "the ovens caused the fire."},
              true, 19);
}

TEST(SiteVocabularyTest, PagesOfOneSiteDoNotJoinOnItsBoilerplate) {
  StoryClusterer c;
  const std::string fire = c.Add(OtherSiteFire());
  EXPECT_EQ(c.Add(GazetteFire()), fire);
  // The chess page shares only the Gazette's box with the fire story; before
  // the site's own words were discounted it joined on them.
  EXPECT_NE(c.Add(GazetteChess()), fire);
  EXPECT_FALSE(c.last_decision().joined);
  // The site's next report on the fire still joins: its event words are also
  // another site's.
  EXPECT_EQ(c.Add(GazetteFireFollowUp()), fire);
}

// Written for this test: the Gazette breaks a story and follows it up the next
// day before any other outlet reports it; the stream's other pages are
// another site's, on other events. The follow-up shares with the first report
// only words no other site has used yet, which are the event's, not the
// Gazette's: it joins. (Was: it started a story of its own, and whether it did
// depended on whether another outlet's report arrived in between.)
TEST(SiteVocabularyTest, ASitesFollowUpOfItsOwnScoopJoinsIt) {
  StoryClusterer c;
  c.Add(OtherSiteFire());
  c.Add(Page("c2000000000000000000000000000002", "https://harbourtimes.example/ferry",
             "Ferry timetable changes from Monday",
             {"The harbour ferry will run every forty minutes from Monday, the operator said, "
              "and the last crossing leaves at eleven."},
             false, 3));
  const std::string scoop =
      c.Add(Page("a4000000000000000000000000000004", "https://www.quillmark.example/quarry",
                 "Brackwater quarry sold to Osterfeld Minerals",
                 {"The Brackwater quarry has been sold to Osterfeld Minerals, whose chief "
                  "executive Teodor Halme said blasting would resume in the spring."},
                 true, 4));
  EXPECT_EQ(c.Add(Page("a5000000000000000000000000000005", "https://www.quillmark.example/quarry-2",
                       "Osterfeld Minerals plans Brackwater quarry blasting",
                       {"Teodor Halme of Osterfeld Minerals said the Brackwater quarry would "
                        "resume blasting in the spring, a day after the sale was announced."},
                       true, 5)),
            scoop);
  EXPECT_TRUE(c.last_decision().joined);
}

TEST(SiteVocabularyTest, WithoutUrlsNothingChanges) {
  StoryClusterer with_urls, without;
  for (AnnotatedArticle a : {OtherSiteFire(), GazetteFire(), GazetteChess()}) {
    with_urls.Add(a);
    a.article.url.clear();
    without.Add(a);
  }
  // Without a site the box is shared words like any other.
  EXPECT_TRUE(without.last_decision().joined);
  EXPECT_FALSE(with_urls.last_decision().joined);
}

// The site vocabulary is state: a clusterer loaded from the rows of another
// decides the next page as the one long run does.
TEST(SiteVocabularyTest, LoadedStateKeepsTheSites) {
  StoryClusterer run;
  run.Add(OtherSiteFire());
  run.Add(GazetteFire());
  const ClusterStateChanges rows = run.TakeStateChanges("test-build");
  StoryClusterer loaded;
  std::string why;
  ASSERT_TRUE(loaded.LoadState(rows.put, "test-build", &why)) << why;
  const std::string in_run = run.Add(GazetteChess());
  EXPECT_EQ(loaded.Add(GazetteChess()), in_run);
  EXPECT_EQ(loaded.last_decision().best_score, run.last_decision().best_score);
  EXPECT_FALSE(loaded.last_decision().joined);
  // Only what changed after the load: the Gazette's row again.
  const ClusterStateChanges next = loaded.TakeStateChanges("test-build");
  EXPECT_FALSE(next.full);
  size_t site_rows = 0;
  for (const auto& [key, value] : next.put) site_rows += key[0] == 'h';
  EXPECT_EQ(site_rows, 1U);
}

}  // namespace
}  // namespace newsfuse
