// Issue 15: authors as person names, from the page's most deliberate
// statement, with byline words in many languages (generated data,
// src/extract/byline_words.txt). Pages and strings written for these tests.
#include <gtest/gtest.h>

#include "extract/author_names.h"
#include "extract/bylines.h"
#include "extract/extract.h"
#include "test_util.h"

namespace newsfuse {
namespace {

using extract_internal::CleanAuthorName;
using testing::Dump;

RawPage Page(const std::string& head, const std::string& body_extra = "") {
  RawPage page;
  page.locator = "t.html";
  page.format = PageFormat::kHtml;
  page.content = "<html><head><title>Ferry</title>" + head + "</head><body>" + body_extra +
                 R"(<article>
<p>The ferry between the two islands will run every hour from next week, the operator said.</p>
<p>Passengers asked for more evening crossings after the summer timetable ended in October.</p>
</article></body></html>)";
  return page;
}

std::string Authors(const Result<Article>& a) {
  if (!a.ok()) return "error: " + a.status().message();
  std::string out;
  for (const auto& x : a->authors) out += (out.empty() ? "" : "; ") + x;
  return out;
}

TEST(AuthorWordsTest, BylineWordsInManyLanguagesAreNotPartOfTheName) {
  EXPECT_EQ(CleanAuthorName("Автор: Иван Петров", ""), "Иван Петров");
  EXPECT_EQ(CleanAuthorName("作者\xEF\xBC\x9A张三", ""), "张三");
  EXPECT_EQ(CleanAuthorName("山田太郎 による投稿", ""), "山田太郎");
  EXPECT_EQ(CleanAuthorName("Door: Jan de Vries", ""), "Jan de Vries");
  EXPECT_EQ(CleanAuthorName("Oleh: Siti Rahma", ""), "Siti Rahma");
  // A short word that also opens names is a byline word only with its colon.
  EXPECT_EQ(CleanAuthorName("De: Ana Lima", ""), "Ana Lima");
  EXPECT_EQ(CleanAuthorName("Le Roux Martin", ""), "Le Roux Martin");
}

TEST(AuthorWordsTest, DecorationAndHandlesAreNoNames) {
  EXPECT_EQ(CleanAuthorName("Nora Vik \xE2\x80\x94", ""), "Nora Vik");
  EXPECT_EQ(CleanAuthorName("\xE2\x80\xA2 Nora Vik", ""), "Nora Vik");
  EXPECT_EQ(CleanAuthorName("noravik", ""), "");
  EXPECT_EQ(CleanAuthorName("nora_vik42", ""), "");
}

TEST(AuthorSourcesTest, AHandleInMetadataFallsThroughToTheByline) {
  auto a = Page(R"(<meta property="article:author" content="noravik">)",
                R"(<div class="byline">By Nora Vik</div>)");
  EXPECT_EQ(Authors(ExtractArticle(a)), "Nora Vik");
}

TEST(AuthorSourcesTest, TypedAndDublinCoreAuthorsBeatTheGenericMetaAuthor) {
  // A theme's name=author (here the admin account) loses to JSON-LD's Person.
  auto ld = Page(R"(<meta name="author" content="Site Admin Team">
<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Person","name":"Nora Vik"}}</script>)");
  EXPECT_EQ(Authors(ExtractArticle(ld)), "Nora Vik");
  // RDFa lists several property names in one attribute.
  auto dc = Page(R"(<meta property="dc:creator og:see_also" content="Nora Vik">
<meta name="author" content="Harbour Desk">)");
  EXPECT_EQ(Authors(ExtractArticle(dc)), "Nora Vik");
}

TEST(AuthorSourcesTest, ADateAfterTheBylineNameIsNotPartOfIt) {
  auto a = Page("", R"(<div class="FeatureByline"> By <b>Nora Vik</b> March 25, 2015</div>)");
  EXPECT_EQ(Authors(ExtractArticle(a)), "Nora Vik");
  // A number-free second name stays whole.
  auto b = Page("", R"(<div class="byline">By Nora Vik and Ola Berg</div>)");
  EXPECT_EQ(Authors(ExtractArticle(b)), "Nora Vik; Ola Berg");
}

TEST(AuthorSourcesTest, APersonWhoIsAlsoThePublisherIsThePersonalSitesAuthor) {
  // A personal site publishes under its owner's name: JSON-LD types the
  // author a Person, so that name is kept though it is also the outlet.
  auto own = Page(R"(<script type="application/ld+json">{"@type":"Article",
"author":{"@type":"Person","name":"Nora Vik"},
"publisher":{"@type":"Organization","name":"Nora Vik"}}</script>)");
  auto a = ExtractArticle(own);
  EXPECT_EQ(Authors(a), "Nora Vik");
  EXPECT_EQ(a.ok() ? a->outlet : "", "Nora Vik");
  // An author given untyped (or as an Organization) that is the outlet's own
  // name is still the outlet, not a person.
  auto outlet = Page(R"(<script type="application/ld+json">{"@type":"NewsArticle",
"author":{"@type":"Organization","name":"Harbour Post"},
"publisher":{"@type":"Organization","name":"Harbour Post"}}</script>)");
  EXPECT_EQ(Authors(ExtractArticle(outlet)), "");
  auto plain = Page(R"(<script type="application/ld+json">{"@type":"NewsArticle",
"author":"Harbour Post","publisher":{"@type":"Organization","name":"Harbour Post"}}</script>)");
  EXPECT_EQ(Authors(ExtractArticle(plain)), "");
}

