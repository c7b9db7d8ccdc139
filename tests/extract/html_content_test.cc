// Main-content rules on small pages written like real news markup. Each test
// names the rule it pins down; together they are the evidence behind the
// ScrapingHub figures in the README.
#include <gtest/gtest.h>

#include <string>

#include "extract/extract.h"

namespace newsfuse {
namespace {

Article Html(const std::string& html) {
  RawPage page;
  page.locator = "page.html";
  page.format = PageFormat::kHtml;
  page.content = html;
  auto r = ExtractArticle(page);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? *r : Article{};
}

std::string Joined(const Article& a) {
  std::string s;
  for (const auto& p : a.paragraphs) s += p + "\n";
  return s;
}

const char* kNav =
    "<nav><ul><li><a href=/a>World</a></li><li><a href=/b>Business</a></li>"
    "<li><a href=/c>Science</a></li><li><a href=/d>Sport</a></li></ul></nav>";

TEST(HtmlContentTest, BodyCutIntoOneParagraphPerCardIsKeptWhole) {
  // Each paragraph sits in its own card > card-content > p; the cards only
  // meet two levels above the best single card.
  std::string html = std::string("<html><body>") + kNav + "<div id=\"article-body\">";
  const char* paras[] = {
      "HONOLULU (KHNL) - Astronomers using a telescope on Mauna Kea said on Monday they had "
      "detected "
      "water vapour above the surface of Europa, one of Jupiter's moons.",
      "The team measured about 2,360 kilograms of vapour escaping every second, enough to fill an "
      "Olympic pool within minutes, the lead author said.",
      "Europa, roughly 628 million kilometres from Earth, is slightly smaller than our own Moon, "
      "and "
      "scientists believe an ocean lies beneath its ice shell.",
      "The findings were published in the journal Nature Astronomy, and a NASA probe is due to "
      "visit "
      "the moon in the next decade."};
  for (const char* p : paras)
    html +=
        std::string(
            "<div class=\"card collection-item\"><div class=\"card-content card-article\"><p>") +
        p + "</p></div></div><div class=\"ad-slot\"></div>";
  html += "</div></body></html>";
  Article a = Html(html);
  ASSERT_EQ(a.paragraphs.size(), 4u) << Joined(a);
  EXPECT_EQ(a.paragraphs.back().rfind("The findings were published", 0), 0u);
}

TEST(HtmlContentTest, AGuidesListAndTableInsideTheArticleAreKept) {
  // A recipe: intro, an ingredient table and a numbered method list inside the
  // article container; a site menu list outside it.
  const std::string html = std::string("<html><body>") + kNav +
                           R"(<article><h1>Barley soup for cold evenings</h1>
<p>This soup takes an hour, most of it unattended, and keeps for three days in the fridge; it is
the dish our readers asked for most often this winter.</p>
<table class="ingredients"><tr><td>200 g</td><td>pearl barley</td></tr>
<tr><td>2</td><td>carrots, diced</td></tr><tr><td>1.5 l</td><td>vegetable stock</td></tr></table>
<ol><li>Rinse the barley and soak it for twenty minutes in cold water.</li>
<li>Soften the carrots in a little oil, add the barley and the stock, and simmer for forty minutes.</li>
<li>Season with salt and pepper and serve with dark bread.</li></ol>
<p>Leftovers thicken overnight; loosen them with a splash of stock when you reheat the soup.</p>
</article></body></html>)";
  const std::string text = Joined(Html(html));
  EXPECT_NE(text.find("pearl barley"), std::string::npos) << text;
  EXPECT_NE(text.find("vegetable stock"), std::string::npos) << text;
  EXPECT_NE(text.find("Rinse the barley"), std::string::npos) << text;
  EXPECT_NE(text.find("Season with salt"), std::string::npos) << text;
  EXPECT_NE(text.find("Leftovers thicken"), std::string::npos) << text;
  EXPECT_EQ(text.find("Business"), std::string::npos) << text;
}

TEST(HtmlContentTest, ACommentSignUpPromptNeverWinsOverTheStory) {
  // A German news page: the story in short paragraphs, then a comment box
  // whose sign-up prompt is one long block.
  const std::string html = std::string("<html><body>") + kNav +
                           R"(<div class="article-text">
<p>Der Stadtrat hat am Dienstag den Bau einer neuen Radbrücke über den Fluss beschlossen.</p>
<p>Die Brücke soll 2027 fertig sein und rund zwölf Millionen Euro kosten, sagte die Bürgermeisterin.</p>
<p>Anwohner hatten seit Jahren eine sichere Verbindung zwischen den beiden Ufern gefordert.</p></div>
<div class="comments"><p>Um Kommentare schreiben zu können, müssen Sie sich anmelden oder registrieren.
Mit Ihrer Registrierung akzeptieren Sie unsere Nutzungsbedingungen und die Regeln für Kommentare in
unserer Community, die Sie jederzeit in Ihrem Konto nachlesen und ändern können.</p></div>
</body></html>)";
  const std::string text = Joined(Html(html));
  EXPECT_NE(text.find("Radbrücke"), std::string::npos) << text;
  EXPECT_NE(text.find("Anwohner hatten"), std::string::npos) << text;
  EXPECT_EQ(text.find("Kommentare schreiben"), std::string::npos) << text;
}

