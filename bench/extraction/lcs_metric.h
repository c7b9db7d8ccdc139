// Dragnet's body metric (Peters & Lecocq 2013, after CETR): the extracted and
// gold word tokens are aligned by longest common subsequence, so a repeated
// word counts once per occurrence and order matters; per page
//   P = |LCS| / |extracted|, R = |LCS| / |gold|, F1 = 2PR / (P + R),
// then each is averaged over pages ("mean F1"). Tokens are the \w+ runs of
// shingle_metric.h, so the two metrics read the same words.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace newsfuse::bench {

// Length of the longest common subsequence of two token lists. Bit-parallel
// (Hyyrö 2004): O(|a| * |b| / 64), so a 20,000-token page pair stays cheap.
size_t TokenLcs(const std::vector<std::string>& a, const std::vector<std::string>& b);

struct LcsScore {
  double precision = 0, recall = 0, f1 = 0;  // 0 when the side it divides by is empty
};

LcsScore ScoreLcs(std::string_view predicted, std::string_view gold);

struct LcsTotals {
  double precision = 0, recall = 0, f1 = 0;  // macro means over pages
  int pages = 0;
};

LcsTotals AggregateLcs(const std::vector<LcsScore>& pages);

}  // namespace newsfuse::bench
