#include "date_truth.h"

#include <cctype>

namespace newsfuse::bench {
namespace {

bool Digit(char c) { return c >= '0' && c <= '9'; }

// Reads exactly `n` digits at s[pos].
int Read(std::string_view s, size_t pos, size_t n) {
  if (pos + n > s.size()) return -1;
  int v = 0;
  for (size_t i = 0; i < n; ++i) {
    if (!Digit(s[pos + i])) return -1;
    v = v * 10 + (s[pos + i] - '0');
  }
  return v;
}

std::optional<DateTime> Valid(int y, int m, int d) {
  if (y < 1995 || y > 2030 || !IsValidDate(y, m, d)) return std::nullopt;
  return DateTime::Day(y, m, d);
}

}  // namespace

std::optional<DateTime> DayFromUrl(std::string_view url) {
  const size_t scheme = url.find("://");
  const size_t path = url.find('/', scheme == std::string_view::npos ? 0 : scheme + 3);
  if (path == std::string_view::npos) return std::nullopt;
  url = url.substr(path);
  for (size_t i = 1; i < url.size(); ++i) {
    if (!Digit(url[i]) || Digit(url[i - 1])) continue;
    const int y = Read(url, i, 4);
    if (y < 0) continue;
    size_t p = i + 4;
    // "/2019/11/19", "/2019/1/9", "2019-11-19".
    if (p < url.size() && (url[p] == '/' || url[p] == '-')) {
      const char sep = url[p];
      size_t q = p + 1;
      const size_t m_len = q + 1 < url.size() && Digit(url[q + 1]) ? 2 : 1;
      const int m = Read(url, q, m_len);
      q += m_len;
      if (m < 0 || q >= url.size() || url[q] != sep) continue;
      ++q;
      const size_t d_len = q + 1 < url.size() && Digit(url[q + 1]) ? 2 : 1;
      const int d = Read(url, q, d_len);
      q += d_len;
      if (d < 0 || (q < url.size() && Digit(url[q]))) continue;
      if (auto t = Valid(y, m, d)) return t;
      continue;
    }
    // "-20191115/": eight digits standing alone.
    const int m = Read(url, p, 2), d = Read(url, p + 2, 2);
    if (m < 0 || d < 0 || (p + 4 < url.size() && Digit(url[p + 4]))) continue;
    if (auto t = Valid(y, m, d)) return t;
  }
  return std::nullopt;
}

}  // namespace newsfuse::bench
