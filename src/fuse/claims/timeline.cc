// Timeline: the dated events of a story.
//
// Every date expression resolved to a calendar value (day, month or year; not
// "now", not a duration) marks its sentence as an event on that date. Events
// of different sources are one entry when their dates overlap and their
// sentences share enough wording; the entry is told in the shortest
// sentence that supports it, which is usually the plainest.
#include <algorithm>
#include <map>
#include <numeric>
#include <set>

#include "fuse/claims/builders.h"

namespace newsfuse::fuse {
namespace {

constexpr double kSameEvent = 0.25;
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

const char* PrecisionName(DatePrecision p) {
  switch (p) {
    case DatePrecision::kYear: return "year";
    case DatePrecision::kMonth: return "month";
    default: return "day";
  }
}

struct Event {
  size_t source, sentence;
  const Timex* timex;
  DateRange range;
};

}  // namespace

std::vector<TimelineEntry> BuildTimeline(ClaimContext& ctx) {
  std::vector<Event> events;
  for (size_t s = 0; s < ctx.size(); ++s) {
    for (const Timex& t : ctx.article(s).timexes) {
      if (t.type != Timex::Type::kDate) continue;
      DateRange r;
      if (!ParseRange(t.value, r)) continue;
      events.push_back({s, ctx.SentenceOf(s, t.span), &t, r});
    }
  }
  std::vector<size_t> parent(events.size());
  std::iota(parent.begin(), parent.end(), 0);
  auto find = [&](size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (size_t a = 0; a < events.size(); ++a) {
    for (size_t b = a + 1; b < events.size(); ++b) {
      const Event& x = events[a];
      const Event& y = events[b];
      // Same value only: "February" and "Feb. 5" are not the same event.
      if (x.timex->value != y.timex->value) continue;
      const bool same_sentence = x.source == y.source && x.sentence == y.sentence;
      if (same_sentence || Cosine(ctx.SentenceVector(x.source, x.sentence),
                                  ctx.SentenceVector(y.source, y.sentence)) >= kSameEvent) {
        parent[find(a)] = find(b);
      }
    }
  }
  std::map<size_t, std::vector<size_t>> groups;
  for (size_t i = 0; i < events.size(); ++i) groups[find(i)].push_back(i);

  struct Built { TimelineEntry entry; size_t outlets; std::string sort_key; };
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
      const Span span = ctx.SentenceSpan(e.source, e.sentence);
      b.entry.sources.push_back(ctx.source_id(e.source));
      b.entry.wording.push_back({ctx.source_id(e.source), SpanText(ctx.article(e.source), span), span});
      if (!plainest || span.size() < plainest_len) {
        plainest = &e;
        plainest_len = span.size();
      }
    }
    const Event& lead = events[group.front()];
    b.entry.date = lead.timex->value;
    b.entry.precision = PrecisionName(lead.timex->precision);
    b.entry.what = SpanText(ctx.article(plainest->source), ctx.SentenceSpan(plainest->source, plainest->sentence));
    b.outlets = DistinctOutlets(ctx, sources);
    b.sort_key = lead.range.begin + lead.range.end;
    built.push_back(std::move(b));
  }
  if (built.size() > kMaxEntries) {
    std::stable_sort(built.begin(), built.end(), [](const Built& a, const Built& b) { return a.outlets > b.outlets; });
    built.resize(kMaxEntries);
  }
  std::stable_sort(built.begin(), built.end(), [](const Built& a, const Built& b) { return a.sort_key < b.sort_key; });
  std::vector<TimelineEntry> out;
  for (auto& b : built) out.push_back(std::move(b.entry));
  return out;
}

}  // namespace newsfuse::fuse
