// `newsfuse` starts without the libraries it does not use (issue 13):
// `serve` runs the separate newsfuse-serve binary, and libpq is opened only
// when a postgres:// database is named, with an error naming it when it
// cannot be.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "cli_runner.h"

namespace newsfuse {
namespace {

namespace fs = std::filesystem;
using testing::CliRun;
using testing::RunCli;

class StartupCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("newsfuse-live-cli-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = (dir_ / "news.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
  std::string db_;
};

TEST_F(StartupCliTest, ServeRunsTheServerBinaryWithItsArguments) {
  const CliRun help = RunCli("serve --help");
  EXPECT_EQ(help.exit_code, 0) << help.out;
  EXPECT_NE(help.out.find("--listen"), std::string::npos) << help.out;
  EXPECT_NE(help.out.find("--watch"), std::string::npos) << help.out;
  const CliRun bad = RunCli("serve --listen nowhere --db " + db_);
  EXPECT_EQ(bad.exit_code, 1) << bad.out;
  EXPECT_NE(bad.out.find("--listen takes HOST:PORT"), std::string::npos) << bad.out;
}

TEST_F(StartupCliTest, TheCliLoadsNeitherLibpqNorTheServerLibrariesUntilAsked) {
  // The dynamic loader lists every library it opens (LD_DEBUG, glibc).
  const CliRun help = RunCli("--help", true, "LD_DEBUG=libs ");
  EXPECT_EQ(help.exit_code, 0) << help.out;
  EXPECT_NE(help.out.find("calling init"), std::string::npos) << "no loader trace:\n" << help.out;
  EXPECT_EQ(help.out.find("libpq"), std::string::npos) << help.out;
  EXPECT_EQ(help.out.find("httplib"), std::string::npos) << help.out;
  EXPECT_EQ(help.out.find("libssl"), std::string::npos) << help.out;
#ifdef NEWSFUSE_LAZY_LIBPQ
  // A postgres:// database opens libpq then; when it cannot be loaded, the
  // error names it.
  const CliRun pg = RunCli("stories --db postgres://nobody@127.0.0.1:1/none", true,
                           "NEWSFUSE_LIBPQ=/nonexistent/libpq.so.5 ");
  EXPECT_EQ(pg.exit_code, 3) << pg.out;
  EXPECT_NE(pg.out.find("PostgreSQL support needs /nonexistent/libpq.so.5, which could not be "
                        "loaded"),
            std::string::npos)
      << pg.out;
#endif
}

}  // namespace
}  // namespace newsfuse
