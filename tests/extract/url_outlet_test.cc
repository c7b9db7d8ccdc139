// Issues 13/15: a page that names no site gets its URL's registrable domain as
// outlet, so the same site is one outlet and two sites are never one unnamed
// outlet. Pages and URLs written for these tests.
#include "extract/url_outlet.h"

#include <gtest/gtest.h>

#include "extract/extract.h"
#include "test_util.h"

namespace newsfuse {
namespace {

using extract_internal::OutletFromUrl;
using extract_internal::RegistrableDomain;
using testing::Dump;

TEST(RegistrableDomainTest, PublicSuffixRules) {
  EXPECT_EQ(RegistrableDomain("www.theguardian.com"), "theguardian.com");
  EXPECT_EQ(RegistrableDomain("theguardian.com"), "theguardian.com");
  // Two-level public suffixes keep the name in front of them.
  EXPECT_EQ(RegistrableDomain("news.bbc.co.uk"), "bbc.co.uk");
  EXPECT_EQ(RegistrableDomain("www.abc.net.au"), "abc.net.au");
  EXPECT_EQ(RegistrableDomain("www.asahi.co.jp"), "asahi.co.jp");
  // Private suffixes: two blogs on one host service are two sites.
  EXPECT_EQ(RegistrableDomain("riverwatch.blogspot.com"), "riverwatch.blogspot.com");
  EXPECT_NE(RegistrableDomain("a-town.blogspot.com"), RegistrableDomain("b-town.blogspot.com"));
  // Wildcard and exception rules ("*.ck", "!www.ck").
  EXPECT_EQ(RegistrableDomain("news.paper.ck"), "news.paper.ck");
  EXPECT_EQ(RegistrableDomain("www.ck"), "www.ck");
  // An unlisted top-level domain: the last label is the suffix.
  EXPECT_EQ(RegistrableDomain("www.valley.example-tld"), "valley.example-tld");
  // Internationalised names match the list's Unicode rules and read in Unicode.
  EXPECT_EQ(RegistrableDomain("www.xn--bcher-kva.de"),
            "b\xC3\xBC"
            "cher.de");
  // No site name: a public suffix itself, one label, an address, empty labels.
  EXPECT_EQ(RegistrableDomain("co.uk"), "");
  EXPECT_EQ(RegistrableDomain("com"), "");
  EXPECT_EQ(RegistrableDomain("localhost"), "");
  EXPECT_EQ(RegistrableDomain("192.168.0.10"), "");
  EXPECT_EQ(RegistrableDomain("a..com"), "");
  EXPECT_EQ(RegistrableDomain(""), "");
}

TEST(OutletFromUrlTest, MobileAndAmpHostsAreTheSameSite) {
  const std::string site = OutletFromUrl("https://www.theguardian.com/world/2026/dec/06/x");
  EXPECT_EQ(site, "theguardian.com");
  EXPECT_EQ(OutletFromUrl("https://m.theguardian.com/world/x"), site);
  EXPECT_EQ(OutletFromUrl("https://amp.theguardian.com/world/x"), site);
  EXPECT_EQ(OutletFromUrl("HTTP://WWW.TheGuardian.COM./world"), site);
  EXPECT_EQ(OutletFromUrl("https://user@www.theguardian.com:8443/world?q=1#top"), site);
  EXPECT_EQ(OutletFromUrl("https://www-theguardian-com.cdn.ampproject.org/c/s/x"), site);
  EXPECT_EQ(OutletFromUrl("https://web.archive.org/web/20261206000000/https://www.theguardian.com/"
                          "world/x"),
            site);
  EXPECT_EQ(OutletFromUrl("https://www-valley--herald-org.cdn.ampproject.org/c/s/x"),
            "valley-herald.org");
}

TEST(OutletFromUrlTest, NoUsableHostGivesNoOutlet) {
  EXPECT_EQ(OutletFromUrl(""), "");
  EXPECT_EQ(OutletFromUrl("file:///home/u/page.html"), "");
  EXPECT_EQ(OutletFromUrl("www.theguardian.com/world"), "");  // not absolute
  EXPECT_EQ(OutletFromUrl("https://[2001:db8::1]/a"), "");
  EXPECT_EQ(OutletFromUrl("http://10.0.0.1/a"), "");
  EXPECT_EQ(OutletFromUrl("https://bad%20host.com/a"), "");
  EXPECT_EQ(OutletFromUrl("https://"), "");
}

const char* kStory = R"(<div class="story">
<p>The river dam reopened on Monday after eight months of repairs to its spillway gates.</p>
<p>Engineers said the new gates can release twice as much water during spring floods.</p>
</div>)";

RawPage Page(const std::string& url, const std::string& head) {
  RawPage page;
  page.locator = "t.html";
  page.url = url;
  page.format = PageFormat::kHtml;
  page.content = "<html><head>" + head + "</head><body>" + kStory + "</body></html>";
  return page;
}

TEST(UrlOutletTest, UnnamedPagesOfTwoSitesAreTwoOutlets) {
  auto a =
      ExtractArticle(Page("https://www.valleyherald.com/news/dam", "<title>Dam reopens</title>"));
  auto b = ExtractArticle(Page("https://m.riverpost.co.uk/dam", "<title>Dam reopens</title>"));
  auto c = ExtractArticle(Page("https://amp.valleyherald.com/dam", "<title>Dam reopens</title>"));
  ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  EXPECT_EQ(a->outlet, "valleyherald.com") << Dump(*a);
  EXPECT_EQ(a->field_sources.at("outlet"), "url-host");
  EXPECT_EQ(b->outlet, "riverpost.co.uk") << Dump(*b);
  EXPECT_EQ(c->outlet, a->outlet);
}

TEST(UrlOutletTest, AStatedSiteNameWinsOverTheHost) {
  auto og = ExtractArticle(Page("https://www.valleyherald.com/dam",
                                R"(<meta property="og:site_name" content="Valley Herald">)"));
  ASSERT_TRUE(og.ok());
  EXPECT_EQ(og->outlet, "Valley Herald");
  auto ld = ExtractArticle(Page("https://www.valleyherald.com/dam",
                                R"(<script type="application/ld+json">{"@type": "NewsArticle",
                                "publisher": {"@type": "Organization", "name": "Herald Media"}}
                                </script>)"));
  ASSERT_TRUE(ld.ok());
  EXPECT_EQ(ld->outlet, "Herald Media") << Dump(*ld);
  // A container's outlet hint (a JSONL "outlet" field) also wins.
  RawPage hinted = Page("https://www.valleyherald.com/dam", "");
  hinted.hint_outlet = "The Valley Herald";
  auto h = ExtractArticle(hinted);
  ASSERT_TRUE(h.ok());
  EXPECT_EQ(h->outlet, "The Valley Herald");
}

TEST(UrlOutletTest, CanonicalUrlNamesTheSiteWhenTheInputHasNoUrl) {
  auto a = ExtractArticle(
      Page("", R"(<link rel="canonical" href="https://news.riverpost.co.uk/2026/dam">)"));
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->outlet, "riverpost.co.uk") << Dump(*a);
  // No URL at all: no outlet is made up.
  auto none = ExtractArticle(Page("", ""));
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->outlet, "") << Dump(*none);
}

TEST(UrlOutletTest, PlainTextPagesUseTheirUrlToo) {
  RawPage page;
  page.locator = "t.txt";
  page.url = "https://www.riverpost.co.uk/dam";
  page.format = PageFormat::kText;
  page.content =
      "Dam reopens after repairs\n\nThe river dam reopened on Monday after eight months of "
      "repairs to its spillway gates. Engineers said the new gates can release twice as much "
      "water during spring floods.\n";
  auto a = ExtractArticle(page);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->outlet, "riverpost.co.uk") << Dump(*a);
}

}  // namespace
}  // namespace newsfuse
