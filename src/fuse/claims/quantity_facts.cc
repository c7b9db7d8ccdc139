// Quantity facts: "314 prisoners of war", "157 prisoners of war each" and
// "a prisoner swap of 314" are one fact; "1,200 km (746 miles)" and "a
// roughly 750-mile front" are one fact.
//
// Each quantity with a known thing counted (or a unit) becomes a claim with
// an interval: the hedge's interval for the stated value, and for a
// distributive form ("157 each" between two parties) also the total's. Claims
// about the same thing agree when any of their intervals overlap; agreement
// is transitive (union-find), so a chain of hedged values forms one fact.
// Two facts about the same thing that no source states together, in
// sentences that speak of the same event, are a conflict.
#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <set>

#include "fuse/claims/builders.h"

namespace newsfuse::fuse {
namespace {

// Sentences that share this much vocabulary speak of the same event, so
// their numbers about the same thing are comparable. Lower for counts (the
// thing counted already matches) than for bare units (any two distances).
constexpr double kSameContextCount = 0.20;
constexpr double kSameContextUnit = 0.30;
// Conflicts need stronger evidence of a shared subject than agreement does:
// a false conflict costs a reader more than a missed one.
constexpr double kConflictContext = 0.30;
// Relative gap under which two values differ by rounding or hedging only.
constexpr double kSoftGapExact = 0.05;
constexpr double kSoftGapHedged = 0.25;

struct Interval {
  double low, high;
  bool Overlaps(const Interval& o) const { return low <= o.high && o.low <= high; }
};

struct Claim {
  size_t source;
  size_t sentence;
  std::string key;
  const Quantity* q;
  Interval stated, total;
  bool hedged;
  Span span;
};

bool Agree(const Claim& a, const Claim& b) {
  return a.stated.Overlaps(b.stated) || a.total.Overlaps(b.total) ||
         a.stated.Overlaps(b.total) || a.total.Overlaps(b.stated);
}

double RelativeGap(const Interval& a, const Interval& b) {
  const double gap = std::max(a.low, b.low) - std::min(a.high, b.high);
  const double scale = std::max({std::fabs(a.high), std::fabs(b.high), 1e-9});
  return std::max(0.0, gap) / scale;
}

struct UnionFind {
  std::vector<size_t> parent;
  explicit UnionFind(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  size_t Find(size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void Union(size_t a, size_t b) { parent[Find(a)] = Find(b); }
};

std::string DisplayValue(double value, const std::string& unit) {
  if (unit.empty()) return FormatNumber(value);
  if (unit == "m") {
    if (std::fabs(value) >= 1000) {
      return FormatNumber(std::round(value / 100) / 10) + " km (" +
             FormatNumber(std::round(value / 1609.344)) + " miles)";
    }
    return FormatNumber(value) + " m";
  }
  if (unit == "%") return FormatNumber(value) + "%";
  if (unit == "degC") return FormatNumber(value) + " \xC2\xB0" "C";
  return FormatNumber(value) + " " + unit;
}

// The wording a reader checks a fact against: the number with the thing it
// counts ("157 prisoners of war from each side"), or the number alone.
Span ClaimSpan(const Quantity& q) {
  Span s = q.span;
  if (q.counted_span.end > q.counted_span.begin) {
    s.begin = std::min(s.begin, q.counted_span.begin);
    s.end = std::max(s.end, q.counted_span.end);
  }
  return s;
}

}  // namespace

std::vector<Fact> QuantityFacts(ClaimContext& ctx, std::vector<Conflict>& conflicts) {
  std::vector<Claim> claims;
  for (size_t s = 0; s < ctx.size(); ++s) {
    for (const Quantity& q : ctx.article(s).quantities) {
      std::string key;
      if (!q.counted.empty()) {
        const std::string head = ctx.HeadStem(q.counted);
        if (!head.empty()) key = q.unit + "|" + head;
      }
      if (key.empty() && !q.unit.empty()) key = q.unit + "|";
      if (key.empty()) continue;  // a bare number says nothing comparable
      Claim c{s, ctx.SentenceOf(s, q.span), key, &q, {q.low, q.high}, {q.low, q.high},
              q.low != q.high, ClaimSpan(q)};
      if (q.distributive && q.value != 0) {
        const double parties = q.total / q.value;
        c.total = {q.low * parties, q.high * parties};
      }
      claims.push_back(c);
    }
  }

  std::map<std::string, std::vector<size_t>> by_key;
  for (size_t i = 0; i < claims.size(); ++i) by_key[claims[i].key].push_back(i);

  std::vector<Fact> facts;
  for (const auto& [key, members] : by_key) {
    const bool counted = key.back() != '|';
    const double context = counted ? kSameContextCount : kSameContextUnit;
    UnionFind uf(claims.size());
    for (size_t a = 0; a < members.size(); ++a) {
      for (size_t b = a + 1; b < members.size(); ++b) {
        const Claim& x = claims[members[a]];
        const Claim& y = claims[members[b]];
        if (!Agree(x, y)) continue;
        if (x.source == y.source ||
            Cosine(ctx.SentenceVector(x.source, x.sentence), ctx.SentenceVector(y.source, y.sentence)) >= context) {
          uf.Union(members[a], members[b]);
        }
      }
    }
    std::map<size_t, std::vector<size_t>> groups;  // root -> claims, in source order
    for (size_t i : members) groups[uf.Find(i)].push_back(i);

    struct Built { Fact fact; std::vector<size_t> claims; std::set<std::string> outlets; Interval total; bool hedged; };
    std::vector<Built> built;
    for (auto& [root, group] : groups) {
      Built b;
      b.hedged = true;
      std::set<size_t> seen;
      const Claim* exact = nullptr;
      for (size_t i : group) {
        const Claim& c = claims[i];
        if (!c.hedged) {
          b.hedged = false;
          if (!exact || (c.q->distributive && !exact->q->distributive)) exact = &c;
        }
        if (!seen.insert(c.source).second) continue;
        b.fact.sources.push_back(ctx.source_id(c.source));
        b.fact.wording.push_back({ctx.source_id(c.source), SpanText(ctx.article(c.source), c.span), c.span});
        b.outlets.insert(ctx.outlet_key(c.source));
      }
      const Claim& lead = exact ? *exact : claims[group.front()];
      const Quantity& q = *lead.q;
      b.fact.kind = Fact::Kind::kQuantity;
      b.fact.subject = !q.counted.empty() ? q.counted : std::string();
      b.fact.unit = q.unit;
      b.total = lead.total;
      b.fact.low = lead.total.low;
      b.fact.high = lead.total.high;
      b.fact.value = DisplayValue(q.total != 0 ? q.total : q.value, q.unit);
      if (q.distributive) b.fact.value += " (" + FormatNumber(q.value) + " each)";
      if (b.hedged && q.low != q.high) b.fact.value = "about " + b.fact.value;
      b.claims = group;
      built.push_back(std::move(b));
    }

    // Conflicts: two facts about the same thing with no outlet in common,
    // stated in sentences about the same event.
    for (size_t a = 0; a < built.size(); ++a) {
      for (size_t b = a + 1; b < built.size(); ++b) {
        std::vector<std::string> shared;
        std::set_intersection(built[a].outlets.begin(), built[a].outlets.end(), built[b].outlets.begin(),
                              built[b].outlets.end(), std::back_inserter(shared));
        if (!shared.empty()) continue;  // one outlet states both: two different quantities
        double context_sim = 0;
        for (size_t i : built[a].claims) {
          for (size_t j : built[b].claims) {
            const Claim& x = claims[i];
            const Claim& y = claims[j];
            context_sim = std::max(context_sim, Cosine(ctx.SentenceVector(x.source, x.sentence),
                                                       ctx.SentenceVector(y.source, y.sentence)));
          }
        }
        if (context_sim < kConflictContext) continue;
        Conflict c;
        c.subject = !built[a].fact.subject.empty() ? built[a].fact.subject : built[b].fact.subject;
        const double gap = RelativeGap(built[a].total, built[b].total);
        const bool hedged = built[a].hedged || built[b].hedged;
        c.hard = gap > (hedged ? kSoftGapHedged : kSoftGapExact);
        c.confidence = std::min(1.0, context_sim / 0.6);
        for (const Built* side : {&built[a], &built[b]}) {
          c.sides.push_back({side->fact.value, side->fact.sources, side->fact.wording});
        }
        conflicts.push_back(std::move(c));
      }
    }
    for (auto& b : built) facts.push_back(std::move(b.fact));
  }
  return facts;
}

}  // namespace newsfuse::fuse
