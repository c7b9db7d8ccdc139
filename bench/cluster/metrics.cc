#include "metrics.h"

#include <map>
#include <set>
#include <utility>

namespace newsfuse::bench {
namespace {

double F1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }
double Pairs(double n) { return n * (n - 1) / 2; }

}  // namespace

// B-cubed (Bagga & Baldwin 1998; Amigó et al. 2009): per item, the share of
// its predicted cluster that shares its gold label (precision) and the share
// of its gold class that shares its predicted cluster (recall), averaged over
// items. Summed per contingency cell: n items each contribute n / |cluster|.
ClusterScores Score(const std::vector<std::string>& predicted,
                    const std::vector<std::string>& gold) {
  ClusterScores s;
  const size_t n = predicted.size();
  if (n == 0 || gold.size() != n) return s;
  std::map<std::pair<std::string, std::string>, double> cells;
  std::map<std::string, double> pred_size, gold_size;
  for (size_t i = 0; i < n; ++i) {
    ++cells[{predicted[i], gold[i]}];
    ++pred_size[predicted[i]];
    ++gold_size[gold[i]];
  }
  double bp = 0, br = 0, tp = 0, pred_pairs = 0, gold_pairs = 0;
  for (const auto& [key, c] : cells) {
    bp += c * c / pred_size[key.first];
    br += c * c / gold_size[key.second];
    tp += Pairs(c);
  }
  for (const auto& [k, c] : pred_size) pred_pairs += Pairs(c);
  for (const auto& [k, c] : gold_size) gold_pairs += Pairs(c);
  s.bcubed_p = bp / n;
  s.bcubed_r = br / n;
  s.bcubed_f1 = F1(s.bcubed_p, s.bcubed_r);
  s.pairwise_p = pred_pairs > 0 ? tp / pred_pairs : 1;
  s.pairwise_r = gold_pairs > 0 ? tp / gold_pairs : 1;
  s.pairwise_f1 = F1(s.pairwise_p, s.pairwise_r);
  s.predicted_clusters = pred_size.size();
  s.gold_clusters = gold_size.size();
  return s;
}

std::vector<MixedStory> Mixes(const std::vector<std::string>& predicted,
                              const std::vector<std::string>& gold,
                              const std::vector<std::string>& related) {
  std::map<std::string, std::map<std::string, std::string>> stories;  // story -> event -> related
  for (size_t i = 0; i < predicted.size(); ++i) stories[predicted[i]][gold[i]] = related[i];
  std::vector<MixedStory> out;
  for (const auto& [story, events] : stories) {
    bool mixed = false;
    for (auto a = events.begin(); a != events.end() && !mixed; ++a) {
      for (auto b = std::next(a); b != events.end() && !mixed; ++b) {
        mixed = a->second.empty() || a->second != b->second;
      }
    }
    if (!mixed) continue;
    MixedStory m{story, {}};
    for (const auto& [event, rel] : events) m.events.push_back(event);
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace newsfuse::bench
