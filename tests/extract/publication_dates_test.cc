// Issue 15: the publication date of pages the body extractor refuses, dates in
// URL paths, and the publication date chosen over modified and copyright
// dates. Pages and strings written for these tests.
#include <gtest/gtest.h>

#include "extract/extract.h"
#include "extract/machine_dates.h"
#include "test_util.h"

namespace newsfuse {
namespace {

using testing::Dump;

RawPage Html(const std::string& html, const std::string& url = "") {
  RawPage page;
  page.locator = "t.html";
  page.url = url;
  page.format = PageFormat::kHtml;
  page.content = html;
  return page;
}

ExtractOptions MetadataOnly() {
  ExtractOptions o;
  o.metadata_without_body = true;
  return o;
}

std::string Published(const Result<Article>& a) {
  return a.ok() && a->published ? a->published->ToIso().substr(0, 10) : "-";
}

const char* kShell = R"(<html><head><title>Ferry timetable changes</title>
<meta property="article:published_time" content="2021-03-14T08:00:00+01:00">
<meta name="author" content="Lena Ostrova"></head>
<body><div id="app">Loading</div></body></html>)";

TEST(MetadataWithoutBodyTest, RefusedPageStillGivesItsMetadataWhenAsked) {
  // Default: refused as before.
  auto refused = ExtractArticle(Html(kShell));
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message().find("no article text"), std::string::npos);

  auto a = ExtractArticle(Html(kShell), MetadataOnly());
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_TRUE(a->paragraphs.empty()) << Dump(*a);
  EXPECT_EQ(Published(a), "2021-03-14") << Dump(*a);
  EXPECT_EQ(a->title, "Ferry timetable changes");
  ASSERT_EQ(a->authors.size(), 1u) << Dump(*a);
  EXPECT_NE(a->field_sources["refused"].find("no article text"), std::string::npos) << Dump(*a);
}

TEST(MetadataWithoutBodyTest, ConsentWallKeepsItsDateButNoBody) {
  const std::string wall = R"(<html><head><title>Harbour news</title>
<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2022-05-02"}</script>
</head><body><div class="consent"><p>We use cookies to improve your experience. By clicking
accept all cookies you agree to the storing of cookies on your device. Manage cookie settings
or reject all cookies.</p></div></body></html>)";
  auto a = ExtractArticle(Html(wall), MetadataOnly());
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_TRUE(a->paragraphs.empty()) << Dump(*a);
  EXPECT_EQ(Published(a), "2022-05-02") << Dump(*a);
  EXPECT_FALSE(a->field_sources["refused"].empty()) << Dump(*a);
}

const char* kBody = R"(<article>
<p>The ferry between the two islands will run every hour from next week, the operator said.</p>
<p>Passengers asked for more evening crossings after the summer timetable ended in October.</p>
</article>)";

TEST(UrlDatesTest, PathForms) {
  using extract_internal::DateFromPath;
  auto iso = [](std::string_view p) {
    auto d = DateFromPath(p);
    return d ? d->ToIso() : "-";
  };
  EXPECT_EQ(iso("https://example.org/2021/03/14/ferry-times/"), "2021-03-14");
  EXPECT_EQ(iso("https://example.org/news/2021-03-14-ferry"), "2021-03-14");
  EXPECT_EQ(iso("https://example.org/news/20210314/ferry"), "2021-03-14");
  EXPECT_EQ(iso("https://example.org/ferry_20210314.html"), "2021-03-14");
  // Inside a longer number (an archive timestamp, an id) it is no date.
  EXPECT_EQ(iso("https://archive.example/web/20210314120000/x"), "-");
  EXPECT_EQ(iso("https://example.org/article/120210314"), "-");
  EXPECT_EQ(iso("https://example.org/news/20211399/x"), "-");
  // Day and month before the year as a whole segment, when only one order is a date.
  EXPECT_EQ(iso("https://example.org/meldungen/29-10-2021"), "2021-10-29");
  EXPECT_EQ(iso("https://example.org/notes/10.29.2021/"), "2021-10-29");
  EXPECT_EQ(iso("https://example.org/meldungen/05-04-2021"), "-");
  EXPECT_EQ(iso("https://example.org/id/29-10-20214"), "-");
}

