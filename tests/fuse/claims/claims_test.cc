// Claims from hand-built annotations, so each rule is tested on its own,
// whatever the annotators upstream find.
#include "fuse/claims/claims.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <limits>
#include <map>
#include <string>
#include <vector>

namespace newsfuse {
namespace {

// One article whose paragraphs are one sentence each.
class ArticleBuilder {
 public:
  ArticleBuilder(std::string outlet, std::vector<std::string> paragraphs) {
    a_.article.outlet = std::move(outlet);
    a_.article.id = a_.article.outlet;
    a_.article.paragraphs = std::move(paragraphs);
    a_.body = a_.article.Body();
    uint32_t base = 0;
    for (size_t p = 0; p < a_.article.paragraphs.size(); ++p) {
      const auto n = static_cast<uint32_t>(a_.article.paragraphs[p].size());
      a_.sentences.push_back({Span{base, base + n}, static_cast<uint32_t>(p)});
      base += n + 2;
    }
  }
  Span Find(const std::string& text) const {
    const size_t at = a_.body.find(text);
    EXPECT_NE(at, std::string::npos) << text;
    return Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + text.size())};
  }
  ArticleBuilder& Count(const std::string& number, const std::string& thing, double value,
                        double low, double high, double total = 0) {
    Quantity q;
    q.span = Find(number);
    q.counted_span = Find(thing);
    q.counted = thing;
    q.value = value;
    q.low = low;
    q.high = high;
    q.total = total ? total : value;
    q.distributive = total != 0 && total != value;
    a_.quantities.push_back(q);
    return *this;
  }
  ArticleBuilder& Length(const std::string& text, double metres, double low, double high) {
    Quantity q;
    q.span = Find(text);
    q.value = q.total = metres;
    q.low = low;
    q.high = high;
    q.unit = "m";
    a_.quantities.push_back(q);
    return *this;
  }
  // A duration as the quantity annotator reads it: seconds, the unit word as written.
  ArticleBuilder& Duration(const std::string& text, double seconds, const std::string& stated_unit,
                           double low = -1, double high = -1) {
    Quantity q;
    q.span = Find(text);
    q.value = q.total = seconds;
    q.low = low < 0 ? seconds : low;
    q.high = high < 0 ? seconds : high;
    q.unit = "s";
    q.stated_unit = stated_unit;
    a_.quantities.push_back(q);
    return *this;
  }
  // A measure as the quantity annotator reads it: `unit` normalised, `stated_unit` as written.
  ArticleBuilder& Measure(const std::string& text, double value, const std::string& unit,
                          const std::string& stated_unit) {
    Quantity q;
    q.span = Find(text);
    q.value = q.total = q.low = q.high = value;
    q.unit = unit;
    q.stated_unit = stated_unit;
    a_.quantities.push_back(q);
    return *this;
  }
  // A count whose noun is written `thing` and read as `lemma` ("points" -> "point").
  ArticleBuilder& CountOf(const std::string& number, const std::string& thing,
                          const std::string& lemma, double value) {
    Count(number, thing, value, value, value);
    a_.quantities.back().counted = lemma;
    return *this;
  }
  ArticleBuilder& Percent(const std::string& text, double value) {
    Quantity q;
    q.span = Find(text);
    q.value = q.total = q.low = q.high = value;
    q.unit = "%";
    a_.quantities.push_back(q);
    return *this;
  }
  // A person named in the text, matched across articles by `key`.
  ArticleBuilder& Person(const std::string& name, const std::string& key) {
    Entity e;
    e.type = EntityType::kPerson;
    e.name = name;
    e.key = key;
    a_.entities.push_back(e);
    a_.mentions.push_back({Find(name), static_cast<uint32_t>(a_.entities.size() - 1)});
    return *this;
  }
  ArticleBuilder& Date(const std::string& text, const std::string& value) {
    Timex t;
    t.span = Find(text);
    t.value = value;
    a_.timexes.push_back(t);
    return *this;
  }
  ArticleBuilder& Said(const std::string& speaker, const std::string& key, const std::string& role,
                       const std::string& content) {
    Entity e;
    e.type = EntityType::kPerson;
    e.name = speaker;
    e.key = key;
    if (!role.empty()) e.roles.push_back(role);
    a_.entities.push_back(e);
    Quote q;
    q.content = Find(content);
    q.speaker = static_cast<uint32_t>(a_.entities.size() - 1);
    a_.quotes.push_back(q);
    return *this;
  }
  AnnotatedArticle Build() const { return a_; }

 private:
  AnnotatedArticle a_;
};

std::string FormatNumberForTest(double v) { return std::to_string(static_cast<int>(v)); }

StoryReport Fuse(const std::vector<AnnotatedArticle>& articles) {
  StoryReport report;
  std::vector<const AnnotatedArticle*> members;
  for (size_t i = 0; i < articles.size(); ++i) {
    ReportSource source;
    source.id = "S" + std::to_string(i + 1);
    source.outlet = articles[i].article.outlet;
    report.sources.push_back(source);
    members.push_back(&articles[i]);
  }
  fuse::AddClaims(members, report);
  return report;
}

const Fact* FactAbout(const StoryReport& r, const std::string& subject_part) {
  for (const Fact& f : r.facts) {
    if (f.subject.find(subject_part) != std::string::npos) return &f;
  }
  return nullptr;
}

// The quantity row whose value reads `value`.
const Fact* FactValued(const StoryReport& r, const std::string& value) {
  for (const Fact& f : r.facts) {
    if (f.kind == Fact::Kind::kQuantity && f.value == value) return &f;
  }
  return nullptr;
}

TEST(ClaimsTest, PerPartyCountsAndTheirTotalAreOneFact) {
  std::vector<AnnotatedArticle> articles = {
      ArticleBuilder("Harbour Gazette",
                     {"The two sides swapped 157 detainees each on Friday at the border crossing."})
          .Count("157", "detainees", 157, 157, 157, 314)
          .Build(),
      ArticleBuilder("Valley Times",
                     {"In all, 314 detainees were swapped at the border crossing on Friday."})
          .Count("314", "detainees", 314, 314, 314)
          .Build(),
      ArticleBuilder("Coast Wire",
                     {"Officials said 200 detainees were freed at the border crossing on Friday."})
          .Count("200", "detainees", 200, 200, 200)
          .Build(),
  };
  StoryReport r = Fuse(articles);
  ASSERT_FALSE(r.facts.empty());
  const Fact& top = r.facts.front();
  EXPECT_EQ(top.kind, Fact::Kind::kQuantity);
  EXPECT_EQ(top.sources, (std::vector<std::string>{"S1", "S2"}));
  EXPECT_EQ(top.value, "314 (157 each)");
  EXPECT_EQ(top.wording[0].text, "157 detainees");
  // 200 vs 314 about the same crossing: a hard conflict, both sides shown.
  ASSERT_EQ(r.conflicts.size(), 1u);
  EXPECT_TRUE(r.conflicts[0].hard);
  ASSERT_EQ(r.conflicts[0].sides.size(), 2u);
  EXPECT_EQ(r.conflicts[0].sides[1].sources, std::vector<std::string>{"S3"});
}

TEST(ClaimsTest, KilometresAndHedgedMilesAgree) {
  std::vector<AnnotatedArticle> articles = {
      ArticleBuilder("North Ledger",
                     {"The front line runs for 1,200 km across the east of the country."})
          .Length("1,200 km", 1.2e6, 1.2e6, 1.2e6)
          .Build(),
      ArticleBuilder("South Ledger",
                     {"Fighting continues along the roughly 750-mile front line in the east."})
          .Length("roughly 750-mile", 1207008, 1086307, 1327709)
          .Build(),
  };
  StoryReport r = Fuse(articles);
  ASSERT_EQ(r.facts.size(), 1u);
  EXPECT_EQ(r.facts[0].sources.size(), 2u);
  EXPECT_EQ(r.facts[0].value, "1,200 km (746 miles)");
  EXPECT_TRUE(r.conflicts.empty());
}

TEST(ClaimsTest, TwoNumbersOneOutletStatesTogetherAreNoConflict) {
  std::vector<AnnotatedArticle> articles = {
      ArticleBuilder("Daily Post", {"Russia launched 183 drones overnight, and air defences downed "
                                    "150 drones over the region."})
          .Count("183", "drones", 183, 183, 183)
          .Count("150", "drones", 150, 150, 150)
          .Build(),
      ArticleBuilder("Evening Post",
                     {"Air defences downed 150 drones over the region overnight, officials said."})
          .Count("150", "drones", 150, 150, 150)
          .Build(),
  };
  StoryReport r = Fuse(articles);
  EXPECT_TRUE(r.conflicts.empty());
  const Fact* downed = FactAbout(r, "drones");
  ASSERT_NE(downed, nullptr);
  EXPECT_EQ(downed->value, "150");
  EXPECT_EQ(downed->sources.size(), 2u);
}

