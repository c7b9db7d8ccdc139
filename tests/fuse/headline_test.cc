// Headline and summary lines a reader can use (issue 18): never page
// furniture, never a fragment, never a quote nobody says. Text written for
// these tests: a fictional harbour strike.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analyze/analyze.h"
#include "fuse/fuse.h"
#include "fuse/summary_select.h"
#include "text/seed_corpus.h"

namespace newsfuse {
namespace {

using fuse::JudgeHeadline;
using fuse::JudgeSummaryLine;
using fuse::LineFault;
using testing::MakeArticle;

TEST(HeadlineTest, PageFurnitureIsNoHeadline) {
  EXPECT_EQ(JudgeHeadline("Please enable JavaScript to watch this video"), LineFault::kFurniture);
  EXPECT_EQ(JudgeHeadline("Image credit: Jane Roe / Getty Images"), LineFault::kFurniture);
  EXPECT_EQ(JudgeHeadline("Video player is loading."), LineFault::kFurniture);
  EXPECT_EQ(JudgeHeadline("Photo: harbour cranes at dawn"), LineFault::kFurniture);
  EXPECT_EQ(JudgeHeadline("Reporting by Jane Roe; editing by John Doe"), LineFault::kFurniture);
  EXPECT_EQ(JudgeHeadline("Live"), LineFault::kFragment);
  // A script written without spaces makes one long "word" of a real headline.
  EXPECT_EQ(JudgeHeadline("\xE6\xB8\xAF\xE3\x81\xAE\xE3\x82\xB9\xE3\x83\x88\xE3\x83\xA9"
                          "\xE3\x82\xA4\xE3\x82\xAD\xE3\x81\x8C\xE4\xB9\x9D\xE6\x97\xA5"
                          "\xE3\x81\xB6\xE3\x82\x8A\xE3\x81\xAB\xE7\xB5\x82\xE3\x82\x8F"
                          "\xE3\x82\x8B"),
            LineFault::kNone);
  EXPECT_EQ(JudgeHeadline("Dockers end strike"), LineFault::kNone);
  EXPECT_EQ(JudgeHeadline("Harbour Strike Ends After Nine Days"), LineFault::kNone);
}

TEST(HeadlineTest, SummaryLinesMustBeSentencesWithASpeaker) {
  EXPECT_EQ(JudgeSummaryLine("Dock workers at the northern harbour ended their strike on Friday."),
            LineFault::kNone);
  EXPECT_EQ(JudgeSummaryLine("\"We will be back at the cranes on Monday,\" the union leader said."),
            LineFault::kNone);
  // A quotation with nobody outside it saying it.
  EXPECT_EQ(JudgeSummaryLine("\"We will be back at the cranes on Monday, whatever they offer.\""),
            LineFault::kSpeakerlessQuote);
  EXPECT_EQ(JudgeSummaryLine("The union leader said: ``We will be back on Monday, all of us.''"),
            LineFault::kNone);
  EXPECT_EQ(JudgeSummaryLine("``Nobody here wanted the strike to last this long.''"),
            LineFault::kSpeakerlessQuote);
  // Too short, no ending, or a caption set in title case.
  EXPECT_EQ(JudgeSummaryLine("On Friday, at the harbour."), LineFault::kFragment);
  EXPECT_EQ(JudgeSummaryLine("Dock workers at the northern harbour on the first day back"),
            LineFault::kFragment);
  EXPECT_EQ(JudgeSummaryLine("Harbour Workers Return To The Cranes In Northport."),
            LineFault::kFragment);
  // Credits and script notices, whatever their shape.
  EXPECT_EQ(JudgeSummaryLine("Additional reporting by Jane Roe in Northport and John Doe."),
            LineFault::kFurniture);
  EXPECT_EQ(JudgeSummaryLine("Please enable JavaScript in your browser to see this content."),
            LineFault::kFurniture);
  EXPECT_EQ(JudgeSummaryLine("Sign up for our harbour newsletter to get the news first."),
            LineFault::kFurniture);
  EXPECT_EQ(JudgeSummaryLine("This harbour guide has been compensated by a ferry company."),
            LineFault::kFurniture);
  // Where to write or click: a contact line, not the report.
  EXPECT_EQ(JudgeSummaryLine("Write to the harbour desk at letters@northport-ledger.example.org "
                             "with your questions."),
            LineFault::kFurniture);
  EXPECT_EQ(
      JudgeSummaryLine("Tickets for the harbour fair are sold at www.northport-fair.example.com "
                       "from Monday."),
      LineFault::kFurniture);
  EXPECT_EQ(
      JudgeSummaryLine("Send letters to the harbour desk, P.O. Box 1200, Northport, by Friday."),
      LineFault::kFurniture);
  // The same words inside a sentence are news.
  EXPECT_EQ(JudgeSummaryLine("More dockers are expected to sign up for the new pension plan."),
            LineFault::kNone);
  EXPECT_EQ(JudgeSummaryLine("The union posted the vote count on its account @northportdockers on "
                             "Friday."),
            LineFault::kNone);
}

// Words are the one scan's words: a dash or a curly quote is no word, an
// abbreviation or a grouped number is one, and a capital in any script counts.
TEST(HeadlineTest, SummaryLineWordsAreTheScansWords) {
  // Five words and two dashes: a fragment (a byte count made it seven).
  EXPECT_EQ(JudgeSummaryLine("Dockers \u2014 all of them \u2014 returned."), LineFault::kFragment);
  // "U.S." and "E.U." are one word each: four words in all.
  EXPECT_EQ(JudgeSummaryLine("The U.S. and E.U. agreed."), LineFault::kFragment);
  EXPECT_EQ(JudgeSummaryLine("The U.S. and E.U. agreed on harbour fees late on Friday."),
            LineFault::kNone);
  // A caption in title case whose words start with accented capitals.
  EXPECT_EQ(JudgeSummaryLine("\u00c9mile \u00c9tienne \u00c1lvarez \u00d6zt\u00fcrk At Harbour."),
            LineFault::kFragment);
  EXPECT_EQ(JudgeSummaryLine("\u00c9mile \u00c9tienne said dockers returned to the harbour."),
            LineFault::kNone);
}

std::vector<AnnotatedArticle> Strike(const std::string& title1, const std::string& title2) {
  const std::vector<std::string> body = {
      "Dock workers at the Northport harbour ended a nine-day strike on Friday after the port "
      "authority agreed to a pay rise of four percent.",
      "\"We will be back at the cranes on Monday, and the ships will move again.\"",
      "Photo: Jane Roe for the Northport Ledger",
      "Shipping lines said the backlog of containers would take two weeks to clear."};
  std::vector<AnnotatedArticle> out;
  out.push_back(Analyze(MakeArticle("h1000000000000000000000000000001", "Northport Ledger", title1,
                                    body, DateTime::ParseIso("2026-05-08"))));
  out.push_back(Analyze(MakeArticle("h2000000000000000000000000000002", "Coast Wire", title2, body,
                                    DateTime::ParseIso("2026-05-09"))));
  return out;
}

Story StoryOf(const std::vector<AnnotatedArticle>& articles) {
  Story story{"sh10000000000", {}};
  for (const auto& a : articles) story.article_ids.push_back(a.article.id);
  return story;
}

TEST(HeadlineTest, FusedReportSkipsFurnitureHeadlineAndLines) {
  // The earliest source's title is a script notice: the other outlet's real
  // headline is the story's.
  auto articles =
      Strike("Please enable JavaScript to view this page", "Northport dockers end strike");
  StoryReport r = FuseStory(StoryOf(articles), articles);
  EXPECT_EQ(r.headline, "Northport dockers end strike");
  for (const SummarySentence& s : r.summary) {
    EXPECT_EQ(JudgeSummaryLine(s.text), LineFault::kNone) << s.text;
  }

  // No real headline anywhere: the best summary sentence stands in.
  articles = Strike("Image credit: Getty Images", "Watch: video player");
  r = FuseStory(StoryOf(articles), articles);
  ASSERT_FALSE(r.summary.empty());
  EXPECT_EQ(r.headline, r.summary[0].text);
}

}  // namespace
}  // namespace newsfuse
