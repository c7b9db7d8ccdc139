// The claims and rows of quantity facts (quantity_facts.cc) and the test for
// rows that disagree (quantity_conflicts.cc), split so that the rows and the
// conflicts can change apart. Internal to src/fuse/claims.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/records.h"
#include "fuse/claims/claim_context.h"

namespace newsfuse::fuse::quantity {

// Conflicts need stronger evidence of a shared subject than agreement does:
// a false conflict costs a reader more than a missed one.
constexpr double kConflictContext = 0.30;
// Two durations or two percentages in one story are often about different
// things ("held for four years", "the first swap in five months").
constexpr double kConflictContextUnit = 0.45;
// Words of a measure's own clause read on either side of it: "the first
// prisoner exchange in [five months]". Enough to name what is measured,
// few enough that the rest of a long sentence does not dilute it.
constexpr int kClauseWordsBefore = 6;
constexpr int kClauseWordsAfter = 4;
// Counts from this size up identify a fact across different nouns.
constexpr double kDistinctiveCount = 10;
// Two values about one thing that differ more than this factor are, in
// practice, two things under one noun ("34 votes" for, "316 votes" in all;
// "32 km" away, "3 km" wide): real disagreements between outlets are
// estimates of one figure ("some 3,000" vs 4,299, 16 vs "nearly 20").
constexpr double kMaxConflictRatio = 2.0;
// Relative gap between a measure and its rounded conversion ("2 miles (3 km)"
// is 3.22 km against 3 km).
constexpr double kConversionGap = 0.10;

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
  TermVector clause{};  // measures only: the words around the number in its clause
  // What this outlet's sentence spans for the thing: the claim alone, or
  // from its lowest to its highest figure when the sentence gives several
  // ("trailing by 10 points in some polls and as much as 18 in others").
  Interval spread{0, 0};
  std::vector<std::pair<std::string, std::string>> days;  // DaysOf its sentence
  std::optional<int64_t> published;                       // its article's day, when known
  // False when the figure's own clause only expects, proposes or supposes it
  // ("would accept a deal to finance for six months", "an expected eight
  // percent"): another outlet's other figure is then another proposal or an
  // unmet forecast, not an account that contradicts it.
  bool asserted = true;
  bool range = false;       // written as two figures: "35,000-60,000", "35,000 to 60,000"
  bool conversion = false;  // InConversionBrackets: the source's arithmetic
};

// One fact row: claims joined by agreement, the outlets that state them and
// the claim whose value it shows.
struct Row {
  Fact fact;
  std::vector<size_t> claims;
  std::set<std::string> outlets, keys, counted;
  Interval total;
  bool hedged;
  bool adjectival = false;         // "a 10-year sentence", "the 21-nation group"
  std::set<std::string> modifies;  // what its adjectival claims describe: "sentence", "group"
  const Claim* lead = nullptr;     // the claim whose value the row shows
  bool named_by_clause = false;    // no counted noun: named by its lead's clause
};

// Every figure each sentence states, bare numbers too, by (source, sentence).
using FiguresBySentence = std::map<std::pair<size_t, size_t>, std::vector<double>>;

// Whether any of two claims' intervals (stated or total) overlap.
bool Agree(const Claim& a, const Claim& b);
// One number for an interval: its middle, or its finite end when open.
double Representative(const Interval& i);
double RelativeGap(const Interval& a, const Interval& b);
// A bound one way only: "more than two years", "at least 4,000", "up to 40".
bool OneSidedBound(const Quantity& q);
double SameEventLikeness(ClaimContext& ctx, const Claim& x, const Claim& y);

// A measure names no counted thing ("$800 million in guaranteed contracts",
// "a 50 percent tax"): "amount: 800 million USD" tells a reader nothing, so
// the row is named by the figure's own clause as its source wrote it. Only
// when the clause is the bare figure is the dimension the name. What two
// outlets dispute is named the same way with the figure itself left out
// (Figure::kElided), since the sides differ on it: "left a …-page note at the
// studio", not "page".
enum class Figure : uint8_t { kKept, kElided };
std::string MeasureSubject(ClaimContext& ctx, const Claim& c, const std::string& bare_name,
                           Figure figure_in_name = Figure::kKept);

// How a value is shown (quantity_facts.cc): with its hedge, in its unit, as a range, as written.
std::string WithHedge(const std::string& shown, double value, double low, double high);
std::string DisplayValue(double value, const std::string& unit, const std::string& stated_unit);
std::string RangeValue(const Quantity& q);
std::string MeasureAsWritten(const AnnotatedArticle& a, const Quantity& q);

// Rows about the same thing that no outlet states together and that cannot
// be reconciled (hard), and rows whose outlets word one figure differently
// (approximate), appended to `conflicts`. Reads the rows before
// QuantityFacts narrows each to its stated value.
void QuantityConflicts(ClaimContext& ctx, const std::vector<Claim>& claims,
                       const std::vector<Row>& rows, const FiguresBySentence& figures_in,
                       std::vector<Conflict>& conflicts);

}  // namespace newsfuse::fuse::quantity