TEST(ClaimsTest, HedgedNearMissIsASoftConflict) {
  std::vector<AnnotatedArticle> articles = {
      ArticleBuilder("Metro One",
                     {"Nearly 40 people were injured when the bridge collapsed on Tuesday."})
          .Count("Nearly 40", "people", 40, 36, 40)
          .Build(),
      ArticleBuilder(
          "Metro Two",
          {"Officials said 45 people were injured when the bridge collapsed on Tuesday."})
          .Count("45", "people", 45, 45, 45)
          .Build(),
  };
  StoryReport r = Fuse(articles);
  ASSERT_EQ(r.conflicts.size(), 1u);
  EXPECT_FALSE(r.conflicts[0].hard);
  EXPECT_GT(r.conflicts[0].confidence, 0.5);
}

// Issue 18: two figures whose hedges meet but that differ by more than
// rounding ("about 50", "about 56") are an approximate agreement, shown as a
// soft conflict. A one-sided bound the other figure meets ("213", "more
// than 200"), one figure under two hedges ("about 300", "300") and figures
// far apart under one bound ("20", "up to 34") are no disagreement.
TEST(ClaimsTest, CompatibleButDifferentFiguresAreApproximateAgreement) {
  const double inf = std::numeric_limits<double>::infinity();
  StoryReport r = Fuse({
      ArticleBuilder("Metro One", {"The blast at the ferry terminal killed 213 people on Friday.",
                                   "About 300 people were evacuated from the ferry terminal.",
                                   "The ferry company said 20 boats were damaged at the pier.",
                                   "Divers rescued about 50 sailors from the harbour overnight."})
          .Count("213", "people", 213, 213, 213)
          .Count("About 300", "people were evacuated", 300, 270, 330)
          .Count("20", "boats", 20, 20, 20)
          .Count("about 50", "sailors", 50, 45, 55)
          .Build(),
      ArticleBuilder("Metro Two",
                     {"The blast at the ferry terminal killed more than 200 people on Friday.",
                      "Police said 300 people were evacuated from the ferry terminal.",
                      "The ferry company said up to 34 boats were damaged at the pier.",
                      "Divers rescued about 56 sailors from the harbour overnight."})
          .Count("more than 200", "people", 200, 200, inf)
          .Count("300", "people were evacuated", 300, 300, 300)
          .Count("up to 34", "boats", 34, 0, 34)
          .Count("about 56", "sailors", 56, 50.4, 61.6)
          .Build(),
  });
  ASSERT_EQ(r.conflicts.size(), 1u);
  const Conflict& c = r.conflicts[0];
  EXPECT_FALSE(c.hard);
  ASSERT_EQ(c.sides.size(), 2u);
  EXPECT_EQ(c.sides[0].value, "about 50");
  EXPECT_EQ(c.sides[1].value, "about 56");
  EXPECT_EQ(c.sides[1].sources, std::vector<std::string>{"S2"});
}

// Issue 18: one thing dated differently by two outlets in nearly the same
// words is a hard conflict; a copy of a sentence with two dates, or a day
// each article resolves against its own publication date, is not.
TEST(ClaimsTest, OneThingDatedDifferentlyIsAConflict) {
  auto years = [](AnnotatedArticle a) {
    for (Timex& t : a.timexes) t.precision = DatePrecision::kYear;
    return a;
  };
  StoryReport r = Fuse({
      years(ArticleBuilder("North Post",
                           {"Mayor Dahl, appointed harbour chief in 2011 after the long strike, "
                            "rebuilt the old port of Bergen.",
                            "Dahl ran the port from 2004 until 2009 and then the ferries.",
                            "The council met on Monday to name his successor."})
                .Date("2011", "2011")
                .Date("2004", "2004")
                .Date("2009", "2009")
                .Date("on Monday", "2026-03-02")
                .Build()),
      years(ArticleBuilder("West Post",
                           {"Mayor Dahl, appointed harbour chief in 2012 after the long strike, "
                            "rebuilt the old port of Bergen.",
                            "Dahl ran the port from 2004 until 2009 and then the ferries.",
                            "The council met on Monday to name his successor."})
                .Date("2012", "2012")
                .Date("2004", "2004")
                .Date("2009", "2009")
                .Date("on Monday", "2026-03-09")
                .Build()),
  });
  ASSERT_EQ(r.conflicts.size(), 1u);
  const Conflict& c = r.conflicts[0];
  EXPECT_TRUE(c.hard);
  ASSERT_EQ(c.sides.size(), 2u);
  EXPECT_EQ(c.sides[0].value, "2011");
  EXPECT_EQ(c.sides[1].value, "2012");
  EXPECT_NE(c.subject.find("appointed harbour chief in"), std::string::npos) << c.subject;
}

TEST(ClaimsTest, UnrelatedSentencesWithDifferentNumbersAreNotAConflict) {
  std::vector<AnnotatedArticle> articles = {
      ArticleBuilder("Metro One",
                     {"Nearly 40 people were injured when the bridge collapsed on Tuesday."})
          .Count("Nearly 40", "people", 40, 36, 40)
          .Build(),
      ArticleBuilder(
          "Metro Two",
          {"The council employs 900 people in its roads department, a spokesperson noted."})
          .Count("900", "people", 900, 900, 900)
          .Build(),
  };
  EXPECT_TRUE(Fuse(articles).conflicts.empty());
}

TEST(ClaimsTest, TimelineMergesSameDayEventsAndOrdersByDate) {
  std::vector<AnnotatedArticle> articles = {
      ArticleBuilder("A Times",
                     {"The envoys met in Geneva on Thursday for a second round of talks.",
                      "The first round was held in Oslo in January."})
          .Date("on Thursday", "2026-03-12")
          .Date("in January", "2026-01")
          .Build(),
      ArticleBuilder("B Herald", {"Envoys held a second round of talks in Geneva on March 12."})
          .Date("March 12", "2026-03-12")
          .Build(),
  };
  StoryReport r = Fuse(articles);
  ASSERT_EQ(r.timeline.size(), 2u);
  EXPECT_EQ(r.timeline[0].date, "2026-01");
  EXPECT_EQ(r.timeline[0].precision, "day");  // Timex default; the annotator sets it
  EXPECT_EQ(r.timeline[1].date, "2026-03-12");
  EXPECT_EQ(r.timeline[1].sources, (std::vector<std::string>{"S1", "S2"}));
  EXPECT_EQ(r.timeline[1].what, "Envoys held a second round of talks in Geneva on March 12.");
  const Fact* event = nullptr;
  for (const Fact& f : r.facts) {
    if (f.kind == Fact::Kind::kEvent) event = &f;
  }
  ASSERT_NE(event, nullptr);
  EXPECT_EQ(event->value, "2026-03-12");
}

TEST(ClaimsTest, TranslatedQuoteOfOneSpeakerIsMergedOthersKeptApart) {
  std::vector<AnnotatedArticle> articles = {
      ArticleBuilder("Wire One",
                     {"\"The talks were substantive and productive,\" Minister Anna Berg said."})
          .Said("Anna Berg", "berg", "foreign minister",
                "The talks were substantive and productive")
          .Build(),
      ArticleBuilder(
          "Wire Two",
          {"Berg called the talks \"meaningful and productive\" and said more work remained."})
          .Said("Berg", "berg", "", "meaningful and productive")
          .Build(),
      ArticleBuilder("Wire Three",
                     {"\"We will return next month,\" Berg told reporters at the airport."})
          .Said("Berg", "berg", "", "We will return next month")
          .Build(),
  };
  StoryReport r = Fuse(articles);
  ASSERT_EQ(r.quotes.size(), 1u);
  EXPECT_EQ(r.quotes[0].speaker, "Anna Berg");
  EXPECT_EQ(r.quotes[0].role, "foreign minister");
  ASSERT_EQ(r.quotes[0].quotes.size(), 2u);
  EXPECT_EQ(r.quotes[0].quotes[0].sources, (std::vector<std::string>{"S1", "S2"}));
  EXPECT_EQ(r.quotes[0].quotes[1].sources, std::vector<std::string>{"S3"});
}

TEST(ClaimsTest, NegatedStatementAgainstAnotherOutletIsAConflict) {
  std::vector<AnnotatedArticle> articles = {
      ArticleBuilder("First Daily",
                     {"The talks in Geneva ended with no joint statement from the delegations."})
          .Build(),
      ArticleBuilder("Second Daily", {"In a joint statement after the talks in Geneva, the "
                                      "delegations pledged to meet again."})
          .Build(),
      ArticleBuilder("Third Daily",
                     {"There was no doubt the talks in Geneva were tense, one delegate said."})
          .Build(),
  };
  StoryReport r = Fuse(articles);
  ASSERT_EQ(r.conflicts.size(), 1u);
  EXPECT_EQ(r.conflicts[0].subject, "joint statement");
  EXPECT_EQ(r.conflicts[0].sides[0].sources, std::vector<std::string>{"S1"});
  EXPECT_EQ(r.conflicts[0].sides[1].sources, std::vector<std::string>{"S2"});
}

