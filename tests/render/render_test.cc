#include "render/render.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace newsfuse {
namespace {

StoryReport SampleReport() {
  StoryReport r;
  r.story_id = "s0123456789ab";
  r.headline = "Council approves \"river park\" budget";
  r.first_seen = "2026-03-01";
  r.last_updated = "2026-03-02T10:15";
  r.sources = {{"S1",
                "a1",
                "Harbour Gazette",
                "Park budget passes",
                "https://example.org/a",
                "2026-03-01",
                {"Ana Ruiz"},
                "a.txt"},
               {"S2", "a2", "Valley Herald", "Budget vote", "", "", {}, "b.txt"}};
  r.summary = {{"The council approved the budget on Monday.", {"S1", "S2"}, "S1", Span{0, 42}, 2},
               {"Work starts in May.", {"S2"}, "S2", Span{10, 29}, 1}};
  r.summary[0].wording = {{"S1", "The council approved the budget on Monday.", Span{0, 42}},
                          {"S2", "Valley Herald's own <sentence> of it.", Span{4, 40}}};
  return r;
}

TEST(RenderJsonTest, RoundTripsEveryField) {
  const StoryReport r = SampleReport();
  auto back = ParseReportJson(RenderJson(r));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->story_id, r.story_id);
  EXPECT_EQ(back->headline, r.headline);
  EXPECT_EQ(back->last_updated, r.last_updated);
  ASSERT_EQ(back->sources.size(), 2u);
  EXPECT_EQ(back->sources[0].authors, r.sources[0].authors);
  EXPECT_EQ(back->sources[1].outlet, "Valley Herald");
  ASSERT_EQ(back->summary.size(), 2u);
  EXPECT_EQ(back->summary[0].citations, (std::vector<std::string>{"S1", "S2"}));
  EXPECT_EQ(back->summary[1].span, (Span{10, 29}));
  EXPECT_DOUBLE_EQ(back->summary[0].support, 2);
  ASSERT_EQ(back->summary[0].wording.size(), 2u);
  EXPECT_EQ(back->summary[0].wording[1].text, "Valley Herald's own <sentence> of it.");
  EXPECT_EQ(back->summary[0].wording[1].span, (Span{4, 40}));
}

TEST(RenderJsonTest, CarriesSchemaVersion) {
  EXPECT_NE(RenderJson(SampleReport()).find("\"schema_version\": 1"), std::string::npos);
}

TEST(RenderJsonTest, RejectsNewerSchemaAndGarbage) {
  EXPECT_FALSE(ParseReportJson("{\"schema_version\": 99}").ok());
  EXPECT_FALSE(ParseReportJson("not json").ok());
  EXPECT_FALSE(ParseReportJson("{\"headline\": \"no version\"}").ok());
}

// A report whose first summary sentence has `span` as written here.
std::string ReportWithSpan(const std::string& span) {
  return "{\"schema_version\": 1, \"summary\": [{\"text\": \"Work starts.\", \"span\": " + span +
         "}]}";
}

TEST(RenderJsonTest, SpanOffsetsOutsideUint32AreRefusedNotConverted) {
  ASSERT_TRUE(ParseReportJson(ReportWithSpan("[3, 4294967295]")).ok());
  for (const char* span : {"[1e30, 2]", "[-5, 3]", "[3, 4294967296]", "[2.5, 3]", "[\"3\", 4]"}) {
    auto r = ParseReportJson(ReportWithSpan(span));
    ASSERT_FALSE(r.ok()) << span;
    EXPECT_NE(r.status().message().find("span"), std::string::npos) << r.status().ToString();
  }
  auto wording = ParseReportJson(
      "{\"schema_version\": 1, \"facts\": [{\"id\": \"F1\", \"wording\": "
      "[{\"source\": \"S1\", \"text\": \"x\", \"span\": [-1e300, 1]}]}]}");
  EXPECT_FALSE(wording.ok());
}

