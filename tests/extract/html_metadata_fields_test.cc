// Issue 15: HTML metadata as person names and clean titles, on pages written
// for these tests.
#include <gtest/gtest.h>

#include "extract/author_names.h"
#include "extract/extract.h"
#include "test_util.h"

namespace newsfuse {
namespace {

using testing::Dump;

RawPage HtmlPage(const std::string& head, const std::string& body_extra = "") {
  return testing::DamStoryPage(head, body_extra);
}

TEST(AuthorNamesTest, LinkTextAroundANameIsRemoved) {
  using extract_internal::CleanAuthorName;
  EXPECT_EQ(CleanAuthorName("View all posts by Mara Lindqvist", ""), "Mara Lindqvist");
  EXPECT_EQ(CleanAuthorName("Zeige alle Beiträge von Jonas Feld", ""), "Jonas Feld");
  EXPECT_EQ(CleanAuthorName("By Tom Ash", ""), "Tom Ash");
  EXPECT_EQ(CleanAuthorName("Posted by: Ola Berg Tuesday", ""), "Ola Berg");
  EXPECT_EQ(CleanAuthorName("Carl Mott Jr.", ""), "Carl Mott Jr.");
  // Link text alone, a group, the outlet: no person.
  EXPECT_EQ(CleanAuthorName("View my complete profile", ""), "");
  EXPECT_EQ(CleanAuthorName("Follow author", ""), "");
  EXPECT_EQ(CleanAuthorName("Our Harbour Staff", ""), "");
  EXPECT_EQ(CleanAuthorName("Valley Herald", "Valley Herald"), "");
  EXPECT_EQ(CleanAuthorName("Herald", "The Valley Herald"), "");
  EXPECT_EQ(CleanAuthorName("https://example.org/authors/x", ""), "");
  // A person's blog named after them keeps the name.
  EXPECT_EQ(CleanAuthorName("Ivo Kast (ivokast)", "Ivo Kast"), "Ivo Kast (ivokast)");
  EXPECT_EQ(CleanAuthorName("Ivo Kast", ""), "Ivo Kast");
}

TEST(HtmlAuthorsTest, RelAuthorLinkTextGivesTheNameOnly) {
  auto a = ExtractArticle(HtmlPage(
      "<title>Dam opens</title>",
      R"(<p class="meta"><a rel="author" href="/u/ml">View all posts by Mara Lindqvist</a></p>)"));
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  ASSERT_EQ(a->authors.size(), 1u) << Dump(*a);
  EXPECT_EQ(a->authors[0], "Mara Lindqvist");
}

TEST(HtmlAuthorsTest, GermanLinkTextAndProfileLinkAreNotAuthors) {
  auto a = ExtractArticle(HtmlPage(
      "<title>Damm offen</title>",
      R"(<div class="author-info"><a href="/a/jf">Zeige alle Beiträge von Jonas Feld</a></div>)"));
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  ASSERT_EQ(a->authors.size(), 1u) << Dump(*a);
  EXPECT_EQ(a->authors[0], "Jonas Feld");

  auto b = ExtractArticle(
      HtmlPage("<title>Dam opens</title>",
               R"(<div class="author-profile"><a href="/p">View my complete profile</a></div>)"));
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  EXPECT_TRUE(b->authors.empty()) << Dump(*b);
}

TEST(HtmlAuthorsTest, PublisherOrStaffIsNoAuthorAndNoneIsInvented) {
  auto a = ExtractArticle(HtmlPage(R"(<title>Dam opens</title>
<meta property="og:site_name" content="Valley Herald">
<meta name="author" content="Valley Herald">)"));
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_TRUE(a->authors.empty()) << Dump(*a);

  auto b = ExtractArticle(
      HtmlPage("<title>Dam opens</title>", R"(<span class="byline">By Our Harbour Staff</span>)"));
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  EXPECT_TRUE(b->authors.empty()) << Dump(*b);
}

TEST(HtmlTitleTest, SiteNameOfTheTitleTagIsStrippedFromOgTitle) {
  // No og:site_name: the site is what <title> adds after " | ".
  auto a = ExtractArticle(HtmlPage(R"(<title>Dam opens after repairs | Valley Herald</title>
<meta property="og:title" content="Dam opens after repairs - Valley Herald">)"));
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->title, "Dam opens after repairs") << Dump(*a);
  EXPECT_EQ(a->outlet, "Valley Herald");
}

TEST(HtmlTitleTest, SitePrefixAndDashSuffixAreStripped) {
  auto a = ExtractArticle(HtmlPage(R"(<meta property="og:site_name" content="Valley Herald">
<meta property="og:title" content="Valley Herald - Dam opens after repairs">)"));
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->title, "Dam opens after repairs") << Dump(*a);

  auto b = ExtractArticle(
      HtmlPage("<title>Dam opens after long repairs \xE2\x80\x93 Valley Herald</title>"));
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  EXPECT_EQ(b->title, "Dam opens after long repairs") << Dump(*b);
  // A dash inside a headline is not a site affix.
  auto c =
      ExtractArticle(HtmlPage("<title>Floods in the valley \xE2\x80\x93 live updates</title>"));
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->title, "Floods in the valley \xE2\x80\x93 live updates") << Dump(*c);
}

TEST(HtmlTitleTest, TitleTagBeatsAnH1ThatIsASectionName) {
  auto a = ExtractArticle(HtmlPage("<title>Dam opens after repairs | Valley Herald</title>",
                                   "<h1>Regional News Center</h1>"));
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->title, "Dam opens after repairs") << Dump(*a);
  // An <h1> the <title> repeats is the clean headline.
  auto b = ExtractArticle(HtmlPage("<title>Valley Herald: Dam opens after repairs</title>",
                                   "<h1>Dam opens after repairs</h1>"));
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  EXPECT_EQ(b->title, "Dam opens after repairs") << Dump(*b);
}

TEST(HtmlTitleTest, AShortTitleTagBeatsAnH1OfFewerWords) {
  // A one-word <h1> is a section name or a logo; the two-word <title> says more.
  auto a = ExtractArticle(HtmlPage("<title>Spillway Repairs</title>", "<h1>Dams</h1>"));
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->title, "Spillway Repairs") << Dump(*a);
  EXPECT_EQ(a->field_sources.at("title"), "title-tag");
  // A <title> that says too little still yields to a longer <h1>.
  auto b = ExtractArticle(HtmlPage("<title>Dams</title>", "<h1>Spillway gates reopen</h1>"));
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  EXPECT_EQ(b->title, "Spillway gates reopen") << Dump(*b);
}

