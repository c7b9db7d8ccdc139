// Issue 15: the publication date a page prints for readers, when it states
// none for machines. Pages and strings written for these tests.
#include "extract/visible_dates.h"

#include <gtest/gtest.h>

#include "extract/extract.h"
#include "test_util.h"

namespace newsfuse {
namespace {

using extract_internal::FirstDateInText;
using extract_internal::MonthFromAnyName;
using testing::Dump;

std::string Iso(std::string_view text, bool month_first = false) {
  auto d = FirstDateInText(text, month_first);
  return d ? d->ToIso() : "-";
}

TEST(VisibleDatesTest, NumericForms) {
  EXPECT_EQ(Iso("Letzte Aktualisierung: 18.01.2018"), "2018-01-18");
  EXPECT_EQ(Iso("posted 2018-06-10 09:12"), "2018-06-10");
  EXPECT_EQ(Iso("\xE8\xB3\xAA\xE5\x95\x8F 2020\xE5\xB9\xB4"
                "07\xE6\x9C\x88"
                "03\xE6\x97\xA5"),
            "2020-07-03");
  // Slashes: day first unless the page is US English; a number above 12
  // settles the order either way.
  EXPECT_EQ(Iso("04/05/2020"), "2020-05-04");
  EXPECT_EQ(Iso("04/05/2020", true), "2020-04-05");
  EXPECT_EQ(Iso("20/06/2019", true), "2019-06-20");
  EXPECT_EQ(Iso("06/20/2019"), "2019-06-20");
}

TEST(VisibleDatesTest, DottedDatesWithATwoDigitYear) {
  EXPECT_EQ(Iso("Erstellt 02.12.19 um 12:44"), "2019-12-02");
  EXPECT_EQ(Iso("28.09.19"), "2019-09-28");
  // Not a version, an address or a single-digit month, nor slashed.
  EXPECT_EQ(Iso("Version 1.12.19.4"), "-");
  EXPECT_EQ(Iso("Version 2.1.19"), "-");
  EXPECT_EQ(Iso("02/12/19"), "-");
  EXPECT_EQ(Iso("31.02.19"), "-");
}

TEST(VisibleDatesTest, SpacedDottedDates) {
  // "4. 2. 2022" as German typesetting spaces it: ASCII, thin or no-break.
  EXPECT_EQ(Iso("Tennisverband Nord 4. 2. 2022"), "2022-02-04");
  EXPECT_EQ(Iso("Verband 4.\xE2\x80\x89"
                "2.\xE2\x80\x89"
                "2022."),
            "2022-02-04");
  EXPECT_EQ(Iso("am 17.\xC2\xA0M\xC3\xA4rz 2021 und 9.\xC2\xA0"
                "3.\xC2\xA0"
                "2021"),
            "2021-03-17");
  // Only dotted dates: "4 - 2 - 2022" and "4 / 2 / 2022" are no dates, nor a
  // list "Punkte 3. 4. 12".
  EXPECT_EQ(Iso("Ergebnis 4 - 2 - 2022"), "-");
  EXPECT_EQ(Iso("Seite 4 / 2 / 2022"), "-");
  EXPECT_EQ(Iso("Punkte 3. 4. 12"), "-");
}

TEST(VisibleDatesTest, MonthNamesInSeveralLanguages) {
  EXPECT_EQ(Iso("Eingetragen am 3. Januar 2020 vom Team"), "2020-01-03");
  EXPECT_EQ(Iso("Nov\xC2\xA0"
                "23,\xC2\xA0"
                "2020\xC2\xA0"
                "at\xC2\xA0"
                "5:02\xC2\xA0"
                "AM"),
            "2020-11-23");
  EXPECT_EQ(Iso("Mi\xC3\xA9rcoles, 15 de Abril de 2020"), "2020-04-15");
  EXPECT_EQ(Iso("jeudi 27 juin 2019, par la r\xC3\xA9"
                "daction"),
            "2019-06-27");
  EXPECT_EQ(Iso("Blog entry by A. Writer | 28 April, 2017"), "2017-04-28");
  EXPECT_EQ(Iso("Posted the September 1st, 2017 at 0h00"), "2017-09-01");
  EXPECT_EQ(MonthFromAnyName("m\xC3\xA4rz"), 3);
  EXPECT_EQ(MonthFromAnyName("ao\xC3\xBBt"), 8);
  EXPECT_EQ(MonthFromAnyName("maart"), 3);
  EXPECT_EQ(MonthFromAnyName("monday"), 0);
}

TEST(VisibleDatesTest, TheEarliestDateInTheTextWins) {
  EXPECT_EQ(Iso("12 March 2020, updated 14.03.2020"), "2020-03-12");
  EXPECT_EQ(Iso("14.03.2020, first published 12 March 2020"), "2020-03-14");
}

TEST(VisibleDatesTest, NoDateWithoutDayMonthAndYear) {
  EXPECT_EQ(Iso("mardi 17 mars"), "-");           // no year
  EXPECT_EQ(Iso("Joined March 2007"), "-");       // no day
  EXPECT_EQ(Iso("vor 2 Monaten, 1 Woche"), "-");  // relative
  EXPECT_EQ(Iso("09:30 - 10:00"), "-");
  EXPECT_EQ(Iso("31.02.2020"), "-");  // not a calendar day
  EXPECT_EQ(Iso("tel. 030/123/4567"), "-");
  EXPECT_EQ(Iso("May the 4th be with you in 2020"), "-");
}

RawPage Page(const std::string& head, const std::string& before_body) {
  RawPage page;
  page.locator = "dated.html";
  page.format = PageFormat::kHtml;
  page.content = "<html lang=\"de\"><head>" + head + "</head><body>" + before_body +
                 R"(<article><h1>Schleuse wieder offen</h1>
<p>Die Schleuse am Hafen ist nach acht Monaten Reparatur seit Montag wieder in Betrieb.</p>
<p>Die neuen Tore lassen bei Hochwasser doppelt so viel Wasser durch wie die alten.</p>
</article></body></html>)";
  return page;
}

TEST(VisibleDatesPageTest, DateElementGivesThePublicationDate) {
  auto a = ExtractArticle(
      Page("<title>Schleuse wieder offen</title>", R"(<div class="news-datum">10.06.2018</div>)"));
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  ASSERT_TRUE(a->published) << Dump(*a);
  EXPECT_EQ(a->published->ToIso(), "2018-06-10");
  EXPECT_EQ(a->field_sources["published"], "visible-date");
}

TEST(VisibleDatesPageTest, MetadataBeatsThePrintedDate) {
  auto a = ExtractArticle(
      Page(R"(<meta property="article:published_time" content="2018-06-09T18:00:00+02:00">)",
           R"(<span class="entry-date">10. Juni 2018</span>)"));
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  ASSERT_TRUE(a->published) << Dump(*a);
  EXPECT_EQ(a->published->ToIso(), "2018-06-09T18:00:00+02:00");
}

TEST(VisibleDatesPageTest, ADateOutsideDateElementsIsNotRead) {
  auto a = ExtractArticle(Page("<title>Schleuse</title>", "<p>Termin: 10.06.2018</p>"));
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_FALSE(a->published) << Dump(*a);
}

TEST(VisibleDatesPageTest, TimeElementTextWithoutDatetime) {
  auto a = ExtractArticle(Page("<title>Schleuse</title>", "<time>3. Dezember 2011</time>"));
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  ASSERT_TRUE(a->published) << Dump(*a);
  EXPECT_EQ(a->published->ToIso(), "2011-12-03");
}

}  // namespace
}  // namespace newsfuse