TEST(HtmlContentTest, AStoryInsideArticleOutvotesASidebarPanelCalledContent) {
  // The sidebar's one long paragraph sits in a div whose class says
  // "content" (+25); the story's paragraphs sit in an unhinted div inside
  // <article>. The story has several times the votes and the text.
  const std::string sidebar =
      "<div class=\"panel\" id=\"latest-issue\"><div class=\"content\"><h4>In the winter "
      "issue</h4><p>Alongside a long interview with a retired lighthouse keeper, the winter "
      "issue "
      "has a portfolio of harbour photographs, an essay on tides, a guide to coastal walks and "
      "a recipe for smoked mackerel, all on sale in shops from Thursday.</p></div></div>";
  const std::string story =
      "<article><h1>Ferry service to the islands resumes</h1><div id=\"editorial\">"
      "<p>The ferry service to the outer islands resumed on Tuesday, three weeks after a storm "
      "damaged the pier at the mainland terminal, the operator said.</p>"
      "<p>Engineers replaced two of the pier's supports, and the first crossing, at seven in "
      "the morning, carried about forty passengers, mostly islanders returning home.</p>"
      "<p>The operator said timetables would stay reduced until the end of the month, while a "
      "second berth, used by freight, is repaired.</p>"
      "<p>Island shops, which had relied on a small fishing boat for bread, milk and post, "
      "expected full deliveries by Friday, a council spokeswoman said.</p></div></article>";
  Article a = Html("<html><body>" + std::string(kNav) + sidebar + story + "</body></html>");
  const std::string body = Joined(a);
  EXPECT_NE(body.find("The ferry service to the outer islands resumed"), std::string::npos) << body;
  EXPECT_NE(body.find("expected full deliveries by Friday"), std::string::npos) << body;
  EXPECT_EQ(body.find("smoked mackerel"), std::string::npos) << body;
}

TEST(HtmlContentTest, AShortPostIsNotReplacedByALongerSidebarWidget) {
  // Without <article>/<main> around the longer block, the short post keeps
  // its place: a sidebar widget has more text than a one-line post.
  const std::string post =
      "<div class=\"post\"><h2>A new arrival</h2><div class=\"post-content\"><p>Our "
      "daughter was born on Sunday, and everyone is well.</p></div></div>";
  std::string widget = "<div class=\"box\"><div class=\"textwidget\">";
  for (int i = 0; i < 4; ++i)
    widget +=
        "<p>I write about study habits, productivity, careers and the craft of learning, "
        "and I answer readers' questions every Monday, often at length.</p>";
  widget += "</div></div>";
  Article a = Html("<html><body>" + post + widget + "</body></html>");
  const std::string body = Joined(a);
  EXPECT_NE(body.find("Our daughter was born on Sunday"), std::string::npos) << body;
  EXPECT_EQ(body.find("study habits"), std::string::npos) << body;
}

