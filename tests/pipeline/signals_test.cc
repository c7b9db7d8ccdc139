// The clusterer is restored from the analysis kept with each article
// (pipeline/cluster_signals.h), not by re-analysing the store, and gives the
// stories one long run gives; signals of another build are recomputed once,
// and the ingest says so.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "analyze/analyze.h"
#include "cluster/cluster.h"
#include "core/date.h"
#include "pipeline/cluster_signals.h"
#include "pipeline/pipeline.h"
#include "synthetic_news.h"

namespace newsfuse {
namespace {

namespace fs = std::filesystem;

std::set<std::set<std::string>> Partition(Store& store) {
  std::set<std::set<std::string>> out;
  auto rows = store.ListStories();
  EXPECT_TRUE(rows.ok()) << rows.status().ToString();
  if (!rows.ok()) return out;
  for (const auto& row : *rows) {
    out.insert(std::set<std::string>(row.story.article_ids.begin(), row.story.article_ids.end()));
  }
  return out;
}

TEST(ClusterSignalsTest, KeepWhatTheClustererReadsOfTheAnalysis) {
  Article article;
  article.id = "a1";
  article.title = "Harbour talks resume";
  article.language = "en";
  article.paragraphs = {
      "Marta Oliveira, the port authority's director, met union leaders in Lisbon on "
      "March 3, 2025. The talks with Teodor Brandt of the Dockers' Federation resume "
      "on Friday, she said, after a strike that lasted two weeks."};
  const AnnotatedArticle analysed = Analyze(article);
  ASSERT_FALSE(analysed.entities.empty());

  Article copy = article;
  auto decoded = DecodeClusterSignals(copy, EncodeClusterSignals(analysed));
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  EXPECT_EQ(decoded->article.id, "a1");
  EXPECT_EQ(decoded->body, article.Body());

  std::vector<std::pair<EntityType, std::string>> want_entities, got_entities;
  for (const Entity& e : analysed.entities) {
    if (!e.key.empty()) want_entities.emplace_back(e.type, e.key);
  }
  for (const Entity& e : decoded->entities) got_entities.emplace_back(e.type, e.key);
  EXPECT_EQ(got_entities, want_entities);

  std::vector<std::string> want_dates, got_dates;
  for (const Timex& t : analysed.timexes) {
    if (t.type == Timex::Type::kDate || t.type == Timex::Type::kTime) want_dates.push_back(t.value);
  }
  for (const Timex& t : decoded->timexes) got_dates.push_back(t.value);
  EXPECT_EQ(got_dates, want_dates);
  EXPECT_NE(std::find(got_dates.begin(), got_dates.end(), "2025-03-03"), got_dates.end());
}

// What makes it safe to keep the clusterer's code out of the signals' build
// id (build_ids.h): the clusterer decides from decoded signals exactly as
// from the full analysis. A clusterer that reads more of the analysis than
// the codec keeps fails here, and must change the codec (and so the id).
TEST(ClusterSignalsTest, TheClustererDecidesAlikeFromSignalsAndFromTheAnalysis) {
  StoryClusterer from_analysis, from_signals;
  int joined = 0;
  for (const auto& made : testing::SyntheticNews(5, 8, 91)) {
    Article article;
    article.id = made.url;
    article.url = made.url;
    article.outlet = made.outlet;
    article.title = made.title;
    article.language = "en";
    article.published = DateTime::ParseIso(made.published);
    for (size_t at = 0; at <= made.text.size();) {
      const size_t end = std::min(made.text.find("\n\n", at), made.text.size());
      article.paragraphs.push_back(made.text.substr(at, end - at));
      at = end + 2;
    }
    const AnnotatedArticle analysed = Analyze(article);
    Article copy = article;
    auto decoded = DecodeClusterSignals(copy, EncodeClusterSignals(analysed));
    ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();

    const std::string want = from_analysis.Add(analysed);
    const std::string got = from_signals.Add(*decoded);
    const ClusterDecision& a = from_analysis.last_decision();
    const ClusterDecision& b = from_signals.last_decision();
    EXPECT_EQ(got, want) << article.id;
    EXPECT_EQ(b.best_story, a.best_story) << article.id;
    EXPECT_EQ(b.best_cosine, a.best_cosine) << article.id;
    EXPECT_EQ(b.best_score, a.best_score) << article.id;
    EXPECT_EQ(b.copy_of, a.copy_of) << article.id;
    EXPECT_EQ(b.merged, a.merged) << article.id;
    joined += a.joined ? 1 : 0;
  }
  EXPECT_GT(joined, 20) << "the stream should exercise joins, not only new stories";
}

TEST(ClusterSignalsTest, UnreadableSignalsAreAnErrorAndLeaveTheArticle) {
  Article article;
  article.id = "a2";
  article.paragraphs = {"Some text."};
  for (const char* bad : {"", "{", R"({"e":[[9,"x"]],"t":[]})", R"({"e":[]})"}) {
    auto decoded = DecodeClusterSignals(article, bad);
    EXPECT_FALSE(decoded.ok()) << bad;
    EXPECT_EQ(article.id, "a2");
  }
}

class SignalsRestoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "newsfuse_signals_XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    const auto news = testing::SyntheticNews(6, 12, 47);
    const size_t third = news.size() / 3;
    for (int part = 0; part < 3; ++part) {
      const auto begin = news.begin() + static_cast<long>(part * third);
      const auto end = part == 2 ? news.end() : begin + static_cast<long>(third);
      parts_.push_back((dir_ / ("part" + std::to_string(part) + ".jsonl")).string());
      std::ofstream(parts_.back()) << testing::ToJsonl(std::vector(begin, end));
    }
  }
  void TearDown() override {
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }
  std::unique_ptr<Store> Open(const std::string& name) {
    auto store = OpenSqliteStore((dir_ / name).string());
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return store.ok() ? std::move(store).value() : nullptr;
  }
  // Ingests in one run per source list, a fresh Pipeline (a new process) each.
  std::vector<IngestSummary> Runs(Store& store, const std::vector<std::vector<std::string>>& runs) {
    std::vector<IngestSummary> out;
    for (const auto& sources : runs) {
      Pipeline pipeline(store);
      auto sum = pipeline.Ingest(sources);
      EXPECT_TRUE(sum.ok()) << sum.status().ToString();
      out.push_back(sum.ok() ? *sum : IngestSummary{});
    }
    return out;
  }
  // `whole` given every part in one run, `split` the first part only.
  void WholeAndFirstPart(std::unique_ptr<Store>& whole, std::unique_ptr<Store>& split) {
    whole = Open("whole.db");
    split = Open("split.db");
    ASSERT_TRUE(whole && split);
    Runs(*whole, {parts_});
    Runs(*split, {{parts_[0]}});
  }
  // Every stored article and the analyser of its kept signals.
  std::vector<StoredArticle> Stored(Store& store) {
    std::vector<StoredArticle> out;
    EXPECT_TRUE(store.ForEachStoredArticle([&](StoredArticle&& a) { out.push_back(a); }).ok());
    return out;
  }
  fs::path dir_;
  std::vector<std::string> parts_;
};