// Issue 17: statement conflicts read the story's one token scan, so an
// accented word is one word ("régime" is not "r" + "gime", which cut the
// phrase short before), and a curly "didn’t" still negates its sentence.
TEST(ClaimsTest, NegatedPhraseWithAccentsIsOneWordEverywhere) {
  const AnnotatedArticle negating =
      ArticleBuilder("North Post",
                     {"The Bergen ferry talks ended with no régime change for the harbour."})
          .Build();
  const StoryReport r =
      Fuse({negating, ArticleBuilder("South Post", {"The Bergen ferry talks ended in a régime "
                                                    "change for the harbour, officials said."})
                          .Build()});
  ASSERT_EQ(r.conflicts.size(), 1u);
  EXPECT_EQ(r.conflicts[0].subject, "régime change");

  EXPECT_TRUE(
      Fuse({negating, ArticleBuilder("West Post", {"The Bergen ferry talks didn\u2019t "
                                                   "bring a régime change for the harbour."})
                          .Build()})
          .conflicts.empty());
}

// Issue 18: "no X" against "X" only when the other side asserts X as a
// claim: never a sentence against its own copy, a sentence that negates
// something else, a name, or words a speaker says in quote marks.
TEST(ClaimsTest, NegatedPhraseAgainstNonClaimsIsNoConflict) {
  const std::string same =
      "The ferry talks in Bergen ended with no joint political or security statement.";
  EXPECT_TRUE(Fuse({ArticleBuilder("North Post", {same}).Build(),
                    ArticleBuilder("South Post", {same}).Build()})
                  .conflicts.empty());

  EXPECT_TRUE(
      Fuse({ArticleBuilder("North Post",
                           {"The ferry talks in Bergen produced no safety report for the harbour."})
                .Build(),
            ArticleBuilder(
                "South Post",
                {"The ferry talks in Bergen did not produce a safety report for the harbour."})
                .Build()})
          .conflicts.empty());

  EXPECT_TRUE(Fuse({ArticleBuilder(
                        "North Post",
                        {"The ferry talks in Bergen gave no harbour access to the fishing fleet."})
                        .Build(),
                    ArticleBuilder("South Post", {"The ferry talks in Bergen were about the "
                                                  "Harbour Access rules for the fishing fleet."})
                        .Build()})
                  .conflicts.empty());

  AnnotatedArticle quoted =
      ArticleBuilder(
          "North Post",
          {"\"There is no ferry agreement in Bergen yet,\" the mayor said after the talks."})
          .Build();
  Quote q;
  q.content = Span{1, static_cast<uint32_t>(quoted.body.find("yet") + 3)};
  quoted.quotes.push_back(q);
  EXPECT_TRUE(
      Fuse({quoted, ArticleBuilder("South Post",
                                   {"A ferry agreement in Bergen was signed after the talks."})
                        .Build()})
          .conflicts.empty());
}

// Issue 18: a sentence that only expects X ("a ferry decree was expected",
// "expected to issue a ferry decree") is no claim that X happened, so a
// later "no ferry decree" is no conflict with it.
TEST(ClaimsTest, ExpectedPhraseIsNoConflictWithItsNegation) {
  const AnnotatedArticle negating =
      ArticleBuilder(
          "North Post",
          {"The mayors of Bergen met on Friday, but no ferry decree followed the talks."})
          .Build();
  EXPECT_TRUE(
      Fuse({negating, ArticleBuilder("South Post", {"The mayors of Bergen were expected to issue a "
                                                    "ferry decree after the talks on Friday."})
                          .Build()})
          .conflicts.empty());
  EXPECT_TRUE(Fuse({negating, ArticleBuilder("West Post", {"A ferry decree from the mayors of "
                                                           "Bergen would follow the talks."})
                                  .Build()})
                  .conflicts.empty());
  // The same wording stated as done is still a conflict.
  EXPECT_EQ(Fuse({negating, ArticleBuilder("East Post", {"The mayors of Bergen issued a ferry "
                                                         "decree after the talks on Friday."})
                                .Build()})
                .conflicts.size(),
            1u);
}

// Issue 18: values of one noun that differ several times over are two
// things ("34 votes" against, "316 votes" cast), and two small counts are
// two groups; an estimate against a count of one figure stays a conflict.
TEST(ClaimsTest, FarApartOrSmallCountsAreNoConflict) {
  auto pair = [](const std::string& a_text, const std::string& a_num, double a_value,
                 const std::string& b_text, const std::string& b_num, double b_value,
                 const std::string& thing) {
    return Fuse({ArticleBuilder("North Post", {a_text})
                     .Count(a_num, thing, a_value, a_value, a_value)
                     .Build(),
                 ArticleBuilder("South Post", {b_text})
                     .Count(b_num, thing, b_value, b_value, b_value)
                     .Build()});
  };
  EXPECT_TRUE(pair("The harbour council of Bergen passed the ferry plan with 34 votes.", "34", 34,
                   "The harbour council of Bergen passed the ferry plan of 316 votes.", "316", 316,
                   "votes")
                  .conflicts.empty());
  EXPECT_TRUE(pair("The storm off Bergen sank 2 yachts near the harbour mouth.", "2", 2,
                   "The storm off Bergen sank 3 yachts near the harbour mouth.", "3", 3, "yachts")
                  .conflicts.empty());
  StoryReport kept =
      pair("The storm off Bergen drowned 40 sheep near the harbour mouth.", "40", 40,
           "The storm off Bergen drowned 55 sheep near the harbour mouth.", "55", 55, "sheep");
  ASSERT_EQ(kept.conflicts.size(), 1u);
  EXPECT_TRUE(kept.conflicts[0].hard);
}

// Issue 18: a measure and its rounded conversion in one sentence are one
// fact row, not two.
TEST(ClaimsTest, MeasureAndItsConversionAreOneRow) {
  StoryReport r =
      Fuse({ArticleBuilder("North Post",
                           {"The new runway at Bergen is two miles (three kilometers) long."})
                .Length("two miles", 3218.7, 3218.7, 3218.7)
                .Length("three kilometers", 3000, 3000, 3000)
                .Build(),
            ArticleBuilder("West Post", {"The new runway at Bergen is three kilometers long."})
                .Length("three kilometers", 3000, 3000, 3000)
                .Build()});
  size_t lengths = 0;
  for (const Fact& f : r.facts) lengths += f.unit == "m";
  EXPECT_EQ(lengths, 1u);
}

// Issue 18: a sentence with two dates is one claim, so one event row.
TEST(ClaimsTest, SentenceWithTwoDatesIsOneEventRow) {
  const std::string text = "The harbour master ruled the port of Bergen from 1990 until 2004.";
  auto article = [&](const std::string& outlet) {
    return ArticleBuilder(outlet, {text}).Date("1990", "1990").Date("2004", "2004").Build();
  };
  StoryReport r = Fuse({article("North Post"), article("South Post")});
  size_t rows = 0;
  for (const Fact& f : r.facts) rows += f.kind == Fact::Kind::kEvent;
  EXPECT_EQ(rows, 1u);
}

// Issue 18: one voice's "124-member council" is the council's size, an
// aside, not a count of members in the story; a plain count stays.
// Issue 18: "the 124-member council", "a six-year term" give the size or
// tenure of another noun, background however many voices repeat it; one
// voice's plain count is an aside; two voices' count is a fact.
TEST(ClaimsTest, AdjectivalNumbersAndOneVoicesCountsAreNoFacts) {
  auto tenure = [](ArticleBuilder b, const std::string& text) {
    AnnotatedArticle a = b.Build();
    Quantity q;
    q.span = Span{static_cast<uint32_t>(a.body.find(text)),
                  static_cast<uint32_t>(a.body.find(text) + text.size())};
    q.value = q.total = q.low = q.high = 6 * 31556952.0;
    q.unit = "s";
    q.stated_unit = "year";  // the annotator's span is "six-year": a number word
    q.counted = "term";
    a.quantities.push_back(q);
    return a;
  };
  StoryReport r =
      Fuse({tenure(ArticleBuilder("North Post", {"Of the 124-member harbour council of Bergen, 48 "
                                                 "fishermen voted for the plan in its six-year "
                                                 "term, and 30 boats sailed."})
                       .Count("124", "member", 124, 124, 124)
                       .Count("48", "fishermen", 48, 48, 48)
                       .Count("30", "boats", 30, 30, 30),
                   "six-year"),
            tenure(ArticleBuilder("West Post", {"The 124-member harbour council of Bergen, in its "
                                                "six-year term, saw 48 fishermen back the plan."})
                       .Count("124", "member", 124, 124, 124)
                       .Count("48", "fishermen", 48, 48, 48),
                   "six-year"),
            tenure(ArticleBuilder("East Post", {"Bergen's 124-member harbour council, six-year "
                                                "term, heard 48 fishermen back the plan."})
                       .Count("124", "member", 124, 124, 124)
                       .Count("48", "fishermen", 48, 48, 48),
                   "six-year")});
  EXPECT_EQ(FactAbout(r, "member"), nullptr);
  for (const Fact& f : r.facts) EXPECT_NE(f.unit, "s") << "a tenure is no fact: " << f.value;
  EXPECT_EQ(FactAbout(r, "boats"), nullptr) << "one voice's count";
  const Fact* fishermen = FactAbout(r, "fishermen");
  ASSERT_NE(fishermen, nullptr);
  EXPECT_EQ(fishermen->sources.size(), 3u);
}

