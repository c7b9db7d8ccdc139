#include "naive_baseline.h"

#include <absl/container/flat_hash_map.h>

#include <algorithm>
#include <cmath>
#include <map>

namespace newsfuse::bench {

NaiveBaseline::NaiveBaseline(const std::vector<TermIds>& docs, size_t vocabulary) {
  std::vector<double> df(vocabulary, 0);
  std::vector<std::map<uint32_t, double>> tf(docs.size());
  for (size_t d = 0; d < docs.size(); ++d) {
    for (uint32_t t : docs[d]) ++tf[d][t];
    for (const auto& [t, n] : tf[d]) ++df[t];
  }
  // Smoothed IDF, as scikit-learn's TfidfVectorizer computes it by default.
  const double n = static_cast<double>(docs.size());
  vectors_.resize(docs.size());
  for (size_t d = 0; d < docs.size(); ++d) {
    double norm = 0;
    for (const auto& [t, count] : tf[d]) {
      const double w = count * (std::log((1 + n) / (1 + df[t])) + 1);
      vectors_[d].emplace_back(t, w);
      norm += w * w;
    }
    norm = std::sqrt(norm);
    if (norm > 0) {
      for (auto& [t, w] : vectors_[d]) w /= norm;
    }
  }
}

std::vector<int> NaiveBaseline::Cluster(const std::vector<size_t>& order, double threshold) const {
  // Centroids as sparse sums of member vectors, with their norms kept up to
  // date incrementally: |s + v|^2 = |s|^2 + 2 s.v + |v|^2.
  std::vector<absl::flat_hash_map<uint32_t, double>> sums;
  std::vector<double> sq_norms;
  std::vector<int> out;
  out.reserve(order.size());
  for (size_t d : order) {
    const auto& v = vectors_[d];
    int best = -1;
    double best_cos = -1, best_dot = 0;
    for (size_t c = 0; c < sums.size(); ++c) {
      double dot = 0;
      for (const auto& [t, w] : v) {
        if (auto it = sums[c].find(t); it != sums[c].end()) dot += w * it->second;
      }
      const double cos = sq_norms[c] > 0 ? dot / std::sqrt(sq_norms[c]) : 0;
      if (cos > best_cos) {
        best_cos = cos;
        best_dot = dot;
        best = static_cast<int>(c);
      }
    }
    if (best < 0 || best_cos < threshold) {
      best = static_cast<int>(sums.size());
      sums.emplace_back();
      sq_norms.push_back(0);
      best_dot = 0;
    }
    double v_sq = 0;
    for (const auto& [t, w] : v) {
      sums[best][t] += w;
      v_sq += w * w;
    }
    sq_norms[best] += 2 * best_dot + v_sq;
    out.push_back(best);
  }
  return out;
}

}  // namespace newsfuse::bench
