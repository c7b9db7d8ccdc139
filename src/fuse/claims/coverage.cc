#include <algorithm>
#include <set>

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
  std::vector<SourceCoverage> out;
  std::set<std::string> all_outlets;
  for (size_t s = 0; s < ctx.size(); ++s) all_outlets.insert(ctx.outlet_key(s));
  const size_t others = all_outlets.size() - 1;
  for (size_t s = 0; s < ctx.size(); ++s) {
    SourceCoverage c;
    c.source = ctx.source_id(s);
    for (const Fact& f : facts) {
      std::set<std::string> outlets;
      bool here = false;
      for (const std::string& id : f.sources) {
        for (size_t t = 0; t < ctx.size(); ++t) {
          if (ctx.source_id(t) != id) continue;
          outlets.insert(ctx.outlet_key(t));
          here |= ctx.outlet_key(t) == ctx.outlet_key(s);
        }
      }
      if (here && outlets.size() == 1 && others > 0) c.only_here.push_back(f.id);
      const size_t supporters_elsewhere = outlets.size() - (here ? 1 : 0);
      if (!here && supporters_elsewhere >= 2 && supporters_elsewhere * 2 > others) c.missing.push_back(f.id);
    }
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace newsfuse::fuse
