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
  for (Candidate& c : cands) c.supporters.assign(1, c.source);
  // Each pair once, from its earlier candidate: the cosine sums the shared
  // terms' products in term order from either side, so it is the same
  // number both ways. `next[t]` is where candidate i's own posting of t
  // stands, as candidates are visited in the order the postings were built.
  std::vector<uint32_t> next(n_terms, 0);
  std::vector<double> acc(cands.size(), 0.0);
  std::vector<uint32_t> touched;
  for (uint32_t i = 0; i < cands.size(); ++i) {
    touched.clear();
    for (const auto& [t, w] : cands[i].vec) {
      const auto& list = postings[t];
      for (size_t k = ++next[t]; k < list.size(); ++k) {
        const auto& [j, wj] = list[k];
        if (acc[j] == 0) touched.push_back(j);
        acc[j] += w * wj;
      }
    }
    for (uint32_t j : touched) {
      if (acc[j] >= same_content_threshold) {
        cands[i].supporters.push_back(cands[j].source);
        cands[j].supporters.push_back(cands[i].source);
      }
      acc[j] = 0;
    }
  }
  std::vector<std::string_view> voices;
  for (Candidate& c : cands) {
    std::vector<size_t>& sources = c.supporters;
    std::sort(sources.begin(), sources.end());
    sources.erase(std::unique(sources.begin(), sources.end()), sources.end());
    voices.clear();
    for (size_t s : sources) voices.push_back(voice_of[s]);
    std::sort(voices.begin(), voices.end());
    c.support = static_cast<int>(std::unique(voices.begin(), voices.end()) - voices.begin());
  }
}

}  // namespace newsfuse::fuse
