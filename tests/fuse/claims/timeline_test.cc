// The timeline as a reader scans it: every sentence once, every date once,
// statements dated when they were made. Articles are hand-built so each rule
// is tested on its own, whatever the annotators upstream find.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "fuse/claims/claims.h"

namespace newsfuse {
namespace {

// One article whose paragraphs are one sentence each, published on `published`.
class Article {
 public:
  Article(std::string outlet, std::string published, std::vector<std::string> paragraphs) {
    a_.article.outlet = std::move(outlet);
    a_.article.id = a_.article.outlet;
    a_.article.paragraphs = std::move(paragraphs);
    a_.article.published = DateTime::ParseIso(published);
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
  Article& Date(const std::string& text, const std::string& value) {
    Timex t;
    t.span = Find(text);
    t.value = value;
    t.precision = value.size() == 4   ? DatePrecision::kYear
                  : value.size() == 7 ? DatePrecision::kMonth
                                      : DatePrecision::kDay;
    a_.timexes.push_back(t);
    return *this;
  }
  // Reported speech: `cue` introduces `content`.
  Article& Reported(const std::string& cue, const std::string& content) {
    Quote q;
    q.cue = Find(cue);
    q.content = Find(content);
    q.direct = false;
    a_.quotes.push_back(q);
    return *this;
  }
  // A speaker's own words, in marks or not in this sentence.
  Article& Direct(const std::string& content) {
    Quote q;
    q.content = Find(content);
    q.direct = true;
    a_.quotes.push_back(q);
    return *this;
  }
  Article& Place(const std::string& name) {
    Entity e;
    e.type = EntityType::kPlace;
    e.name = e.key = name;
    a_.entities.push_back(e);
    a_.mentions.push_back({Find(name), static_cast<uint32_t>(a_.entities.size() - 1)});
    return *this;
  }
  AnnotatedArticle Build() const { return a_; }

 private:
  AnnotatedArticle a_;
};

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

size_t Mentions(const StoryReport& r, const std::string& text) {
  size_t n = 0;
  for (const TimelineEntry& e : r.timeline)
    for (const Attestation& w : e.wording) n += w.text.find(text) != std::string::npos;
  return n;
}

// Issue 18: one sentence was filed under a month and again under a day of it.
TEST(TimelineTest, ASentenceIsToldOnce) {
  std::vector<AnnotatedArticle> articles = {
      Article("Lakeside Post", "2026-04-10",
              {"The ferry strike that began in April ended on April 8 with a new contract."})
          .Date("in April", "2026-04")
          .Date("April 8", "2026-04-08")
          .Build(),
      Article("Hill Courier", "2026-04-10", {"Ticket offices reopened on Thursday."})
          .Date("Thursday", "2026-04-09")
          .Build(),
  };
  StoryReport r = Fuse(articles);
  EXPECT_EQ(Mentions(r, "ferry strike"), 1u);
  EXPECT_EQ(Mentions(r, "Ticket offices"), 1u);
  for (const TimelineEntry& e : r.timeline) {
    if (e.what.find("ferry strike") != std::string::npos) {
      EXPECT_EQ(e.date, "2026-04-08");
    }
  }
}

// Two unrelated sentences of one day are two entries for one date; the day's
// entry is what more outlets report, then what its article puts first.
TEST(TimelineTest, ADateIsToldOnceByItsMainEvent) {
  std::vector<AnnotatedArticle> articles = {
      Article("Lakeside Post", "2026-04-10",
              {"Dock workers ended their strike on Thursday after a pay deal.",
               "The ferry company's chief was not reachable Thursday for comment."})
          .Date("on Thursday", "2026-04-09")
          .Date("reachable Thursday", "2026-04-09")
          .Build(),
      Article("Hill Courier", "2026-04-10",
              {"The dock workers' strike ended Thursday with a pay deal."})
          .Date("Thursday", "2026-04-09")
          .Build(),
  };
  StoryReport r = Fuse(articles);
  ASSERT_EQ(r.timeline.size(), 1u);
  EXPECT_EQ(r.timeline[0].sources.size(), 2u);
  EXPECT_EQ(Mentions(r, "south gate"), 0u);
}

// Issue 18: in a dated story a month-only date is background ("last month")
// or a vaguer retelling of a day the story gives; an undated story keeps it.
TEST(TimelineTest, DatedStoryLeavesOutMonthOnlyDates) {
  std::vector<AnnotatedArticle> articles = {
      Article("Lakeside Post", "2026-04-10", {"The ferry line was sold to a rival last month."})
          .Date("last month", "2026-03")
          .Build(),
      Article("Hill Courier", "2026-04-10", {"The new owners cut two routes on Thursday."})
          .Date("Thursday", "2026-04-09")
          .Build(),
  };
  StoryReport r = Fuse(articles);
  ASSERT_EQ(r.timeline.size(), 1u);
  EXPECT_EQ(r.timeline[0].date, "2026-04-09");

  for (AnnotatedArticle& a : articles) a.article.published.reset();
  EXPECT_EQ(Fuse(articles).timeline.size(), 2u);
}

// A date deep in one report is context or a side remark; what one outlet
// alone dates is kept when it is that report's lead, and anything two
// outlets date is kept wherever it stands.
TEST(TimelineTest, OneOutletsLaterDatesNeedItsLeadOrASecondOutlet) {
  std::vector<AnnotatedArticle> articles = {
      Article("Lakeside Post", "2026-04-10",
              {"Dock workers ended their strike on Thursday after a pay deal.",
               "The harbour master closed the south gate on Wednesday as a precaution.",
               "Cranes were tested at the north quay on Tuesday before the vote."})
          .Date("on Thursday", "2026-04-09")
          .Date("on Wednesday", "2026-04-08")
          .Date("on Tuesday", "2026-04-07")
          .Build(),
      Article("Hill Courier", "2026-04-10",
              {"A ferry company bought two new boats on Monday.",
               "Cranes at the north quay were tested on Tuesday before the strike vote."})
          .Date("on Monday", "2026-04-06")
          .Date("on Tuesday", "2026-04-07")
          .Build(),
  };
  StoryReport r = Fuse(articles);
  std::vector<std::string> dates;
  for (const TimelineEntry& e : r.timeline) dates.push_back(e.date);
  EXPECT_EQ(dates, (std::vector<std::string>{"2026-04-06", "2026-04-07", "2026-04-09"}));
  EXPECT_EQ(Mentions(r, "south gate"), 0u);

  for (AnnotatedArticle& a : articles) a.article.published.reset();
  EXPECT_EQ(Fuse(articles).timeline.size(), 4u);
}

// A day a report writes out with its number ("April 20") deep in the text
// is a date it means to give (a deadline, a vote); a date something happens
// "before" is a bound, not the day it happens.
TEST(TimelineTest, NumberedDaysStayAndBoundsGo) {
  AnnotatedArticle a = Article("Lakeside Post", "2026-04-10",
                               {"Dock workers ended their strike on Thursday after a pay deal.",
                                "Union members vote on the deal on April 20.",
                                "The port expects the backlog to clear before April 24."})
                           .Date("on Thursday", "2026-04-09")
                           .Date("April 20", "2026-04-20")
                           .Date("April 24", "2026-04-24")
                           .Build();
  StoryReport r = Fuse({a});
  std::vector<std::string> dates;
  for (const TimelineEntry& e : r.timeline) dates.push_back(e.date);
  EXPECT_EQ(dates, (std::vector<std::string>{"2026-04-09", "2026-04-20"}));
}

// A date inside a speaker's own words dates what the speaker recalls, even
// in a sentence that does not open with the mark (the quote began in the
// sentence before): a statement, not an event of the story.
TEST(TimelineTest, DateInsideADirectQuoteIsNoEvent) {
  std::vector<AnnotatedArticle> articles;
  for (const char* outlet : {"Lakeside Post", "Hill Courier"}) {
    articles.push_back(
        Article(outlet, "2026-04-10",
                {"The pier reopened on Thursday after repairs.",
                 "It stood through the storm on Tuesday as we said it would,'' the mayor said."})
            .Date("on Thursday", "2026-04-09")
            .Date("on Tuesday", "2026-04-07")
            .Direct("It stood through the storm on Tuesday as we said it would,")
            .Build());
  }
  StoryReport r = Fuse(articles);
  EXPECT_EQ(Mentions(r, "pier reopened"), 2u);
  EXPECT_EQ(Mentions(r, "as we said"), 0u);
}

// Sentences grouped under one year may tell different events: the row's
// place is one its own sentence names, not another sentence's venue.
TEST(TimelineTest, AYearRowsPlaceIsInItsOwnSentence) {
  std::vector<AnnotatedArticle> articles = {
      Article("Lakeside Post", "2026-04-10",
              {"Doctors in Canada won the right to perform the surgery in 1988."})
          .Date("in 1988", "1988")
          .Place("Canada")
          .Build(),
      Article("Hill Courier", "2026-04-10",
              {"Doctors in Atlanta won the right to perform the new surgery in 1988."})
          .Date("in 1988", "1988")
          .Place("Atlanta")
          .Build(),
  };
  StoryReport r = Fuse(articles);
  const Fact* row = nullptr;
  for (const Fact& f : r.facts)
    if (f.kind == Fact::Kind::kEvent && f.value.starts_with("1988")) row = &f;
  ASSERT_NE(row, nullptr);
  EXPECT_NE(row->subject.find("Canada"), std::string::npos) << row->subject;
  EXPECT_EQ(row->value, "1988, Canada");
}

}  // namespace
}  // namespace newsfuse
