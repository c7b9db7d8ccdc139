#include "cluster/event_evidence.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <string_view>

namespace newsfuse::cluster {
namespace {

bool Digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
  });
}

int Number(std::string_view s) {
  int n = 0;
  for (char c : s) n = n * 10 + (c - '0');
  return n;
}

// Days since a fixed origin within the year (month-day arithmetic that is
// exact enough for "one day apart": month lengths differ by at most 3 days,
// and only month ends are affected).
int DayOfYear(DayKey k) {
  static constexpr int kBefore[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
  const int month = static_cast<int>(k / 100 % 100);
  return kBefore[std::clamp(month, 1, 12) - 1] + static_cast<int>(k % 100);
}

bool Near(DayKey a, DayKey b) {
  const uint32_t ya = a / 10000, yb = b / 10000;
  if (ya != 0 && yb != 0 && ya != yb) {
    // New Year's Eve and Day are one day apart across the years.
    if (ya + 1 == yb) return a % 10000 == 1231 && b % 10000 == 101;
    if (yb + 1 == ya) return b % 10000 == 1231 && a % 10000 == 101;
    return false;
  }
  return std::abs(DayOfYear(a) - DayOfYear(b)) <= 1;
}

}  // namespace

std::vector<DayKey> MentionedDays(const AnnotatedArticle& a) {
  std::vector<DayKey> out;
  for (const Timex& t : a.timexes) {
    if (t.type != Timex::Type::kDate && t.type != Timex::Type::kTime) continue;
    // "2008-09-15", "XXXX-11-19", "2011-11-10T14:00"; not weeks, seasons or ranges' ends.
    const std::string_view v(t.value);
    if (v.size() < 10 || v[4] != '-' || v[7] != '-') continue;
    if (v.size() > 10 && v[10] != 'T') continue;
    const std::string_view year = v.substr(0, 4), month = v.substr(5, 2), day = v.substr(8, 2);
    if (!Digits(month) || !Digits(day)) continue;
    if (year != "XXXX" && !Digits(year)) continue;
    const int m = Number(month), d = Number(day);
    if (m < 1 || m > 12 || d < 1 || d > 31) continue;
    const int y = year == "XXXX" ? 0 : Number(year);
    out.push_back(static_cast<DayKey>(y * 10000 + m * 100 + d));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool ShareDay(const std::vector<DayKey>& a, const TermWeights& story) {
  // Both are short (a story keeps a few dozen days), so all pairs are cheap.
  for (DayKey x : a) {
    for (const auto& [y, n] : story) {
      if (Near(x, y)) return true;
    }
  }
  return false;
}

std::string DayTerm(DayKey day) { return "\x03" + std::to_string(day); }

std::vector<DayKey> SpecificDays(const std::vector<DayKey>& days,
                                 const std::vector<uint32_t>& terms,
                                 const std::vector<uint32_t>& df, uint64_t docs, double max_share) {
  // A stream shorter than one article in max_share cannot show a news cycle.
  if (max_share <= 0 || static_cast<double>(docs) * max_share < 1) return days;
  std::vector<DayKey> out;
  for (size_t i = 0; i < days.size(); ++i) {
    if (df[terms[i]] <= max_share * static_cast<double>(docs)) out.push_back(days[i]);
  }
  return out;
}

int LatestYear(const AnnotatedArticle& a) {
  int latest = a.article.published ? a.article.published->year : 0;
  for (const Timex& t : a.timexes) {
    if (t.type != Timex::Type::kDate && t.type != Timex::Type::kTime) continue;
    const std::string_view v(t.value);
    if (v.size() < 4 || !Digits(v.substr(0, 4)) ||
        (v.size() > 4 && std::isdigit(static_cast<unsigned char>(v[4]))))
      continue;
    const int y = Number(v.substr(0, 4));
    // Four digits that are no year of news ("1000 troops" misread) are not evidence.
    if (y >= 1800 && y <= 2200) latest = std::max(latest, y);
  }
  return latest;
}

bool IsActor(const Entity& e) {
  return e.type == EntityType::kPerson || e.type == EntityType::kOther;
}

}  // namespace newsfuse::cluster
