// Pages ingest once refused or stored whole (issue 11): UTF-16 pages, pages
// with a stray NUL, and metadata fields of many megabytes.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <ctime>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "extract/extract.h"
#include "extract/field_caps.h"

namespace newsfuse {
namespace {

using ::testing::HasSubstr;
using namespace extract_internal;

constexpr const char* kHtml =
    "<html><head><meta charset=\"utf-16\"><title>River floods the old town</title></head><body>"
    "<article><h1>River floods the old town</h1>"
    "<p>The river burst its banks on Tuesday night and flooded the old town, the mayor said.</p>"
    "<p>About 300 residents spent the night in the school hall while crews pumped water from the "
    "streets.</p>"
    "</article></body></html>";

std::string Utf16(std::string_view ascii, bool little, bool bom = true) {
  std::string out = bom ? (little ? "\xFF\xFE" : "\xFE\xFF") : "";
  for (char c : ascii) out += little ? std::string{c, '\0'} : std::string{'\0', c};
  return out;
}

Result<Article> Extract(std::string content, PageFormat format, ExtractOptions options = {}) {
  RawPage page;
  page.locator = "page.html";
  page.format = format;
  page.content = std::move(content);
  return ExtractArticle(page, options);
}

void ExpectFloodArticle(const Result<Article>& a) {
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->title, "River floods the old town");
  ASSERT_FALSE(a->paragraphs.empty());
  EXPECT_THAT(a->Body(), HasSubstr("The river burst its banks on Tuesday night"));
  EXPECT_THAT(a->Body(), HasSubstr("school hall"));
}

TEST(Utf16PageTest, LittleAndBigEndianHtmlWithBomAreExtracted) {
  for (bool little : {true, false}) {
    for (PageFormat format : {PageFormat::kHtml, PageFormat::kAuto}) {
      SCOPED_TRACE(little ? "UTF-16LE" : "UTF-16BE");
      const auto a = Extract(Utf16(kHtml, little), format);
      ExpectFloodArticle(a);
      if (a.ok() && format == PageFormat::kHtml) {
        EXPECT_EQ(a->field_sources.at("charset"), little ? "utf-16le" : "utf-16be");
      }
    }
  }
}

TEST(Utf16PageTest, HtmlWithoutBomIsRecognisedByItsNulPattern) {
  ExpectFloodArticle(Extract(Utf16(kHtml, true, /*bom=*/false), PageFormat::kHtml));
  ExpectFloodArticle(Extract(Utf16(kHtml, false, /*bom=*/false), PageFormat::kAuto));
}

// kHtml declares utf-16 but its bytes are UTF-8: before, ICU decoded them as
// UTF-16 and the article came out as CJK noise.
TEST(Utf16PageTest, ADeclaredUtf16OnUtf8BytesIsReadAsUtf8) {
  ExpectFloodArticle(Extract(kHtml, PageFormat::kHtml));
}

TEST(StrayNulTest, APageWithOneNulIsExtracted) {
  std::string html = kHtml;
  html.insert(html.find("burst"), 1, '\0');
  for (PageFormat format : {PageFormat::kHtml, PageFormat::kAuto}) {
    const auto a = Extract(html, format);
    ASSERT_TRUE(a.ok()) << a.status().ToString();
    EXPECT_EQ(a->title, "River floods the old town");
    EXPECT_THAT(a->Body(), HasSubstr("school hall"));
  }
  std::string text =
      "River floods the old town\n\nThe river burst its banks on Tuesday night and flooded the old "
      "town.\n\n"
      "About 300 residents spent the night in the school hall.\n";
  text.insert(text.find("banks"), 1, '\0');
  const auto t = Extract(text, PageFormat::kText);
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_THAT(t->Body(), HasSubstr("school hall"));
}

struct Warnings {
  std::vector<Status> seen;
  ExtractOptions Options() {
    ExtractOptions o;
    o.on_warning = [this](const Status& s) { seen.push_back(s); };
    return o;
  }
};

RawPage JsonlLikePage() {
  RawPage page;
  page.locator = "feed.jsonl:7";
  page.format = PageFormat::kText;
  page.content =
      "The river burst its banks on Tuesday night and flooded the old town, the mayor said.\n";
  return page;
}

TEST(FieldCapsTest, AHugeTitleHintIsCutWithAWarningNamingTheInputAndField) {
  RawPage page = JsonlLikePage();
  page.hint_title = std::string(20u << 20, 'T');
  Warnings w;
  // CPU time, not wall time: CI runs this under sanitizers on a shared
  // machine, where the wall clock measures the neighbours too.
  const std::clock_t start = std::clock();
  const auto a = ExtractArticle(page, w.Options());
  const double seconds = static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->title.size(), kMaxTitleBytes);
  ASSERT_EQ(w.seen.size(), 1u);
  EXPECT_EQ(w.seen[0].locator(), "feed.jsonl:7");
  EXPECT_THAT(w.seen[0].message(), HasSubstr("warning: field \"title\" is 20971520 bytes"));
  EXPECT_THAT(w.seen[0].message(), HasSubstr("cap of 2048"));
  EXPECT_LT(seconds, 5.0);  // linear work on 20 MB, with a wide margin
}

