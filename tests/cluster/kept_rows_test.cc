// The kept rows a loaded clusterer reads on demand beside the near-duplicate
// and term rows (copies_test.cc): a story's row ("s/") when a decision needs
// the story, and a term's live stories ("p/") when an article or a grown
// story looks the term up. Decisions after a load are those of one long run.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "cluster/cluster.h"
#include "cluster/live_postings.h"
#include "cluster/row_source.h"
#include "cluster/snapshot.h"
#include "text/seed_corpus.h"

namespace newsfuse {
namespace {

using Rows = std::map<std::string, std::string>;

using testing::RowSource;

void Keep(Rows& kept, const ClusterStateChanges& changes) {
  if (changes.full) kept.clear();
  for (const std::string& key : changes.erase) kept.erase(key);
  for (const auto& [key, value] : changes.put) kept[key] = value;
}

std::vector<std::pair<std::string, std::string>> Loaded(const Rows& kept) {
  std::vector<std::pair<std::string, std::string>> out;
  const auto& lazy = StoryClusterer::OnDemandStatePrefixes();
  for (const auto& row : kept) {
    if (std::none_of(lazy.begin(), lazy.end(),
                     [&](const std::string& prefix) { return row.first.starts_with(prefix); })) {
      out.push_back(row);
    }
  }
  return out;
}

// A made-up word per number (letters only, so no stemmer or number rule
// touches it differently from one run to the next).
std::string Word(int n) {
  std::string w = "zq";
  for (int i = 0; i < 4; ++i, n /= 26) w += static_cast<char>('a' + n % 26);
  return w;
}

// Topic `topic`'s article `i`: a few words of its own, and "blorvex", a word
// every article has, so its posting list holds every live story.
AnnotatedArticle Topical(int i, int topic) {
  std::string title = "Blorvex";
  std::string body = "Blorvex";
  for (int k = 0; k < 6; ++k) {
    title += " " + Word(topic * 8 + k);
    body += " " + Word(topic * 8 + k) + " " + Word(topic * 8 + (k + 1) % 8);
  }
  body += ".";
  char id[33];
  std::snprintf(id, sizeof id, "%032x", i + 1);
  AnnotatedArticle a;
  a.article = testing::MakeArticle(id, "Test Wire", title, {body});
  return a;
}

// A load reads the header rows of every story, not their rows: an article
// decodes the stories it is compared with, and reads the posting rows of its
// own terms; the whole list of stories decodes them all.
TEST(KeptRowsTest, ALoadedClustererReadsTheStoriesItComparesAndTheTermsItUses) {
  StoryClusterer first;
  for (const Article& a : testing::SeedArticles()) {
    AnnotatedArticle annotated;
    annotated.article = a;
    first.Add(annotated);
  }
  for (int i = 0; i < 200; ++i) first.Add(Topical(1000 + i, i));
  Rows kept;
  Keep(kept, first.TakeStateChanges("test-build"));
  const auto stories = std::count_if(kept.begin(), kept.end(),
                                     [](const auto& row) { return row.first.starts_with("s/"); });
  ASSERT_GT(stories, 200);
  EXPECT_GT(std::count_if(kept.begin(), kept.end(),
                          [](const auto& row) { return row.first.starts_with("i/"); }),
            0);

  std::vector<std::string> asked;
  StoryClusterer again;
  std::string why;
  ASSERT_TRUE(again.LoadState(Loaded(kept), "test-build", &why,
                              std::make_unique<RowSource>(kept, asked, false)))
      << why;
  EXPECT_TRUE(asked.empty()) << "a load reads no row on demand";
  StoryClusterer one;  // the long run, for the decision
  {
    std::vector<std::string> ignored;
    ASSERT_TRUE(one.LoadState({kept.begin(), kept.end()}, "test-build", &why)) << why;
  }
  const AnnotatedArticle next = Topical(5000, 7);  // another report of topic 7
  const std::string story = again.Add(next);
  EXPECT_EQ(story, first.Add(next));
  EXPECT_TRUE(again.last_decision().joined);
  EXPECT_EQ(again.state_read_error(), "");
  auto count = [&](std::string_view prefix) {
    return std::count_if(asked.begin(), asked.end(),
                         [&](const std::string& key) { return key.starts_with(prefix); });
  };
  EXPECT_GE(count("s/"), 1);
  EXPECT_LT(count("s/"), stories / 2) << "the stories compared, not all";
  EXPECT_GE(count("p/"), 1);
  EXPECT_LE(count("p/"), 40) << "the article's terms, not every term";

  // The story list is every story's: all decoded, as the long run holds them.
  const auto listed = again.Stories();
  const auto want = first.Stories();
  ASSERT_EQ(listed.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(listed[i].id, want[i].id);
    EXPECT_EQ(listed[i].article_ids, want[i].article_ids);
  }
}

// A term in more live stories than kMaxPostingScan is kept as a count, not a
// list; when the live stories fall back under the cap (the live cap puts the
// least recent to sleep), a loaded clusterer rebuilds the list from the
// stories, so a run loaded again and again decides every article as one run.
TEST(KeptRowsTest, APostingListCrossingTheCapBothWaysDecidesAsOneRun) {
  ClusterOptions options;
  options.max_live_stories = cluster::kMaxPostingScan + 10;  // swept down to 9/10 of it
  std::vector<AnnotatedArticle> stream;
  for (int i = 0; i < 620; ++i) {
    // Mostly new topics; now and then another report of a recent one.
    stream.push_back(Topical(i, i % 9 == 8 ? i - 5 : i));
  }
  StoryClusterer one(options);
  std::vector<std::string> want;
  std::vector<double> best;  // the best candidate's score: the lists' slots feed it
  for (const auto& a : stream) {
    want.push_back(one.Add(a));
    best.push_back(one.last_decision().best_score);
  }

  Rows kept;
  bool counted = false, listed_again = false;  // the shared term's row as a count, then a list
  std::vector<std::string> asked;
  auto clusterer = std::make_unique<StoryClusterer>(options);
  for (size_t i = 0; i < stream.size(); ++i) {
    ASSERT_EQ(clusterer->Add(stream[i]), want[i]) << i;
    ASSERT_EQ(clusterer->last_decision().best_score, best[i]) << i;
    ASSERT_EQ(clusterer->state_read_error(), "") << i;
    Keep(kept, clusterer->TakeStateChanges("test-build"));
    bool any_count_only = false, any_long_list = false;
    for (const auto& [key, value] : kept) {
      if (!key.starts_with("p/")) continue;
      uint32_t n = 0;
      cluster::Slots slots;
      bool count_only = false;
      ASSERT_TRUE(cluster::DecodePosting(value, n, slots, count_only)) << key;
      any_count_only |= count_only;
      any_long_list |= !count_only && n > cluster::kMaxPostingScan / 2;
    }
    counted |= any_count_only;
    listed_again |= counted && !any_count_only && any_long_list;
    if (i % 3 == 2) {
      clusterer = std::make_unique<StoryClusterer>(options);
      std::string why;
      ASSERT_TRUE(clusterer->LoadState(Loaded(kept), "test-build", &why,
                                       std::make_unique<RowSource>(kept, asked, false)))
          << why;
    }
  }
  EXPECT_TRUE(counted) << "no list passed the cap";
  EXPECT_TRUE(listed_again) << "no list fell back under the cap";
  EXPECT_EQ(clusterer->counts().live, one.counts().live);
  EXPECT_EQ(clusterer->counts().dormant, one.counts().dormant);
}

// Across a network (PostgreSQL) a loaded clusterer asks for an article's
// kept terms in one read, not one read per term, and gives them the ids a
// term-by-term lookup gives: the same decision and the same rows to keep.
TEST(KeptRowsTest, ARemoteSourceIsAskedForAnArticlesTermsInOneRead) {
  StoryClusterer first;
  for (int i = 0; i < 30; ++i) first.Add(Topical(i, i));
  Rows kept;
  Keep(kept, first.TakeStateChanges("test-build"));
  // Topic 4's words and new ones: kept terms and terms never seen.
  AnnotatedArticle next = Topical(900, 4);
  next.article.paragraphs.push_back("Quendril vasterpolm and the blorvex zqbaaa.");
  std::vector<ClusterStateChanges> saved;
  std::vector<std::string> decided;
  for (bool remote : {false, true}) {
    std::vector<std::string> asked;
    int term_reads = 0;
    StoryClusterer loaded;
    std::string why;
    ASSERT_TRUE(loaded.LoadState(
        Loaded(kept), "test-build", &why,
        std::make_unique<RowSource>(
            kept, asked, RowSource::Options{.remote = remote, .term_reads = &term_reads})))
        << why;
    decided.push_back(loaded.Add(next));
    EXPECT_EQ(loaded.state_read_error(), "");
    if (remote) {
      EXPECT_EQ(term_reads, 1);
    } else {
      EXPECT_GT(term_reads, 5) << "a read per term not held";
    }
    saved.push_back(loaded.TakeStateChanges("test-build"));
  }
  EXPECT_EQ(decided[0], decided[1]);
  EXPECT_EQ(saved[0].put, saved[1].put);
  EXPECT_EQ(saved[0].erase, saved[1].erase);
}

// A story row that disagrees with its header (another story's row in its
// place) is a corrupt state, said as such, not a story.
TEST(KeptRowsTest, AStoryRowThatIsNotItsHeadersStoryIsCorrupt) {
  StoryClusterer first;
  for (int i = 0; i < 6; ++i) first.Add(Topical(i, i));
  Rows kept;
  Keep(kept, first.TakeStateChanges("test-build"));
  ASSERT_TRUE(kept.count(cluster::StoryKey(0)) && kept.count(cluster::StoryKey(1)));
  std::swap(kept[cluster::StoryKey(0)], kept[cluster::StoryKey(1)]);
  std::vector<std::string> asked;
  StoryClusterer broken;
  std::string why;
  ASSERT_TRUE(broken.LoadState(Loaded(kept), "test-build", &why,
                               std::make_unique<RowSource>(kept, asked, false)))
      << why;
  broken.Stories();
  EXPECT_TRUE(broken.kept_state_corrupt());
  EXPECT_NE(broken.state_read_error().find(cluster::StoryKey(0)), std::string::npos)
      << broken.state_read_error();
}

}  // namespace
}  // namespace newsfuse
