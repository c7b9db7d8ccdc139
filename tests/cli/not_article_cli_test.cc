// A page that is not an article (here a software README as scraped text,
// written for this test) is refused with its reason in the ingest summary,
// stored in no story, and the store keeps what it held (issue 13).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "cli_store_fixture.h"

namespace newsfuse {
namespace {

using testing::CliRun;
using testing::Line;
using testing::RunCli;

constexpr const char* kBridge =
    "Workers lifted the last steel span of the Marrowby footbridge into place on Tuesday. "
    "The bridge will link the two halves of the market town when it opens in June, the "
    "council said. Residents of Marrowby have crossed the river by ferry since the old bridge "
    "was closed.";

// A software README as scraped text: fenced code and the usual sections.
constexpr const char* kReadme =
    "# quillfmt\n\nA tiny formatter for Quill configuration files.\n\n"
    "## Installation\n\n```\npip install quillfmt\n```\n\n"
    "## Usage\n\n```\nquillfmt --check settings.quill\n```\n\n"
    "## License\n\nMIT. Contributions welcome: open a pull request against the zephyrine "
    "branch.\n";

using NotArticleCliTest = testing::CliStoreTest;

TEST_F(NotArticleCliTest, APageThatIsNotAnArticleIsRefusedWithItsReasonAndStoredNowhere) {
  const std::string first =
      Write("first.jsonl", Line("Marrowby Courier", "Last span of the footbridge lifted", kBridge) +
                               Line("Dale Herald", "Marrowby footbridge span in place",
                                    std::string(kBridge) + " The crane left on Wednesday."));
  ASSERT_EQ(RunCli("ingest " + first + " --db " + db_).exit_code, 0);
  const nlohmann::json before = Stories();
  const std::set<std::string> ids_before = StoryIds();
  ASSERT_EQ(before["total_articles"], 2);

  // The README beside one more real article, in one folder.
  Write("more/quillfmt-readme.txt", kReadme);
  Write("more/bridge.txt", "Marrowby footbridge opens in June\n\n" + std::string(kBridge) +
                               " Traders on the east bank expect more visitors once it opens.\n");
  const CliRun run = RunCli("ingest " + (dir_ / "more").string() + " --db " + db_);
  EXPECT_NE(run.out.find("quillfmt-readme.txt: not an article: software README or manual"),
            std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("ingested 1, duplicate 0, failed 1"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("refused 1 page as not articles (nothing stored from it): 1 software "
                         "README or manual"),
            std::string::npos)
      << run.out;

  // Stored in no story, and nothing stored before is lost.
  const nlohmann::json after = Stories();
  EXPECT_EQ(after["total_articles"], 3);
  const std::set<std::string> ids_after = StoryIds();
  for (const std::string& id : ids_before) EXPECT_TRUE(ids_after.count(id)) << id;
  for (const auto& s : after["stories"]) {
    EXPECT_EQ(s["headline"].get<std::string>().find("quill"), std::string::npos) << s;
  }
  const CliRun search = RunCli("search zephyrine --db " + db_);
  EXPECT_NE(search.out.find("no matches"), std::string::npos) << search.out;
  const CliRun bridge = RunCli("search footbridge --db " + db_);
  EXPECT_NE(bridge.out.find("Marrowby"), std::string::npos) << bridge.out;
}

}  // namespace
}  // namespace newsfuse