// Issue 18: one voice's small count, or a duration fewer than three voices
// give, is no fact on its own; a duration keeps its written unit and a bound
// stays a bound.
TEST(ClaimsTest, ContextFreeNumbersDroppedDurationsAndBoundsKeptAsWritten) {
  auto duration = [](ArticleBuilder b, const std::string& text, double seconds,
                     const std::string& stated) {
    AnnotatedArticle a = b.Build();
    Quantity q;
    q.span = Span{static_cast<uint32_t>(a.body.find(text)),
                  static_cast<uint32_t>(a.body.find(text) + text.size())};
    q.value = q.total = q.low = q.high = seconds;
    q.unit = "s";
    q.stated_unit = stated;
    a.quantities.push_back(q);
    return a;
  };
  std::vector<AnnotatedArticle> articles = {
      duration(
          ArticleBuilder(
              "Alpha", {"The strike at the port lasted 40 days and idled 2 sides of the harbour."})
              .Count("2", "sides", 2, 2, 2),
          "40 days", 40 * 86400.0, "days"),
      duration(
          ArticleBuilder(
              "Beta",
              {"Dockers at the port stayed out for 40 days, and at least five unions backed them."})
              .Count("at least five", "unions", 5, 5, std::numeric_limits<double>::infinity()),
          "40 days", 40 * 86400.0, "days"),
      duration(ArticleBuilder("Gamma", {"Talks at the port went on for 24 hours before the deal "
                                        "was signed; at least five unions backed the dockers."})
                   .Count("at least five", "unions", 5, 5, std::numeric_limits<double>::infinity()),
               "24 hours", 86400.0, "hours"),
      duration(ArticleBuilder("Delta", {"The port strike, 40 days long, ended when talks went on "
                                        "for 24 hours."}),
               "40 days", 40 * 86400.0, "days"),
  };
  // A second voice for "24 hours": two voices' duration is still an aside.
  Quantity day = articles[2].quantities.back();
  const std::string& delta = articles[3].body;
  day.span = Span{static_cast<uint32_t>(delta.find("24 hours")),
                  static_cast<uint32_t>(delta.find("24 hours") + 8)};
  articles[3].quantities.push_back(day);
  StoryReport r = Fuse(articles);
  EXPECT_EQ(FactValued(r, "2"), nullptr) << "a count of two sides is context-free";
  const Fact* strike = FactValued(r, "40 days");
  ASSERT_NE(strike, nullptr);
  for (const Fact& f : r.facts)
    EXPECT_NE(f.value, "24 hours") << "two voices' duration is context-free";
  const Fact* unions = FactAbout(r, "unions");
  ASSERT_NE(unions, nullptr);
  EXPECT_EQ(unions->value, "\u2265 5");
}

// Issue 18: a one-sided bound meets two different figures ("up to 40
// miners" meets 12 and 31), so agreement joins them into one group; the fact
// row shows the figure most outlets state and quotes only the outlets whose
// own figure is that one, never "31 miners" as support for 12. A bound far
// below the figure ("more than 2 miners") is true of it but no support.
TEST(ClaimsTest, FactRowQuotesOnlyOutletsThatStateItsValue) {
  const double inf = std::numeric_limits<double>::infinity();
  auto article = [](const std::string& outlet, const std::string& text) {
    return ArticleBuilder(outlet, {text});
  };
  std::vector<AnnotatedArticle> articles = {
      article("Alpha", "Rescuers at the flooded colliery pulled 12 miners out alive on Monday.")
          .Count("12", "miners", 12, 12, 12)
          .Build(),
      article("Beta", "Rescuers at the flooded colliery pulled 12 miners out alive on Monday.")
          .Count("12", "miners", 12, 12, 12)
          .Build(),
      article("Gamma", "Rescuers at the flooded colliery pulled 12 miners out alive Monday night.")
          .Count("12", "miners", 12, 12, 12)
          .Build(),
      article("Delta", "Rescuers at the flooded colliery pulled 31 miners out alive on Monday.")
          .Count("31", "miners", 31, 31, 31)
          .Build(),
      article("Epsilon", "Rescuers at the flooded colliery pulled up to 40 miners out alive.")
          .Count("up to 40", "miners", 40, 0, 40)
          .Build(),
      article("Zeta", "Rescuers at the flooded colliery pulled more than 2 miners out alive.")
          .Count("more than 2", "miners", 2, 2, inf)
          .Build(),
  };
  StoryReport r = Fuse(articles);
  const Fact* miners = FactAbout(r, "miner");
  ASSERT_NE(miners, nullptr);
  EXPECT_EQ(miners->value, "12");
  EXPECT_EQ(miners->sources, (std::vector<std::string>{"S1", "S2", "S3"}));
  for (const Attestation& w : miners->wording) {
    EXPECT_EQ(w.text.find("31"), std::string::npos) << w.text;
    EXPECT_EQ(w.text.find("more than 2"), std::string::npos) << w.text;
  }
}

// Issue 18: a count of one, a pronoun's count, a short length and a small
// count two voices give are no facts; a small count three voices give is.
TEST(ClaimsTest, CountsOfOneShortLengthsAndTwoVoicesSmallCountsDropped) {
  auto article = [](const std::string& outlet, const std::string& text) {
    return ArticleBuilder(outlet, {text})
        .Count("one", "corner", 1, 1, 1)
        .Count("3", "officials", 3, 3, 3)
        .Count("2", "sides", 2, 2, 2);
  };
  std::vector<AnnotatedArticle> articles = {
      article("Alpha", "At one corner of the dam 3 officials watched 2 sides of the valley flood.")
          .Build(),
      article("Beta", "From one corner of the old dam, 3 officials saw water cover 2 sides.")
          .Build(),
      ArticleBuilder("Gamma", {"At one corner of the dam 3 officials saw a 1.5 m wall and "
                               "4 others leave."})
          .Count("one", "corner", 1, 1, 1)
          .Count("3", "officials", 3, 3, 3)
          .Count("4", "others", 4, 4, 4)
          .Length("1.5 m", 1.5, 1.5, 1.5)
          .Build(),
      ArticleBuilder("Delta", {"Engineers said 4 others left the dam and a 1.5 m wall held."})
          .Count("4", "others", 4, 4, 4)
          .Length("1.5 m", 1.5, 1.5, 1.5)
          .Build(),
      ArticleBuilder("Epsilon", {"Later 4 others left the dam past a 1.5 m wall."})
          .Count("4", "others", 4, 4, 4)
          .Length("1.5 m", 1.5, 1.5, 1.5)
          .Build(),
  };
  StoryReport r = Fuse(articles);
  // Rows are named by their clause, which may hold other counts' nouns:
  // each is looked up by its value.
  EXPECT_EQ(FactValued(r, "1"), nullptr) << "a count of one is an article";
  EXPECT_EQ(FactValued(r, "2"), nullptr) << "two voices do not make a small count a fact";
  EXPECT_EQ(FactValued(r, "4"), nullptr) << "a pronoun counts nothing";
  for (const Fact& f : r.facts) EXPECT_NE(f.unit, "m") << "a short length is background";
  const Fact* officials = FactValued(r, "3");
  ASSERT_NE(officials, nullptr);
  EXPECT_NE(officials->subject.find("officials"), std::string::npos) << officials->subject;
}

// Issue 18: an exact pair points back at what the story named ("the two
// leaders"), however many voices repeat it; a bounded pair ("at least two
// ministers") makes a point of the size and stays.
TEST(ClaimsTest, ExactPairIsNoFactEvenWithManyVoices) {
  std::vector<AnnotatedArticle> articles;
  for (const char* outlet : {"Alpha", "Beta", "Gamma"})
    articles.push_back(
        ArticleBuilder(outlet, {"The two leaders met in Geneva as at least two ministers quit."})
            .Count("two", "leaders", 2, 2, 2)
            .Count("at least two", "ministers", 2, 2, std::numeric_limits<double>::infinity())
            .Build());
  const StoryReport r = Fuse(articles);
  EXPECT_EQ(FactValued(r, "2"), nullptr) << "the two leaders";
  const Fact* ministers = FactValued(r, "\u2265 2");
  ASSERT_NE(ministers, nullptr);
  EXPECT_NE(ministers->subject.find("ministers"), std::string::npos) << ministers->subject;
}

// Issue 18: roles are noun phrases; clause fragments the entity annotator
// attached ("and daughter", "told reporters in ...") are no role rows.
TEST(ClaimsTest, RoleFragmentsAreNoRoles) {
  AnnotatedArticle a =
      ArticleBuilder("Alpha", {"Marta Lind, the harbour master, spoke on Monday."}).Build();
  Entity e;
  e.type = EntityType::kPerson;
  e.name = "Marta Lind";
  e.key = "lind";
  // A plural head is the group named beside her ("port analysts said",
  // "held by security agents"), not her role; "boss" and "head of the ports
  // authority" are singular.
  e.roles = {"and daughter",
             "told reporters in the port town of Vik",
             "where her husband",
             "leader of the dockers union whose strike closed the port",
             "as harbour master",
             "port analysts",
             "security agents",
             "boss",
             "head of the ports authority"};
  a.entities.push_back(e);
  Quote q;  // she speaks, so she acts in the story
  q.content = Span{0, 10};
  q.speaker = 0;
  a.quotes.push_back(q);
  StoryReport r = Fuse({a});
  std::vector<std::string> roles;
  for (const Fact& f : r.facts) {
    if (f.kind == Fact::Kind::kRole) roles.push_back(f.value);
  }
  EXPECT_EQ(roles, (std::vector<std::string>{"leader of the dockers union", "harbour master",
                                             "boss", "head of the ports authority"}));
}

