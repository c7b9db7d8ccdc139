// Output safety: a report built from hostile input links nothing but http(s),
// runs no HTML from the input in a Markdown viewer, and carries no terminal
// escape sequences (render/render.h). Inputs are written here, not seeds.
#include <gtest/gtest.h>

#include <string>

#include "render/json_annotations.h"
#include "render/render.h"

namespace newsfuse {
namespace {

constexpr const char* kScript =
    "Officials said <script>alert(1)</script> and <img src=x onerror=alert(2)> too.";

StoryReport HostileReport() {
  StoryReport r;
  r.story_id = "s0123456789ab";
  r.headline = "Budget \x1b[31mapproved\x07 <b>now</b>";
  r.first_seen = "2026-03-01";
  r.sources = {{"S1",
                "a1",
                "Harbour Gazette",
                "Park budget",
                "javascript:alert(1)",
                "2026-03-01",
                {},
                "feed.jsonl:1"},
               {"S2",
                "a2",
                "Valley Herald",
                "Budget vote",
                "data:text/html,<script>alert(2)</script>",
                "",
                {},
                "feed.jsonl:2"},
               {"S3", "a3", "Coast Times", "Vote", " JaVaScRiPt:alert(3)", "", {}, "feed.jsonl:3"},
               {"S4",
                "a4",
                "Hill News",
                "Budget",
                "HTTPS://example.org/a?q=\"x\"<y>",
                "",
                {},
                "feed.jsonl:4"}};
  r.summary = {
      {kScript, {"S1"}, "S1", Span{0, 10}, 1},
      {"See [the plan](javascript:alert(4)) or <javascript:alert(5)>.",
       {"S2"},
       "S2",
       Span{0, 10},
       1},
      {"First line\n# Injected heading\n[ref]: javascript:alert(6)", {"S3"}, "S3", Span{0, 10}, 1}};
  return r;
}

TEST(OutputSafetyTest, HtmlLinksOnlyHttpUrls) {
  const std::string html = RenderHtml(HostileReport());
  EXPECT_EQ(html.find("href=\"javascript"), std::string::npos) << html;
  EXPECT_EQ(html.find("href=\" JaVaScRiPt"), std::string::npos);
  EXPECT_EQ(html.find("href=\"data:"), std::string::npos);
  // The other schemes stay visible as text, escaped.
  EXPECT_NE(html.find("javascript:alert(1)"), std::string::npos);
  EXPECT_NE(html.find("data:text/html,&lt;script&gt;"), std::string::npos);
  // http(s) still links, its quotes and angle brackets encoded.
  EXPECT_NE(html.find("<a href=\"HTTPS://example.org/a?q=%22x%22%3Cy%3E\">"), std::string::npos)
      << html;
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
}

// True when `needle` occurs in `md` other than right after a backslash.
bool HasUnescaped(const std::string& md, const std::string& needle) {
  for (size_t at = md.find(needle); at != std::string::npos; at = md.find(needle, at + 1)) {
    if (at == 0 || md[at - 1] != '\\') return true;
  }
  return false;
}

TEST(OutputSafetyTest, MarkdownLinksOnlyHttpUrls) {
  const std::string md = RenderMarkdown(HostileReport());
  EXPECT_FALSE(HasUnescaped(md, "<javascript")) << md;
  EXPECT_FALSE(HasUnescaped(md, "<data:"));
  EXPECT_FALSE(HasUnescaped(md, "< JaVaScRiPt"));
  EXPECT_FALSE(HasUnescaped(md, "[the plan]"));
  EXPECT_NE(md.find("(javascript:alert(1))"), std::string::npos) << md;  // shown as text
  EXPECT_NE(md.find("<HTTPS://example.org/a?q=%22x%22%3Cy%3E>"), std::string::npos) << md;
}

// Every '<' and '[' that came from input is backslash-escaped, so CommonMark
// reads neither raw HTML, nor an autolink, nor a link or image.
TEST(OutputSafetyTest, MarkdownEscapesHtmlAndLinkSyntaxFromInput) {
  const std::string md = RenderMarkdown(HostileReport());
  EXPECT_NE(md.find("said \\<script>alert(1)\\</script> and \\<img src=x onerror=alert(2)> too."),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("See \\[the plan\\](javascript:alert(4)) or \\<javascript:alert(5)>."),
            std::string::npos)
      << md;
  for (size_t at = md.find('<'); at != std::string::npos; at = md.find('<', at + 1)) {
    const bool escaped = at > 0 && md[at - 1] == '\\';
    const bool our_autolink = md.compare(at, 7, "<HTTPS:") == 0;
    EXPECT_TRUE(escaped || our_autolink) << md.substr(at, 40);
  }
  // A line break in input text cannot start a heading or a link definition.
  EXPECT_EQ(md.find("\n# Injected"), std::string::npos);
  EXPECT_EQ(md.find("\n[ref]"), std::string::npos);
  EXPECT_NE(md.find("First line # Injected heading \\[ref\\]: javascript:alert(6)"),
            std::string::npos)
      << md;
}

TEST(OutputSafetyTest, MarkdownKeepsOrdinaryTextReadable) {
  StoryReport r = HostileReport();
  r.summary = {{"U.S.-brokered talks (in Abu Dhabi) ended; 314 freed - AT&T, #1 > 0!",
                {"S1"},
                "S1",
                Span{0, 9},
                1}};
  const std::string md = RenderMarkdown(r);
  EXPECT_NE(md.find("- U.S.-brokered talks (in Abu Dhabi) ended; 314 freed - AT&T, #1 > 0! [S1]"),
            std::string::npos)
      << md;
  r.summary = {{"An entity &lt;b&gt; stays literal", {"S1"}, "S1", Span{0, 9}, 1}};
  EXPECT_NE(RenderMarkdown(r).find("\\&lt;b\\&gt; stays literal"), std::string::npos);
}

TEST(OutputSafetyTest, NoRendererPassesTerminalEscapes) {
  const StoryReport r = HostileReport();
  for (const std::string& out : {RenderMarkdown(r), RenderHtml(r), RenderJson(r)}) {
    EXPECT_EQ(out.find('\x1b'), std::string::npos) << out.substr(0, 80);
    EXPECT_EQ(out.find('\x07'), std::string::npos) << out.substr(0, 80);
  }
  EXPECT_NE(RenderMarkdown(r).find("# Budget approved \\<b>now\\</b>"), std::string::npos);
}

TEST(OutputSafetyTest, AnnotationsTextIsTerminalSafe) {
  AnnotatedArticle a;
  a.article.title = "Title \x1b]0;owned\x07 here";
  a.body = "Rain \x1b[2Jfell.\x9b";
  a.sentences = {Sentence{Span{0, static_cast<uint32_t>(a.body.size())}, 0}};
  const std::string text = RenderAnnotationsText(a);
  EXPECT_EQ(text.find('\x1b'), std::string::npos) << text;
  EXPECT_EQ(text.find('\x07'), std::string::npos) << text;
  EXPECT_NE(text.find("# Title  here"), std::string::npos) << text;
  EXPECT_NE(text.find("Rain fell.\xef\xbf\xbd"), std::string::npos) << text;
}

}  // namespace
}  // namespace newsfuse
