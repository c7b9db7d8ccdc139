// Issue 15: the canonical URL as a field of its own, with its source, so a
// report can link to the original. Pages and URLs written for these tests.
#include "extract/canonical_url.h"

#include <gtest/gtest.h>

#include "extract/extract.h"
#include "test_util.h"

namespace newsfuse {
namespace {

using extract_internal::ChooseCanonicalUrl;
using extract_internal::ResolveUrl;
using testing::Dump;

RawPage Page(const std::string& head, const std::string& url = "") {
  return testing::DamStoryPage("<title>Dam opens</title>" + head, "", url);
}

TEST(ResolveUrlTest, RelativeAddressesAgainstThePage) {
  const std::string base = "https://valley.example/news/2026/dam.html?ref=feed#top";
  EXPECT_EQ(ResolveUrl("https://valley.example/a", base), "https://valley.example/a");
  EXPECT_EQ(ResolveUrl("/news/dam-opens", base), "https://valley.example/news/dam-opens");
  EXPECT_EQ(ResolveUrl("dam-opens", base), "https://valley.example/news/2026/dam-opens");
  EXPECT_EQ(ResolveUrl("../2025/old", base), "https://valley.example/news/2025/old");
  EXPECT_EQ(ResolveUrl("./dam?id=3", base), "https://valley.example/news/2026/dam?id=3");
  EXPECT_EQ(ResolveUrl("//cdn.valley.example/dam", base), "https://cdn.valley.example/dam");
  EXPECT_EQ(ResolveUrl("?id=4", base), "https://valley.example/news/2026/dam.html?id=4");
  EXPECT_EQ(ResolveUrl("dam", "https://valley.example"), "https://valley.example/dam");
  // The fragment is a place on the page, not another page.
  EXPECT_EQ(ResolveUrl("/dam#comments", base), "https://valley.example/dam");
  // No base for a relative address; schemes other than http(s).
  EXPECT_EQ(ResolveUrl("/news/dam", ""), "");
  EXPECT_EQ(ResolveUrl("mailto:desk@valley.example", base), "");
  EXPECT_EQ(ResolveUrl("javascript:void(0)", base), "");
  EXPECT_EQ(ResolveUrl("  ", base), "");
}

TEST(ChooseCanonicalUrlTest, RefusesHomePagesAndOtherHostsRedirects) {
  const std::string page = "https://www.valley.example/news/dam";
  // A home page in og:url (themes set it on every page) gives way to the next.
  auto c = ChooseCanonicalUrl(
      {{"https://www.valley.example/", "og:url"}, {"/news/dam-opens", "json-ld"}}, page);
  EXPECT_EQ(c.url, "https://www.valley.example/news/dam-opens");
  EXPECT_EQ(c.source, "json-ld");
  EXPECT_EQ(ChooseCanonicalUrl({{"https://valley.example", "canonical"}}, page).url, "");
  // A query makes a page of its own ("/?p=123" is a permalink).
  EXPECT_EQ(ChooseCanonicalUrl({{"https://valley.example/?p=123", "canonical"}}, page).url,
            "https://valley.example/?p=123");
  // Another host's redirect carrying an address, plain or percent-encoded.
  EXPECT_EQ(ChooseCanonicalUrl(
                {{"https://click.tracker.example/r?u=https%3A%2F%2Fwww.valley.example%2Fdam",
                  "canonical"}},
                page)
                .url,
            "");
  EXPECT_EQ(ChooseCanonicalUrl(
                {{"https://go.tracker.example/https://www.valley.example/dam", "og:url"}}, "")
                .url,
            "");
  // The page's own host may carry an address (an archive's copy of a page).
  EXPECT_EQ(
      ChooseCanonicalUrl({{"https://valley.example/share?u=http://x.example/a", "og:url"}}, page)
          .url,
      "https://valley.example/share?u=http://x.example/a");
  // A syndicated story names its original on another host: kept.
  EXPECT_EQ(ChooseCanonicalUrl({{"https://wire.example/2026/dam-opens", "canonical"}}, page).url,
            "https://wire.example/2026/dam-opens");
}

TEST(CanonicalUrlTest, AFieldOfItsOwnWithItsSource) {
  auto a = ExtractArticle(Page(R"(<link rel="canonical" href="https://valley.example/news/dam">
<meta property="og:url" content="https://valley.example/og/dam">)",
                               "https://feeds.valley.example/item?id=7"));
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->canonical_url, "https://valley.example/news/dam") << Dump(*a);
  EXPECT_EQ(a->field_sources["canonical_url"], "canonical");
  // The fetch URL stays the article's URL.
  EXPECT_EQ(a->url, "https://feeds.valley.example/item?id=7");
  EXPECT_EQ(a->field_sources.count("url"), 0u);
}