TEST(HtmlContentTest, AnIntroAndFirstParagraphAboveTheRestOfTheStoryAreKept) {
  // The lede sits in an intro box and one <p> directly in the story's
  // wrapper; the rest of the story is in a wrapper two levels
  // down. The lede adds under a quarter to the body, yet it opens the story.
  std::string html = std::string("<html><body>") + kNav +
                     "<div class=\"wrap\"><div class=\"intro\"><p><strong>A COUNCIL "
                     "inquiry into the collapse of the old river bridge heard on Monday that "
                     "inspectors had warned of rusted bearings two years before it fell, and "
                     "that repairs were put off to save money.</strong></p></div>"
                     "<p>The inquiry, chaired by a retired judge, is due to report in the "
                     "spring. Its first witness, the council's former chief engineer, said "
                     "the warnings had been passed on to the finance committee, which decided "
                     "to wait for a government grant that never came.</p>"
                     "<div id=\"rest\"><div id=\"rest-text\">";
  for (int i = 1; i <= 7; ++i)
    html += "<p>Witness statement " + std::to_string(i) +
            " described the inspection reports, the cost estimates for new bearings, the "
            "letters between the engineers and the committee, and the traffic counts that "
            "showed lorries still crossing the bridge, which had been limited to cars, "
            "in the months before it gave way under a loaded truck.</p>";
  html += "</div></div></div></body></html>";
  Article a = Html(html);
  const std::string body = Joined(a);
  EXPECT_NE(body.find("A COUNCIL inquiry into the collapse"), std::string::npos) << body;
  EXPECT_NE(body.find("The inquiry, chaired by a retired judge"), std::string::npos) << body;
  EXPECT_NE(body.find("Witness statement 7"), std::string::npos) << body;
}

TEST(HtmlContentTest, BrSeparatedTextBesideALinkColumnIsTheArticle) {
  std::string html = "<html><body><div class=\"row\"><div class=\"col-3\"><ul>";
  for (int y = 2005; y <= 2018; ++y)
    html += "<li><a href=\"/archive?y=" + std::to_string(y) + "\">Archive " + std::to_string(y) +
            "</a></li>";
  html +=
      "</ul></div><div class=\"col-9\"><p class=\"title\">Vans broken into at health unit</p>"
      "<img src=a.jpg>Staff at the home-care unit found two of its five vans broken into on Friday "
      "morning, with their batteries gone and windows smashed.<br><br>A police report was filed "
      "and "
      "officers inspected the yard, the health department said, adding that visits would go on as "
      "planned.<br><br>The unit serves about 300 patients across the district.</div></div>"
      "<footer>Town hall - 1111 Main Street - Phone 555-0100</footer></body></html>";
  Article a = Html(html);
  const std::string body = Joined(a);
  EXPECT_NE(body.find("two of its five vans"), std::string::npos) << body;
  EXPECT_NE(body.find("about 300 patients"), std::string::npos) << body;
  EXPECT_EQ(body.find("Archive 2007"), std::string::npos) << body;
  EXPECT_EQ(body.find("Main Street"), std::string::npos) << body;
}

TEST(HtmlContentTest, ALongReaderCommentNeverBeatsAShortStory) {
  std::string html =
      std::string("<html><body>") + kNav +
      "<div class=\"article\"><p>Apple will move its 13-inch laptop to a scissor keyboard "
      "next year, an analyst said in a note to investors on Monday.</p>"
      "<p>The change follows complaints about the butterfly design, which the company "
      "has repaired for free since 2018.</p></div>"
      "<div id=\"comments\"><div class=\"comment\"><div class=\"content\">";
  for (int i = 0; i < 6; ++i)
    html +=
        "I agree, but it raises the question of who was really in charge of design, and why it "
        "took so "
        "long to admit that the keyboard was a mistake, given how many people complained.<br><br>";
  html += "</div></div></div></body></html>";
  Article a = Html(html);
  const std::string body = Joined(a);
  EXPECT_NE(body.find("scissor keyboard"), std::string::npos) << body;
  EXPECT_EQ(body.find("I agree"), std::string::npos) << body;
}

TEST(HtmlContentTest, TextInsideAPaywallWrapperIsArticleText) {
  Article a = Html(
      "<html><body><article><p>Home Depot cut its sales forecast on Tuesday, and its shares fell "
      "5% in "
      "early trading, though analysts said the outlook was not alarming.</p>"
      "<div class=\"paywall\"><p>Jefferies said the market was misreading the results, calling the "
      "drop a buying opportunity for long-term investors.</p>"
      "<p>Home Depot shares are up about 40% this year, well ahead of the broader market.</p></div>"
      "</article></body></html>");
  EXPECT_EQ(a.paragraphs.size(), 3u) << Joined(a);
}

TEST(HtmlContentTest, PlaceholderDatesAreNotPublicationDates) {
  Article a = Html(
      "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
      "\"datePublished\":\"0001-01-01T00:00:00Z\"}</script>"
      "<meta property=\"article:published_time\" content=\"2019-11-19T18:05:00-05:00\"></head>"
      "<body><article><p>Teachers filled the statehouse on Tuesday to demand higher pay and "
      "smaller "
      "classes, organisers said.</p></article></body></html>");
  ASSERT_TRUE(a.published);
  EXPECT_EQ(a.published->ToIso(), "2019-11-19T18:05:00-05:00");
  EXPECT_EQ(a.field_sources["published"], "meta:article:published_time");
}