// Issue 18: role rows only for people who act in the story: who speak in
// it, or whom two voices name; one outlet's passing mention is background.
TEST(ClaimsTest, RolesOnlyForPeopleWhoActInTheStory) {
  auto person = [](const std::string& name, const std::string& key, const std::string& role) {
    Entity e;
    e.type = EntityType::kPerson;
    e.name = name;
    e.key = key;
    e.roles = {role};
    return e;
  };
  AnnotatedArticle alpha = ArticleBuilder("Alpha", {"Mayor Olav Dahl opened the bridge, as the "
                                                    "late King Harald Vik had once planned."})
                               .Build();
  alpha.entities.push_back(person("Olav Dahl", "dahl", "Mayor"));
  alpha.entities.push_back(person("Harald Vik", "vik", "King"));
  AnnotatedArticle beta =
      ArticleBuilder("Beta", {"Dahl cut the ribbon; engineer Siri Holm said: it will stand."})
          .Said("Siri Holm", "holm", "engineer", "it will stand")
          .Build();
  beta.entities.push_back(person("Olav Dahl", "dahl", "mayor"));
  StoryReport r = Fuse({alpha, beta});
  EXPECT_NE(FactAbout(r, "Olav Dahl"), nullptr) << "two voices name him";
  EXPECT_NE(FactAbout(r, "Siri Holm"), nullptr) << "she speaks";
  EXPECT_EQ(FactAbout(r, "Harald Vik"), nullptr) << "one passing mention is background";
}

// Issue 18: a role one voice gives a person whom several voices agree on
// another role is a misread neighbour's title, not a row; alone it stays.
TEST(ClaimsTest, OneVoicesRoleBesideAnAgreedRoleIsDropped) {
  auto with = [](AnnotatedArticle a, const std::string& name, const std::string& key,
                 std::vector<std::string> roles) {
    Entity e;
    e.type = EntityType::kPerson;
    e.name = name;
    e.key = key;
    e.roles = std::move(roles);
    a.entities.push_back(e);
    return a;
  };
  StoryReport r =
      Fuse({with(ArticleBuilder("Alpha", {"Mayor Olav Dahl opened the bridge."}).Build(),
                 "Olav Dahl", "dahl", {"Mayor"}),
            with(ArticleBuilder("Beta", {"Mayor Olav Dahl and a spokesman watched."}).Build(),
                 "Olav Dahl", "dahl", {"mayor", "spokesman"}),
            with(with(ArticleBuilder("Gamma", {"Engineer Siri Holm, beside Dahl, spoke."}).Build(),
                      "Siri Holm", "holm", {"engineer"}),
                 "Olav Dahl", "dahl", {})});
  std::vector<std::string> dahl;
  for (const Fact& f : r.facts)
    if (f.kind == Fact::Kind::kRole && f.subject == "Olav Dahl") dahl.push_back(f.value);
  EXPECT_EQ(dahl, std::vector<std::string>{"Mayor"});
}

// Issue 18: two people of one surname, both named in full, are two people:
// the role one outlet gives one of them is not shown as the other's.
TEST(ClaimsTest, NamesakesKeepTheirOwnRoles) {
  auto with = [](AnnotatedArticle a, const std::string& name, std::vector<std::string> roles) {
    Entity e;
    e.type = EntityType::kPerson;
    e.name = name;
    e.key = "dahl";
    e.roles = std::move(roles);
    a.entities.push_back(e);
    return a;
  };
  StoryReport r =
      Fuse({with(with(ArticleBuilder("Alpha", {"Mayor Olav Dahl met his wife Karin Dahl."}).Build(),
                      "Olav Dahl", {"Mayor"}),
                 "Karin Dahl", {}),
            with(ArticleBuilder("Beta", {"Mayor Olav Dahl opened the bridge."}).Build(),
                 "Olav Dahl", {"mayor"}),
            with(ArticleBuilder("Gamma", {"Karin Dahl, a painter, watched."}).Build(), "Karin Dahl",
                 {"painter"})});
  std::map<std::string, std::vector<std::string>> roles;
  for (const Fact& f : r.facts)
    if (f.kind == Fact::Kind::kRole) roles[f.subject].push_back(f.value);
  EXPECT_EQ(roles["Olav Dahl"], std::vector<std::string>{"Mayor"});
  EXPECT_EQ(roles["Karin Dahl"], std::vector<std::string>{"painter"});
}

// Issue 18: a paraphrase is never grouped with (and so shown as) direct speech.
TEST(ClaimsTest, ParaphraseIsNotMergedIntoADirectQuote) {
  AnnotatedArticle a =
      ArticleBuilder("Alpha", {"Solberg said the ferries will be back by Friday at the latest."})
          .Said("Ingrid Solberg", "solberg", "", "the ferries will be back by Friday at the latest")
          .Build();
  a.quotes.back().direct = false;
  AnnotatedArticle b =
      ArticleBuilder("Beta", {"\"The ferries will be back by Friday,\" Solberg said."})
          .Said("Ingrid Solberg", "solberg", "", "The ferries will be back by Friday")
          .Build();
  StoryReport r = Fuse({a, b});
  ASSERT_EQ(r.quotes.size(), 1u);
  ASSERT_EQ(r.quotes[0].quotes.size(), 2u);
  for (const ReportQuote& q : r.quotes[0].quotes) {
    ASSERT_EQ(q.wording.size(), 1u);
    EXPECT_EQ(q.direct, q.wording[0].source == "S2");
  }
}

// Issue 18: the timeline holds the story's events: not background history
// ("ruled from 1973"), not a date far from the reports, not a quote.
TEST(ClaimsTest, TimelineLeavesOutBackgroundFarDatesAndQuotes) {
  AnnotatedArticle a =
      ArticleBuilder("Alpha", {"The port reopened on Tuesday after the storm.",
                               "The harbour master, who ran the port from 1991, was praised.",
                               "The old pier was rebuilt in March 2024.",
                               "\"We worked through Monday night,\" a docker said."})
          .Date("Tuesday", "2026-03-03")
          .Date("1991", "1991")
          .Date("March 2024", "2024-03")
          .Date("Monday night", "2026-03-02")
          .Build();
  a.timexes[1].precision = DatePrecision::kYear;
  a.timexes[2].precision = DatePrecision::kMonth;
  a.article.published = DateTime::ParseIso("2026-03-04");
  StoryReport r = Fuse({a});
  ASSERT_EQ(r.timeline.size(), 1u);
  EXPECT_EQ(r.timeline[0].date, "2026-03-03");
}

// Issue 18: a count conflicts only with a count of the same thing named the
// same way, never through a number that modifies another noun.
TEST(ClaimsTest, SameHeadOrAdjectivalNumberIsNoConflict) {
  std::vector<AnnotatedArticle> pitches = {
      ArticleBuilder(
          "Metro One",
          {"The young pitcher threw 40 terrific pitches in the opening game on Sunday night."})
          .Count("40", "terrific pitches", 40, 40, 40)
          .Build(),
      ArticleBuilder("Metro Two",
                     {"The young pitcher threw 95 pitches in the opening game on Sunday night."})
          .Count("95", "pitches", 95, 95, 95)
          .Build(),
  };
  pitches[0].quantities[0].counted = "terrific pitch";
  pitches[1].quantities[0].counted = "pitch";
  EXPECT_TRUE(Fuse(pitches).conflicts.empty());

  std::vector<AnnotatedArticle> nations = {
      ArticleBuilder(
          "Metro One",
          {"The 21-nation trade group met in Kuala Lumpur on Monday to discuss tariffs."})
          .Count("21", "nation", 21, 21, 21)
          .Build(),
      ArticleBuilder("Metro Two",
                     {"Ministers of 18 nations met in Kuala Lumpur on Monday to discuss tariffs."})
          .Count("18", "nations", 18, 18, 18)
          .Build(),
  };
  EXPECT_TRUE(Fuse(nations).conflicts.empty());
}