TEST(RenderJsonTest, SchemaVersionMustBeAnIntegerInRange) {
  // 2^32 + 1 would wrap to 1 if narrowed, passing for a version this code knows.
  for (const char* version : {"1e300", "4294967297", "1.5", "-1e300"}) {
    EXPECT_FALSE(ParseReportJson(std::string("{\"schema_version\": ") + version + "}").ok())
        << version;
  }
  EXPECT_TRUE(ParseReportJson("{\"schema_version\": 1}").ok());
}

TEST(RenderJsonTest, InvalidUtf8InTextDoesNotThrow) {
  StoryReport r = SampleReport();
  r.headline = "bad \xff byte";
  EXPECT_NO_THROW(RenderJson(r));
}

TEST(RenderMarkdownTest, EverySummaryLineCarriesItsCitationsAndSourcesAreListed) {
  const std::string md = RenderMarkdown(SampleReport());
  EXPECT_NE(md.find("- The council approved the budget on Monday. [S1][S2]"), std::string::npos);
  EXPECT_NE(md.find("- Work starts in May. [S2]"), std::string::npos);
  EXPECT_NE(md.find("**[S1]** Harbour Gazette"), std::string::npos);
  EXPECT_NE(md.find("by Ana Ruiz"), std::string::npos);
  EXPECT_EQ(md.rfind("# ", 0), 0u);
}

TEST(RenderArticleJsonTest, IncludesFieldSources) {
  Article a;
  a.title = "T";
  a.paragraphs = {"One.", "Two."};
  a.field_sources["title"] = "og:title";
  a.published = DateTime::Day(2026, 2, 5);
  const std::string json = RenderArticleJson(a);
  EXPECT_NE(json.find("\"og:title\""), std::string::npos);
  EXPECT_NE(json.find("\"2026-02-05\""), std::string::npos);
}

}  // namespace
}  // namespace newsfuse

