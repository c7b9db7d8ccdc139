// Timeline: the dated events of a story.
//
// Every date expression resolved to a calendar value (day, month or year; not
// "now", not a duration) marks its sentence as an event on that date. Events
// of different sources are one entry when their dates overlap and their
// sentences share enough wording; the entry is told in the shortest
// sentence that supports it, which is usually the plainest.
#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string_view>

#include "core/date.h"
#include "fuse/claims/builders.h"
#include "fuse/claims/modality.h"
#include "fuse/claims/report_stamps.h"
#include "fuse/claims/reporting_notes.h"

namespace newsfuse::fuse {
namespace {

constexpr double kSameEvent = 0.25;
// Reports of consecutive days that share this much wording are one event
// over both days ("talks began on Wednesday" / "talks ended on the 5th").
constexpr double kSameSpanningEvent = 0.35;
// Beyond this, single-source entries are dropped first: a timeline is for
// scanning, and what only one source dates is the least reliable.
constexpr size_t kMaxEntries = 20;

struct DateRange {
  std::string begin, end;  // ISO strings; comparable as text at equal precision
};

// A TIMEX3 date value as a range of ISO dates: "2026-02-05" is one day,
// "2026-02" its whole month, "2026-01-23/2026-01-24" the interval. Values that
// are not calendar dates ("PRESENT_REF", "2026-W06", "2024-SP") give nothing.
bool ParseRange(const std::string& value, DateRange& out) {
  auto valid = [](const std::string& v) {
    if (v.size() != 4 && v.size() != 7 && v.size() != 10) return false;
    for (size_t i = 0; i < v.size(); ++i) {
      const bool dash = i == 4 || i == 7;
      if (dash ? v[i] != '-' : !std::isdigit(static_cast<unsigned char>(v[i]))) return false;
    }
    return true;
  };
  const size_t slash = value.find('/');
  out.begin = value.substr(0, slash);
  out.end = slash == std::string::npos ? out.begin : value.substr(slash + 1);
  if (!valid(out.begin) || !valid(out.end)) return false;
  // Pad to day bounds so ranges of different precision compare as text.
  auto pad = [](std::string v, bool end) {
    if (v.size() == 4) v += end ? "-12" : "-01";
    if (v.size() == 7) v += end ? "-31" : "-01";
    return v;
  };
  out.begin = pad(out.begin, false);
  out.end = pad(out.end, true);
  return out.begin <= out.end;
}

// Day number of a day-precision value ("2026-02-05"), or nullopt.
std::optional<int64_t> DayNumber(const std::string& value) {
  if (value.size() != 10) return std::nullopt;
  auto d = DateTime::ParseIso(value);
  if (!d || d->precision < DatePrecision::kDay) return std::nullopt;
  return d->DaysSinceEpoch();
}

// The venue: a place the sentence introduces with "in" or "at" ("talks in
// Abu Dhabi"), which is where an event happened far more often than a place
// named as an actor ("Russia and Ukraine ...").
void CountVenues(const AnnotatedArticle& a, Span sentence, std::map<std::string, int>& votes) {
  for (const Mention& m : a.mentions) {
    if (m.span.begin < sentence.begin || m.span.end > sentence.end) continue;
    if (m.entity >= a.entities.size() || a.entities[m.entity].type != EntityType::kPlace) continue;
    if (m.kind == MentionKind::kNationality || m.span.begin < 3) continue;
    const std::string_view before = std::string_view(a.body).substr(m.span.begin - 3, 3);
    if (before == "in " || before == "at ") ++votes[a.entities[m.entity].name];
  }
}

// The days a story's sources were published, when any says: events are
// kept within a window around it. Background history ("ruled from 1973",
// "last March") and misread far dates ("until March" taken as next year)
// are not the story's events (GUIDELINES: not the dates of background
// history); a timeline entry is trusted only when it belongs to the story.
constexpr int64_t kBackgroundDays = 90;
constexpr int64_t kFutureDays = 60;

struct Window {
  std::optional<int64_t> first, last;
};

Window PublicationWindow(const ClaimContext& ctx) {
  Window w;
  for (size_t s = 0; s < ctx.size(); ++s) {
    const auto& p = ctx.article(s).article.published;
    if (!p || p->precision < DatePrecision::kDay) continue;
    const int64_t d = p->DaysSinceEpoch();
    w.first = w.first ? std::min(*w.first, d) : d;
    w.last = w.last ? std::max(*w.last, d) : d;
  }
  return w;
}

// Day number of a padded ISO day that may not exist ("1998-11-31").
std::optional<int64_t> LastDayNumber(std::string iso) {
  for (const char* day : {"", "30", "29", "28"}) {
    if (*day) iso.replace(8, 2, day);
    if (auto d = DayNumber(iso)) return d;
  }
  return std::nullopt;
}

bool InStoryWindow(const DateRange& r, const Window& w) {
  if (!w.first) return true;
  const auto begin = DayNumber(r.begin), end = LastDayNumber(r.end);
  if (end && *end < *w.first - kBackgroundDays) return false;
  if (begin && *begin > *w.last + kFutureDays) return false;
  return true;
}

// A sentence that opens with a quote mark is someone's words: a statement,
// not an event the timeline can date.
bool OpensWithQuote(std::string_view sentence) {
  return !sentence.empty() &&
         (sentence[0] == '"' || sentence[0] == '`' || sentence[0] == '\'' ||
          sentence.substr(0, 3) == "\xE2\x80\x9C" || sentence.substr(0, 2) == "\xC2\xAB");
}

// "before Oct. 23" bounds an event without dating it: whatever happens
// happens on some earlier, unknown day.
bool BoundOnly(const AnnotatedArticle& a, const Timex& t) {
  constexpr std::string_view kBefore = "before ";
  return t.span.begin >= kBefore.size() &&
         a.Text(Span{static_cast<uint32_t>(t.span.begin - kBefore.size()), t.span.begin}) ==
             kBefore;
}

struct Event {
  size_t source, sentence;
  const Timex* timex;
  DateRange range;
};

struct Built {
  TimelineEntry entry;
  size_t outlets = 0;
  std::string sort_key;
  std::vector<size_t> events;  // indices into the events, one per source
  bool day = false;            // a day date, not a month
  size_t lead = 0;             // earliest sentence index among its reports
  bool numbered = false;       // some report writes the day out with its number ("Dec. 18")
};

// A reader scans a timeline by date: one sentence told twice (once under
// "January", again under "January 23"; a sentence naming two days) or two
// entries for one day read as noise, and the second is nearly always a
// side remark of that day (a reaction, "was not available for comment").
// So every sentence is told once and every date once, keeping what more
// outlets report, then the more precise date, then what comes earlier in
// its article (news puts the main event first).
// What only one outlet dates is kept when it is that report's lead: news
// states its event first (the inverted pyramid), while a date deep in one
// report is mostly context, a reaction or a plan ("was not available Monday
// for comment", "is supposed to talk Tuesday"). On dev, single-outlet
// entries from lead sentences were right 14 times of 16, from later
// sentences 10 of 21. A day written out with its number ("Dec. 18") is kept
// wherever it stands: a reporter who spells out a day means to give it (a
// deadline, a scheduled vote, the day of a past step). An undated story keeps them all, as it keeps
// its months: nothing there tells the story from its background.
constexpr size_t kSingleSourceLead = 0;

std::vector<Built> OneEntryPerSentenceAndDate(const ClaimContext& ctx,
                                              const std::vector<Event>& events,
                                              std::vector<Built> built, bool dated) {
  std::vector<size_t> order(built.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const Built &x = built[a], &y = built[b];
    if (x.outlets != y.outlets) return x.outlets > y.outlets;
    if (x.day != y.day) return x.day;
    return x.lead < y.lead;
  });
  std::set<std::pair<size_t, size_t>> told;
  std::set<std::string> told_text, months;
  std::set<int64_t> days;
  // The days an entry covers ("2026-04-08/2026-04-09" covers two), or its month.
  auto covered = [](const Built& b) {
    std::vector<int64_t> out;
    if (!b.day) return out;
    const auto from = DayNumber(b.sort_key.substr(0, 10)), to = DayNumber(b.sort_key.substr(10));
    for (int64_t d = from ? *from : 0; from && to && d <= *to; ++d) out.push_back(d);
    return out;
  };
  std::vector<bool> keep(built.size(), false);
  for (size_t k : order) {
    Built& b = built[k];
    if (dated && b.outlets < 2 && b.lead > kSingleSourceLead && !b.numbered) continue;
    const std::vector<int64_t> its_days = covered(b);
    if (b.day ? std::any_of(its_days.begin(), its_days.end(),
                            [&](int64_t d) { return days.count(d) != 0; })
              : months.count(b.entry.date) != 0)
      continue;
    std::vector<size_t> left;
    std::vector<std::string> sources;
    std::vector<Attestation> wording;
    for (size_t w = 0; w < b.events.size(); ++w) {
      const Event& e = events[b.events[w]];
      if (told.count({e.source, e.sentence}) || told_text.count(b.entry.wording[w].text)) continue;
      left.push_back(b.events[w]);
      sources.push_back(b.entry.sources[w]);
      wording.push_back(b.entry.wording[w]);
    }
    if (left.empty()) continue;
    for (size_t w = 0; w < left.size(); ++w) {
      told.insert({events[left[w]].source, events[left[w]].sentence});
      told_text.insert(wording[w].text);
    }
    if (left.size() != b.events.size()) {
      size_t best = 0;
      for (size_t w = 1; w < wording.size(); ++w)
        if (wording[w].span.size() < wording[best].span.size()) best = w;
      b.entry.what = wording[best].text;
      std::vector<size_t> srcs;
      for (size_t i : left) srcs.push_back(events[i].source);
      b.outlets = DistinctOutlets(ctx, srcs);
    }
    b.events = std::move(left);
    b.entry.sources = std::move(sources);
    b.entry.wording = std::move(wording);
    days.insert(its_days.begin(), its_days.end());
    if (!b.day) months.insert(b.entry.date);
    keep[k] = true;
  }
  std::vector<Built> out;
  for (size_t k = 0; k < built.size(); ++k)
    if (keep[k]) out.push_back(std::move(built[k]));
  return out;
}

}  // namespace

