// Issues 13/15: a page that is a notice (cookie or consent wall, login wall,
// "enable JavaScript" shell, browser check) or an index page is refused as
// "not an article", with its reason; a real article that mentions the same
// words, or carries a cookie banner, is kept. Pages written for these tests.
#include <gtest/gtest.h>

#include "extract/extract.h"
#include "test_util.h"

namespace newsfuse {
namespace {

using testing::Dump;

RawPage Html(const std::string& head, const std::string& body) {
  RawPage page;
  page.locator = "notice.html";
  page.url = "https://www.valleyherald.com/news/dam";
  page.format = PageFormat::kHtml;
  page.content = "<html><head>" + head + "</head><body>" + body + "</body></html>";
  return page;
}

// The reason of a refusal, or "" when the page was taken as an article.
std::string Refusal(const RawPage& page) {
  auto a = ExtractArticle(page);
  if (a.ok()) return "";
  EXPECT_EQ(a.status().code(), Status::Code::kBadInput);
  EXPECT_EQ(a.status().locator(), page.locator);
  return a.status().message();
}

const char* kStory = R"(<article>
<p>The river dam reopened on Monday after eight months of repairs to its spillway gates, the
county water board said in a statement.</p>
<p>Engineers said the new gates can release twice as much water during spring floods, and the
road across the dam will reopen to traffic next week once the last inspections are finished.</p>
<p>Residents downstream had asked for the work after the floods of two years ago damaged more
than forty homes along the lower valley.</p>
</article>)";

TEST(NotArticleTest, ConsentWallIsRefused) {
  const std::string wall = R"(<div class="consent"><h1>Before you continue</h1>
<p>We use cookies and data to deliver and maintain our services, measure audiences and
improve them.</p>
<p>If you choose to accept all, we and our partners will also use cookies to show
personalised content and advertising.</p>
<p>Select manage preferences to see more options, including how to reject all.</p>
<p>Accept all</p><p>Reject all</p></div>)";
  EXPECT_EQ(Refusal(Html("<title>Before you continue</title>", wall)),
            "not an article: cookie or consent notice");
  // The same in German.
  const std::string de = R"(<div><p>Wir verwenden Cookies und ähnliche Technologien, um Inhalte
zu personalisieren. Mit Alle akzeptieren stimmen Sie der Einwilligung zu.</p>
<p>Weitere Informationen finden Sie in unserer Datenschutz-Erklärung.</p></div>)";
  EXPECT_EQ(Refusal(Html("", de)), "not an article: cookie or consent notice");
}

TEST(NotArticleTest, ArticleWithACookieBannerIsKept) {
  const std::string banner =
      R"(<div><p>We use cookies to improve your experience. Accept all cookies.</p></div>)";
  auto a = ExtractArticle(Html("<title>Dam reopens</title>", std::string(kStory) + banner));
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_NE(Dump(*a).find("spillway"), std::string::npos);
}

TEST(NotArticleTest, ShortArticleAboutCookieRulesIsKept) {
  // Every paragraph speaks of cookies and consent; the banner's words are
  // quoted, and the paragraphs are prose.
  const std::string story = R"(<article>
<p>Regulators said on Tuesday that websites showing a banner reading "We use cookies" must also
offer a button that rejects tracking cookies as easily as the one that accepts them, or face
fines under the privacy law.</p>
<p>The ruling follows complaints that consent banners nudged readers into accepting advertising
cookies, the authority's chair said, adding that partners who buy the data are also covered by
the new privacy rules.</p>
</article>)";
  EXPECT_EQ(Refusal(Html("<title>Cookie banners must offer a reject button</title>", story)), "");
}

TEST(NotArticleTest, LoginWallAndFacebookNoticeAreRefused) {
  const std::string fb = R"(<div><p>See more of Valley Herald on Facebook</p>
<p>Log In</p><p>or</p><p>Create New Account</p></div>)";
  EXPECT_EQ(Refusal(Html("<title>Valley Herald - Home</title>", fb)),
            "not an article: login or sign-up notice");
  const std::string login = R"(<div><p>You must be logged in to read this page.</p>