TEST(HtmlContentTest, ParagraphsAWordProcessorWrappedInSpansAreTheBody) {
  // A blog post pasted from a word processor: each paragraph a <div> whose
  // text sits in <span>s, no <p> anywhere; beside it a sidebar of <p>s.
  std::string html = std::string("<html><body>") + kNav +
                     "<div class=\"intro-box\"><p>Welcome to my kitchen, where I cook for friends, "
                     "family and anyone who drops by on a Sunday.</p><p>New recipes every week, "
                     "tested twice, with notes on what went wrong the first time.</p></div>"
                     "<div class=\"post-body\">";
  const char* paras[] = {
      "I love a slow stew as much as anyone, but on a weeknight I want dinner on the table in "
      "half an hour, with one pan to wash and something left for lunch.",
      "Brown the onions first, then the peppers, and only then the beans, so each keeps its own "
      "taste; a spoon of smoked paprika ties them together at the end.",
      "Serve it with rice or warm bread, and keep the leftovers in the fridge for two days at "
      "most, covered, and heated through before eating."};
  for (const char* p : paras)
    html += std::string("<div class=\"MsoNormal\"><span><span>") + p + "</span></span></div>";
  html += "</div></body></html>";
  Article a = Html(html);
  ASSERT_EQ(a.paragraphs.size(), 3u) << Joined(a);
  EXPECT_EQ(a.paragraphs.front().rfind("I love a slow stew", 0), 0u);
}

TEST(HtmlContentTest, ABodySplitIntoTwoBlocksOfOneClassIsKeptWhole) {
  // The first paragraphs, a photo and a widget, then the rest: two sibling
  // blocks with the same class; the second one holds most of the text.
  const std::string first =
      "<div class=\"story-text\"><p>HARBOUR TOWN - The ferry between the two islands will run "
      "every hour from next week, the operator said on Tuesday, after months of complaints.</p>"
      "</div>";
  const std::string rest =
      "<div class=\"story-text\"><p>Passengers had asked for more evening crossings after the "
      "summer timetable ended in October, and the council backed them in a vote.</p>"
      "<p>The operator said two boats would share the route, and that fares would not rise "
      "before the spring, when it will review the timetable again.</p>"
      "<p>Island shops welcomed the change, saying deliveries had been late since the autumn, "
      "and the school said pupils would no longer miss the first lesson.</p>"
      "<p>The harbour master said the new timetable had been tested in the summer, when the "
      "second boat ran on weekends, and that no crossing had been cancelled.</p></div>";
  const std::string html = std::string("<html><body>") + kNav +
                           "<div class=\"story\"><h1>Ferry to run hourly</h1>" + first +
                           "<div class=\"photo\"><img src=\"a.jpg\"></div>"
                           "<div class=\"share-tools\"><a href=\"/s\">Share</a></div>" +
                           rest + "</div></body></html>";
  Article a = Html(html);
  ASSERT_EQ(a.paragraphs.size(), 5u) << Joined(a);
  EXPECT_EQ(a.paragraphs.front().rfind("The ferry between", 0), 0u) << Joined(a);
}

TEST(HtmlContentTest, OtherArticlesBesideTheStoryAreNotTakenIn) {
  // A "most popular" feed of <article> teaser cards after the story, inside
  // the same <main>: other pieces, however much prose they hold.
  std::string html = std::string("<html><body>") + kNav +
                     "<main><div class=\"story-body\">"
                     "<p>The ferry between the two islands will run every hour from next week, "
                     "the operator said on Tuesday, after months of complaints from islanders.</p>"
                     "<p>Passengers had asked for more evening crossings after the summer "
                     "timetable ended in October, and the council backed them in a vote.</p>"
                     "<p>The operator said two boats would share the route, and that fares "
                     "would not rise before the spring review of the timetable.</p></div>"
                     "<div class=\"grid\">";
  for (int i = 0; i < 4; ++i)
    html +=
        "<article class=\"card\"><div class=\"card-text\">A council vote on the new "
        "harbour wall was delayed again on Monday, as residents asked for another "
        "survey of the sea defences " +
        std::to_string(i) + ".</div></article>";
  html += "</div></main></body></html>";
  Article a = Html(html);
  ASSERT_EQ(a.paragraphs.size(), 3u) << Joined(a);
  EXPECT_EQ(Joined(a).find("harbour wall"), std::string::npos) << Joined(a);
}

}  // namespace
}  // namespace newsfuse