TEST(HtmlTitleTest, TheHeadlineTheCandidatesAgreeOnWins) {
  // og:title is a social teaser; JSON-LD, <title> and <h1> share the headline.
  auto a = ExtractArticle(HtmlPage(
      R"(<meta property="og:title" content="You will not believe what the gates can do">
<title>Dam opens after eight months of repairs - Valley Herald</title>
<script type="application/ld+json">{"@type": "NewsArticle",
"headline": "Dam opens after eight months of repairs"}</script>)",
      "<h1>Dam opens after eight months of repairs</h1>"));
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->title, "Dam opens after eight months of repairs") << Dump(*a);
  EXPECT_EQ(a->field_sources.at("title"), "json-ld");
  // The JSON-LD headline is a description; <title> and <h1> agree, and the
  // hyphen-separated site name the <title> adds is dropped.
  auto b = ExtractArticle(HtmlPage(
      R"(<title>Spillway gate - Riverpedia</title>
<script type="application/ld+json">{"@type": "Article",
"headline": "movable barrier that controls the flow over a dam"}</script>)",
      "<h1>Spillway gate</h1>"));
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  EXPECT_EQ(b->title, "Spillway gate") << Dump(*b);
}

TEST(HtmlBodyTest, JsonLdArticleBodyWhenTheMarkupHasNone) {
  RawPage page;
  page.locator = "ld.html";
  page.format = PageFormat::kHtml;
  page.content = R"(<html><head><title>Ferry resumes</title>
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Ferry resumes",
"articleBody": "The island ferry resumed its winter timetable on Friday after storms.\nPassengers queued from dawn, and the operator added two extra crossings."}</script>
</head><body><div id="app"></div><p>Loading</p></body></html>)";
  auto a = ExtractArticle(page);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  ASSERT_EQ(a->paragraphs.size(), 2u) << Dump(*a);
  EXPECT_EQ(a->paragraphs[0],
            "The island ferry resumed its winter timetable on Friday after storms.");
  EXPECT_EQ(a->field_sources["body"], "json-ld");
}

TEST(HtmlBodyTest, MarkupBodyBeatsAShortJsonLdTeaser) {
  RawPage page = HtmlPage(R"(<title>Dam opens</title>
<script type="application/ld+json">{"@type": "NewsArticle", "articleBody": "The river dam reopened."}</script>)");
  auto a = ExtractArticle(page);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->paragraphs.size(), 2u) << Dump(*a);
  EXPECT_EQ(a->field_sources.count("body"), 0u);
}

TEST(HtmlUrlTest, JsonLdPublisherIsTheSiteName) {
  auto a = ExtractArticle(HtmlPage(R"(<title>Dam opens</title>
<script type="application/ld+json">{"@type": "NewsArticle", "publisher": {"@type": "Organization", "name": "Valley Herald"}}</script>)"));
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->outlet, "Valley Herald");
  EXPECT_EQ(a->field_sources["outlet"], "json-ld");
}

}  // namespace
}  // namespace newsfuse
