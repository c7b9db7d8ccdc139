// Issue 18 through `newsfuse digest`: stories written for these tests, each
// with a trap that once showed a false conflict (or a false fact) on news the
// engine was not tuned on, and with a real disagreement beside it so a test
// cannot pass by showing nothing. The traps are the shapes found reading the
// ECB+ and Timeline17 stories: a report's own dateline, a sentence that
// relates both figures, a noun the story counts many times over, and time
// elapsed read as a duration.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "cli_runner.h"

namespace {

namespace fs = std::filesystem;
using newsfuse::testing::RunCli;

// An article: its outlet's host and its paragraphs.
using Piece = std::pair<std::string, std::vector<std::string>>;

std::string Bond(const std::string& year) {
  return "Voters in " + year +
         " approved a $3 million bond to buy the Harwick mill site, the city manager said.";
}

class ConflictTrustCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("newsfuse-conflicts-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Digests the pieces (one JSONL line each, published the same day) and
  // returns every story report's JSON.
  std::vector<nlohmann::json> Digest(const std::vector<Piece>& pieces) {
    const fs::path feed = dir_ / "feed.jsonl";
    {
      std::ofstream out(feed);
      for (size_t i = 0; i < pieces.size(); ++i) {
        std::string text;
        for (const std::string& p : pieces[i].second) text += (text.empty() ? "" : "\n\n") + p;
        out << nlohmann::json{{"url", "https://" + pieces[i].first + "/story-" + std::to_string(i)},
                              {"title", "Report " + std::to_string(i)},
                              {"date", "2013-06-18"},
                              {"text", text}}
                   .dump()
            << "\n";
      }
    }
    const auto run = RunCli("digest " + feed.string() + " --db " + (dir_ / "news.db").string() +
                            " -o " + (dir_ / "reports").string() + " --print none --no-progress");
    EXPECT_EQ(run.exit_code, 0) << run.out;
    std::vector<nlohmann::json> reports;
    for (const auto& entry : fs::directory_iterator(dir_ / "reports")) {
      const std::string name = entry.path().filename().string();
      if (name.starts_with("story-") && name.ends_with(".json"))
        reports.push_back(nlohmann::json::parse(std::ifstream(entry.path())));
    }
    return reports;
  }

  fs::path dir_;
};

// Whether any report sets a value containing `x` against one containing `y`.
bool Disputes(const std::vector<nlohmann::json>& reports, const std::string& x,
              const std::string& y) {
  for (const auto& r : reports) {
    for (const auto& c : r["conflicts"]) {
      if (c["sides"].size() != 2) continue;
      const std::string a = c["sides"][0]["value"], b = c["sides"][1]["value"];
      if ((a.find(x) != std::string::npos && b.find(y) != std::string::npos) ||
          (a.find(y) != std::string::npos && b.find(x) != std::string::npos))
        return true;
    }
  }
  return false;
}

std::string Shown(const std::vector<nlohmann::json>& reports) {
  std::string out;
  for (const auto& r : reports) out += "\n" + r["conflicts"].dump();
  return out;
}

TEST_F(ConflictTrustCliTest, DatelinesOfReportsWrittenOnDifferentDaysAreNoConflict) {
  const std::string fire =
      "The Harwick mill fire destroyed the old textile building on Main Street in Harwick early "
      "Tuesday, fire chief Ana Molnar said, and investigators are still searching the ruins.";
  const auto reports = Digest({
      {"harwick-courier.org",
       {"Trial date set in Harwick case Published at 12:45, Wednesday, 12 June 2013 A "
        "provisional trial date has been set for the man accused of the Harwick mill fire.",
        "The hearing lasted twenty minutes.", fire, Bond("2009")}},
      {"valley-news.net",
       {"Trial date set in Harwick case Last updated at 11:24, Tuesday, 18 June 2013 A "
        "provisional trial date has been set for the man accused of the Harwick mill fire.",
        "He spoke only to confirm his name.", fire, Bond("2010")}},
  });
  EXPECT_FALSE(Disputes(reports, "2013-06-12", "2013-06-18")) << Shown(reports);
  EXPECT_TRUE(Disputes(reports, "2009", "2010")) << Shown(reports);
}

TEST_F(ConflictTrustCliTest, SentenceThatRelatesBothFiguresIsNoSideOfADispute) {
  const std::string fire =
      "The Harwick mill fire destroyed the old textile building on Main Street in Harwick early "
      "Tuesday, fire chief Ana Molnar said, and investigators are still searching the ruins.";
  const auto reports = Digest({
      {"screen-daily.org",
       {"Ratings for last year's Lumen Awards plunged to a record low, with about 32 million "
        "people tuning in, compared with 55.3 million a decade ago.",
        fire, Bond("2009")}},
      {"broadcast-wire.net",
       {"The most-watched Lumen Awards were in 2004. A total of 55.3 million people tuned in to "
        "watch who took home the statuettes.",
        fire, Bond("2010")}},
  });
  EXPECT_FALSE(Disputes(reports, "32 million", "55.3 million")) << Shown(reports);
  EXPECT_TRUE(Disputes(reports, "2009", "2010")) << Shown(reports);
}

TEST_F(ConflictTrustCliTest, CountsOfANounTheStoryCountsOftenNeedTheSameClause) {
  const auto reports = Digest({
      {"river-sports.org",
       {"Pell was hurt in an overtime loss in Week 3, then missed nine games before coming back "
        "for three late-season games.",
        Bond("2009")}},
      {"coast-sport.net",
       {"Pell suffered through an injury-plagued season, missing 10 of the Harriers' 16 games "
        "with a troublesome left ankle sprain.",
        Bond("2010")}},
      {"metro-games.com",
       {"Plagued by a left ankle injury that limited him to only six games this season, Pell "
        "started to look effective again in Week 16.",
        Bond("2010")}},
  });
  EXPECT_FALSE(Disputes(reports, "9", "16")) << Shown(reports);
  EXPECT_FALSE(Disputes(reports, "6", "10")) << Shown(reports);
  EXPECT_TRUE(Disputes(reports, "2009", "2010")) << Shown(reports);
}

TEST_F(ConflictTrustCliTest, TimeElapsedIsNoDurationFact) {
  const std::string shot =
      "Riots broke out after police shot a student in Velm eight days ago, officials said.";
  const auto reports = Digest({
      {"korvia-times.org", {shot, "Shops in the capital stayed shut."}},
      {"east-herald.net", {shot, "Unions called a general strike."}},
      {"north-wire.com", {shot, "Schools closed across the country."}},
  });
  ASSERT_FALSE(reports.empty());
  size_t events = 0;
  for (const auto& r : reports) {
    for (const auto& f : r["facts"]) {
      EXPECT_NE(f["value"], "8 days") << f.dump();
      events += f["kind"] == "event";
    }
  }
  EXPECT_GT(events, 0u) << "the shooting itself is still a fact of the story";
}

// One party named two ways beside its leader, read through `digest`: a
// dispute a reader needs. Beside it the trap: one name translated two ways
// ("Democracy"/"Democratic"), which is spelling, not a claim.
TEST_F(ConflictTrustCliTest, OnePartyNamedTwoWaysBesideItsLeaderIsAConflict) {
  const std::string talks =
      "Coalition talks in Ostrava collapsed on Monday after three weeks, and President Ana "
      "Lindqvist will now consult party leaders again.";
  const auto reports = Digest({
      {"harbour-daily.org",
       {talks, "Marten Vaskel of the Civic Reform Party gave up his attempt to form a coalition.",
        "Ilse Morrow of the Green Democracy Party said she would back him."}},
      {"inland-courier.net",
       {talks, "The Civic Renewal Party, which Vaskel has led since 1990, could not find partners.",
        "Ilse Morrow, whose Green Democratic Party holds nine seats, backed him."}},
      {"east-wire.com", {talks, "Vaskel said his Civic Reform Party would go into opposition."}},
  });
  EXPECT_TRUE(Disputes(reports, "Civic Reform Party", "Civic Renewal Party")) << Shown(reports);
  EXPECT_FALSE(Disputes(reports, "Green Democracy Party", "Green Democratic Party"))
      << Shown(reports);
}

}  // namespace
