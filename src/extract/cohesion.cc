#include "extract/cohesion.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string_view>

#include "extract/text_util.h"

namespace newsfuse::extract_internal {
namespace {

using Vec = std::map<std::string, double>;

// Function words and reporting verbs: present in every story, so they say
// nothing about which story a paragraph belongs to.
bool IsStop(std::string_view w) {
  static const std::set<std::string, std::less<>> kStop = {
      "the",     "and",     "for",   "that",  "with",   "was",    "were",   "are",     "has",
      "have",    "had",     "this",  "which", "from",   "not",    "but",    "his",     "her",
      "their",   "its",     "will",  "would", "could",  "should", "been",   "being",   "said",
      "says",    "say",     "also",  "after", "before", "about",  "into",   "over",    "than",
      "then",    "they",    "them",  "there", "these",  "those",  "who",    "whom",    "what",
      "when",    "where",   "while", "there", "our",    "out",    "more",   "most",    "some",
      "such",    "only",    "other", "any",   "all",    "can",    "did",    "does",    "just",
      "very",    "one",     "two",   "new",   "like",   "many",   "much",   "through", "since",
      "between", "both",    "each",  "him",   "she",    "you",    "your",   "how",     "why",
      "think",   "there's", "it's",  "i'm",   "lot",    "way",    "people", "time",    "year",
      "years",   "last",    "first", "now",   "still",  "even",   "well",   "because"};
  return kStop.count(w) > 0;
}

std::string Stem(std::string w) {
  if (EndsWith(w, "'s")) w.resize(w.size() - 2);
  if (w.size() > 4 && EndsWith(w, "ies"))
    w = w.substr(0, w.size() - 3) + "y";
  else if (w.size() > 4 && w.back() == 's' && !EndsWith(w, "ss"))
    w.pop_back();
  return w;
}

Vec Counts(const std::string& p) {
  Vec v;
  for (auto& t : WordTokens(Utf8Prefix(p, 20000))) {
    if (t.size() < 3 || IsStop(t)) continue;
    bool digits = true;
    for (char c : t) digits &= IsAsciiDigit(c) || c == '.' || c == '-';
    if (digits) continue;
    v[Stem(t)] += 1;
  }
  return v;
}

void Add(Vec& into, const Vec& v, double sign = 1) {
  for (auto& [k, x] : v) into[k] += sign * x;
}

// Sublinear term weights: one word repeated ten times is not ten words of overlap.
double Weight(double c);

double Cosine(const Vec& a, const Vec& b) {
  auto w = Weight;
  double dot = 0, na = 0, nb = 0;
  for (auto& [k, x] : a) {
    na += w(x) * w(x);
    auto it = b.find(k);
    if (it != b.end()) dot += w(x) * w(it->second);
  }
  for (auto& [k, x] : b) nb += w(x) * w(x);
  return na > 0 && nb > 0 ? dot / std::sqrt(na * nb) : 0;
}

double Weight(double c) { return c > 0 ? 1 + std::log(c) : 0; }

// Mean over paragraphs in [lo,hi) of cos(paragraph, rest of the range). The
// rest's vector is never built: its norm is the range's norm corrected on the
// paragraph's own words, so the cost is linear in the words of the range.
double SelfCohesion(const std::vector<Vec>& v, size_t lo, size_t hi) {
  if (hi - lo < 2) return 0;
  Vec sum;
  for (size_t i = lo; i < hi; ++i) Add(sum, v[i]);
  double sum_norm = 0;
  for (auto& [k, x] : sum) sum_norm += Weight(x) * Weight(x);
  double total = 0;
  for (size_t i = lo; i < hi; ++i) {
    double dot = 0, own = 0, rest_norm = sum_norm;
    for (auto& [k, x] : v[i]) {
      const double all = sum.find(k)->second;
      const double rest = Weight(all - x);
      own += Weight(x) * Weight(x);
      dot += Weight(x) * rest;
      rest_norm += rest * rest - Weight(all) * Weight(all);
    }
    if (own > 0 && rest_norm > 1e-9) total += dot / std::sqrt(own * rest_norm);
  }
  return total / static_cast<double>(hi - lo);
}

}  // namespace

DriftReport FindTopicDrift(const std::vector<std::string>& paragraphs) {
  const size_t n = paragraphs.size();
  DriftReport best{n};
  if (n < 5) return best;
  std::vector<Vec> v;
  std::vector<size_t> sizes;
  for (const auto& p : paragraphs) {
    v.push_back(Counts(p));
    double s = 0;
    for (auto& [k, x] : v.back()) s += x;
    sizes.push_back(static_cast<size_t>(s));
  }
  // A glued-on story is a few paragraphs at the end, so only cuts that leave
  // at most kMaxTail paragraphs are tried, and the head's own cohesion is
  // measured on the kHeadWindow paragraphs before the cut. Both bounds keep
  // a 2 MB page of short lines linear (unbounded, 100 kB took 9 s).
  constexpr size_t kMinHead = 3, kMinTail = 2, kMinTailWords = 40;
  constexpr size_t kMaxTail = 40, kHeadWindow = 200;
  const size_t first = std::max(kMinHead, n > kMaxTail ? n - kMaxTail : 0);
  Vec head, tail;
  size_t tail_words = 0;
  for (size_t i = 0; i < first; ++i) Add(head, v[i]);
  for (size_t i = first; i < n; ++i) {
    Add(tail, v[i]);
    tail_words += sizes[i];
  }
  for (size_t k = first; k + kMinTail <= n; ++k) {
    if (k > first) {  // move paragraph k-1 from the tail to the head
      Add(head, v[k - 1]);
      Add(tail, v[k - 1], -1);
      tail_words -= sizes[k - 1];
    }
    if (tail_words < kMinTailWords) continue;
    const double ht = Cosine(head, tail);
    const double hs = SelfCohesion(v, k > kHeadWindow ? k - kHeadWindow : 0, k);
    const double ts = SelfCohesion(v, k, n);
    // A sharp drop: the tail is nearly unrelated to the head in absolute
    // terms, far less related than the head is to itself, and held together
    // by its own vocabulary (so it is another story, not a miscellany).
    const bool drift = ht < 0.12 && ht < 0.4 * hs && ts > 1.5 * ht;
    if (drift && (best.cut == n || ht < best.head_tail)) best = {k, ht, hs, ts};
  }
  return best;
}

}  // namespace newsfuse::extract_internal
