// Per-decision rows for fitting and diagnosis (issue 12, bench only).
//
// With CLUSTER_EVAL_ROWS=FILE, every candidate story each article was scored
// against in real runs (not teacher-forced: the stories are those the
// clusterer actually grew, merges included) becomes one tab-separated row:
// the run, the article's gold event (so a fit can leave one topic out) and
// position, how many of the story's members share it, the story's size,
// whether the article went there, and the model's features. Refits and gates
// were chosen from such rows in sessions 18-21; the header line names the
// columns.
#pragma once

#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "cluster/cluster.h"

namespace newsfuse::bench {

class DecisionRows {
 public:
  // Appends to `path` (nothing when it is empty or cannot be opened).
  explicit DecisionRows(const char* path);
  ~DecisionRows();
  DecisionRows(const DecisionRows&) = delete;
  DecisionRows& operator=(const DecisionRows&) = delete;

  bool on() const { return out_ != nullptr; }
  // A new run (arrival order) starts: story membership is forgotten.
  void StartRun();
  // The decision just made for the article of gold event `gold`; its
  // candidates were scored against the stories as they were before it.
  void Record(const std::string& gold, const ClusterDecision& d);

 private:
  std::FILE* out_ = nullptr;
  int run_ = -1;
  size_t position_ = 0;
  // story id -> gold event -> members
  std::map<std::string, std::map<std::string, int>> members_;
  std::map<std::string, int> seen_;  // gold event -> articles seen this run
};

}  // namespace newsfuse::bench
