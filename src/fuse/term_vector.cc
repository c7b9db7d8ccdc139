#include "fuse/term_vector.h"

#include <cmath>

namespace newsfuse::fuse {

double Dot(const TermVector& a, const TermVector& b) {
  double dot = 0;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].first < b[j].first)
      ++i;
    else if (a[i].first > b[j].first)
      ++j;
    else
      dot += a[i++].second * b[j++].second;
  }
  return dot;
}

void Normalise(TermVector& v) {
  double n = 0;
  for (const auto& [t, w] : v) n += w * w;
  if (n <= 0) return;
  n = std::sqrt(n);
  for (auto& [t, w] : v) w /= n;
}

TermVector LogFrequencies(const std::vector<uint32_t>& sorted_ids) {
  TermVector v;
  for (size_t i = 0; i < sorted_ids.size();) {
    size_t j = i;
    while (j < sorted_ids.size() && sorted_ids[j] == sorted_ids[i]) ++j;
    v.emplace_back(sorted_ids[i], 1.0 + std::log(static_cast<double>(j - i)));
    i = j;
  }
  return v;
}

}  // namespace newsfuse::fuse
