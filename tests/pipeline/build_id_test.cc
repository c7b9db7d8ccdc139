// The report cache is keyed by ids hashed from the sources at build time
// (src/pipeline/source_ids.cmake), so no edit to the report builders can
// leave stale reports served.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

#include "pipeline/build_ids.h"
#include "pipeline/report_cache.h"

namespace newsfuse {
namespace {

namespace fs = std::filesystem;

struct Ids {
  std::string analysis, report, signals, state;
};

// Runs the build step on `inputs` and reads back the two ids it wrote.
Ids RunSourceIds(const fs::path& root, const fs::path& inputs, const fs::path& out) {
  const std::string command = std::string("\"") + NEWSFUSE_CMAKE_COMMAND + "\" -DROOT=\"" +
                              root.string() + "\" -DINPUTS=\"" + inputs.string() +
                              "\" -DOUTPUT=\"" + out.string() + "\" -P \"" + NEWSFUSE_SOURCE_DIR +
                              "/src/pipeline/source_ids.cmake\"";
  EXPECT_EQ(std::system(command.c_str()), 0) << command;
  std::ifstream in(out);
  std::stringstream text;
  text << in.rdbuf();
  const std::string s = text.str();
  Ids ids;
  std::smatch m;
  if (std::regex_search(s, m, std::regex(R"re(AnalysisBuildId\(\) \{ return "([0-9a-f]+)")re")))
    ids.analysis = m[1];
  if (std::regex_search(s, m, std::regex(R"re(ReportBuildId\(\) \{ return "([0-9a-f]+)")re")))
    ids.report = m[1];
  if (std::regex_search(s, m,
                        std::regex(R"re(ClusterSignalsBuildId\(\) \{ return "([0-9a-f]+)")re")))
    ids.signals = m[1];
  if (std::regex_search(s, m, std::regex(R"re(ClusterStateBuildId\(\) \{ return "([0-9a-f]+)")re")))
    ids.state = m[1];
  return ids;
}

class BuildIdTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "newsfuse_build_id_XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  void TearDown() override {
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }
  void Write(const std::string& name, const std::string& text) {
    std::ofstream((dir_ / name).string()) << text;
  }
  fs::path dir_;
};

TEST_F(BuildIdTest, TheCompiledIdsAreThoseOfTheSourcesAsTheyAreNow) {
  const Ids now = RunSourceIds(NEWSFUSE_SOURCE_DIR, NEWSFUSE_BUILD_ID_INPUTS, dir_ / "ids.cc");
  ASSERT_EQ(now.analysis.size(), 16u);
  EXPECT_EQ(now.analysis, AnalysisBuildId());
  EXPECT_EQ(now.report, ReportBuildId());
  EXPECT_EQ(now.signals, ClusterSignalsBuildId());
  EXPECT_EQ(now.state, ClusterStateBuildId());
  EXPECT_NE(ClusterSignalsBuildId(), ClusterStateBuildId());
  EXPECT_NE(AnalysisBuildId(), ReportBuildId());
}

TEST_F(BuildIdTest, AnEditToAReportSourceChangesTheReportIdAndOnlyIt) {
  Write("annotate.cc", "int Annotate() { return 1; }\n");
  Write("fuse.cc", "int Fuse() { return 1; }\n");
  const fs::path inputs = dir_ / "inputs.cmake";
  std::ofstream(inputs.string()) << "set(ANALYSIS_INPUTS \"" << (dir_ / "annotate.cc").string()
                                 << "\")\nset(REPORT_INPUTS \"" << (dir_ / "fuse.cc").string()
                                 << "\")\n";
  const Ids before = RunSourceIds(dir_, inputs, dir_ / "ids.cc");
  ASSERT_FALSE(before.report.empty());

  Write("fuse.cc", "int Fuse() { return 2; }\n");
  const Ids fuse_edited = RunSourceIds(dir_, inputs, dir_ / "ids.cc");
  EXPECT_NE(fuse_edited.report, before.report);
  EXPECT_EQ(fuse_edited.analysis, before.analysis);

  // The analysis feeds the report: an edit there changes both.
  Write("annotate.cc", "int Annotate() { return 2; }\n");
  const Ids analysis_edited = RunSourceIds(dir_, inputs, dir_ / "ids.cc");
  EXPECT_NE(analysis_edited.analysis, fuse_edited.analysis);
  EXPECT_NE(analysis_edited.report, fuse_edited.report);

  // The id is a function of the text: undoing the edits gives it back.
  Write("annotate.cc", "int Annotate() { return 1; }\n");
  Write("fuse.cc", "int Fuse() { return 1; }\n");
  const Ids undone = RunSourceIds(dir_, inputs, dir_ / "ids.cc");
  EXPECT_EQ(undone.analysis, before.analysis);
  EXPECT_EQ(undone.report, before.report);
}

// A change to the clusterer leaves every stored article's signals valid (a
// kept store replays its state from them, analysing nothing); a change to the
// analysis or to the signals' codec makes both stale.
TEST_F(BuildIdTest, AnEditToTheClustererChangesTheStateIdAndNotTheSignalsId) {
  Write("annotate.cc", "int Annotate() { return 1; }\n");
  Write("codec.cc", "int Encode() { return 1; }\n");
  Write("cluster.cc", "int Cluster() { return 1; }\n");
  const fs::path inputs = dir_ / "inputs.cmake";
  std::ofstream(inputs.string()) << "set(ANALYSIS_INPUTS \"" << (dir_ / "annotate.cc").string()
                                 << "\")\nset(SIGNALS_INPUTS \"" << (dir_ / "codec.cc").string()
                                 << "\")\nset(CLUSTER_INPUTS \"" << (dir_ / "cluster.cc").string()
                                 << "\")\n";
  const Ids before = RunSourceIds(dir_, inputs, dir_ / "ids.cc");
  ASSERT_FALSE(before.signals.empty());
  ASSERT_FALSE(before.state.empty());

  Write("cluster.cc", "int Cluster() { return 2; }\n");
  const Ids cluster_edited = RunSourceIds(dir_, inputs, dir_ / "ids.cc");
  EXPECT_EQ(cluster_edited.signals, before.signals);
  EXPECT_NE(cluster_edited.state, before.state);

  Write("codec.cc", "int Encode() { return 2; }\n");
  const Ids codec_edited = RunSourceIds(dir_, inputs, dir_ / "ids.cc");
  EXPECT_NE(codec_edited.signals, cluster_edited.signals);
  EXPECT_NE(codec_edited.state, cluster_edited.state);

  Write("annotate.cc", "int Annotate() { return 2; }\n");
  const Ids analysis_edited = RunSourceIds(dir_, inputs, dir_ / "ids.cc");
  EXPECT_NE(analysis_edited.signals, codec_edited.signals);
  EXPECT_NE(analysis_edited.state, codec_edited.state);
}

TEST(ReportBuilderIdTest, NamesTheReportBuildId) {
  EXPECT_NE(ReportBuilderId(FuseOptions{}).find(std::string(ReportBuildId())), std::string::npos);
}

}  // namespace
}  // namespace newsfuse
