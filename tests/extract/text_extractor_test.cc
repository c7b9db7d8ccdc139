// The plain-text path end to end on small invented pages, one rule each.
#include <gtest/gtest.h>

#include "extract/extract.h"
#include "test_util.h"

namespace newsfuse {
namespace {

using testing::Dump;

Result<Article> Text(const std::string& content, RawPage page = {}) {
  if (page.locator.empty()) page.locator = "t.txt";
  page.content = content;
  page.format = PageFormat::kText;
  return ExtractArticle(page);
}

bool BodyMentions(const Article& a, const std::string& word) {
  for (const auto& p : a.paragraphs)
    if (p.find(word) != std::string::npos) return true;
  return false;
}

const char* kBridgeArticle =
    "The river town of Alden reopened its main bridge on Monday after a month of repairs, ending "
    "long detours for commuters.\n\n"
    "Engineers replaced the bridge deck and two support bearings that inspectors had found cracked "
    "in the spring inspection.\n\n"
    "The bridge carries about 12,000 vehicles a day, and the detour had added twenty minutes to "
    "many commutes, the town council said.\n\n"
    "Council member Rosa Imhoff said the repairs on the bridge finished a week early and under "
    "budget.\n\n"
    "Inspectors will return in the autumn to check the new bearings and the deck joints of the "
    "bridge.\n\n";

TEST(TextExtractTest, RepeatedHeadlineTimestampsAndEndMarker) {
  std::string page =
      std::string(
          "Skip to Content Facebook Feature Image\n\nAlden bridge reopens after month of "
          "repairs\n\n") +
      "Local\n\nLocal\n\nAlden bridge reopens after month of repairs\n\n2025-10-06 09:15 Last "
      "Updated At:11:40\n\n" +
      kBridgeArticle +
      "Alden bridge reopens after month of repairs\n\n"
      "Bakery wins regional pastry contest\n\nBakery wins regional pastry contest\n\n"
      "A family bakery won the regional pastry contest with a pear tart that judges called "
      "flawless.\n\n"
      "Recommended Articles\n";
  auto a = Text(page);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->title, "Alden bridge reopens after month of repairs");
  EXPECT_EQ(a->field_sources["title"], "repeated-line");
  ASSERT_TRUE(a->published && a->updated) << Dump(*a);
  EXPECT_EQ(a->published->ToIso(), "2025-10-06T09:15");
  EXPECT_EQ(a->updated->ToIso(), "2025-10-06T11:40");
  ASSERT_EQ(a->paragraphs.size(), 5u) << Dump(*a);
  EXPECT_EQ(a->paragraphs.front().rfind("The river town of Alden", 0), 0u);
  EXPECT_FALSE(BodyMentions(*a, "pastry")) << Dump(*a);
  EXPECT_FALSE(BodyMentions(*a, "Local"));
}

TEST(TextExtractTest, GluedStoryWithoutMarkersIsCutByCohesion) {
  std::string page = std::string("Alden bridge reopens after month of repairs\n\n") +
                     kBridgeArticle +
                     "A family bakery in Corvin won the regional pastry contest on Sunday with a "
                     "pear tart and almond cream.\n\n"
                     "Judges praised the bakery's flaky pastry, the caramelised pears and the "
                     "balance of sugar in the almond cream.\n\n"
                     "The bakery owner, Lena Marsh, said her grandmother's pastry recipe inspired "
                     "the winning tart and its almond filling.\n\n"
                     "The pastry contest drew forty bakeries this year, and the winning bakery "
                     "receives a new oven.\n";
  auto a = Text(page);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->paragraphs.size(), 5u) << Dump(*a);
  EXPECT_FALSE(BodyMentions(*a, "bakery")) << Dump(*a);
  EXPECT_EQ(a->field_sources["body_end"], "topic-drift");
}

TEST(TextExtractTest, CoherentArticleKeepsItsEnding) {
  auto a =
      Text(std::string("Alden bridge reopens after month of repairs\n\n") + kBridgeArticle +
           "Residents of Alden said the reopened bridge already made the morning drive shorter.\n\n"
           "The town council plans a small ceremony at the bridge next week.\n");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->paragraphs.size(), 7u) << Dump(*a);
  EXPECT_EQ(a->field_sources.count("body_end"), 0u);
}

TEST(TextExtractTest, DatelineYearComesOnlyFromEvidence) {
  const std::string page =
      "OSLO, March 3 (Nordic Wire) \xE2\x80\x94 The ferry between Oslo and Kiel resumed service on "
      "Tuesday after a storm.\n"
      "The operator said all sailings would run to schedule for the rest of the week, weather "
      "permitting.\n";
  auto none = Text(page);
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->dateline, "Oslo");
  EXPECT_EQ(none->outlet, "Nordic Wire");
  EXPECT_EQ(none->field_sources["outlet"], "dateline");
  EXPECT_FALSE(none->published) << Dump(*none);  // no year anywhere: none invented
  EXPECT_EQ(none->paragraphs.front().rfind("The ferry between", 0), 0u);

  RawPage hinted;
  hinted.hint_published = "2026-03-04";
  auto y = Text(page, hinted);
  ASSERT_TRUE(y->published);
  EXPECT_EQ(y->published->ToIso(), "2026-03-03");

  RawPage from_name;
  from_name.locator = "corpus/2025-03-02_nordic.txt";
  auto z = Text(page, from_name);
  ASSERT_TRUE(z->published);
  EXPECT_EQ(z->published->ToIso(), "2025-03-03");
}