TEST(FieldCapsTest, EveryHintPathIsCapped) {
  RawPage page = JsonlLikePage();
  page.hint_outlet = std::string(100000, 'O');
  page.hint_author = std::string(100000, 'A');
  page.url = "https://example.org/" + std::string(100000, 'u');
  Warnings w;
  const auto a = ExtractArticle(page, w.Options());
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->outlet.size(), kMaxOutletBytes);
  ASSERT_EQ(a->authors.size(), 1u);
  EXPECT_EQ(a->authors[0].size(), kMaxAuthorBytes);
  EXPECT_EQ(a->url, "");  // a cut URL would point elsewhere: dropped
  std::string all;
  for (const Status& s : w.seen) all += s.message() + "\n";
  EXPECT_THAT(all, HasSubstr("\"outlet\""));
  EXPECT_THAT(all, HasSubstr("\"author\""));
  EXPECT_THAT(all, HasSubstr("\"url\" is 100020 bytes, over its cap of 4096; dropped"));
}

TEST(FieldCapsTest, HtmlMetadataIsCappedAtACharacterBoundary) {
  // An og:title of two-byte characters: the cut must not split one.
  std::string title;
  while (title.size() < 50000) title += "\xC3\xA9t\xC3\xA9 ";
  std::string html = kHtml;
  html.insert(html.find("<title>"), "<meta property=\"og:title\" content=\"" + title + "\">");
  // The <title> says the same, so no shorter candidate is preferred to it.
  html.replace(html.find("River floods"), std::string("River floods the old town").size(), title);
  Warnings w;
  RawPage page;
  page.locator = "crawl.warc.gz@1234";
  page.format = PageFormat::kHtml;
  page.content = html;
  const auto a = ExtractArticle(page, w.Options());
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_LE(a->title.size(), kMaxTitleBytes);
  EXPECT_GT(a->title.size(), kMaxTitleBytes - 4);
  EXPECT_EQ(a->title.find("\xC3\xA9t\xC3\xA9"), 0u);
  EXPECT_FALSE(FirstInvalidUtf8(a->title).has_value());
  ASSERT_FALSE(w.seen.empty());
  EXPECT_EQ(w.seen[0].locator(), "crawl.warc.gz@1234");
  EXPECT_THAT(w.seen[0].message(), HasSubstr("\"title\""));
}

TEST(FieldCapsTest, RealSizedFieldsAreLeftAlone) {
  RawPage page = JsonlLikePage();
  page.hint_title = std::string(300, 'T');
  page.hint_outlet = "The Straits Times";
  page.url = "https://example.org/2026/03/01/river-floods-the-old-town";
  Warnings w;
  const auto a = ExtractArticle(page, w.Options());
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->title, std::string(300, 'T'));
  EXPECT_EQ(a->url, page.url);
  EXPECT_TRUE(w.seen.empty());
}

}  // namespace
}  // namespace newsfuse