// Issue 18: two measures written in nearly the same words ("the first
// direct talks in five months" / "in about four months") are about one thing
// though the rest of their sentences share little; a measure of something
// else in a like sentence is not.
TEST(ClaimsTest, MeasuresInTheSameClauseAreComparedThoughSentencesDiffer) {
  constexpr double kMonth = 30 * 86400.0;
  auto months = [](ArticleBuilder b, const std::string& text, double value, double low,
                   double high) {
    AnnotatedArticle a = b.Build();
    const auto at = static_cast<uint32_t>(a.body.find(text));
    Quantity q;
    q.span = Span{at, static_cast<uint32_t>(at + text.size())};
    q.value = q.total = value;
    q.low = low;
    q.high = high;
    q.unit = "s";
    q.stated_unit = "months";
    a.quantities.push_back(q);
    return a;
  };
  const std::string alpha =
      "After a night of talks in Vienna, the rival delegations began the first direct "
      "negotiations in 5 months.";
  const std::string beta =
      "Envoys from both sides boarded a ferry near the border on Friday for the first direct "
      "negotiations in about 4 months, officials said.";
  std::vector<AnnotatedArticle> articles = {
      months(ArticleBuilder("Alpha", {alpha}), "5 months", 5 * kMonth, 5 * kMonth, 5 * kMonth),
      months(ArticleBuilder("Beta", {alpha}), "5 months", 5 * kMonth, 5 * kMonth, 5 * kMonth),
      months(ArticleBuilder("Gamma", {beta}), "about 4 months", 4 * kMonth, 3.6 * kMonth,
             4.4 * kMonth),
  };
  StoryReport r = Fuse(articles);
  ASSERT_EQ(r.conflicts.size(), 1u);
  EXPECT_FALSE(r.conflicts[0].hard);

  // The same two sentences, but the second measure is of the ferry's service.
  articles[2] = months(ArticleBuilder("Gamma", {"Envoys from both sides boarded a ferry near the "
                                                "border that has sailed for about 4 months, "
                                                "officials said."}),
                       "about 4 months", 4 * kMonth, 3.6 * kMonth, 4.4 * kMonth);
  EXPECT_TRUE(Fuse(articles).conflicts.empty());
}

TEST(ClaimsTest, CoverageNamesWhatOnlyOneSourceHasAndWhatOneLeavesOut) {
  std::vector<AnnotatedArticle> articles = {
      ArticleBuilder("Alpha",
                     {"Rescuers pulled 12 survivors from the rubble of the hotel on Monday."})
          .Count("12", "survivors", 12, 12, 12)
          .Build(),
      ArticleBuilder("Beta", {"Twelve survivors were pulled from the hotel rubble on Monday, "
                              "fire chief Lena Moe said: all twelve are safe."})
          .Count("Twelve", "survivors", 12, 12, 12)
          .Said("Lena Moe", "moe", "fire chief", "all twelve are safe")
          .Build(),
      ArticleBuilder("Gamma", {"The hotel collapsed after the earthquake struck early on Monday."})
          .Build(),
  };
  StoryReport r = Fuse(articles);
  ASSERT_EQ(r.coverage.size(), 3u);
  const Fact* survivors = FactAbout(r, "survivors");
  const Fact* chief = FactAbout(r, "Lena Moe");
  ASSERT_TRUE(survivors && chief);
  EXPECT_EQ(r.coverage[1].only_here, std::vector<std::string>{chief->id});
  EXPECT_EQ(r.coverage[2].missing, std::vector<std::string>{survivors->id});
  EXPECT_TRUE(r.coverage[0].missing.empty());
}

// Issue 18: "1 hour 35 minutes" is one running time. Read as two durations,
// "1 hour" conflicted with another outlet's "106 minutes" and "35 minutes"
// agreed with nothing; joined, it is 95 minutes against 106.
TEST(ClaimsTest, CompoundDurationIsOneValue) {
  const std::string ran = "The festival cut of the documentary runs ";
  std::vector<AnnotatedArticle> articles = {
      ArticleBuilder("Alpha", {ran + "1 hour 35 minutes, its distributor said."})
          .Duration("1 hour", 3600, "hour")
          .Duration("35 minutes", 35 * 60, "minutes")
          .Build(),
      ArticleBuilder("Beta", {ran + "one hour and 35 minutes, the programme says."})
          .Duration("one hour", 3600, "hour")
          .Duration("35 minutes", 35 * 60, "minutes")
          .Build(),
      ArticleBuilder("Gamma", {ran + "106 minutes, according to the festival."})
          .Duration("106 minutes", 106 * 60, "minutes")
          .Build(),
  };
  StoryReport r = Fuse(articles);
  ASSERT_EQ(r.conflicts.size(), 1u);
  EXPECT_TRUE(r.conflicts[0].hard);
  std::vector<std::string> values;
  for (const auto& side : r.conflicts[0].sides) values.push_back(side.value);
  std::sort(values.begin(), values.end());
  EXPECT_EQ(values, (std::vector<std::string>{"106 minutes", "95 minutes"}));
  // The joined value agrees with an outlet that writes it in minutes.
  articles[2] = ArticleBuilder("Gamma", {ran + "95 minutes, according to the festival."})
                    .Duration("95 minutes", 95 * 60, "minutes")
                    .Build();
  r = Fuse(articles);
  EXPECT_TRUE(r.conflicts.empty());
  const Fact* f = FactValued(r, "95 minutes");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->sources.size(), 3u);
}

// A listing's abbreviations ("1 hr 35 min") join as the words do and are
// shown spelt out.
TEST(ClaimsTest, AbbreviatedCompoundDurationIsOneValue) {
  const std::string ran = "The festival cut of the documentary runs ";
  std::vector<AnnotatedArticle> articles;
  for (const char* outlet : {"Alpha", "Beta"})
    articles.push_back(ArticleBuilder(outlet, {ran + "1 hr 35 min, its distributor said."})
                           .Duration("1 hr", 3600, "hr")
                           .Duration("35 min", 35 * 60, "min")
                           .Build());
  articles.push_back(ArticleBuilder("Gamma", {ran + "106 minutes, according to the festival."})
                         .Duration("106 minutes", 106 * 60, "minutes")
                         .Build());
  const StoryReport r = Fuse(articles);
  ASSERT_EQ(r.conflicts.size(), 1u);
  std::vector<std::string> values;
  for (const auto& side : r.conflicts[0].sides) values.push_back(side.value);
  std::sort(values.begin(), values.end());
  EXPECT_EQ(values, (std::vector<std::string>{"106 minutes", "95 minutes"}));
}

// Issue 18: a measure that counts no noun was named by its dimension
// ("amount: 4 billion USD"), which tells a reader nothing. It is named by
// its own clause as the outlet wrote it, without the function words where
// the window cuts, and the clause is that of the value the row shows.
TEST(ClaimsTest, MeasureRowIsNamedByItsOwnClause) {
  std::vector<AnnotatedArticle> articles;
  for (const char* outlet : {"Alpha", "Beta", "Gamma"})
    articles.push_back(
        ArticleBuilder(outlet, {"The shipping group agreed to buy its rival for $4 billion in "
                                "cash on Monday, ending a long fight for the port."})
            .Measure("$4 billion", 4e9, "USD", "$")
            .Build());
  const StoryReport r = Fuse(articles);
  const Fact* f = FactValued(r, "4 billion USD");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->subject, "shipping group agreed to buy its rival for $4 billion in cash on Monday");
}

// Issue 18: a disputed figure is named by its own clause with the figure
// left out, since the sides differ on it; "sheep" alone says not what the
// outlets dispute.
TEST(ClaimsTest, ConflictIsNamedByTheClauseOfItsFigure) {
  const StoryReport r =
      Fuse({ArticleBuilder("North Post",
                           {"The storm off Bergen drowned 40 sheep near the harbour mouth."})
                .Count("40", "sheep", 40, 40, 40)
                .Build(),
            ArticleBuilder("South Post",
                           {"The storm off Bergen drowned 55 sheep near the harbour mouth."})
                .Count("55", "sheep", 55, 55, 55)
                .Build()});
  ASSERT_EQ(r.conflicts.size(), 1u);
  EXPECT_EQ(r.conflicts[0].subject, "storm off Bergen drowned \u2026 sheep near the harbour mouth");
}

// Issue 18: a measure whose own clause is the bare figure ("Just two
// weeks.", "($200)") cannot be named by it, and "duration: 2 weeks" tells a
// reader nothing: no row, however many outlets repeat it.
TEST(ClaimsTest, MeasureWithNothingToNameItIsNoFact) {
  std::vector<AnnotatedArticle> articles;
  for (const char* outlet : {"Alpha", "Beta", "Gamma"})
    articles.push_back(
        ArticleBuilder(outlet, {"The talks collapsed again on Friday.", "Just three weeks."})
            .Measure("three weeks", 3 * 7 * 86400.0, "s", "weeks")
            .Build());
  const StoryReport r = Fuse(articles);
  for (const Fact& f : r.facts) EXPECT_NE(f.kind, Fact::Kind::kQuantity) << f.subject;
}

