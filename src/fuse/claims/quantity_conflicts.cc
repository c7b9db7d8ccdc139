// Conflicts between quantity rows: two rows about the same thing that no
// outlet states together, in sentences that speak of the same event (hard),
// and one row whose outlets word its figure differently (approximate).
#include "fuse/claims/quantity_conflicts.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/strings.h"

namespace newsfuse::fuse::quantity {
namespace {

// A hard conflict's two figures need at least this likeness of their own
// clauses (see HardConflicts); every right conflict on the dev topics has
// over 0.5, the one wrong pair on the open topics it removes has 0.
constexpr double kConflictClause = 0.2;
// A thing the story gives many different figures for is no one thing: a
// sports story counts "games" missed, played, this season and last; a
// disaster story counts "people" killed, hurt and evacuated. From this many
// distinct figures of one thing, two of them conflict only when their own
// clauses are much alike (kConflictClauseAmbiguous). Every right conflict on
// the dev topics, the open DUC topics and the ECB+ stories read by hand has
// a clause likeness over 0.5 (lowest 0.516: "98 members of the 124-member
// council" / "95 members present"); every wrong one on the ECB+ stories
// under it (highest 0.463: "missed nine games" / "limited him to only six
// games" / "rushed for 716 yards in 12 games").
constexpr size_t kAmbiguousFigures = 3;
constexpr double kConflictClauseAmbiguous = 0.5;
// Relative gap under which two values differ by rounding or hedging only.
constexpr double kSoftGapExact = 0.05;
constexpr double kSoftGapHedged = 0.25;
// Relative gap under which two figures are one figure rounded differently.
constexpr double kRoundingGap = 0.01;

// The value as one claim states it, for the sides of an approximate agreement.
std::string StatedValue(const AnnotatedArticle& a, const Claim& c) {
  const Quantity& q = *c.q;
  if (c.range) return RangeValue(q);
  if (std::string written = MeasureAsWritten(a, q); !written.empty())
    return WithHedge(written, q.value, q.low, q.high);
  std::string shown = DisplayValue(q.total != 0 ? q.total : q.value, q.unit, q.stated_unit);
  return WithHedge(shown, q.value, q.low, q.high);
}

// Two claims one fact holds that a reader would see as different values
// of one figure: compatible (their intervals meet), near each other, and
// apart by more than rounding ("about 50 sailors", "about 56 sailors").
// A one-sided bound the other value meets ("37 yachts", "at least 37
// yachts"; "four weeks", "at least three weeks") is no disagreement: on the
// 40 DUC topics without gold 12 of 16 such rows were one figure told twice. Figures far apart under
// one bound ("20 years", "up to 34 years") are two things the bound happens to cover.
// A range of estimates ("35,000 to 60,000 barrels") holds the other figure
// it meets ("about 60,000"): the outlets agree within it.
bool ApproximatelyAgree(const Claim& x, const Claim& y) {
  if (!Agree(x, y) || OneSidedBound(*x.q) || OneSidedBound(*y.q)) return false;
  if (x.range || y.range) return false;
  const double px = Representative(x.total), py = Representative(y.total);
  const double scale = std::max({std::fabs(px), std::fabs(py), 1e-9});
  const double gap = std::fabs(px - py) / scale;
  if (gap > kSoftGapHedged) return false;
  return gap > kConversionGap;
}

// Two sentences report one time frame unless each dates what it says to a
// day and no day of one meets a day of the other ("205 dissidents issued a
// petition Sunday" / "214 dissidents planned fasts beginning Thursday"). A
// figure told of two different days is two events or a figure that moved
// (a rescue count, a poll, a share price), not two outlets disagreeing.
bool DaysMeet(const std::vector<std::pair<std::string, std::string>>& x,
              const std::vector<std::pair<std::string, std::string>>& y) {
  if (x.empty() || y.empty()) return true;
  for (const auto& [xf, xt] : x)
    for (const auto& [yf, yt] : y)
      // An unresolved weekday compares only with another: against a
      // resolved day it says nothing, so the frame may be the same.
      if ((xf[0] == 'X') != (yf[0] == 'X') || (xf <= yt && yf <= xt)) return true;
  return false;
}

// Reports published this many days apart that date their figures to no
// common day tell the figure at two times: "15 countries" in a release of
// October, "18 countries" in one of the next August is an update (GUIDELINES:
// not a conflict). A live story stays open for weeks, so this happens.
constexpr int64_t kUpdateDays = 30;

bool SameTimeFrame(const Claim& x, const Claim& y) {
  if (!DaysMeet(x.days, y.days)) return false;
  const bool both_dated = !x.days.empty() && !y.days.empty();
  if (both_dated || !x.published || !y.published) return true;
  return std::abs(*x.published - *y.published) <= kUpdateDays;
}

// Whether a name with the figure left out ("…", "… 4") still names
// something: a disputed figure a reader cannot place is no conflict to show.
bool NamesSomething(std::string_view subject) {
  return std::any_of(subject.begin(), subject.end(), [](char c) { return IsAsciiLetter(c); });
}

// Likeness of two figures' own clauses (words next to the number).
double ClauseLikeness(ClaimContext& ctx, const Claim& x, const Claim& y) {
  auto vec = [&](const Claim& c) {
    return ctx.Vector(c.source,
                      ClauseAround(ctx.article(c.source), ctx.SentenceSpan(c.source, c.sentence),
                                   c.q->span, kClauseWordsBefore, kClauseWordsAfter));
  };
  return Cosine(vec(x), vec(y));
}

void HardConflicts(ClaimContext& ctx, const std::vector<Claim>& claims,
                   const std::vector<Row>& rows, const FiguresBySentence& figures_in,
                   std::vector<Conflict>& conflicts) {
  // Conflicts: two facts about the same thing with no outlet in common,
  // stated in sentences about the same event.
  std::map<std::string, size_t> figures_of;  // key -> facts (distinct figures) with it
  for (const Row& b : rows)
    for (const std::string& key : b.keys) ++figures_of[key];
  for (size_t a = 0; a < rows.size(); ++a) {
    for (size_t b = a + 1; b < rows.size(); ++b) {
      std::vector<std::string> shared_keys, shared_outlets;
      std::set_intersection(rows[a].keys.begin(), rows[a].keys.end(), rows[b].keys.begin(),
                            rows[b].keys.end(), std::back_inserter(shared_keys));
      if (shared_keys.empty()) continue;
      std::set_intersection(rows[a].outlets.begin(), rows[a].outlets.end(), rows[b].outlets.begin(),
                            rows[b].outlets.end(), std::back_inserter(shared_outlets));
      if (!shared_outlets.empty()) continue;  // one outlet states both: two different quantities
      const bool counted = shared_keys.front().front() == '|';
      // A number that modifies another noun ("a 10-year sentence", "the
      // 21-nation group") counts that noun's property, not the story's thing;
      // it is comparable only with the same property of the same noun ("a
      // 5-page note" / "an 8-page note", "a three-day visit" / "a four-day
      // visit"), which pins the thing even for a small number.
      std::vector<std::string> same_noun;
      std::set_intersection(rows[a].modifies.begin(), rows[a].modifies.end(),
                            rows[b].modifies.begin(), rows[b].modifies.end(),
                            std::back_inserter(same_noun));
      const bool same_property = rows[a].adjectival && rows[b].adjectival && !same_noun.empty();
      if ((rows[a].adjectival || rows[b].adjectival) && !same_property) continue;
      // The same head is not the same thing: "four terrific pitches" and
      // "19 pitches", "rebel soldiers" and "government soldiers". A count
      // conflicts only with a count of the thing named the same way.
      if (counted) {
        std::vector<std::string> same_thing;
        std::set_intersection(rows[a].counted.begin(), rows[a].counted.end(),
                              rows[b].counted.begin(), rows[b].counted.end(),
                              std::back_inserter(same_thing));
        if (same_thing.empty()) continue;
      }
      // A sentence that states both figures relates them ("about 32 million
      // people tuning in, compared with 55.3 million a decade ago"; "of his
      // 11 touchdowns this year, eight have come since"): its outlet knows
      // they are two things, so that sentence is no side of a dispute.
      auto states_both = [&](const Claim& c, const Row& other) {
        const auto it = figures_in.find({c.source, c.sentence});
        if (it == figures_in.end()) return false;
        for (size_t k : other.claims) {
          const Quantity& oq = *claims[k].q;
          for (double f : it->second)
            if (f == oq.value || (oq.total != 0 && f == oq.total)) return true;
        }
        return false;
      };
      std::vector<size_t> eligible[2];
      for (int side = 0; side < 2; ++side) {
        const Row& own = rows[side == 0 ? a : b];
        const Row& other = rows[side == 0 ? b : a];
        for (size_t i : own.claims)
          if (!claims[i].conversion && !states_both(claims[i], other)) eligible[side].push_back(i);
      }
      if (eligible[0].empty() || eligible[1].empty()) continue;
      double context_sim = 0;
      bool spreads_meet = false;
      for (size_t i : eligible[0]) {
        for (size_t j : eligible[1]) {
          const Claim& x = claims[i];
          const Claim& y = claims[j];
          // An outlet that itself gives a spread ("10 points in some polls,
          // 18 in others") disagrees with no figure its spread meets.
          const bool spread = x.spread.low != x.stated.low || x.spread.high != x.stated.high ||
                              y.spread.low != y.stated.low || y.spread.high != y.stated.high;
          spreads_meet |= spread && x.spread.Overlaps(y.spread);
          if (SameTimeFrame(x, y))
            context_sim = std::max(context_sim, SameEventLikeness(ctx, x, y));
        }
      }
      if (spreads_meet) continue;
      // Each side needs a figure some outlet states as so, not only one it
      // expects or proposes.
      bool asserted[2] = {false, false};
      for (int side = 0; side < 2; ++side)
        for (size_t i : eligible[side]) asserted[side] |= claims[i].asserted;
      if (!asserted[0] || !asserted[1]) continue;
      // Small counts (two yachts, three murders) recur in any story about
      // different groups; they conflict only in sentences much alike.
      const bool small = std::max(rows[a].total.low, rows[b].total.low) < kDistinctiveCount;
      // Two small counts ("two yachts", "three yachts") are two groups far
      // more often than two accounts of one group: over the 40 DUC topics
      // without gold, every such conflict was.
      if (counted && small && !same_property) continue;
      const double lo = std::min(Representative(rows[a].total), Representative(rows[b].total));
      const double hi = std::max(Representative(rows[a].total), Representative(rows[b].total));
      if (!(lo > 0) || hi / lo > kMaxConflictRatio) continue;
      const double needed = counted ? kConflictContext : kConflictContextUnit;
      if (context_sim < needed) continue;
      // What a figure is of is written next to it: two figures whose own
      // clauses share no word ("Mobil's rose [14 percent]" / "rose $7.625, or
      // [9.7 percent], to $86") are not shown to be one thing, however alike
      // their sentences.
      double clause = 0;
      for (size_t i : eligible[0])
        for (size_t j : eligible[1])
          clause = std::max(clause, ClauseLikeness(ctx, claims[i], claims[j]));
      const bool ambiguous = figures_of[shared_keys.front()] >= kAmbiguousFigures;
      if (clause < (ambiguous ? kConflictClauseAmbiguous : kConflictClause)) continue;
      // Rounding is no dispute: "£13.5m" / "£13.46m", "2,116" / "2,117"; nor
      // is a conversion between unit systems ("200 feet" / "60 metres").
      const double gap = RelativeGap(rows[a].total, rows[b].total);
      if (gap <= kRoundingGap || rows[a].fact.value == rows[b].fact.value) continue;
      if (!counted && gap <= kConversionGap &&
          AsciiLower(rows[a].lead->q->stated_unit) != AsciiLower(rows[b].lead->q->stated_unit))
        continue;
      Conflict c;
      c.subject = MeasureSubject(ctx, *rows[a].lead, rows[a].fact.subject, Figure::kElided);
      if (!NamesSomething(c.subject)) continue;
      const bool hedged = rows[a].hedged || rows[b].hedged;
      c.hard = gap > (hedged ? kSoftGapHedged : kSoftGapExact);
      c.confidence = std::min(1.0, context_sim / 0.6);
      for (const Row* side : {&rows[a], &rows[b]}) {
        c.sides.push_back({side->fact.value, side->fact.sources, side->fact.wording});
      }
      conflicts.push_back(std::move(c));
    }
  }
}

void ApproximateConflicts(ClaimContext& ctx, const std::vector<Claim>& claims,
                          const std::vector<Row>& rows, std::vector<Conflict>& conflicts) {
  // Approximate agreement: one fact whose outlets state it differently
  // ("held up for two years", "delayed for more than two years"). Their
  // values are compatible, so it is no hard conflict, but a reader should
  // see that the figure is not settled: a soft conflict between the two
  // wordings, each side the outlets that write it so. Only between outlets
  // (one outlet's two wordings are one voice) and in sentences as alike as
  // a conflict needs.
  for (const Row& b : rows) {
    if (b.outlets.size() < 2) continue;
    const bool counted = b.keys.begin()->front() == '|';
    if (counted && b.total.high < kDistinctiveCount) continue;
    std::map<std::string, std::vector<size_t>> by_value;
    for (size_t i : b.claims) {
      if (!claims[i].conversion && !InDirectQuote(ctx.article(claims[i].source), claims[i].q->span))
        by_value[StatedValue(ctx.article(claims[i].source), claims[i])].push_back(i);
    }
    if (by_value.size() < 2) continue;
    const std::vector<size_t>* best[2] = {nullptr, nullptr};
    double best_context = 0;
    size_t best_voices = 0;
    for (auto x = by_value.begin(); x != by_value.end(); ++x) {
      for (auto y = std::next(x); y != by_value.end(); ++y) {
        std::set<std::string> ox, oy;
        for (size_t i : x->second) ox.insert(ctx.outlet_key(claims[i].source));
        for (size_t i : y->second) oy.insert(ctx.outlet_key(claims[i].source));
        bool shared = false;
        for (const auto& o : ox) shared |= oy.count(o) > 0;
        if (shared) continue;
        double context = 0;
        bool differ = false;
        for (size_t i : x->second) {
          for (size_t j : y->second) {
            if (!ApproximatelyAgree(claims[i], claims[j])) continue;
            if (!SameTimeFrame(claims[i], claims[j])) continue;
            differ = true;
            context = std::max(context, SameEventLikeness(ctx, claims[i], claims[j]));
          }
        }
        if (!differ || context < (counted ? kConflictContext : kConflictContextUnit)) continue;
        if (ox.size() + oy.size() > best_voices) {
          best_voices = ox.size() + oy.size();
          best[0] = &x->second;
          best[1] = &y->second;
          best_context = context;
        }
      }
    }
    if (!best[0]) continue;
    Conflict c;
    // Named by a claim on a side: the row's lead may be a third wording.
    c.subject = MeasureSubject(ctx, claims[best[0]->front()], b.fact.subject, Figure::kElided);
    if (!NamesSomething(c.subject)) continue;
    c.hard = false;
    c.confidence = std::min(1.0, best_context / 0.6);
    for (const std::vector<size_t>* side : best) {
      Conflict::Side out;
      out.value = StatedValue(ctx.article(claims[side->front()].source), claims[side->front()]);
      for (size_t i : *side) {
        const Claim& cl = claims[i];
        if (std::find(out.sources.begin(), out.sources.end(), ctx.source_id(cl.source)) !=
            out.sources.end())
          continue;
        out.sources.push_back(ctx.source_id(cl.source));
        out.wording.push_back(
            {ctx.source_id(cl.source), SpanText(ctx.article(cl.source), cl.span), cl.span});
      }
      c.sides.push_back(std::move(out));
    }
    conflicts.push_back(std::move(c));
  }
}

}  // namespace

void QuantityConflicts(ClaimContext& ctx, const std::vector<Claim>& claims,
                       const std::vector<Row>& rows, const FiguresBySentence& figures_in,
                       std::vector<Conflict>& conflicts) {
  HardConflicts(ctx, claims, rows, figures_in, conflicts);
  ApproximateConflicts(ctx, claims, rows, conflicts);
}

}  // namespace newsfuse::fuse::quantity
