#include <algorithm>
#include <set>
#include <unordered_map>

#include "fuse/claims/builders.h"

namespace newsfuse::fuse {

size_t DistinctOutlets(const ClaimContext& ctx, const std::vector<size_t>& sources) {
  std::set<std::string> outlets;
  for (size_t s : sources) outlets.insert(ctx.outlet_key(s));
  return outlets.size();
}

// "Most others" is a strict majority of the other outlets, and never fewer
// than two: with three sources, what the other two agree on and this one
// omits is worth a reader's attention; with two, one silence is not news.
std::vector<SourceCoverage> BuildCoverage(const ClaimContext& ctx, const std::vector<Fact>& facts) {
  // Outlets as small integers, and each fact's supporting outlets computed
  // once: a 100-source story has hundreds of facts, and comparing id strings
  // per (source, fact, supporter) was the largest cost of fusing it.
  std::unordered_map<std::string, uint32_t> outlet_index, source_outlet;
  std::vector<uint32_t> outlet_of(ctx.size());
  for (size_t s = 0; s < ctx.size(); ++s) {
    auto [it, fresh] =
        outlet_index.try_emplace(ctx.outlet_key(s), static_cast<uint32_t>(outlet_index.size()));
    outlet_of[s] = it->second;
    source_outlet.emplace(ctx.source_id(s), it->second);
  }
  const size_t others = outlet_index.size() - 1;
  std::vector<std::vector<uint32_t>> fact_outlets(facts.size());
  for (size_t f = 0; f < facts.size(); ++f) {
    for (const std::string& id : facts[f].sources) {
      if (auto it = source_outlet.find(id); it != source_outlet.end())
        fact_outlets[f].push_back(it->second);
    }
    std::sort(fact_outlets[f].begin(), fact_outlets[f].end());
    fact_outlets[f].erase(std::unique(fact_outlets[f].begin(), fact_outlets[f].end()),
                          fact_outlets[f].end());
  }
  std::vector<SourceCoverage> out;
  for (size_t s = 0; s < ctx.size(); ++s) {
    SourceCoverage c;
    c.source = ctx.source_id(s);
    for (size_t f = 0; f < facts.size(); ++f) {
      const auto& outlets = fact_outlets[f];
      const bool here = std::binary_search(outlets.begin(), outlets.end(), outlet_of[s]);
      if (here && outlets.size() == 1 && others > 0) c.only_here.push_back(facts[f].id);
      const size_t supporters_elsewhere = outlets.size() - (here ? 1 : 0);
      if (!here && supporters_elsewhere >= 2 && supporters_elsewhere * 2 > others)
        c.missing.push_back(facts[f].id);
    }
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace newsfuse::fuse
