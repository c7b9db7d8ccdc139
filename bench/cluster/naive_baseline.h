// The peer every clustering figure is quoted beside: single-pass TF-IDF
// centroid clustering with one cosine threshold, as in the published baseline
// of ../shared/bench/news-clustering/SOURCE.md (tools/naive_cluster_baseline.py).
//
// It is deliberately generous to the peer: IDF is learnt from the whole
// stream before clustering starts (a batch TF-IDF fit, as a scikit-learn
// script does), where newsfuse only knows the articles seen so far. Terms are
// newsfuse's own index terms (TermExtractor), so the two differ in the
// algorithm, not in tokenisation.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace newsfuse::bench {

// One document as term ids (duplicates allowed: they are term frequencies).
using TermIds = std::vector<uint32_t>;

class NaiveBaseline {
 public:
  // `docs` is every document of the stream, in any order; `vocabulary` is one
  // past the largest term id.
  NaiveBaseline(const std::vector<TermIds>& docs, size_t vocabulary);

  // Clusters the documents in `order` (indices into docs): each joins the
  // centroid it has the highest cosine with when that reaches `threshold`,
  // else starts a cluster. Returns a cluster number per position of `order`.
  std::vector<int> Cluster(const std::vector<size_t>& order, double threshold) const;

 private:
  // L2-normalised TF-IDF vectors, sparse and sorted by term id.
  std::vector<std::vector<std::pair<uint32_t, double>>> vectors_;
};

}  // namespace newsfuse::bench