TEST(UrlDatesTest, UtcInstantTakesTheDayThePageAddressNames) {
  // 03:28 UTC on the 9th is the evening of the 8th in the Americas, and the
  // page's canonical address says the 8th.
  const std::string head = R"(<title>Ferry</title>
<link rel="canonical" href="https://example.org/2023/11/08/ferry-times/">
<meta property="article:published_time" content="2023-11-09T03:28:35+00:00">)";
  auto a = ExtractArticle(Html("<html><head>" + head + "</head><body>" + kBody + "</body></html>"));
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(Published(a), "2023-11-08") << Dump(*a);

  // A stated local offset is the writer's own day: kept.
  const std::string local = R"(<title>Ferry</title>
<link rel="canonical" href="https://example.org/2023/11/08/ferry-times/">
<meta property="article:published_time" content="2023-11-09T03:28:35+01:00">)";
  auto b =
      ExtractArticle(Html("<html><head>" + local + "</head><body>" + kBody + "</body></html>"));
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  EXPECT_EQ(Published(b), "2023-11-09") << Dump(*b);

  // A UTC instant days away from the address's day is not that day anywhere.
  const std::string far = R"(<title>Ferry</title>
<link rel="canonical" href="https://example.org/2023/11/08/ferry-times/">
<meta property="article:published_time" content="2023-11-12T10:00:00Z">)";
  auto c = ExtractArticle(Html("<html><head>" + far + "</head><body>" + kBody + "</body></html>"));
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(Published(c), "2023-11-12") << Dump(*c);
}

TEST(LocalTimeTest, TheSameInstantWithTheWritersOffsetGivesTheWritersDay) {
  // 22:40 UTC on the 3rd is 00:40 on the 4th in Vienna; the page states both.
  const std::string both = R"(<title>Tram</title>
<script type="application/ld+json">{"@type":"NewsArticle",
 "datePublished":"2021-06-03T22:40:00Z"}</script>
<meta name="date" content="Fri, 04 Jun 2021 00:40:00 +0200">)";
  auto a = ExtractArticle(Html("<html><head>" + both + "</head><body>" + kBody + "</body></html>"));
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(Published(a), "2021-06-04") << Dump(*a);
  EXPECT_EQ(a->published->utc_offset_minutes, 120) << Dump(*a);

  // Another instant with an offset (a modified time, a related story) is not
  // the same moment: the UTC day stays.
  const std::string other = R"(<title>Tram</title>
<script type="application/ld+json">{"@type":"NewsArticle",
 "datePublished":"2021-06-03T22:40:00Z"}</script>
<time datetime="2021-06-04T09:15:00+02:00">4 June</time>)";
  auto b =
      ExtractArticle(Html("<html><head>" + other + "</head><body>" + kBody + "</body></html>"));
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  EXPECT_EQ(Published(b), "2021-06-03") << Dump(*b);
}

TEST(BylineDatesTest, TheBylinesDateBeatsACitedDateInTheText) {
  // No machine date; the byline states the day, and the body cites an older
  // piece "vom 15. Okt. 2014" (a labelled date in running text).
  const std::string page = R"(<html><head><title>Zinsen und Sparquote</title></head><body>
<h1>Zinsen und Sparquote</h1>
<div class="author"><a href="/autoren/mira-holm/">Mira Holm</a>, 21. Jan. 2015</div>
<p>Die Sparquote der privaten Haushalte ist im vergangenen Jahr erneut gestiegen, obwohl die Zinsen
auf Einlagen kaum noch etwas einbringen, wie neue Zahlen zeigen.</p>
<p>Siehe auch den Beitrag vom 15. Okt. 2014.</p></body></html>)";
  EXPECT_EQ(Published(ExtractArticle(Html(page))), "2015-01-21");

  // An update stated in the byline is no publication date.
  std::string updated = page;
  updated.replace(updated.find(", 21. Jan."), 2, ", aktualisiert ");
  const auto b = ExtractArticle(Html(updated));
  EXPECT_NE(Published(b), "2015-01-21");
}

