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

}  // namespace
}  // namespace newsfuse
