#include "fuse/support.h"

#include <algorithm>
#include <string_view>

namespace newsfuse::fuse {

void CountSupport(std::vector<Candidate>& cands, size_t n_terms,
                  const std::vector<std::string>& voice_of, double same_content_threshold) {
  // An inverted index over terms, so each candidate is compared only with
  // candidates it shares a term with. Term ids are dense: a plain vector.
  std::vector<std::vector<std::pair<uint32_t, double>>> postings(n_terms);
  for (uint32_t i = 0; i < cands.size(); ++i) {
    for (const auto& [t, w] : cands[i].vec) postings[t].emplace_back(i, w);
  }
  std::vector<double> acc(cands.size(), 0.0);
  std::vector<uint32_t> touched;
  for (uint32_t i = 0; i < cands.size(); ++i) {
    touched.clear();
    for (const auto& [t, w] : cands[i].vec) {
      for (const auto& [j, wj] : postings[t]) {
        if (acc[j] == 0) touched.push_back(j);
        acc[j] += w * wj;
      }
    }
    std::vector<size_t>& sources = cands[i].supporters;
    sources.assign(1, cands[i].source);
    for (uint32_t j : touched) {
      if (acc[j] >= same_content_threshold) sources.push_back(cands[j].source);
      acc[j] = 0;
    }
    std::sort(sources.begin(), sources.end());
    sources.erase(std::unique(sources.begin(), sources.end()), sources.end());
    std::vector<std::string_view> voices;
    for (size_t s : sources) voices.push_back(voice_of[s]);
    std::sort(voices.begin(), voices.end());
    cands[i].support = static_cast<int>(std::unique(voices.begin(), voices.end()) - voices.begin());
  }
}

}  // namespace newsfuse::fuse