TEST(JsonLdDatesTest, UntypedScriptAndNonArticleObjectsGiveTheDate) {
  // A schema.org object in a <script> without a type attribute.
  const std::string untyped = R"(<html><head><title>Ferry</title>
<script>{"@context": "http://schema.org", "@type": "NewsArticle",
 "datePublished": "2022-01-28T06:00:00+01:00"}</script></head><body>)" +
                              std::string(kBody) + "</body></html>";
  EXPECT_EQ(Published(ExtractArticle(Html(untyped))), "2022-01-28");
  // A script that is code is not read.
  const std::string code = R"(<html><head><title>Ferry</title>
<script>var x = {"@context": "http://schema.org", "datePublished": "2022-01-28"};</script>
</head><body>)" + std::string(kBody) +
                           "</body></html>";
  EXPECT_EQ(Published(ExtractArticle(Html(code))), "-");
  // Only a WebPage or a video states the date.
  const std::string video = R"(<html><head><title>Ferry</title>
<script type="application/ld+json">{"@type": "VideoObject", "name": "Ferry",
 "uploadDate": "2020-04-04T20:57:00+02:00"}</script></head><body>)" +
                            std::string(kBody) + "</body></html>";
  EXPECT_EQ(Published(ExtractArticle(Html(video))), "2020-04-04");
}

std::string PageWith(const std::string& before_body) {
  return "<html><head><title>Ferry</title></head><body>" + before_body + kBody + "</body></html>";
}

TEST(PageTextDatesTest, ALabelledDateInRunningTextIsThePublicationDate) {
  // No metadata, no date-named class: the label says which date it is.
  auto a =
      ExtractArticle(Html(PageWith("<div><span>Zuletzt aktualisiert 03.02.2022</span></div>"
                                   "<dl><dt>Datum</dt><dd>26. Januar 2022</dd></dl>")));
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(Published(a), "2022-01-26") << Dump(*a);
  EXPECT_EQ(a->field_sources["published"], "page-text");

  // A label in another language, from the generated label words.
  auto b = ExtractArticle(Html(PageWith("<p><small>Publié le 5 mars 2021</small></p>")));
  EXPECT_EQ(Published(b), "2021-03-05");

  // "Erstellt am" (created on) labels the day over an earlier plain date.
  auto c =
      ExtractArticle(Html(PageWith("<div><span>Saison 12.10.2021</span></div>"
                                   "<small>Erstellt am: 30.01.2022 18:36</small>")));
  EXPECT_EQ(Published(c), "2022-01-30") << Dump(*c);
}

TEST(PageTextDatesTest, UpdateCopyrightAndLinkDatesAreNotPublicationDates) {
  auto a = ExtractArticle(
      Html(PageWith("<p>Updated 03.02.2022</p><a href=\"/x\">Older story, 02.01.2022</a>"
                    "<footer>\xC2\xA9 01.01.2020 Harbour Press</footer>")));
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(Published(a), "-") << Dump(*a);

  // With nothing else, the first plain date in the text is taken.
  auto b = ExtractArticle(Html(PageWith("<p>Harbour, 14.03.2021</p>")));
  EXPECT_EQ(Published(b), "2021-03-14");
}

TEST(PageTextDatesTest, ADateOpeningALongParagraphDatesThePage) {
  // A press release opens its first paragraph with its day; the paragraph is
  // long running text, otherwise not read for dates.
  const std::string release =
      "<html><head><title>Ferry</title></head><body><article><h1>More crossings</h1>"
      "<p><strong>14.03.2021 The ferry between the two islands will run every hour next "
      "week, the operator said on Sunday, after passengers had asked for more evening "
      "crossings when the summer timetable ended.</strong></p>"
      "<p>The operator said the extra crossings would be reviewed at the end of the winter, "
      "on 30.04.2021, when the spring timetable is drawn up with the harbour office and the "
      "island councils.</p></article></body></html>";
  auto a = ExtractArticle(Html(release));
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(Published(a), "2021-03-14") << Dump(*a);
  EXPECT_EQ(a->field_sources["published"], "page-text");

  // A date inside long running text, not opening it, is still not read.
  const std::string inside =
      "<html><head><title>Ferry</title></head><body><article>"
      "<p>The ferry between the two islands will run every hour from next week, the operator "
      "said. The extra crossings will be reviewed at the end of the winter, on 30.04.2021, "
      "when the spring timetable is drawn up for the islands.</p>"
      "<p>Passengers asked for more evening crossings after the summer timetable ended in "
      "October.</p></article></body></html>";
  EXPECT_EQ(Published(ExtractArticle(Html(inside))), "-");
}