TEST(CanonicalUrlTest, FillsTheUrlWhenTheInputHasNone) {
  auto a = ExtractArticle(Page(R"(<link rel="canonical" href="https://valley.example/news/dam">)"));
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->url, "https://valley.example/news/dam");
  EXPECT_EQ(a->field_sources["url"], "canonical_url");
  // A relative canonical cannot be resolved without the page's URL: og:url then.
  auto b = ExtractArticle(Page(R"(<link rel="canonical" href="/news/dam">
<meta property="og:url" content="https://valley.example/og/dam">)"));
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  EXPECT_EQ(b->canonical_url, "https://valley.example/og/dam");
  EXPECT_EQ(b->field_sources["canonical_url"], "og:url");
}

TEST(CanonicalUrlTest, RelativeCanonicalResolvedAgainstThePage) {
  auto a = ExtractArticle(
      Page(R"(<link rel="canonical" href="/news/dam-opens">)", "https://m.valley.example/n/1"));
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->canonical_url, "https://m.valley.example/news/dam-opens") << Dump(*a);
}

TEST(CanonicalUrlTest, JsonLdUrlAndMainEntityOfPage) {
  auto a = ExtractArticle(Page(R"(<meta property="og:url" content="https://valley.example/">
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Dam opens",
 "mainEntityOfPage": {"@type": "WebPage", "@id": "https://valley.example/news/dam"}}</script>)"));
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->canonical_url, "https://valley.example/news/dam") << Dump(*a);
  EXPECT_EQ(a->field_sources["canonical_url"], "json-ld");

  auto b = ExtractArticle(Page(R"(<script type="application/ld+json">{"@graph": [
 {"@type": "WebSite", "url": "https://valley.example/"},
 {"@type": "NewsArticle", "url": "https://valley.example/news/dam-2"}]}</script>)"));
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  EXPECT_EQ(b->canonical_url, "https://valley.example/news/dam-2") << Dump(*b);
}

TEST(CanonicalUrlTest, NoneWhenOnlyAHomePageOrARedirectIsNamed) {
  auto a = ExtractArticle(Page(R"(<meta property="og:url" content="https://valley.example/">
<link rel="canonical" href="https://t.tracker.example/c?url=https%3A%2F%2Fvalley.example%2Fdam">)"));
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->canonical_url, "") << Dump(*a);
  EXPECT_EQ(a->field_sources.count("canonical_url"), 0u);
  EXPECT_EQ(a->url, "");
}

TEST(CanonicalUrlTest, AnOverlongCanonicalUrlIsDroppedWithAWarning) {
  const std::string href = "https://valley.example/" + std::string(5000, 'd');
  std::vector<std::string> warnings;
  ExtractOptions options;
  options.on_warning = [&](const Status& s) { warnings.push_back(s.message()); };
  auto a = ExtractArticle(Page("<link rel=\"canonical\" href=\"" + href + "\">"), options);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->canonical_url, "");
  EXPECT_EQ(a->url, "");
  EXPECT_EQ(a->field_sources.count("canonical_url"), 0u);
  // The URL it filled goes too: each field is named once.
  ASSERT_EQ(warnings.size(), 2u);
  EXPECT_NE(warnings[0].find("\"url\""), std::string::npos) << warnings[0];
  EXPECT_NE(warnings[1].find("\"canonical_url\""), std::string::npos) << warnings[1];
}

}  // namespace
}  // namespace newsfuse