TEST(AuthorSourcesTest, FollowWidgetsAndCommentBylinesDoNotHideThePagesByline) {
  // A "follow our columnists" box and a reader comment come before the
  // article's byline in the markup; neither names the page's author.
  auto a = Page("", R"(<ul class="follow-authors">
<li class="author-follow">Ola Berg <button>Follow</button></li>
<li class="author-follow">Kari Dahl <button>Follow</button></li>
<li class="author-follow">Per Lund <button>Follow</button></li>
</ul>
<ul class="comments-list"><li><div class="byline">By Eva Holm</div><p>Great news!</p></li></ul>
<div class="author">NORA VIK</div>)");
  EXPECT_EQ(Authors(ExtractArticle(a)), "Nora Vik");
}

TEST(AuthorBylinesTest, SeveralAuthorsInAnyLanguagesListWord) {
  EXPECT_EQ(Authors(ExtractArticle(
                Page("", R"(<div class="byline">By Nora Vik, Tom Berg and Ida Lund</div>)"))),
            "Nora Vik; Tom Berg; Ida Lund");
  // "und", "et": ICU's list patterns, not a word list of ours.
  EXPECT_EQ(
      Authors(ExtractArticle(Page("", R"(<div class="byline">Von Nora Vik und Tom Berg</div>)"))),
      "Nora Vik; Tom Berg");
  EXPECT_EQ(
      Authors(ExtractArticle(Page("", R"(<div class="byline">Par Nora Vik et Tom Berg</div>)"))),
      "Nora Vik; Tom Berg");
  // One field holding two names, in metadata too.
  EXPECT_EQ(
      Authors(ExtractArticle(Page(R"(<script type="application/ld+json">{"@type": "NewsArticle",
 "author": {"@type": "Person", "name": "Nora Vik and Tom Berg"}}</script>)"))),
      "Nora Vik; Tom Berg");
}

TEST(AuthorBylinesTest, RolesDegreesAndOutletsAfterTheNameAreNotAuthors) {
  EXPECT_EQ(Authors(ExtractArticle(Page("", R"(<div class="byline">By Nora Vik, MD</div>)"))),
            "Nora Vik");
  EXPECT_EQ(Authors(ExtractArticle(Page("", R"(<div class="byline">By Nora Vik, HBC</div>)"))),
            "Nora Vik");
  EXPECT_EQ(
      Authors(ExtractArticle(Page(R"(<script type="application/ld+json">{"@type": "NewsArticle",
 "author": "Analysis by Nora Vik, HBC Editor-at-large"}</script>)"))),
      "Nora Vik");
  // A group named with a role word is no person, and no role is cut from it.
  EXPECT_EQ(Authors(ExtractArticle(Page(R"(<meta name="author" content="HBC Staff">)",
                                        R"(<div class="byline">By Nora Vik</div>)"))),
            "Nora Vik");
  EXPECT_EQ(Authors(ExtractArticle(
                Page(R"(<meta name="author" content="NORA VIK, HBC Harbour Writer">)"))),
            "Nora Vik");
  EXPECT_EQ(Authors(ExtractArticle(Page(
                "", R"(<div class="byline">Nora Vik and Tom Berg, The Harbour Courier</div>)"))),
            "Nora Vik; Tom Berg");
  EXPECT_EQ(
      Authors(ExtractArticle(Page(R"(<script type="application/ld+json">{"@type": "NewsArticle",
 "author": {"@type": "Person", "name": "Nora Vik, Staff Writer"}}</script>)"))),
      "Nora Vik");
}

TEST(AuthorBylinesTest, AgenciesAndOrganisationsAreNoPersons) {
  EXPECT_EQ(
      Authors(ExtractArticle(Page("", R"(<div class="byline">By The Associated Press</div>)"))),
      "");
  EXPECT_EQ(Authors(ExtractArticle(Page(R"(<meta name="author" content="Reuters">)"))), "");
  EXPECT_EQ(Authors(ExtractArticle(Page(R"(<meta name="author" content="The Harbour Courier">)"))),
            "");
  // An author typed as an organisation falls through to the page's byline.
  EXPECT_EQ(
      Authors(ExtractArticle(Page(R"(<script type="application/ld+json">{"@type": "NewsArticle",
 "author": {"@type": "Organization", "name": "Harbour Courier Staff Pool"}}</script>)",
                                  R"(<div class="byline">By Nora Vik</div>)"))),
      "Nora Vik");
}

TEST(AuthorWordsTest, AParticleIsNoListWord) {
  // "da" joins two names in some languages; before one word it is a
  // surname's particle, and the name is not cut there.
  for (const std::string& n : extract_internal::ParseByline("By Ana Lima da Costa"))
    EXPECT_NE(n, "Ana Lima");
  EXPECT_EQ(extract_internal::ParseByline("By Ana Lima da Tom Berg").size(), 2u);
}

TEST(AuthorSourcesTest, AnEditorOnDutyInMetaAuthorIsNoAuthor) {
  // The CMS copies the editor credited under the article into name=author.
  auto a = Page(R"(<meta name="author" content="王小明">)",
                R"(<div class="editor">责任编辑：王小明</div>)");
  EXPECT_EQ(Authors(ExtractArticle(a)), "");
  // Also behind the site's name, and in English.
  a = Page(R"(<meta name="author" content="海岛网王小明">)", R"(<p>[责任编辑:王小明]</p>)");
  EXPECT_EQ(Authors(ExtractArticle(a)), "");
  a = Page(R"(<meta name="author" content="Tom Berg">)", R"(<p>Edited by Tom Berg</p>)");
  EXPECT_EQ(Authors(ExtractArticle(a)), "");
  // A writer who is not the credited editor stays.
  a = Page(R"(<meta name="author" content="李华">)",
           R"(<div class="editor">责任编辑：王小明</div>)");
  EXPECT_EQ(Authors(ExtractArticle(a)), "李华");
  a = Page(R"(<meta name="author" content="Tom Bergman">)", R"(<p>Edited by Tom Berg</p>)");
  EXPECT_EQ(Authors(ExtractArticle(a)), "Tom Bergman");
}

TEST(AuthorSourcesTest, AnAgencyBylineEndsTheSearchForBylines) {
  // The page's own byline credits an agency; the next byline-classed element
  // is a related article's teaser.
  auto a = Page("", R"(<span class="author">AFP 3 mai 2021 à 07:19</span>
<aside><span class="author">Par Nora Vik</span><a href="/other">Un autre article</a></aside>)");
  EXPECT_EQ(Authors(ExtractArticle(a)), "");
  // Without the agency, the first byline naming a person is read.
  a = Page("", R"(<span class="author">3 mai 2021 à 07:19</span>
<span class="author">Par Nora Vik</span>)");
  EXPECT_EQ(Authors(ExtractArticle(a)), "Nora Vik");
  EXPECT_TRUE(extract_internal::OpensWithWire("Reuters, 3 May 2021"));
  EXPECT_TRUE(extract_internal::OpensWithWire("By The Associated Press"));
  EXPECT_FALSE(extract_internal::OpensWithWire("Nora Vik, Reuters"));
}

TEST(AuthorSourcesTest, AMenuEntryNamedBylinesIsNoByline) {
  const std::string menu = R"(<ul><li id="navTop"><a href="/">Top</a></li>
<li id="navWorld"><a href="/world">World</a></li><li id="navPhoto"><a href="/photo">Photo</a></li>
<li id="navVideo"><a href="/video">Video</a></li>
<li id="navBylines"><a href="http://columns.example/">Columnists</a></li></ul>)";
  EXPECT_EQ(Authors(ExtractArticle(Page("", menu))), "");
  // A byline list item in a short list is a byline.
  EXPECT_EQ(Authors(ExtractArticle(
                Page("", R"(<ul><li class="byline__author">By Nora Vik</li><li>3 May</li></ul>)"))),
            "Nora Vik");
}

}  // namespace
}  // namespace newsfuse