// Issue 18: "tribe: 400" or "person: 213" leaves a reader to guess what was
// counted and why. A count is named by its own clause too; the counted noun
// alone only when the clause adds nothing.
TEST(ClaimsTest, CountRowIsNamedByItsOwnClause) {
  std::vector<AnnotatedArticle> articles;
  for (const char* outlet : {"Alpha", "Beta", "Gamma"})
    articles.push_back(ArticleBuilder(outlet, {"The mudslide buried 140 houses in the hill "
                                               "village overnight, the governor said."})
                           .Count("140", "houses", 140, 140, 140)
                           .Build());
  for (const char* outlet : {"Delta", "Epsilon", "Zeta"})
    articles.push_back(ArticleBuilder(outlet, {"3,000 rescuers."})
                           .Count("3,000", "rescuers", 3000, 3000, 3000)
                           .Build());
  const StoryReport r = Fuse(articles);
  const Fact* houses = FactValued(r, "140");
  ASSERT_NE(houses, nullptr);
  EXPECT_EQ(houses->subject, "mudslide buried 140 houses in the hill village overnight");
  const Fact* rescuers = FactValued(r, "3,000");
  ASSERT_NE(rescuers, nullptr);
  EXPECT_EQ(rescuers->subject, "rescuers");
}

// Issue 18: a distance that says where a place is ("380 kilometers (235
// miles) west of the capital", "two miles away") is background, however
// many outlets repeat it; a length that measures something stays.
TEST(ClaimsTest, DistanceThatPlacesIsNoFactALengthThatMeasuresIs) {
  std::vector<AnnotatedArticle> articles;
  for (const char* outlet : {"Alpha", "Beta", "Gamma"})
    articles.push_back(
        ArticleBuilder(outlet, {"Fighting reached Kalu, 380 kilometers (235 miles) west of the "
                                "capital, where a 12-kilometer dike failed."})
            .Length("380 kilometers", 380000, 380000, 380000)
            .Length("235 miles", 378196, 378196, 378196)
            .Length("12-kilometer", 12000, 12000, 12000)
            .Build());
  for (const char* outlet : {"Delta", "Epsilon"})
    articles.push_back(ArticleBuilder(outlet, {"Shells fell on the airfield, two miles (three "
                                               "kilometers) away from the town."})
                           .Length("two miles", 3218.7, 3218.7, 3218.7)
                           .Length("three kilometers", 3000, 3000, 3000)
                           .Build());
  const StoryReport r = Fuse(articles);
  std::vector<double> lengths;
  for (const Fact& f : r.facts)
    if (f.unit == "m") lengths.push_back(f.high);
  EXPECT_EQ(lengths, std::vector<double>{12000});
}

// Issue 18: a figure one side of a negotiation puts forward is a position,
// however far the proposing verb stands from it: another side's other
// figure is another position, not a disagreement between outlets.
TEST(ClaimsTest, ProposedFigureFarFromItsVerbIsNoConflict) {
  constexpr double kMonth = 2629800.0;
  auto outlet = [](const std::string& name, const std::string& sentence, const std::string& figure,
                   double months) {
    return ArticleBuilder(name, {sentence}).Measure(figure, months * kMonth, "s", "months").Build();
  };
  const std::string tail = " the harbour, the ferries and the bridges for ";
  const auto told = outlet(
      "North Post", "The council financed" + tail + "four months of the winter.", "four months", 4);
  const auto proposed =
      outlet("South Post",
             "The mayor has proposed that the council finance" + tail + "six months of the winter.",
             "six months", 6);
  const auto said = outlet(
      "South Post", "The council financed" + tail + "six months of the winter.", "six months", 6);
  EXPECT_TRUE(Fuse({told, proposed}).conflicts.empty());
  EXPECT_EQ(Fuse({told, said}).conflicts.size(), 1u);
}

// A figure two reports published months apart give without dating it to a
// common day is the figure at two times (an update), not two outlets
// disagreeing; reports of the same week still conflict.
TEST(ClaimsTest, UndatedFiguresOfReportsMonthsApartAreNoConflict) {
  auto pair = [](const std::string& published_a, const std::string& published_b) {
    AnnotatedArticle a =
        ArticleBuilder("North Post", {"The vaccine alliance now counts 40 member states."})
            .Count("40", "member states", 40, 40, 40)
            .Build();
    AnnotatedArticle b =
        ArticleBuilder("South Post", {"The vaccine alliance now counts 55 member states."})
            .Count("55", "member states", 55, 55, 55)
            .Build();
    a.article.published = DateTime::ParseIso(published_a);
    b.article.published = DateTime::ParseIso(published_b);
    return Fuse({a, b});
  };
  EXPECT_TRUE(pair("2026-01-10", "2026-09-02").conflicts.empty());
  EXPECT_EQ(pair("2026-01-10", "2026-01-12").conflicts.size(), 1u);
}

// Two durations that only stand side by side are not one: an adjective's
// ("a 10-year sentence and 6 months") or two of one unit.
TEST(ClaimsTest, DurationsSideBySideAreNotJoinedAcrossAnAdjective) {
  const std::string text = "The court gave him a 10-year sentence and 6 months of probation.";
  std::vector<AnnotatedArticle> articles;
  for (const char* outlet : {"Alpha", "Beta", "Gamma"})
    articles.push_back(ArticleBuilder(outlet, {text})
                           .Duration("10-year", 10 * 31556952.0, "-year")
                           .Duration("6 months", 6 * 2629746.0, "months")
                           .Build());
  const StoryReport r = Fuse(articles);
  const Fact* f = FactValued(r, "6 months");
  ASSERT_NE(f, nullptr);
}

// Issue 18: "a 5-page note" and "an 8-page note" are one note described
// two ways, a disagreement though the numbers are small; an 8-page letter
// is another thing.
TEST(ClaimsTest, SamePropertyOfTheSameNounConflicts) {
  auto note = [](const std::string& outlet, const std::string& text, const std::string& number,
                 double pages) {
    return ArticleBuilder(outlet, {text}).Count(number, "page", pages, pages, pages).Build();
  };
  std::vector<AnnotatedArticle> articles = {
      note("Alpha", "The coach left a 5-page note for his players before resigning on Monday.", "5",
           5),
      note("Beta", "The coach left an 8-page note for his players before he resigned on Monday.",
           "8", 8),
  };
  StoryReport r = Fuse(articles);
  ASSERT_EQ(r.conflicts.size(), 1u);
  EXPECT_TRUE(r.conflicts[0].hard);
  articles[1] =
      note("Beta", "The coach left an 8-page letter for his players before he resigned on Monday.",
           "8", 8);
  EXPECT_TRUE(Fuse(articles).conflicts.empty());
}

// Issue 18: two outlets giving one person two different given names
// ("Alexis" / "Alexei Marlow") disagree about who it is. One name spelt
// two ways ("Mohammed" / "Mohamed", "Oscar" / "Oskar"), a short form
// ("Alex" / "Alexander") or an outlet that uses both forms does not.
TEST(ClaimsTest, OnePersonWithTwoGivenNamesIsAConflict) {
  auto widow = [](const std::string& outlet, const std::string& name, const std::string& key) {
    return ArticleBuilder(outlet, {"The widow of " + name + " filed a complaint in court."})
        .Person(name, key)
        .Build();
  };
  StoryReport r =
      Fuse({widow("Alpha", "Alexis Marlow", "marlow"), widow("Beta", "Alexei Marlow", "marlow"),
            widow("Gamma", "Alexei Marlow", "marlow")});
  ASSERT_EQ(r.conflicts.size(), 1u);
  EXPECT_TRUE(r.conflicts[0].hard);
  ASSERT_EQ(r.conflicts[0].sides.size(), 2u);
  EXPECT_EQ(r.conflicts[0].sides[0].value, "Alexei Marlow");
  EXPECT_EQ(r.conflicts[0].sides[0].sources, (std::vector<std::string>{"S2", "S3"}));
  EXPECT_EQ(r.conflicts[0].sides[1].value, "Alexis Marlow");

  for (auto [a, b] : {std::pair{"Mohammed", "Mohamed"},
                      {"Oscar", "Oskar"},
                      {"Alex", "Alexander"},
                      {"Maria", "Mario"}}) {
    SCOPED_TRACE(a);
    const std::string first = std::string(a) + " Marlow", second = std::string(b) + " Marlow";
    if (std::string(a) == "Maria") {
      // Two people of one family, both named by one outlet.
      std::vector<AnnotatedArticle> family = {
          ArticleBuilder("Alpha", {first + " and her brother " + second + " filed a complaint."})
              .Person(first, "marlow")
              .Person(second, "marlow")
              .Build(),
          widow("Beta", second, "marlow")};
      EXPECT_TRUE(Fuse(family).conflicts.empty());
      continue;
    }
    EXPECT_TRUE(
        Fuse({widow("Alpha", first, "marlow"), widow("Beta", second, "marlow")}).conflicts.empty());
  }
}

