// Near-duplicates: wire copies and reprints join their original's story and
// are marked as copies; other reports of the same event are not copies.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "analyze/analyze.h"
#include "cluster/cluster.h"
#include "cluster/fingerprint.h"
#include "cluster/row_source.h"
#include "cluster/snapshot.h"
#include "text/seed_corpus.h"

namespace newsfuse {
namespace {

using testing::MakeArticle;

const std::vector<std::string> kWire = {
    "GENEVA (Reuters) - The World Health Organization said on Wednesday it had confirmed 42 "
    "cases of cholera in the northern district after heavy flooding contaminated wells, and "
    "that a vaccination campaign would begin within days.",
    "Health workers have set up three treatment centres near the river, where most of the "
    "cases were reported, the agency said in a statement. Local officials said clean water "
    "was being trucked into villages cut off by the floods.",
    "The outbreak is the first in the district since 2019, when more than 300 people fell ill. "
    "Aid groups warned that overcrowded shelters could spread the disease further unless "
    "sanitation improved quickly."};

Article Original() {
  return MakeArticle("e1000000000000000000000000000001", "Reuters",
                     "WHO confirms cholera outbreak after floods", kWire);
}

// A reprint: another outlet's headline, its own dateline form and a credit
// line, as regional papers print wire stories.
Article Reprint() {
  std::vector<std::string> paras = kWire;
  paras[0].replace(0, paras[0].find('-') + 2, "GENEVA, Nov 4 - ");
  paras.push_back("(Reporting by Emma Farge; editing by Alex Richardson)");
  return MakeArticle("e2000000000000000000000000000002", "Daily Courier",
                     "Cholera cases confirmed in flooded district", paras);
}

TEST(FingerprintTest, EditedCopyIsSimilarAndOtherTextIsNot) {
  std::vector<uint64_t> a, c;
  for (int i = 0; i < 200; ++i) a.push_back(0x9e3779b97f4a7c15ULL * (i + 1));
  std::vector<uint64_t> b = a;
  b[100] = 12345;  // one word changed: 3 of 198 shingles differ
  for (int i = 0; i < 200; ++i) c.push_back(0x2545f4914f6cdd1dULL * (i + 7));
  const auto fa = cluster::Fingerprint(a, 3, 20), fb = cluster::Fingerprint(b, 3, 20),
             fc = cluster::Fingerprint(c, 3, 20);
  EXPECT_GT(cluster::Similarity(fa, fb), 0.85);
  EXPECT_LT(cluster::Similarity(fa, fc), 0.1);
  // Too short to fingerprint: no fingerprint rather than a fragile one.
  EXPECT_TRUE(cluster::Fingerprint(std::vector<uint64_t>(a.begin(), a.begin() + 10), 3, 20).empty);
}

TEST(FingerprintTest, IndexFindsNearAndForgetsTheOldest) {
  std::vector<uint64_t> a, b, c;
  for (int i = 0; i < 100; ++i) {
    a.push_back(1000 + i);
    b.push_back(5000 + i);
    c.push_back(9000 + i);
  }
  cluster::FingerprintIndex index(2);
  index.Insert(cluster::Fingerprint(a, 3, 20), 0, "a");
  index.Insert(cluster::Fingerprint(b, 3, 20), 1, "b");
  std::vector<uint64_t> a2 = a;
  a2.push_back(77);  // a with a word appended
  const auto* hit = index.FindNear(cluster::Fingerprint(a2, 3, 20), 0.7);
  ASSERT_NE(hit, nullptr);
  EXPECT_EQ(hit->article_id, "a");
  EXPECT_EQ(index.FindNear(cluster::Fingerprint(c, 3, 20), 0.7), nullptr);
  index.Insert(cluster::Fingerprint(c, 3, 20), 2, "c");  // capacity 2: "a" goes
  EXPECT_EQ(index.size(), 2u);
  EXPECT_EQ(index.FindNear(cluster::Fingerprint(a, 3, 20), 0.7), nullptr);
  ASSERT_NE(index.FindNear(cluster::Fingerprint(b, 3, 20), 0.99), nullptr);
}

// The kept rows of an index (cluster/snapshot.h's "f/" and "b/" rows), as
// a store keeps them, for an index reset onto them to read.
struct KeptIndex {
  std::map<uint64_t, cluster::FingerprintIndex::Entry> entries;
  std::map<uint32_t, cluster::FingerprintIndex::Bucket> buckets;
  int reads = 0;

