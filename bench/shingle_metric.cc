#include "shingle_metric.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <map>

namespace newsfuse::bench {
namespace {

// Python's \w: categories L*, Nd, Nl, No, plus '_' (and Pc is not included
// beyond '_'). Combining marks (Mn, Mc) are deliberately outside.
bool IsWordChar(UChar32 c) {
  if (c == '_') return true;
  switch (u_charType(c)) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
    case U_DECIMAL_DIGIT_NUMBER:
    case U_LETTER_NUMBER:
    case U_OTHER_NUMBER:
      return true;
    default:
      return false;
  }
}

using Shingle = std::vector<std::string>;

std::map<Shingle, int> Shingles(const std::vector<std::string>& tokens) {
  std::map<Shingle, int> out;
  if (tokens.empty()) return out;
  if (tokens.size() < 4) {
    ++out[tokens];
    return out;
  }
  for (size_t i = 0; i + 4 <= tokens.size(); ++i)
    ++out[Shingle(tokens.begin() + i, tokens.begin() + i + 4)];
  return out;
}

}  // namespace

std::vector<std::string> WordTokens(std::string_view text) {
  std::vector<std::string> tokens;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  int32_t i = 0, start = -1;
  while (i < n) {
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    const bool word = c >= 0 && IsWordChar(c);
    if (word && start < 0) start = at;
    if (!word && start >= 0) {
      tokens.emplace_back(text.substr(start, at - start));
      start = -1;
    }
  }
  if (start >= 0) tokens.emplace_back(text.substr(start));
  return tokens;
}

PageScore ScorePage(std::string_view predicted, std::string_view truth) {
  const auto pt = WordTokens(predicted);
  const auto tt = WordTokens(truth);
  PageScore score;
  score.exact = pt == tt;
  const auto ps = Shingles(pt);
  const auto ts = Shingles(tt);
  double tp = 0, fp = 0, fn = 0;
  for (const auto& [sh, c] : ps) {
    auto it = ts.find(sh);
    const int t = it == ts.end() ? 0 : it->second;
    tp += std::min(c, t);
    fp += c > t ? c - t : 0;
  }
  for (const auto& [sh, t] : ts) {
    auto it = ps.find(sh);
    const int c = it == ps.end() ? 0 : it->second;
    fn += t > c ? t - c : 0;
  }
  const double sum = tp + fp + fn;
  if (sum > 0) {
    score.tp = tp / sum;
    score.fp = fp / sum;
    score.fn = fn / sum;
  }
  return score;
}

Totals Aggregate(const std::vector<PageScore>& pages) {
  Totals t;
  double p_sum = 0, r_sum = 0;
  int p_n = 0, r_n = 0, exact = 0;
  for (const auto& s : pages) {
    exact += s.exact;
    if (s.tp + s.fp > 0) {
      p_sum += s.tp / (s.tp + s.fp);
      ++p_n;
    } else if (s.fn == 0) {
      p_sum += 1;  // nothing predicted and nothing expected: perfect
      ++p_n;
    }
    if (s.tp + s.fn > 0) {
      r_sum += s.tp / (s.tp + s.fn);
    } else {
      r_sum += s.fp == 0 ? 1 : 0;
    }
    ++r_n;
  }
  t.pages = static_cast<int>(pages.size());
  t.precision = p_n ? p_sum / p_n : 0;
  t.recall = r_n ? r_sum / r_n : 0;
  t.f1 = t.precision + t.recall > 0 ? 2 * t.precision * t.recall / (t.precision + t.recall) : 0;
  t.accuracy = t.pages ? static_cast<double>(exact) / t.pages : 0;
  return t;
}

}  // namespace newsfuse::bench
