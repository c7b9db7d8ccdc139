// Fusion reads each article's words in its own language: two German reports
// of one event, worded with different inflections, state the same content
// only when their words are stemmed as German.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analyze/analyze.h"
#include "fuse/fuse.h"
#include "text/seed_corpus.h"

namespace newsfuse {
namespace {

using testing::MakeArticle;

// A fictional event, written for this test.
std::vector<Article> GermanReports(const std::string& language) {
  std::vector<Article> articles = {
      MakeArticle("g1000000000000000000000000000001", "Nordblatt", "Streit um Stahl",
                  {"Die Regierungen verhandelten gestern über geplante Zölle auf billige "
                   "Stahlimporte."}),
      MakeArticle("g2000000000000000000000000000002", "Südkurier", "Verhandlungen in Berlin",
                  {"Die Regierung verhandelt gestern über den geplanten Zoll auf billigen "
                   "Stahlimport."}),
  };
  for (Article& a : articles) a.language = language;
  return articles;
}

int LeadSupport(const std::string& language) {
  std::vector<AnnotatedArticle> annotated;
  for (const Article& a : GermanReports(language)) annotated.push_back(Analyze(a));
  const StoryReport report = FuseStory(Story{"sg1", {}}, annotated);
  if (report.summary.empty()) return 0;
  return static_cast<int>(report.summary[0].support);
}

TEST(FuseLanguageTest, InflectedGermanWordsMeetWhenStemmedAsGerman) {
  EXPECT_EQ(LeadSupport("de-DE"), 2);
  // The same text read as English keeps the inflections apart.
  EXPECT_EQ(LeadSupport("en"), 1);
}

}  // namespace
}  // namespace newsfuse