  // What a save of `index` after inserting entry `seq` writes.
  void Save(cluster::FingerprintIndex& index, uint64_t seq) {
    if (const auto* e = index.Inserted(seq)) entries[seq] = *e;
    for (auto& [id, bucket] : index.TakeChangedBuckets(false)) buckets[id] = bucket;
  }
};

class KeptRows : public cluster::FingerprintIndex::Rows {
 public:
  explicit KeptRows(KeptIndex& kept) : kept_(kept) {}
  bool Entries(const std::vector<uint64_t>& seqs,
               std::vector<cluster::FingerprintIndex::Entry>& out) override {
    ++kept_.reads;
    for (uint64_t seq : seqs) {
      auto it = kept_.entries.find(seq);
      if (it == kept_.entries.end()) return false;
      out.push_back(it->second);
    }
    return true;
  }
  bool Buckets(const std::vector<uint32_t>& ids,
               std::vector<cluster::FingerprintIndex::Bucket>& out) override {
    ++kept_.reads;
    for (uint32_t id : ids) {
      auto it = kept_.buckets.find(id);
      out.push_back(it == kept_.buckets.end() ? cluster::FingerprintIndex::Bucket{} : it->second);
    }
    return true;
  }

 private:
  KeptIndex& kept_;
};

// The index's band table against a scan of every kept entry: the same
// answer after every insert and eviction, also when many entries share band
// keys; whether the index holds everything, or is reset onto its kept rows
// (as a clusterer loaded from a store is) every few steps and reads them as
// it needs them. The parameter: steps between resets, 0 for never.
class FingerprintIndexTest : public ::testing::TestWithParam<int> {};

TEST_P(FingerprintIndexTest, AgreesWithAScanThroughInsertsAndEvictions) {
  constexpr size_t kCapacity = 7;
  const int reset_every = GetParam();
  cluster::FingerprintIndex index(kCapacity);
  KeptIndex store;
  struct Kept {
    cluster::MinHash f;
    std::string id;
  };
  std::vector<Kept> kept;  // what the index should hold, oldest first
  // Found by the index: shares all kRows minima of one band, and is similar.
  auto scan = [&](const cluster::MinHash& probe, double min_similarity) -> const Kept* {
    for (const Kept& k : kept) {
      bool band_shared = false;
      for (int b = 0; b < cluster::kBands && !band_shared; ++b) {
        band_shared = std::equal(k.f.mins.begin() + b * cluster::kRows,
                                 k.f.mins.begin() + (b + 1) * cluster::kRows,
                                 probe.mins.begin() + b * cluster::kRows);
      }
      if (band_shared && cluster::Similarity(k.f, probe) >= min_similarity) return &k;
    }
    return nullptr;
  };
  // Five texts and variants of each (a word or two changed): variants share
  // most bands, so a band key has more than one entry.
  auto text = [](int family, int variant) {
    std::vector<uint64_t> t;
    for (int i = 0; i < 80; ++i) t.push_back(static_cast<uint64_t>(family) * 1000 + i);
    for (int v = 0; v < variant % 4; ++v) t[static_cast<size_t>(7 + 19 * v)] = 999999 - v;
    return t;
  };
  int checked_hits = 0;
  for (int step = 0; step < 60; ++step) {
    if (reset_every > 0 && step % reset_every == 0) {
      index.Reset(index.first_seq(), index.end_seq(), std::make_unique<KeptRows>(store));
    }
    const int family = (step * 3) % 5, variant = step / 5;
    const cluster::MinHash f = cluster::Fingerprint(text(family, variant), 3, 20);
    ASSERT_FALSE(f.empty);
    for (int probe_family = 0; probe_family < 5; ++probe_family) {
      for (double min_similarity : {0.5, 0.7, 0.95}) {
        const cluster::MinHash probe = cluster::Fingerprint(text(probe_family, 1), 3, 20);
        const Kept* want = scan(probe, min_similarity);
        const auto* got = index.FindNear(probe, min_similarity);
        ASSERT_FALSE(index.read_failed()) << "step " << step;
        ASSERT_EQ(got == nullptr, want == nullptr) << "step " << step;
        if (want) {
          EXPECT_EQ(got->article_id, want->id) << "step " << step;
          ++checked_hits;
        }
      }
    }
    const std::string id = "a" + std::to_string(step);
    index.Insert(f, static_cast<uint32_t>(step), id);
    store.Save(index, static_cast<uint64_t>(step));
    kept.push_back({f, id});
    if (kept.size() > kCapacity) kept.erase(kept.begin());
    ASSERT_EQ(index.size(), kept.size());
    EXPECT_EQ(index.first_seq(), static_cast<uint64_t>(step + 1 - kept.size()));
  }
  EXPECT_GT(checked_hits, 100) << "the probes must find copies, or the test checks nothing";
  EXPECT_EQ(store.reads > 0, reset_every > 0) << "a reset index reads its kept rows";
}

INSTANTIATE_TEST_SUITE_P(ResetOntoKeptRows, FingerprintIndexTest, ::testing::Values(0, 1, 7));

TEST(CopiesTest, ReprintJoinsTheOriginalAndIsMarkedAsCopy) {
  StoryClusterer clusterer;
  const auto original = Analyze(Original());
  const std::string story = clusterer.Add(original);
  EXPECT_TRUE(clusterer.last_decision().copy_of.empty());
  EXPECT_EQ(clusterer.Add(Analyze(Reprint())), story);
  EXPECT_EQ(clusterer.last_decision().copy_of, original.article.id);
  EXPECT_TRUE(clusterer.last_decision().joined);
  EXPECT_EQ(clusterer.counts().copies, 1u);
  // The story says so too, so whoever lists stories from the clusterer alone
  // (without the store) sees the copy.
  const std::vector<Story> stories = clusterer.Stories();
  ASSERT_EQ(stories.size(), 1u);
  ASSERT_EQ(stories[0].copy_of.size(), 1u);
  EXPECT_EQ(stories[0].copy_of.at(Analyze(Reprint()).article.id), original.article.id);
}

// Replaying the store's decisions (a restart) finds the same copies, so the
// counts and the stories match those of the run that made them.
TEST(CopiesTest, RestoredCopiesAreCountedAndMarked) {
  const auto original = Analyze(Original());
  const auto reprint = Analyze(Reprint());
  StoryClusterer first;
  const std::string story = first.Add(original);
  ASSERT_EQ(first.Add(reprint), story);
  StoryClusterer restored;
  restored.Restore(story, original);
  restored.Restore(story, reprint);
  EXPECT_EQ(restored.last_decision().copy_of, original.article.id);
  EXPECT_EQ(restored.counts().copies, first.counts().copies);
  EXPECT_EQ(restored.Stories().at(0).copy_of, first.Stories().at(0).copy_of);
  // Put elsewhere by the store (say, by hand), it is not replayed as a copy.
  StoryClusterer moved;
  moved.Restore(story, original);
  moved.Restore("s-elsewhere", reprint);
  EXPECT_TRUE(moved.last_decision().copy_of.empty());
  EXPECT_EQ(moved.counts().copies, 0u);
}

TEST(CopiesTest, OtherReportsOfTheSameEventAreNotCopies) {
  StoryClusterer clusterer;
  for (const Article& a : testing::SeedArticles()) {
    clusterer.Add(Analyze(a));
    EXPECT_TRUE(clusterer.last_decision().copy_of.empty()) << a.outlet;
  }
  EXPECT_EQ(clusterer.counts().copies, 0u);
}

TEST(CopiesTest, ARecrawlOfTheSamePageIsACopy) {
  StoryClusterer clusterer;
  Article again = Original();
  again.id = "e3000000000000000000000000000003";  // another fetch, another id
  const std::string story = clusterer.Add(Analyze(Original()));
  EXPECT_EQ(clusterer.Add(Analyze(again)), story);
  EXPECT_EQ(clusterer.last_decision().copy_of, Original().id);
}

// The kept state through evictions from a small near-duplicate index: a run
// saved and loaded again after every article decides each article, copies
// included, as one long run does, and keeps no evicted fingerprint's row.
TEST(CopiesTest, StateLoadedAfterEveryArticleDecidesAsOneRun) {
  ClusterOptions options;
  options.max_fingerprints = 3;
  const auto seeds = testing::SeedArticles();
  ASSERT_GE(seeds.size(), 5u);
  Article again = Original();
  again.id = "e3000000000000000000000000000003";
  Article late = Original();
  late.id = "e4000000000000000000000000000004";
  // The reprint and the first re-crawl come while the original (or its
  // reprint) is kept; the late re-crawl after three other articles pushed
  // them out.
  const std::vector<AnnotatedArticle> stream = {
      Analyze(Original()), Analyze(Reprint()), Analyze(seeds[0]), Analyze(seeds[1]), Analyze(again),
      Analyze(seeds[2]),   Analyze(seeds[3]),  Analyze(seeds[4]), Analyze(late)};
  StoryClusterer one(options);
  std::vector<std::pair<std::string, std::string>> want;  // story, copy_of
  for (const auto& a : stream) want.emplace_back(one.Add(a), one.last_decision().copy_of);
  EXPECT_FALSE(want[1].second.empty());
  EXPECT_FALSE(want[4].second.empty());
  EXPECT_TRUE(want[8].second.empty()) << "evicted originals are not found";

  std::map<std::string, std::string> kept;  // the store's rows
  auto clusterer = std::make_unique<StoryClusterer>(options);
  for (size_t i = 0; i < stream.size(); ++i) {
    EXPECT_EQ(clusterer->Add(stream[i]), want[i].first) << i;
    EXPECT_EQ(clusterer->last_decision().copy_of, want[i].second) << i;
    const ClusterStateChanges changes = clusterer->TakeStateChanges("test-build");
    if (changes.full) kept.clear();
    for (const std::string& key : changes.erase) kept.erase(key);
    for (const auto& [key, value] : changes.put) kept[key] = value;
    const auto prints = std::count_if(kept.begin(), kept.end(),
                                      [](const auto& row) { return row.first[0] == 'f'; });
    EXPECT_LE(prints, 3) << i;
    clusterer = std::make_unique<StoryClusterer>(options);
    std::string why;
    ASSERT_TRUE(clusterer->LoadState({kept.begin(), kept.end()}, "test-build", &why)) << why;
  }
  EXPECT_EQ(clusterer->counts().copies, one.counts().copies);
}

// The kept rows a loaded clusterer reads on demand: a stored article's
// original is found through its few band rows, not a load of every
// fingerprint; a source that fails is said, not taken for "no original".
using testing::RowSource;

// The rows of `all` a load reads: all but those read on demand.
std::vector<std::pair<std::string, std::string>> RowsLoaded(const ClusterStateChanges& all) {
  std::vector<std::pair<std::string, std::string>> loaded;
  for (const auto& row : all.put) {
    const auto& lazy = StoryClusterer::OnDemandStatePrefixes();
    if (std::none_of(lazy.begin(), lazy.end(),
                     [&](const std::string& prefix) { return row.first.starts_with(prefix); })) {
      loaded.push_back(row);
    }
  }
  return loaded;
}

TEST(CopiesTest, ALoadedClustererReadsOnlyTheRowsOfItsLookups) {
  StoryClusterer first;
  const std::string story = first.Add(Analyze(Original()));
  for (const Article& a : testing::SeedArticles()) first.Add(Analyze(a));
  const ClusterStateChanges all = first.TakeStateChanges("test-build");
  std::map<std::string, std::string> kept(all.put.begin(), all.put.end());
  const auto loaded = RowsLoaded(all);
  ASSERT_GT(all.put.size() - loaded.size(), 2 * static_cast<size_t>(cluster::kBands))
      << "too few rows to tell";

  for (bool fail : {false, true}) {
    std::vector<std::string> asked;
    StoryClusterer again;
    std::string why;
    ASSERT_TRUE(
        again.LoadState(loaded, "test-build", &why, std::make_unique<RowSource>(kept, asked, fail)))
        << why;
    const std::string joined = again.Add(Analyze(Reprint()));
    if (fail) {
      EXPECT_EQ(again.state_read_error(), "the test's store is down");
      continue;
    }
    EXPECT_EQ(again.state_read_error(), "");
    EXPECT_EQ(joined, story);
    EXPECT_EQ(again.last_decision().copy_of, Original().id);
    // Its kBands band rows (fewer when two share a bucket) and the original,
    // besides the rows of its terms, posting lists and candidate stories.
    const auto near = std::count_if(asked.begin(), asked.end(), [](const std::string& key) {
      return key.starts_with("b/") || key.starts_with("f/");
    });
    EXPECT_LE(near, static_cast<long>(cluster::kBands) + 1);
    EXPECT_NE(std::find(asked.begin(), asked.end(), cluster::FingerprintKey(0)), asked.end());
  }
}

// The dictionary of a loaded clusterer: each term of an article is looked up
// once, in its own row (not the whole dictionary), and a term no row names
// is new. Decisions after a load are those of one long run
// (cluster_test's saved-and-loaded runs); here, what is read.
TEST(CopiesTest, ALoadedClustererReadsTheRowsOfItsArticlesTermsOnce) {
  StoryClusterer first;
  for (const Article& a : testing::SeedArticles()) first.Add(Analyze(a));
  const ClusterStateChanges all = first.TakeStateChanges("test-build");
  std::map<std::string, std::string> kept(all.put.begin(), all.put.end());
  const auto loaded = RowsLoaded(all);
  const auto words = static_cast<size_t>(std::count_if(
      all.put.begin(), all.put.end(), [](const auto& row) { return row.first.starts_with("w/"); }));
  std::vector<std::string> asked;
  StoryClusterer again;
  std::string why;
  ASSERT_TRUE(
      again.LoadState(loaded, "test-build", &why, std::make_unique<RowSource>(kept, asked, false)))
      << why;
  again.Add(Analyze(Original()));
  auto term_rows = [&] {
    return std::count_if(asked.begin(), asked.end(),
                         [](const std::string& key) { return key.starts_with("w/"); });
  };
  const auto first_article = term_rows();
  EXPECT_GT(first_article, 10);
  EXPECT_LT(static_cast<size_t>(first_article), words / 2) << "not the whole dictionary";
  again.Add(Analyze(Reprint()));  // mostly the same words: held since
  EXPECT_LT(term_rows(), 2 * first_article);
  std::vector<std::string> unique = asked;
  std::sort(unique.begin(), unique.end());
  EXPECT_EQ(std::unique(unique.begin(), unique.end()), unique.end()) << "a row read twice";
  EXPECT_EQ(again.state_read_error(), "");
  EXPECT_FALSE(again.kept_state_corrupt());

  // New terms were numbered after the kept ones, and only they are saved.
  const ClusterStateChanges changes = again.TakeStateChanges("test-build");
  size_t added = 0;
  for (const auto& [key, value] : changes.put) {
    if (!key.starts_with("w/")) continue;
    ++added;
    EXPECT_EQ(kept.count(key), 0u) << key;
    cluster::ByteReader r(value);
    const std::string term = r.Str();
    EXPECT_GE(r.U64(), words) << term;
  }
  EXPECT_GT(added, 0u) << "the reprint's article brings no new term";

  // A term's row that names another term is a corrupt state, not a new term:
  // two rows the first article read, swapped.
  std::vector<std::string> read;
  for (const std::string& key : asked) {
    if (key.starts_with("w/") && kept.count(key) && read.size() < 2) read.push_back(key);
  }
  ASSERT_EQ(read.size(), 2u);
  std::map<std::string, std::string> swapped = kept;
  std::swap(swapped[read[0]], swapped[read[1]]);
  std::vector<std::string> ignored;
  StoryClusterer broken;
  ASSERT_TRUE(broken.LoadState(loaded, "test-build", &why,
                               std::make_unique<RowSource>(swapped, ignored, false)));
  broken.Add(Analyze(Original()));
  EXPECT_TRUE(broken.kept_state_corrupt());
  EXPECT_NE(broken.state_read_error().find(read[0]), std::string::npos)
      << broken.state_read_error();
}

// A state of another build is refused as that, whatever rows it kept (an
// older build's term chunks); a row of no known kind in this build's is said.
TEST(CopiesTest, AStateOfAnotherBuildIsSaidToBeOneBeforeItsRowsAreRead) {
  StoryClusterer first;
  first.Add(Analyze(Original()));
  ClusterStateChanges all = first.TakeStateChanges("test-build");
  all.put.emplace_back("t/00000000", "an older build's terms");
  std::string why;
  StoryClusterer other;
  EXPECT_FALSE(other.LoadState(all.put, "other-build", &why));
  EXPECT_NE(why.find("another build"), std::string::npos) << why;
  StoryClusterer same;
  EXPECT_FALSE(same.LoadState(all.put, "test-build", &why));
  EXPECT_NE(why.find("'t/00000000'"), std::string::npos) << why;
}

}  // namespace
}  // namespace newsfuse