<p>Sign in with your account e-mail and password, or register for free.</p></div>)";
  EXPECT_EQ(Refusal(Html("", login)), "not an article: login or sign-up notice");
}

TEST(NotArticleTest, ScriptShellAndBrowserCheckAreRefused) {
  EXPECT_EQ(Refusal(Html("<title>Valley Herald</title>",
                         "<noscript>You need to enable JavaScript to run this app.</noscript>"
                         "<div id=\"root\"></div>")),
            "not an article: \"enable JavaScript\" notice");
  EXPECT_EQ(Refusal(Html("<title>Just a moment...</title>",
                         "<div><p>Checking your browser before accessing valleyherald.com.</p>"
                         "<p>This process is automatic. Your browser will redirect shortly.</p>"
                         "</div>")),
            "not an article: browser check or access-denied page");
}

TEST(NotArticleTest, ArticleWithAScriptNoticeIsKept) {
  // A video player's "enable JavaScript" line inside a full story.
  auto a = ExtractArticle(
      Html("<title>Dam reopens</title>",
           std::string(kStory) + "<p>Please enable JavaScript to watch this video.</p>"));
  ASSERT_TRUE(a.ok()) << a.status().ToString();
}

const char* kListing = R"(<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "CollectionPage", "name": "Local news"}
</script>)";

const char* kTeasers = R"(<main>
<h2>Dam reopens after eight months of repairs</h2><p>The spillway gates are new.</p>
<h2>School board approves budget</h2><p>Teachers get a raise next year.</p>
<h2>Road works on Main Street</h2><p>Detours until Friday.</p>
</main>)";

TEST(NotArticleTest, IndexPageByItsSchemaIsRefused) {
  EXPECT_EQ(Refusal(Html(kListing, kTeasers)), "not an article: index or list page");
}

TEST(NotArticleTest, ListingSchemaWithAnArticleOrProseIsKept) {
  // The page also calls itself an article.
  EXPECT_EQ(Refusal(Html(std::string(kListing) + R"(<meta property="og:type" content="article">)",
                         kTeasers)),
            "");
  // Paragraphs of prose: a story on a page mislabelled as a collection.
  EXPECT_EQ(Refusal(Html(kListing, kStory)), "");
  // The same teasers without any listing schema: not enough evidence.
  EXPECT_EQ(Refusal(Html("", kTeasers)), "");
}

TEST(NotArticleTest, PlainTextNoticeIsRefused) {
  RawPage page;
  page.locator = "notice.txt";
  page.format = PageFormat::kText;
  page.content =
      "See more of Valley Herald on Facebook\n\nLog In\n\nor\n\nCreate New Account\n\n"
      "Forgot account?\n";
  auto a = ExtractArticle(page);
  ASSERT_FALSE(a.ok()) << Dump(*a);
  EXPECT_EQ(a.status().locator(), "notice.txt");
  EXPECT_EQ(a.status().message(), "not an article: login or sign-up notice");
}

RawPage Text(const std::string& text) {
  RawPage page;
  page.locator = "README.md";
  page.format = PageFormat::kText;
  page.content = text;
  return page;
}

TEST(NotArticleTest, SoftwareReadmeIsRefused) {
  const std::string readme =
      "# riverkit\n\nA small library that reads river gauge data from public sensors and "
      "writes tidy tables for later analysis.\n\n## Installation\n\n```\nmake install\n```\n\n"
      "## Usage\n\nCall the reader with the station code; it returns one row per hour of "
      "readings, with gaps marked.\n\n## License\n\nMIT\n";
  EXPECT_EQ(Refusal(Text(readme)), "not an article: software README or manual");
}

TEST(NotArticleTest, TextWithHashtagsOrOneSectionWordIsKept) {
  // A story whose lines begin with hashtags, and a story with one "Usage"
  // heading and no code: not a README.
  const std::string story =
      "Dam reopens after repairs\n\n#usage #install\n\nThe river dam reopened on Monday after "
      "eight months of repairs to its spillway gates, the county water board said.\n\n"
      "# Usage\n\nEngineers said the new gates can release twice as much water during spring "
      "floods, and the road will reopen next week.\n";
  EXPECT_EQ(Refusal(Text(story)), "");
}

}  // namespace
}  // namespace newsfuse