TEST_F(SignalsRestoreTest, RunsRestoredFromSignalsGiveTheStoriesOfOneRun) {
  auto whole = Open("whole.db");
  auto split = Open("split.db");
  ASSERT_TRUE(whole && split);
  Runs(*whole, {parts_});
  const auto sums = Runs(*split, {{parts_[0]}, {parts_[1]}, {parts_[2]}});
  for (const auto& sum : sums) EXPECT_EQ(sum.reanalysed, 0);
  EXPECT_GT(sums[1].ingested, 0);
  EXPECT_EQ(Partition(*split), Partition(*whole));
  EXPECT_GE(Partition(*whole).size(), 2u);

  // Every article was committed with its story and this build's signals.
  for (const StoredArticle& a : Stored(*split)) {
    EXPECT_FALSE(a.story_id.empty()) << a.article.id;
    EXPECT_EQ(a.signals_by, ClusterSignalsAnalyser()) << a.article.id;
  }
}

TEST_F(SignalsRestoreTest, SignalsOfAnotherBuildAreRecomputedOnceAndCounted) {
  auto whole = Open("whole.db");
  auto split = Open("split.db");
  ASSERT_TRUE(whole && split);
  Runs(*whole, {parts_});
  Runs(*split, {{parts_[0]}});
  // As an older build would have left them: no clusterer state it can load
  // (so the store is replayed), signals of another name, and one row that
  // no longer parses.
  ASSERT_TRUE(split->PutClusterState({}, {}, true).ok());
  const auto first = Stored(*split);
  ASSERT_FALSE(first.empty());
  for (const StoredArticle& a : first) {
    ASSERT_TRUE(split->PutArticleSignals(a.article.id, "cluster-signals/older", a.signals).ok());
  }
  ASSERT_TRUE(
      split->PutArticleSignals(first[0].article.id, ClusterSignalsAnalyser(), "{not json").ok());

  const auto sums = Runs(*split, {{parts_[1]}, {parts_[2]}});
  EXPECT_EQ(sums[0].reanalysed, static_cast<int64_t>(first.size()));
  EXPECT_EQ(sums[1].reanalysed, 0) << "recomputed signals are kept";
  EXPECT_EQ(Partition(*split), Partition(*whole));
  for (const StoredArticle& a : Stored(*split)) {
    EXPECT_EQ(a.signals_by, ClusterSignalsAnalyser()) << a.article.id;
  }
}