namespace newsfuse {
namespace {

StoryReport ReportWithClaims() {
  StoryReport r = SampleReport();
  Fact f;
  f.id = "F1";
  f.subject = "trees";
  f.value = "1,200";
  f.low = f.high = 1200;
  f.sources = {"S1", "S2"};
  f.wording = {{"S1", "1,200 trees", Span{5, 16}}, {"S2", "1200 new trees", Span{0, 14}}};
  r.facts.push_back(f);
  Fact open = f;  // "more than 40": an interval open at the top
  open.id = "F2";
  open.low = 40;
  open.high = std::numeric_limits<double>::infinity();
  r.facts.push_back(open);
  Conflict c;
  c.subject = "budget";
  c.hard = true;
  c.confidence = 0.75;
  c.sides = {{"4 million", {"S1"}, {{"S1", "a budget of 4 million", Span{1, 22}}}},
             {"6 million", {"S2"}, {{"S2", "the 6 million <plan>", Span{3, 23}}}}};
  r.conflicts.push_back(c);
  SpeakerQuotes sp;
  sp.speaker = "Ana Ruiz";
  sp.role = "mayor";
  sp.quotes.push_back(
      {true,
       {"S1", "S2"},
       {{"S1", "A park for everyone", Span{0, 19}}, {"S2", "A park for all", Span{2, 16}}}});
  r.quotes.push_back(sp);
  r.timeline.push_back({"2026-03",
                        "month",
                        "Planting begins.",
                        "Riverside",
                        {"S2"},
                        {{"S2", "Planting begins in March.", Span{0, 25}}}});
  r.timeline.push_back({"2026-05-04/2026-05-08", "day", "Opening week.", "", {"S1"}, {}});
  r.coverage = {{"S1", {}, {}}, {"S2", {"F1"}, {}}};
  return r;
}

TEST(RenderJsonTest, ClaimSectionsRoundTrip) {
  const StoryReport r = ReportWithClaims();
  auto back = ParseReportJson(RenderJson(r));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  ASSERT_EQ(back->facts.size(), 2u);
  EXPECT_EQ(back->facts[0].wording[1].text, "1200 new trees");
  EXPECT_DOUBLE_EQ(back->facts[1].low, 40);
  EXPECT_TRUE(std::isinf(back->facts[1].high));
  EXPECT_EQ(back->facts[0].wording[0].span, (Span{5, 16}));
  EXPECT_DOUBLE_EQ(back->facts[0].high, 1200);
  ASSERT_EQ(back->conflicts.size(), 1u);
  EXPECT_TRUE(back->conflicts[0].hard);
  EXPECT_EQ(back->conflicts[0].sides[1].value, "6 million");
  ASSERT_EQ(back->quotes.size(), 1u);
  EXPECT_EQ(back->quotes[0].quotes[0].wording.size(), 2u);
  ASSERT_EQ(back->timeline.size(), 2u);
  EXPECT_EQ(back->timeline[1].date, "2026-05-04/2026-05-08");
  EXPECT_EQ(back->timeline[0].place, "Riverside");
  EXPECT_EQ(back->coverage[1].only_here, std::vector<std::string>{"F1"});
}

TEST(RenderMarkdownTest, ClaimSectionsAreListedWithCitations) {
  const std::string md = RenderMarkdown(ReportWithClaims());
  EXPECT_NE(md.find("- **F1** trees: 1,200 [S1][S2]"), std::string::npos) << md;
  EXPECT_NE(md.find("## Conflicts"), std::string::npos);
  EXPECT_NE(md.find("**Ana Ruiz**, mayor"), std::string::npos);
  EXPECT_NE(md.find("also: \u201cA park for all\u201d [S2]"), std::string::npos);
  EXPECT_NE(md.find("- **2026-03** (Riverside) Planting begins. [S2]"), std::string::npos);
  EXPECT_NE(md.find("- [S2] only here: F1"), std::string::npos);
}

// An event row is its own sentence and may have no date or place: it is
// listed without a dangling colon.
TEST(RenderMarkdownTest, EventRowWithoutValueHasNoColon) {
  StoryReport r = ReportWithClaims();
  Fact event;
  event.id = "F3";
  event.kind = Fact::Kind::kEvent;
  event.subject = "The bridge reopened.";
  event.sources = {"S1", "S2"};
  r.facts.push_back(event);
  const std::string md = RenderMarkdown(r);
  EXPECT_NE(md.find("- **F3** The bridge reopened. [S1][S2]"), std::string::npos) << md;
}

// Who is who is background to what happened: roles are listed apart from
// the facts, in Markdown and HTML alike, whatever their order in the report.
TEST(RenderMarkdownTest, RolesAreListedApartFromFacts) {
  StoryReport r = ReportWithClaims();
  Fact role;
  role.id = "F3";
  role.kind = Fact::Kind::kRole;
  role.subject = "Ana Ruiz";
  role.value = "mayor";
  role.sources = {"S1"};
  r.facts.insert(r.facts.begin(), role);
  const std::string md = RenderMarkdown(r);
  const size_t facts = md.find("## Facts"), roles = md.find("## Who is who");
  ASSERT_NE(facts, std::string::npos) << md;
  ASSERT_NE(roles, std::string::npos) << md;
  const size_t role_row = md.find("- **F3** Ana Ruiz: mayor [S1]");
  EXPECT_GT(role_row, roles) << md;
  EXPECT_LT(md.find("- **F1** trees"), roles) << md;
  const std::string html = RenderHtml(r);
  const size_t html_roles = html.find("<h2 id=roles-h>Who is who</h2>");
  ASSERT_NE(html_roles, std::string::npos);
  EXPECT_GT(html.find("<tr id=\"fact-F3\">"), html_roles);
  EXPECT_LT(html.find("<tr id=\"fact-F1\">"), html_roles);
}

TEST(RenderHtmlTest, SelfContainedEscapedAndLinked) {
  const std::string html = RenderHtml(ReportWithClaims());
  EXPECT_EQ(html.rfind("<!doctype html>", 0), 0u);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("src=\"http"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  // The headline's quotes and the conflict's angle brackets are escaped.
  EXPECT_NE(html.find("Council approves &quot;river park&quot; budget"), std::string::npos);
  EXPECT_NE(html.find("the 6 million &lt;plan&gt;"), std::string::npos);
  EXPECT_EQ(html.find("<plan>"), std::string::npos);
  // Citations link to source cards; fact cells carry the source's wording.
  EXPECT_NE(html.find("href=\"#src-S1\""), std::string::npos);
  EXPECT_NE(html.find("id=\"src-S2\""), std::string::npos);
  EXPECT_NE(html.find("title=\"1200 new trees\""), std::string::npos);
  // A citation is described by a tooltip with its outlet's own sentence,
  // escaped; a citation without wording (an older report) is a plain link.
  EXPECT_NE(html.find("aria-describedby=\"tip-1-S2\""), std::string::npos) << html;
  EXPECT_NE(html.find("role=tooltip id=\"tip-1-S2\"><b>Valley Herald</b> (S2): "
                      "&ldquo;Valley Herald&#39;s own &lt;sentence&gt; of it.&rdquo;"),
            std::string::npos)
      << html;
  EXPECT_EQ(html.find("tip-2-"), std::string::npos);
  // The fact grid names its columns by outlet (with the citation id) and has
  // a legend; it scrolls in its own focusable box, not the page.
  EXPECT_NE(html.find("<th scope=col><a href=\"#src-S2\">Valley Herald</a> "
                      "<span class=src>S2</span></th>"),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("<p class=legend>"), std::string::npos);
  EXPECT_NE(html.find("class=grid role=region aria-labelledby=facts-h tabindex=0"),
            std::string::npos);
  // Two dated entries, two bars on the timeline.
  size_t bars = 0;
  for (size_t at = html.find("<rect"); at != std::string::npos; at = html.find("<rect", at + 1))
    ++bars;
  EXPECT_EQ(bars, 2u);
}

TEST(RenderHtmlTest, DisagreementsComeFirstNamingTheOutlets) {
  const std::string html = RenderHtml(ReportWithClaims());
  const size_t disputes = html.find("<h2 id=disputes-h>Where the sources disagree (1)</h2>");
  ASSERT_NE(disputes, std::string::npos) << html;
  EXPECT_LT(disputes, html.find("<h2>Summary</h2>"));
  // Each side says which outlet says what, and quotes it.
  EXPECT_NE(html.find("<li>Harbour Gazette (<a class=src href=\"#src-S1\">S1</a>) says: "
                      "<b>4 million</b><blockquote>&ldquo;a budget of 4 million&rdquo;"),
            std::string::npos)
      << html;
  EXPECT_NE(
      html.find("Valley Herald (<a class=src href=\"#src-S2\">S2</a>) says: <b>6 million</b>"),
      std::string::npos);
  // A report without conflicts has no such section.
  StoryReport calm = ReportWithClaims();
  calm.conflicts.clear();
  EXPECT_EQ(RenderHtml(calm).find("disputes-h"), std::string::npos);
}

TEST(RenderHtmlTest, CoverageIsSaidInWordsPerOutlet) {
  StoryReport r = ReportWithClaims();
  r.coverage = {{"S1", {}, {"F2"}}, {"S2", {"F1"}, {}}};
  const std::string html = RenderHtml(r);
  EXPECT_NE(html.find("<h2>What each outlet adds or leaves out</h2>"), std::string::npos) << html;
  // What an outlet alone reports, in its own words, linked to the fact grid.
  EXPECT_NE(html.find("<li>Only Valley Herald (<a class=src href=\"#src-S2\">S2</a>) reports "
                      "<a href=\"#fact-F1\">trees: 1,200</a> (&ldquo;1200 new trees&rdquo;).</li>"),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("<li>Harbour Gazette (<a class=src href=\"#src-S1\">S1</a>) does not mention "
                      "what most others report: <a href=\"#fact-F2\">trees: 1,200</a>.</li>"),
            std::string::npos)
      << html;
  EXPECT_EQ(html.find("Only this source"), std::string::npos) << "the old table is gone";
}

}  // namespace
}  // namespace newsfuse