std::vector<TimelineEntry> BuildTimeline(ClaimContext& ctx, TimelineScope scope) {
  std::vector<Event> events;
  const bool story_window_only = scope == TimelineScope::kStory;
  const Window window = story_window_only ? PublicationWindow(ctx) : Window{};
  for (size_t s = 0; s < ctx.size(); ++s) {
    const AnnotatedArticle& a = ctx.article(s);
    for (const Timex& t : a.timexes) {
      // Without a publication date nothing tells background from the story,
      // so an undated story keeps its years and months (renderers say it is
      // undated). In a dated story a month-only date is background ("last
      // month", "in August") or a vaguer retelling of an event it dates by
      // day ("collapsed in November" beside "collapsed Nov. 25"); a reader
      // scans the timeline for the story's days. (Dev: of 11 month entries,
      // 8 were background or repeats.)
      const bool background = window.first && t.precision <= DatePrecision::kMonth;
      if (t.type != Timex::Type::kDate || background) continue;
      DateRange r;
      if (!ParseRange(t.value, r) || !InStoryWindow(r, window)) continue;
      if (BoundOnly(a, t)) continue;
      const size_t sentence = ctx.SentenceOf(s, t.span);
      // An outlet's guess ("could be a bargaining tactic") is no event a
      // reader can check against the other outlets.
      if (!story_window_only && OutletGuesses(a, ctx.tokens(s), sentence)) continue;
      if (IsReportingNote(a.body, ctx.tokens(s), sentence)) continue;
      if (StampsTheReport(a, sentence, t)) continue;  // the day the page was posted
      if (OpensWithQuote(a.Text(ctx.SentenceSpan(s, sentence)))) continue;
      // A date inside a speaker's own words ("``We had one survive for five
      // hours in 1993,'' Campbell said") dates what the speaker recalls, in a
      // sentence that need not open with the mark: a statement, not an event.
      if (InDirectQuote(a, t.span)) continue;
      events.push_back({s, sentence, &t, r});
    }
  }
  UnionFind same_event(events.size());
  for (size_t a = 0; a < events.size(); ++a) {
    for (size_t b = a + 1; b < events.size(); ++b) {
      const Event& x = events[a];
      const Event& y = events[b];
      // Same value, or consecutive days: "February" and "Feb. 5" are not the same event.
      double needed = kSameEvent;
      if (x.timex->value != y.timex->value) {
        auto dx = DayNumber(x.timex->value), dy = DayNumber(y.timex->value);
        if (!dx || !dy || (*dx - *dy != 1 && *dy - *dx != 1)) continue;
        needed = kSameSpanningEvent;
      }
      // One sentence naming two days ("Tuesday ... Wednesday and Thursday")
      // is one event only when it names one day twice.
      const bool same_sentence = x.source == y.source && x.sentence == y.sentence;
      if (same_sentence && needed != kSameEvent) continue;
      if (same_sentence || Cosine(ctx.SentenceVector(x.source, x.sentence),
                                  ctx.SentenceVector(y.source, y.sentence)) >= needed) {
        same_event.Union(a, b);
      }
    }
  }
  std::map<size_t, std::vector<size_t>> groups;
  for (size_t i = 0; i < events.size(); ++i) groups[same_event.Find(i)].push_back(i);

  std::vector<Built> built;
  for (const auto& [root, group] : groups) {
    Built b;
    std::set<size_t> seen;
    std::vector<size_t> sources;
    const Event* plainest = nullptr;
    size_t plainest_len = 0;
    for (size_t i : group) {
      const Event& e = events[i];
      if (!seen.insert(e.source).second) continue;
      sources.push_back(e.source);
      b.events.push_back(i);
      const Span span = ctx.SentenceSpan(e.source, e.sentence);
      b.entry.sources.push_back(ctx.source_id(e.source));
      b.entry.wording.push_back(
          {ctx.source_id(e.source), SpanText(ctx.article(e.source), span), span});
      if (!plainest || span.size() < plainest_len) {
        plainest = &e;
        plainest_len = span.size();
      }
    }
    const Event& lead = events[group.front()];
    b.entry.date = lead.timex->value;
    // A timeline row is a day at the finest: a stated time of day is the day's.
    b.entry.precision = DatePrecisionName(std::min(lead.timex->precision, DatePrecision::kDay));
    // An event reported over consecutive days spans them all.
    std::string first = lead.range.begin, last = lead.range.end;
    for (size_t i : group) {
      first = std::min(first, events[i].range.begin);
      last = std::max(last, events[i].range.end);
    }
    if (first != lead.range.begin || last != lead.range.end) b.entry.date = first + "/" + last;
    // Sentences grouped by one day tell one event, so any of them may name
    // its venue. Grouped by a year or a month they may tell different events
    // ("abortion was illegal in Canada until 1988" beside a 1988 bombing in
    // Atlanta): the venue then must be in the sentence the row shows.
    std::map<std::string, int> venues;
    const bool by_day = lead.timex->precision >= DatePrecision::kDay;
    for (size_t i : group) {
      const Event& e = events[i];
      if (!by_day && &e != plainest) continue;
      CountVenues(ctx.article(e.source), ctx.SentenceSpan(e.source, e.sentence), venues);
    }
    int best_votes = 0;
    for (const auto& [name, n] : venues) {
      if (n > best_votes) {
        best_votes = n;
        b.entry.place = name;
      }
    }
    b.entry.what = SpanText(ctx.article(plainest->source),
                            ctx.SentenceSpan(plainest->source, plainest->sentence));
    b.outlets = DistinctOutlets(ctx, sources);
    b.sort_key = first + last;
    b.day = lead.timex->precision >= DatePrecision::kDay;
    b.lead = events[b.events.front()].sentence;
    for (size_t i : b.events) b.lead = std::min(b.lead, events[i].sentence);
    for (size_t i : b.events) {
      const std::string_view said = ctx.article(events[i].source).Text(events[i].timex->span);
      b.numbered |= std::any_of(said.begin(), said.end(),
                                [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    }
    built.push_back(std::move(b));
  }
  if (story_window_only)
    built = OneEntryPerSentenceAndDate(ctx, events, std::move(built), window.first.has_value());
  if (built.size() > kMaxEntries) {
    std::stable_sort(built.begin(), built.end(),
                     [](const Built& a, const Built& b) { return a.outlets > b.outlets; });
    built.resize(kMaxEntries);
  }
  std::stable_sort(built.begin(), built.end(),
                   [](const Built& a, const Built& b) { return a.sort_key < b.sort_key; });
  std::vector<TimelineEntry> out;
  for (auto& b : built) out.push_back(std::move(b.entry));
  return out;
}

}  // namespace newsfuse::fuse
