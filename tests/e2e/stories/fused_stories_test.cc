// Fused reports end to end: the bundled sample and multi-source stories
// assembled from public benchmark corpora (DUC 2004 topics, read in place
// from ../shared/bench and skipped when absent). The seed assertions are the
// ones issue 6 names; the DUC ones are properties every report must have.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "pipeline/pipeline.h"
#include "render/render.h"

namespace newsfuse {
namespace {

namespace fs = std::filesystem;

const std::string kSeeds = std::string(NEWSFUSE_SOURCE_DIR) + "/examples/seeds";
const std::string kDucDocs = std::string(NEWSFUSE_SHARED_DIR) + "/bench/duc2004/docs";

struct Digest {
  std::unique_ptr<Store> store;
  std::unique_ptr<Pipeline> pipeline;
  std::vector<StoryReport> reports;             // largest story first
  std::map<std::string, std::string> story_of;  // article id -> story id
};

Digest RunDigest(const std::vector<std::string>& sources) {
  Digest d;
  auto store = OpenSqliteStore(":memory:");
  EXPECT_TRUE(store.ok());
  d.store = std::move(store).value();
  d.pipeline = std::make_unique<Pipeline>(*d.store);
  auto summary = d.pipeline->Ingest(sources);
  EXPECT_TRUE(summary.ok());
  auto stories = d.store->ListStories();
  EXPECT_TRUE(stories.ok());
  std::vector<Story> list;
  for (const auto& row : *stories) list.push_back(row.story);
  std::stable_sort(list.begin(), list.end(), [](const Story& a, const Story& b) {
    return a.article_ids.size() > b.article_ids.size();
  });
  for (const auto& story : list) {
    for (const auto& id : story.article_ids) d.story_of[id] = story.id;
    auto report = d.pipeline->Report(story.id);
    EXPECT_TRUE(report.ok());
    if (report.ok()) d.reports.push_back(std::move(*report));
  }
  return d;
}

// What every report must satisfy, whatever the event.
void ExpectWellFormed(const StoryReport& r) {
  std::set<std::string> ids;
  for (const auto& s : r.sources) ids.insert(s.id);
  auto cited_ok = [&](const std::vector<std::string>& cites, const std::string& where) {
    EXPECT_FALSE(cites.empty()) << where;
    for (const auto& c : cites) EXPECT_TRUE(ids.count(c)) << where << " cites unknown " << c;
  };
  if (r.sources.size() >= 3) {
    EXPECT_GE(r.summary.size(), 5u);
  }
  EXPECT_LE(r.summary.size(), 10u);
  for (const auto& s : r.summary) cited_ok(s.citations, s.text);
  for (const auto& f : r.facts) {
    cited_ok(f.sources, f.id);
    EXPECT_EQ(f.wording.size(), f.sources.size()) << f.id;
    for (const auto& w : f.wording) EXPECT_FALSE(w.text.empty()) << f.id;
  }
  for (const auto& c : r.conflicts) {
    ASSERT_GE(c.sides.size(), 2u) << c.subject;
    for (const auto& side : c.sides) cited_ok(side.sources, c.subject);
  }
  // In order of first day: "2025" starts with "2025-01-01", "2025-03" with "2025-03-01".
  auto first_day = [](const std::string& date) {
    std::string d = date.substr(0, date.find('/'));
    if (d.size() == 4) d += "-01";
    if (d.size() == 7) d += "-01";
    return d;
  };
  for (size_t i = 1; i < r.timeline.size(); ++i) {
    EXPECT_LE(first_day(r.timeline[i - 1].date), first_day(r.timeline[i].date))
        << "timeline out of order";
  }
  const std::string html = RenderHtml(r);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  auto back = ParseReportJson(RenderJson(r));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->facts.size(), r.facts.size());
}

TEST(FusedStoriesTest, SeedsReportAgreesDisagreesAndDates) {
  Digest d = RunDigest({kSeeds});
  ASSERT_EQ(d.reports.size(), 1u);
  const StoryReport& r = d.reports[0];
  ExpectWellFormed(r);

  // The exchange: "314" in some reports, "157 ... each" in others, one fact.
  const Fact* swap = nullptr;
  const Fact* front = nullptr;
  for (const auto& f : r.facts) {
    if (f.kind == Fact::Kind::kQuantity && f.unit.empty() && f.low <= 314 && 314 <= f.high &&
        (!swap || f.sources.size() > swap->sources.size()))
      swap = &f;
    if (f.kind == Fact::Kind::kQuantity && f.unit == "m" && f.low <= 1.21e6 && 1.19e6 <= f.high)
      front = &f;
  }
  ASSERT_NE(swap, nullptr) << RenderMarkdown(r);
  EXPECT_GE(swap->sources.size(), 4u) << swap->value;
  // The front line: "1,200 km (746 miles)" and "a roughly 750-mile front".
  ASSERT_NE(front, nullptr) << RenderMarkdown(r);
  EXPECT_GE(front->sources.size(), 2u) << front->value;

  // The first round, and the talks over two days ("began on Wednesday",
  // "wrapped up ... on the 5th"), with their venue.
  std::map<std::string, std::string> place_of;
  for (const auto& e : r.timeline) place_of[e.date] = e.place;
  ASSERT_TRUE(place_of.count("2026-01-23/2026-01-24")) << RenderMarkdown(r);
  ASSERT_TRUE(place_of.count("2026-02-04/2026-02-05")) << RenderMarkdown(r);
  EXPECT_EQ(place_of["2026-02-04/2026-02-05"], "Abu Dhabi");

  ASSERT_FALSE(r.conflicts.empty()) << RenderMarkdown(r);
  bool witkoff = false;
  for (const auto& sp : r.quotes) witkoff |= sp.speaker.find("Witkoff") != std::string::npos;
  EXPECT_TRUE(witkoff) << RenderMarkdown(r);
}

TEST(FusedStoriesTest, TwoDucTopicsBecomeTwoWellFormedStories) {
  const fs::path a = fs::path(kDucDocs) / "d30001t";
  const fs::path b = fs::path(kDucDocs) / "d30002t";
  if (!fs::exists(a) || !fs::exists(b))
    GTEST_SKIP() << "DUC 2004 documents not found at " << kDucDocs;
  Digest d = RunDigest({a.string(), b.string()});
  ASSERT_GE(d.reports.size(), 2u);
  // Each topic's ten articles: at least half in one story, and no story
  // mixing the two. (Hurricane Mitch, d30002t, is a TDT topic rather than one
  // event: its aid appeals and death-toll reports form smaller stories of
  // their own beside the storm's, and in a 20-article stream the IDF learnt
  // so far cannot yet say that "Mitch" is what they share. The clustering
  // benchmark, not this test, measures how often that happens.)
  EXPECT_GE(d.reports[0].sources.size(), 5u);
  EXPECT_GE(d.reports[1].sources.size(), 5u);
  for (const auto& report : d.reports) {
    std::set<std::string> folders;
    for (const auto& s : report.sources)
      folders.insert(fs::path(s.locator).parent_path().filename().string());
    EXPECT_EQ(folders.size(), 1u) << "a story mixes topics: " << report.headline;
  }
  for (size_t i = 0; i < 2; ++i) {
    std::set<std::string> folders;
    for (const auto& s : d.reports[i].sources)
      folders.insert(fs::path(s.locator).parent_path().filename().string());
    EXPECT_EQ(folders.size(), 1u) << "story " << i << " mixes topics";
    ExpectWellFormed(d.reports[i]);
    EXPECT_FALSE(d.reports[i].facts.empty());
    EXPECT_FALSE(d.reports[i].timeline.empty());
  }
}

}  // namespace
}  // namespace newsfuse