// Issue 18: conflicts only between claims of the same time frame. A figure
// two outlets tie to two different days is two events or a figure that
// moved, not a disagreement; the same figures on the same day are one.
TEST(ClaimsTest, FiguresOfDifferentDaysAreNoConflict) {
  auto pair = [](const std::string& day_a, const std::string& value_a, const std::string& day_b,
                 const std::string& value_b) {
    const std::string a =
        "Rescuers pulled 40 sailors from the sea on " + day_a + ", officials said.";
    const std::string b =
        "Rescuers pulled 55 sailors from the sea on " + day_b + ", officials said.";
    return Fuse({ArticleBuilder("North Post", {a})
                     .Count("40", "sailors", 40, 40, 40)
                     .Date(day_a, value_a)
                     .Build(),
                 ArticleBuilder("South Post", {b})
                     .Count("55", "sailors", 55, 55, 55)
                     .Date(day_b, value_b)
                     .Build()});
  };
  EXPECT_TRUE(pair("Sunday", "XXXX-WXX-7", "Thursday", "XXXX-WXX-4").conflicts.empty());
  EXPECT_TRUE(pair("Sunday", "2026-03-01", "Thursday", "2026-03-05").conflicts.empty());
  EXPECT_EQ(pair("Sunday", "XXXX-WXX-7", "Sunday", "XXXX-WXX-7").conflicts.size(), 1u);
  EXPECT_EQ(pair("Sunday", "2026-03-01", "Sunday", "2026-03-01").conflicts.size(), 1u);
  // A resolved day against an undated weekday: the frame may be the same.
  EXPECT_EQ(pair("Sunday", "2026-03-01", "Thursday", "XXXX-WXX-4").conflicts.size(), 1u);
}

// An outlet that gives a spread in one sentence ("30 votes in some wards and
// as much as 45 in others") disagrees with no figure its spread meets.
TEST(ClaimsTest, FigureInsideAnotherOutletsSpreadIsNoConflict) {
  const std::string a =
      "The mayor leads by 30 votes in some wards and as much as 45 votes in others.";
  const std::string b =
      "The mayor leads by 40 votes in some wards and as much as 60 votes in others.";
  StoryReport spread = Fuse({ArticleBuilder("North Post", {a})
                                 .Count("30", "votes", 30, 30, 30)
                                 .Count("45", "votes", 45, 45, 45)
                                 .Build(),
                             ArticleBuilder("South Post", {b})
                                 .Count("40", "votes", 40, 40, 40)
                                 .Count("60", "votes", 60, 60, 60)
                                 .Build()});
  EXPECT_TRUE(spread.conflicts.empty());
  StoryReport single =
      Fuse({ArticleBuilder("North Post", {"The mayor leads by 30 votes in the wards."})
                .Count("30", "votes", 30, 30, 30)
                .Build(),
            ArticleBuilder("South Post", {"The mayor leads by 40 votes in the wards."})
                .Count("40", "votes", 40, 40, 40)
                .Build()});
  ASSERT_EQ(single.conflicts.size(), 1u);
  EXPECT_TRUE(single.conflicts[0].hard);
}

// A spread may name its unit once: "by 10 percentage points in some polls
// and as much as 18 points in others" spans 10 to 18 percentage points, and
// meets another outlet's 15.
TEST(ClaimsTest, SpreadThatNamesItsUnitOnceIsNoConflict) {
  auto outlet = [](const std::string& name, double low, double high) {
    const std::string l = FormatNumberForTest(low), h = FormatNumberForTest(high);
    return ArticleBuilder(name, {"Senator Alder trails Mayor Quint by " + l +
                                 " percentage points in some polls and as much as " + h +
                                 " points in others."})
        .Measure(l + " percentage points", low, "pp", "percentage points")
        .CountOf(h, "points in others", "point", high)
        .Build();
  };
  const StoryReport spread = Fuse({outlet("North Post", 10, 18), outlet("South Post", 15, 20)});
  EXPECT_TRUE(spread.conflicts.empty())
      << spread.conflicts[0].subject << ": " << spread.conflicts[0].sides[0].value << " / "
      << spread.conflicts[0].sides[1].value;
  auto single = [](const std::string& name, const std::string& points, double value) {
    return ArticleBuilder(name, {"Senator Alder trails Mayor Quint by " + points +
                                 " percentage points in the polls."})
        .Measure(points + " percentage points", value, "pp", "percentage points")
        .Build();
  };
  EXPECT_EQ(Fuse({single("North Post", "10", 10), single("South Post", "15", 15)}).conflicts.size(),
            1u);
}

// A figure its own outlet only expects or proposes ("an expected 8 percent",
// "would fund it for six months") is no account that another outlet's figure
// contradicts; stated as so by both, the two figures conflict.
TEST(ClaimsTest, ExpectedOrProposedFigureIsNoConflict) {
  auto outlet = [](const std::string& name, const std::string& before, const std::string& share,
                   double value) {
    return ArticleBuilder(name, {"The Marlow budget deficit, " + before + share +
                                 " of national output, is to be cut to zero by 2030."})
        .Measure(share, value, "%", "percent")
        .Build();
  };
  const auto stated = outlet("North Post", "equal to ", "7 percent", 7);
  EXPECT_TRUE(
      Fuse({stated, outlet("South Post", "an expected ", "9 percent", 9)}).conflicts.empty());
  EXPECT_TRUE(
      Fuse({stated, outlet("South Post", "which could reach ", "9 percent", 9)}).conflicts.empty());
  EXPECT_EQ(Fuse({stated, outlet("South Post", "equal to ", "9 percent", 9)}).conflicts.size(), 1u);
}

// What a figure is of is written next to it: "rose $7, or [20 percent], to
// $42" says nothing beside the share that "rose [30 percent] after" shares,
// so the two are not shown to be one thing; written alike, they conflict.
TEST(ClaimsTest, FiguresWhoseOwnClausesShareNothingAreNoConflict) {
  const std::string b = "Lakeside Brewing shares rose 30 percent after the merger news.";
  auto with = [&](const std::string& a, const std::string& pct) {
    return Fuse({ArticleBuilder("North Post", {a}).Percent(pct, 20).Build(),
                 ArticleBuilder("South Post", {b}).Percent("30 percent", 30).Build()});
  };
  EXPECT_TRUE(with("Lakeside Brewing shares rose $7, or 20 percent, to $42 after the merger news.",
                   "20 percent")
                  .conflicts.empty());
  const StoryReport alike =
      with("Lakeside Brewing shares rose 20 percent after the merger news.", "20 percent");
  ASSERT_EQ(alike.conflicts.size(), 1u);
  EXPECT_TRUE(alike.conflicts[0].hard);
}

// What three outlets state alike is a fact row with all three behind it,
// though it holds no figure and no date; what only two share, an outlet's
// guess, and a speaker's quoted words are not.
const Fact* EventAbout(const StoryReport& r, const std::string& part) {
  for (const Fact& f : r.facts)
    if (f.kind == Fact::Kind::kEvent && f.subject.find(part) != std::string::npos) return &f;
  return nullptr;
}

std::vector<AnnotatedArticle> CouncilStory(int outlets_on_ferry) {
  const std::vector<std::string> outlets = {"North Post", "South Post", "East Wire", "West Herald"};
  const std::vector<std::string> approval = {
      "The harbour council approved the new ferry terminal after a long debate.",
      "After a long debate the harbour council approved the new ferry terminal.",
      "The harbour council approved the new ferry terminal following a long debate.",
      "Councillors gathered in the old town hall under heavy rain."};
  const std::vector<std::string> guess = {
      "The decision could delay the reopening of the fish market.",
      "The decision could delay the reopening of the old fish market.",
      "The decision could delay the reopening of the fish market by months.",
      "Fishermen unloaded their boats as usual on the quay."};
  const std::string remark = "This terminal will change the life of every islander for good";
  std::vector<AnnotatedArticle> out;
  for (size_t i = 0; i < outlets.size(); ++i) {
    std::vector<std::string> paragraphs = {
        approval[i], guess[i], "``" + remark + ",'' the harbour master Anna Berg said."};
    paragraphs.push_back(static_cast<int>(i) < outlets_on_ferry
                             ? "Ferry tickets to the northern islands will cost twelve crowns."
                             : "Parking near the harbour remains free on Sundays.");
    ArticleBuilder b(outlets[i], paragraphs);
    b.Said("Anna Berg", "berg", "harbour master", remark);
    out.push_back(b.Build());
  }
  return out;
}

TEST(ClaimsTest, AClaimThreeOutletsStateAlikeIsAnEventFact) {
  const std::vector<AnnotatedArticle> articles = CouncilStory(3);
  const StoryReport r = Fuse(articles);
  const Fact* approved = EventAbout(r, "approved the new ferry terminal");
  ASSERT_NE(approved, nullptr);
  EXPECT_EQ(approved->sources, (std::vector<std::string>{"S1", "S2", "S3"}));
  ASSERT_EQ(approved->wording.size(), 3u);
  EXPECT_NE(approved->wording[1].text.find("After a long debate"), std::string::npos);
  EXPECT_NE(EventAbout(r, "Ferry tickets"), nullptr);
  // The outlets' guess and the harbour master's words are shared by all
  // four, yet neither is a fact: one is speculation, the other a quote
  // (in newswire's ``...'' marks, which only the quote annotator reads).
  EXPECT_EQ(EventAbout(r, "could delay"), nullptr);
  EXPECT_EQ(EventAbout(r, "change the life"), nullptr);
}

TEST(ClaimsTest, TwoOutletsSharingASentenceAreNoEventFact) {
  const std::vector<AnnotatedArticle> articles = CouncilStory(2);
  EXPECT_EQ(EventAbout(Fuse(articles), "Ferry tickets"), nullptr);
}

}  // namespace
}  // namespace newsfuse