TEST_F(SignalsRestoreTest, RunsLoadTheKeptClustererStateInsteadOfReplaying) {
  std::unique_ptr<Store> whole, split;
  ASSERT_NO_FATAL_FAILURE(WholeAndFirstPart(whole, split));
  auto rows = split->GetClusterState();
  ASSERT_TRUE(rows.ok() && !rows->empty());
  // Unreadable signals would force a re-analysis if the store were replayed.
  for (const StoredArticle& a : Stored(*split)) {
    ASSERT_TRUE(split->PutArticleSignals(a.article.id, ClusterSignalsAnalyser(), "{x").ok());
  }
  const auto sums = Runs(*split, {{parts_[1]}, {parts_[2]}});
  for (const auto& sum : sums) {
    EXPECT_EQ(sum.reanalysed, 0);
    EXPECT_EQ(sum.state_rebuilt, "");
  }
  EXPECT_EQ(Partition(*split), Partition(*whole));
}

TEST_F(SignalsRestoreTest, AClustererStateItCannotReadIsRebuiltOnceAndSaid) {
  std::unique_ptr<Store> whole, split;
  ASSERT_NO_FATAL_FAILURE(WholeAndFirstPart(whole, split));
  ASSERT_TRUE(split->PutClusterState({{"m", "written by someone else"}}, {}, false).ok());
  const auto sums = Runs(*split, {{parts_[1]}, {parts_[2]}});
  EXPECT_NE(sums[0].state_rebuilt, "");
  EXPECT_EQ(sums[1].state_rebuilt, "") << "the rebuilt state is kept";
  EXPECT_EQ(Partition(*split), Partition(*whole));
}