TEST(GenericDateMetaTest, ADatePrintedForReadersOutranksAPlainDateMeta) {
  // name=date says "a date": content systems fill it with the last change.
  const std::string head = R"(<title>Choir</title><meta name="date" content="2020-02-12">)";
  const std::string printed =
      R"(<div class="news-timedata">05.02.2020 - Redaktion</div>)" + std::string(kBody);
  auto a =
      ExtractArticle(Html("<html><head>" + head + "</head><body>" + printed + "</body></html>"));
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(Published(a), "2020-02-05") << Dump(*a);
  EXPECT_EQ(a->field_sources["published"], "visible-date");

  // Alone it still dates the page.
  auto b = ExtractArticle(Html("<html><head>" + head + "</head><body>" + kBody + "</body></html>"));
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  EXPECT_EQ(Published(b), "2020-02-12") << Dump(*b);
  EXPECT_EQ(b->field_sources["published"], "meta:date");

  // A meta name that says "published" keeps its rank over the printed date.
  const std::string named =
      R"(<title>Choir</title><meta name="publish-date" content="2020-02-12">)";
  auto c =
      ExtractArticle(Html("<html><head>" + named + "</head><body>" + printed + "</body></html>"));
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(Published(c), "2020-02-12") << Dump(*c);
}

TEST(DateAgreementTest, TwoAgreeingStatementsOutvoteALoneJsonLdDate) {
  // The JSON-LD date is two days early; the publication meta and the plain
  // date meta agree with each other.
  const std::string ld =
      R"(<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Ferry",
 "datePublished": "2021-03-12T07:00:00Z"}</script>)";
  const std::string both = R"(<title>Ferry</title>
<meta property="article:published_time" content="2021-03-14T08:00:00">
<meta name="date" content="2021-03-14">)" +
                           ld;
  auto a = ExtractArticle(Html("<html><head>" + both + "</head><body>" + kBody + "</body></html>"));
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(Published(a), "2021-03-14") << Dump(*a);
  EXPECT_NE(a->field_sources["published"].find("agreed by"), std::string::npos) << Dump(*a);

  // One disagreeing statement leaves the ranking's choice.
  const std::string one = R"(<title>Ferry</title>
<meta property="article:published_time" content="2021-03-14T08:00:00">)" +
                          ld;
  auto b = ExtractArticle(Html("<html><head>" + one + "</head><body>" + kBody + "</body></html>"));
  EXPECT_EQ(Published(b), "2021-03-12") << Dump(*b);

  // Nor when another place states the chosen day too.
  const std::string backed = both + R"(<meta itemprop="datePublished" content="2021-03-12">)";
  auto c =
      ExtractArticle(Html("<html><head>" + backed + "</head><body>" + kBody + "</body></html>"));
  EXPECT_EQ(Published(c), "2021-03-12") << Dump(*c);
}

TEST(PageTextDatesTest, APlaceAndDateOpeningALongParagraphIsItsDateline) {
  // "Harbourtown, (14.03.2021)." as a press release opens; an event teaser
  // after it holds another date (it is a plain date: the first one counts).
  const std::string release =
      "<html><head><title>Ferry</title></head><body><article><h1>More crossings</h1>"
      "<p>Harbourtown, (14.03.2021). The ferry between the two islands will run every hour "
      "next week, the operator said on Sunday, after passengers had asked for more evening "
      "crossings when the summer timetable ended.</p></article>"
      "<div class=\"teaser\">Sa. 20.03.2021 Harbour festival</div></body></html>";
  auto a = ExtractArticle(Html(release));
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(Published(a), "2021-03-14") << Dump(*a);

  // A lower-case first word with a comma is running text, not a place.
  const std::string running =
      "<html><head><title>Ferry</title></head><body><article><h1>More crossings</h1>"
      "<p>yesterday, 14.03.2021 was the last day the ferry between the two islands ran every "
      "two hours, the operator said on Sunday, after passengers had asked for more evening "
      "crossings when the summer timetable ended.</p></article></body></html>";
  EXPECT_EQ(Published(ExtractArticle(Html(running))), "-");
}

}  // namespace
}  // namespace newsfuse