TEST(TextExtractTest, WireCreditInDatelineDoesNotReplaceThePublisher) {
  RawPage p;
  p.hint_outlet = "Valley Herald";
  auto a = Text(
      "LIMA, Peru (Reuters) - Heavy rains flooded parts of the capital on Sunday, officials said.\n"
      "Emergency crews cleared blocked roads overnight and more rain is expected on Monday.\n",
      p);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->outlet, "Valley Herald");
  EXPECT_EQ(a->field_sources["wire"], "Reuters");
}

TEST(TextExtractTest, PromptsHashtagsAndEmailBylinesLeaveTheBody) {
  auto a = Text(
      "Harbor cranes return to work\n- Input\n- 2025-07-01 08:00:00\n- Updated\n- 2025-07-01 "
      "09:30:00\n\n"
      "[Harbor Daily] The port of Brenn restarted its container cranes on Tuesday after a two-day "
      "power cut.\n"
      "Sign up now: Get Harbor Daily newsletters delivered to your inbox\n"
      "Shipping lines said delays would clear by the weekend as crews worked extra shifts.\n"
      "#Port #Brenn #Shipping\n"
      "mlee@harbordaily.example Min Lee Reporter\n");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->outlet, "Harbor Daily");
  EXPECT_EQ(a->field_sources["outlet"], "lead-tag");
  EXPECT_EQ(a->authors, std::vector<std::string>{"Min Lee"});
  EXPECT_EQ(a->published->ToIso(), "2025-07-01T08:00:00");
  EXPECT_EQ(a->updated->ToIso(), "2025-07-01T09:30:00");
  EXPECT_EQ(a->title, "Harbor cranes return to work");
  ASSERT_EQ(a->paragraphs.size(), 2u) << Dump(*a);
  EXPECT_EQ(a->paragraphs[0].rfind("The port of Brenn", 0), 0u);
}

TEST(TextExtractTest, HardWrappedParagraphsAreJoined) {
  auto a = Text(
      "The council met on Thursday to discuss the\nbudget for the coming year and agreed\n"
      "to fund two new libraries in the north.\n\nA vote is expected next month, the mayor "
      "said.\n");
  ASSERT_TRUE(a.ok());
  ASSERT_EQ(a->paragraphs.size(), 2u) << Dump(*a);
  EXPECT_EQ(a->paragraphs[0],
            "The council met on Thursday to discuss the budget for the coming year and agreed to "
            "fund two new "
            "libraries in the north.");
}

TEST(TextExtractTest, HintsFillWhatThePageDoesNotSay) {
  RawPage p;
  p.hint_title = "Libraries funded";
  p.hint_outlet = "North Post";
  p.hint_author = "Ana Ruiz";
  p.hint_published = "2025-05-01";
  auto a = Text(
      "The council agreed on Thursday to fund two new libraries in the northern districts.\n", p);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->title, "Libraries funded");
  EXPECT_EQ(a->field_sources["title"], "hint");
  EXPECT_EQ(a->outlet, "North Post");
  EXPECT_EQ(a->authors, std::vector<std::string>{"Ana Ruiz"});
  EXPECT_EQ(a->published->ToIso(), "2025-05-01");
  EXPECT_EQ(a->field_sources["published"], "hint");
  EXPECT_EQ(a->language, "en");
}

// The body's language is identified (CLD2), so later stages can pick their
// rules by it; a body too short to tell gets none rather than a guess.
TEST(TextExtractTest, LanguageIsIdentifiedFromTheBody) {
  auto de = Text(
      "Die Ukraine und Russland haben nach zweitägigen Gesprächen in Abu Dhabi den "
      "Austausch von 314 Kriegsgefangenen vereinbart, teilten beide Seiten am "
      "Donnerstag mit. Die Delegationen sollen sich in den kommenden Wochen erneut "
      "treffen, hieß es aus Kiew.\n");
  ASSERT_TRUE(de.ok());
  EXPECT_EQ(de->language, "de");
  EXPECT_EQ(de->field_sources["language"], "cld2");
  auto es = Text(
      "Ucrania y Rusia acordaron el jueves en Abu Dabi el canje de 314 prisioneros de "
      "guerra tras dos días de conversaciones, informaron ambas partes. Las delegaciones "
      "volverán a reunirse en las próximas semanas.\n");
  ASSERT_TRUE(es.ok());
  EXPECT_EQ(es->language, "es");
}

TEST(TextExtractTest, FurnitureOnlyPageIsBadInput) {
  auto a = Text("Home\nWorld\nSports\n09:30\n#News\n");
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().code(), Status::Code::kBadInput);
  EXPECT_EQ(a.status().locator(), "t.txt");
}

}  // namespace
}  // namespace newsfuse
