#include "fuse/relevance.h"

#include <algorithm>
#include <cmath>

namespace newsfuse::fuse {
namespace {

// Each weight is a share of the score in [0, 1].
// Agreement across independent outlets is the best evidence a statement is
// both core to the story and reliable, so it weighs most.
constexpr double kSupportWeight = 0.5;
// Centrality stands in for agreement when few outlets overlap, and keeps
// asides and off-topic material out.
constexpr double kCentralityWeight = 0.4;
// News is written as an inverted pyramid: the first sentences carry the
// facts. A small bonus, fading over the first kLeadSentences, breaks ties
// toward them without letting a weak lead beat a confirmed fact.
constexpr double kLeadWeight = 0.1;
constexpr int kLeadSentences = 5;

// The story's centroid: the sum of each source's normalised term vector,
// normalised, as a dense weight per term id (zero for a term it lacks), so
// each candidate's cosine with it costs its own terms, not the story's.
std::vector<double> Centroid(const std::vector<Candidate>& cands, size_t n_sources,
                             size_t n_terms) {
  std::vector<double> centroid(n_terms, 0.0);
  std::vector<TermVector> sums(n_sources);
  for (const auto& c : cands)
    sums[c.source].insert(sums[c.source].end(), c.vec.begin(), c.vec.end());
  for (auto& v : sums) {
    // One source's terms, merged: sorted by term, equal terms summed.
    std::sort(v.begin(), v.end());
    size_t out = 0;
    for (size_t k = 0; k < v.size(); ++k) {
      if (out > 0 && v[out - 1].first == v[k].first)
        v[out - 1].second += v[k].second;
      else
        v[out++] = v[k];
    }
    v.resize(out);
    Normalise(v);
    for (const auto& [t, w] : v) centroid[t] += w;
  }
  double norm = 0;
  for (double w : centroid) norm += w * w;
  if (norm > 0) {
    norm = std::sqrt(norm);
    for (double& w : centroid) w /= norm;
  }
  return centroid;
}

// Dot(vec, centroid) as term_vector.h's Dot sums it: the shared terms'
// products in term order.
double DotWithDense(const TermVector& vec, const std::vector<double>& dense) {
  double dot = 0;
  for (const auto& [t, w] : vec) {
    if (dense[t] != 0) dot += w * dense[t];
  }
  return dot;
}

}  // namespace

void ScoreRelevance(std::vector<Candidate>& cands, size_t n_sources, size_t n_terms,
                    size_t n_voices) {
  const std::vector<double> centroid = Centroid(cands, n_sources, n_terms);
  double max_c = 0;
  for (auto& c : cands) {
    c.centrality = DotWithDense(c.vec, centroid);
    max_c = std::max(max_c, c.centrality);
  }
  for (auto& c : cands) {
    const double support_share =
        n_voices > 1 ? (c.support - 1.0) / static_cast<double>(n_voices - 1) : 0.0;
    const double rel_centrality = max_c > 0 ? c.centrality / max_c : 0.0;
    const double lead = std::max(0.0, 1.0 - static_cast<double>(c.position) / kLeadSentences);
    c.relevance =
        kSupportWeight * support_share + kCentralityWeight * rel_centrality + kLeadWeight * lead;
    c.centrality = rel_centrality;
  }
}

}  // namespace newsfuse::fuse
