// Issue 15: the <time> (or date-classed element) that dates the page, not a
// teaser of another article, a reader comment or the site banner beside it.
// Pages written for these tests.
#include <gtest/gtest.h>

#include "extract/extract.h"
#include "test_util.h"

namespace newsfuse {
namespace {

using testing::Dump;

const char* kStory =
    R"(<p>The river dam reopened on Monday after eight months of repairs to its spillway gates.</p>
<p>Engineers said the new gates can release twice as much water during spring floods, and the
town council thanked the crews who worked through the winter to finish the job on time.</p>)";

std::string Published(const std::string& body,
                      const std::string& title = "Dam opens after repairs | Valley Herald") {
  RawPage page;
  page.locator = "t.html";
  page.format = PageFormat::kHtml;
  page.content = "<html><head><title>" + title + "</title></head><body>" + body + "</body></html>";
  auto a = ExtractArticle(page);
  if (!a.ok()) return a.status().ToString();
  return a->published ? a->published->ToIso().substr(0, 10) + " " + a->field_sources["published"]
                      : "-";
}

TEST(PageTimeTest, ALatestPostsBoxBeforeTheStoryDoesNotDateIt) {
  EXPECT_EQ(Published(R"(<div class="latest"><ul>
<li><a href="/bridge">Council approves the new bridge budget</a> <time datetime="2024-05-08">8 May</time></li>
<li><a href="/school">School roof repairs finished before the term</a> <time datetime="2024-05-07">7 May</time></li>
</ul></div>
<div class="story"><h1>Dam opens after repairs</h1>
<p class="meta">By Ana Reyes, <time datetime="2024-03-02">2 March 2024</time></p>)" +
                      std::string(kStory) + "</div>"),
            "2024-03-02 time-element");
}

TEST(PageTimeTest, ATeasersPrintedDateDoesNotDateTheStory) {
  // The date printed in an element whose class names a date: the teaser's
  // comes first, the story's own second.
  EXPECT_EQ(
      Published(
          R"(<div class="more"><h3><a href="/bridge">Council approves the new bridge budget</a></h3>
<span class="date">8 May 2024</span></div>
<div class="story"><h1>Dam opens after repairs</h1><p class="date">2 March 2024</p>)" +
          std::string(kStory) + "</div>"),
      "2024-03-02 visible-date");
}

TEST(PageTimeTest, TheBannerDateAndCommentDatesDoNotDateTheStory) {
  // Today's date in the site banner; the story's own <time> follows.
  EXPECT_EQ(Published(R"(<header class="top"><span>Valley Herald</span>
<time datetime="2024-05-09">Thursday, 9 May 2024</time></header>
<div class="story"><h1>Dam opens after repairs</h1><time datetime="2024-03-02">2 March</time>)" +
                      std::string(kStory) + "</div>"),
            "2024-03-02 time-element");
  // A story without a date of its own is not dated by a reader's comment.
  EXPECT_EQ(Published(R"(<div class="story"><h1>Dam opens after repairs</h1>)" +
                      std::string(kStory) + R"(</div>
<div class="comments"><p>Great news for the valley.</p>
<time datetime="2024-05-20T09:00:00Z">20 May</time></div>)"),
            "-");
}

TEST(PageTimeTest, TheDayATimePrintsBeatsItsAttributeOnAnotherDay) {
  // The theme fills datetime with the modified instant; readers see the day
  // of publication.
  EXPECT_EQ(Published(R"(<div class="story"><h1>Dam opens after repairs</h1>
<time datetime="2019-07-03T10:18:46Z">Published 29 June 2019</time>)" +
                      std::string(kStory) + "</div>"),
            "2019-06-29 time-element-text");
  // A printed update date does not replace the attribute.
  EXPECT_EQ(Published(R"(<div class="story"><h1>Dam opens after repairs</h1>
<time datetime="2019-06-29T10:18:46Z">Updated 3 July 2019</time>)" +
                      std::string(kStory) + "</div>"),
            "2019-06-29 time-element");
}

TEST(PageTimeTest, ABlogPostLinkingItsOwnHeadlineKeepsItsDate) {
  // Old blog themes print the post's headline as a link beside its date; the
  // page's <title> names it, so it is not another article's teaser.
  EXPECT_EQ(
      Published(
          R"(<div class="post"><h2><a href="/dam">Dam opens after repairs to the spillway</a></h2>
<div class="meta"><time datetime="2024-03-02">2 March 2024</time></div>)" +
              std::string(kStory) + "</div>",
          "Dam opens after repairs to the spillway - Ana writes"),
      "2024-03-02 time-element");
}

}  // namespace
}  // namespace newsfuse