TEST_F(SignalsRestoreTest, AKeptRowReadOnDemandThatDoesNotDecodeIsReplayedOnceAndSaid) {
  std::unique_ptr<Store> whole, split;
  ASSERT_NO_FATAL_FAILURE(WholeAndFirstPart(whole, split));
  // The near-duplicate rows are not read at load but by the first decision
  // that looks an article up: every one of them made unreadable.
  auto rows = split->GetClusterState();
  ASSERT_TRUE(rows.ok());
  std::vector<std::pair<std::string, std::string>> broken;
  for (const auto& [key, value] : *rows) {
    if (key.starts_with("b/") || key.starts_with("f/")) broken.emplace_back(key, "\xff");
  }
  ASSERT_FALSE(broken.empty());
  ASSERT_TRUE(split->PutClusterState(broken, {}, false).ok());

  const auto sums = Runs(*split, {{parts_[1]}, {parts_[2]}});
  EXPECT_NE(sums[0].state_rebuilt.find("corrupt"), std::string::npos) << sums[0].state_rebuilt;
  EXPECT_GT(sums[0].ingested, 0);
  EXPECT_EQ(sums[1].state_rebuilt, "") << "the replayed state is kept, the bad rows with it";
  EXPECT_EQ(Partition(*split), Partition(*whole));
  auto after = split->GetClusterState();
  ASSERT_TRUE(after.ok());
  for (const auto& [key, value] : *after) EXPECT_NE(value, "\xff") << key;
}

TEST_F(SignalsRestoreTest, AStoreWithoutSignalsIsRestoredByAnalysis) {
  // What a store written before signals were kept looks like to the
  // restore: the Store interface's defaults keep none and report none.
  class NoSignals : public Store {
   public:
    explicit NoSignals(Store& inner) : inner_(inner) {}
    Result<std::vector<PutOutcome>> PutArticles(const std::vector<Article>& a) override {
      return inner_.PutArticles(a);
    }
    Result<Article> GetArticle(const std::string& id) override { return inner_.GetArticle(id); }
    Result<bool> HasArticle(const std::string& id) override { return inner_.HasArticle(id); }
    Result<int64_t> CountArticles() override { return inner_.CountArticles(); }
    Result<int64_t> CountUnassigned() override { return inner_.CountUnassigned(); }
    Status ForEachArticle(const std::function<void(Article&&)>& fn) override {
      return inner_.ForEachArticle(fn);
    }
    using Store::AssignToStory;
    Status AssignToStory(const std::string& s, const std::string& a,
                         const std::string& c) override {
      return inner_.AssignToStory(s, a, c);
    }
    Result<std::string> StoryOf(const std::string& id) override { return inner_.StoryOf(id); }
    Result<std::vector<StoryRow>> ListStories() override { return inner_.ListStories(); }
    Result<Story> GetStory(const std::string& id) override { return inner_.GetStory(id); }
    Result<int64_t> StoryVersion(const std::string& id) override { return inner_.StoryVersion(id); }
    Result<std::optional<std::string>> GetCachedReport(const std::string& s,
                                                       const std::string& b) override {
      return inner_.GetCachedReport(s, b);
    }
    Result<bool> PutCachedReport(const std::string& s, int64_t v, const std::string& b,
                                 const std::string& h, const std::string& j) override {
      return inner_.PutCachedReport(s, v, b, h, j);
    }
    Result<std::unique_ptr<StoreWrite>> BeginWrite() override { return inner_.BeginWrite(); }
    Result<int64_t> DataVersion() override { return inner_.DataVersion(); }
    Result<std::vector<SearchHit>> Search(const std::string& q, int limit) override {
      return inner_.Search(q, limit);
    }

   private:
    Store& inner_;
  };
  auto whole = Open("whole.db");
  auto inner = Open("split.db");
  ASSERT_TRUE(whole && inner);
  NoSignals split(*inner);
  Runs(*whole, {parts_});
  const auto sums = Runs(split, {{parts_[0]}, {parts_[1]}, {parts_[2]}});
  EXPECT_EQ(sums[0].reanalysed, 0);
  EXPECT_EQ(sums[1].reanalysed, sums[0].ingested);
  EXPECT_EQ(sums[2].reanalysed, sums[0].ingested + sums[1].ingested);
  EXPECT_EQ(Partition(split), Partition(*whole));
}

}  // namespace
}  // namespace newsfuse
