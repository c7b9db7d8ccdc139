// The ScrapingHub article-extraction benchmark's metric, re-implemented from
// its definition (shared/bench/article-extraction/SOURCE.md):
//   tokens   = Unicode \w+ runs (letters, numbers, '_'; combining marks excluded)
//   shingles = consecutive 4-grams of tokens (a text of < 4 tokens is one shingle)
//   per page = multiset tp/fp/fn, normalised by their sum
//   P, R     = means over pages (P only over pages with tp+fp > 0), F1 = 2PR/(P+R)
//   accuracy = share of pages whose token lists are identical
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace newsfuse::bench {

std::vector<std::string> WordTokens(std::string_view text);

struct PageScore {
  double tp = 0, fp = 0, fn = 0;  // normalised by tp + fp + fn
  bool exact = false;
};

PageScore ScorePage(std::string_view predicted, std::string_view truth);

struct Totals {
  double precision = 0, recall = 0, f1 = 0, accuracy = 0;
  int pages = 0;
};

Totals Aggregate(const std::vector<PageScore>& pages);

}  // namespace newsfuse::bench
