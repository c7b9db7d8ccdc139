#include "lcs_metric.h"

#include <bit>
#include <cstdint>
#include <unordered_map>

#include "shingle_metric.h"

namespace newsfuse::bench {

size_t TokenLcs(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.empty() || b.empty()) return 0;
  const size_t words = (a.size() + 63) / 64;
  // For each distinct token of `a`, the bit set of its positions in `a`.
  std::unordered_map<std::string_view, std::vector<uint64_t>> match;
  for (size_t i = 0; i < a.size(); ++i) {
    auto& bits = match[a[i]];
    if (bits.empty()) bits.assign(words, 0);
    bits[i / 64] |= uint64_t{1} << (i % 64);
  }
  // V has a 0 bit at each position that ends a longer common subsequence.
  std::vector<uint64_t> v(words, ~uint64_t{0});
  for (const std::string& token : b) {
    auto it = match.find(token);
    if (it == match.end()) continue;
    const std::vector<uint64_t>& m = it->second;
    uint64_t carry = 0;
    for (size_t w = 0; w < words; ++w) {
      const uint64_t u = v[w] & m[w];
      // (v + u) with carry across words, then | (v - u).
      const uint64_t sum = v[w] + u;
      const uint64_t sum_c = sum + carry;
      const uint64_t next_carry = (sum < v[w]) || (sum_c < sum) ? 1 : 0;
      v[w] = sum_c | (v[w] - u);
      carry = next_carry;
    }
  }
  size_t zeros = 0;
  for (size_t w = 0; w < words; ++w) {
    uint64_t x = ~v[w];
    if (w + 1 == words && a.size() % 64 != 0) x &= (uint64_t{1} << (a.size() % 64)) - 1;
    zeros += static_cast<size_t>(std::popcount(x));
  }
  return zeros;
}

LcsScore ScoreLcs(std::string_view predicted, std::string_view gold) {
  const auto p = WordTokens(predicted), g = WordTokens(gold);
  const double lcs = static_cast<double>(TokenLcs(g, p));
  LcsScore s;
  if (!p.empty()) s.precision = lcs / static_cast<double>(p.size());
  if (!g.empty()) s.recall = lcs / static_cast<double>(g.size());
  if (s.precision + s.recall > 0) s.f1 = 2 * s.precision * s.recall / (s.precision + s.recall);
  return s;
}

LcsTotals AggregateLcs(const std::vector<LcsScore>& pages) {
  LcsTotals t;
  for (const LcsScore& s : pages) {
    t.precision += s.precision;
    t.recall += s.recall;
    t.f1 += s.f1;
  }
  t.pages = static_cast<int>(pages.size());
  if (t.pages > 0) {
    t.precision /= t.pages;
    t.recall /= t.pages;
    t.f1 /= t.pages;
  }
  return t;
}

}  // namespace newsfuse::bench
