#include "fuse/support.h"

#include <algorithm>
#include <string_view>

namespace newsfuse::fuse {

void CountSupport(std::vector<Candidate>& cands, size_t n_terms,
                  const std::vector<std::string>& voice_of, double same_content_threshold) {
  // An inverted index over terms, so each candidate is compared only with
  // candidates it shares a term with. Term ids are dense: term t's postings
  // are postings[first[t], first[t + 1]), in candidate order, all in one
  // array (a vector per term was thousands of allocations per story).
  std::vector<uint32_t> first(n_terms + 1, 0);
  for (const Candidate& c : cands) {
    for (const auto& [t, w] : c.vec) ++first[t + 1];
  }
  for (size_t t = 0; t < n_terms; ++t) first[t + 1] += first[t];
  std::vector<std::pair<uint32_t, double>> postings(first[n_terms]);
  std::vector<uint32_t> next(first.begin(),
                             first.end() - 1);  // where each term's next posting goes
  for (uint32_t i = 0; i < cands.size(); ++i) {
    for (const auto& [t, w] : cands[i].vec) postings[next[t]++] = {i, w};
  }
  for (Candidate& c : cands) c.supporters.assign(1, c.source);
  // Each pair once, from its earlier candidate: the cosine sums the shared
  // terms' products in term order from either side, so it is the same
  // number both ways. `own[t]` is where candidate i's own posting of t
  // stands, as candidates are visited in the order the postings were built.
  std::vector<uint32_t> own(first.begin(), first.end() - 1);
  std::vector<double> acc(cands.size(), 0.0);
  std::vector<uint32_t> touched;
  for (uint32_t i = 0; i < cands.size(); ++i) {
    touched.clear();
    for (const auto& [t, w] : cands[i].vec) {
      for (size_t k = ++own[t]; k < first[t + 1]; ++k) {
        const auto& [j, wj] = postings[k];
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
