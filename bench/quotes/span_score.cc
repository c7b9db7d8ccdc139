#include "span_score.h"

#include <algorithm>
#include <tuple>

namespace newsfuse::bench {
namespace {

bool Trimmable(char32_t c) {
  switch (c) {
    case U' ':
    case U'\n':
    case U'\t':
    case U'"':
    case U'\'':
    case U'\u201C':
    case U'\u201D':
    case U'\u2018':
    case U'\u2019':
    case U'.':
    case U',':
    case U';':
    case U':':
    case U'\u00AB':
    case U'\u00BB':
      return true;
    default:
      return false;
  }
}

}  // namespace

CpSpan Normalise(const std::u32string& text, CpSpan s) {
  s.end = std::min<uint32_t>(s.end, static_cast<uint32_t>(text.size()));
  while (s.begin < s.end && Trimmable(text[s.begin])) ++s.begin;
  while (s.end > s.begin && Trimmable(text[s.end - 1])) --s.end;
  // PolNeAR keeps the complementizer in a reported clause ("that most
  // workers won't be affected"); our content starts after it.
  if (s.end - s.begin > 5 && (text[s.begin] == U't' || text[s.begin] == U'T') &&
      text[s.begin + 1] == U'h' && text[s.begin + 2] == U'a' && text[s.begin + 3] == U't' &&
      text[s.begin + 4] == U' ') {
    s.begin += 5;
  }
  return s;
}

std::vector<CpSpan> Prepare(const std::u32string& text, std::vector<CpSpan> spans) {
  for (CpSpan& s : spans) s = Normalise(text, s);
  spans.erase(
      std::remove_if(spans.begin(), spans.end(), [](const CpSpan& s) { return s.begin >= s.end; }),
      spans.end());
  std::sort(spans.begin(), spans.end());
  spans.erase(std::unique(spans.begin(), spans.end()), spans.end());
  return spans;
}

Tally ScoreExact(const std::vector<CpSpan>& predicted, const std::vector<CpSpan>& gold) {
  Tally t;
  t.predicted = predicted.size();
  t.gold = gold.size();
  for (const CpSpan& p : predicted) {
    if (std::binary_search(gold.begin(), gold.end(), p)) ++t.matched;
  }
  return t;
}

Tally ScoreOverlap(const std::vector<CpSpan>& predicted, const std::vector<CpSpan>& gold) {
  Tally t;
  t.predicted = predicted.size();
  t.gold = gold.size();
  std::vector<std::tuple<uint32_t, size_t, size_t>> pairs;  // overlap, pred, gold
  for (size_t i = 0; i < predicted.size(); ++i) {
    for (size_t j = 0; j < gold.size(); ++j) {
      const uint32_t lo = std::max(predicted[i].begin, gold[j].begin);
      const uint32_t hi = std::min(predicted[i].end, gold[j].end);
      if (lo < hi) pairs.emplace_back(hi - lo, i, j);
    }
  }
  std::sort(pairs.begin(), pairs.end(),
            [](const auto& a, const auto& b) { return std::get<0>(a) > std::get<0>(b); });
  std::vector<bool> used_p(predicted.size()), used_g(gold.size());
  for (const auto& [overlap, i, j] : pairs) {
    if (used_p[i] || used_g[j]) continue;
    used_p[i] = used_g[j] = true;
    ++t.matched;
  }
  return t;
}

Tally ScoreHead(const std::u32string& text, const std::vector<CpSpan>& predicted,
                const std::vector<CpSpan>& gold) {
  Tally t;
  t.predicted = predicted.size();
  t.gold = gold.size();
  std::vector<bool> used(gold.size());
  for (const CpSpan& p : predicted) {
    for (size_t j = 0; j < gold.size(); ++j) {
      const CpSpan& g = gold[j];
      if (used[j] || p.begin < g.begin || p.end > g.end) continue;
      if (p.end == g.end || (p.end < text.size() && text[p.end] == U',')) {
        used[j] = true;
        ++t.matched;
        break;
      }
    }
  }
  return t;
}

}  // namespace newsfuse::bench
