#include "extract/timestamps.h"

#include <string>

#include "extract/date_words.h"
#include "extract/rules.h"
#include "extract/text_util.h"

namespace newsfuse::extract_internal {

TimestampScan ScanTimestamps(std::string_view line_in) {
  const Rules& rules = GetRules();
  TimestampScan scan;
  std::string line = CollapseSpace(line_in);
  // Split "At:06:17" into "At:" and "06:17" so the label and the time are seen.
  std::vector<std::string> words;
  for (std::string_view w : SplitWords(line)) {
    size_t colon = w.find(':');
    if (colon != std::string_view::npos && colon > 0 && colon + 1 < w.size() &&
        IsAsciiDigit(w[colon + 1]) && !IsAsciiDigit(w[colon - 1])) {
      words.emplace_back(w.substr(0, colon + 1));
      words.emplace_back(w.substr(colon + 1));
    } else {
      words.emplace_back(w);
    }
  }
  bool updated_mode = false;
  auto add_time = [&](int h, int m, int s, bool has_sec) {
    // A time right after a date without one completes that date.
    if (!scan.stamps.empty() && scan.stamps.back().has_date && !scan.stamps.back().has_time &&
        scan.stamps.back().updated == updated_mode) {
      auto& st = scan.stamps.back();
      st.when.hour = h;
      st.when.minute = m;
      st.when.second = s;
      st.when.precision = has_sec ? DatePrecision::kSecond : DatePrecision::kMinute;
      st.has_time = true;
      return;
    }
    TimestampScan::Stamp st;
    st.when.hour = h;
    st.when.minute = m;
    st.when.second = s;
    st.when.precision = has_sec ? DatePrecision::kSecond : DatePrecision::kMinute;
    st.has_time = true;
    st.updated = updated_mode;
    scan.stamps.push_back(st);
  };
  auto add_date = [&](const DateTime& d) {
    TimestampScan::Stamp st;
    st.when = d;
    st.has_date = true;
    st.updated = updated_mode;
    scan.stamps.push_back(st);
  };

  for (size_t i = 0; i < words.size(); ++i) {
    std::string_view raw = words[i];
    if (IsSeparatorWord(raw)) continue;
    std::string_view w = StripDecor(raw);
    if (w.empty()) continue;
    const std::string lw = AsciiLower(w);
    DateTime d;
    size_t used = 0;
    int h, m, s;
    bool has_sec;
    if (ParseNumericDate(w, &d, &used)) {
      add_date(d);
      if (used < w.size() && (w[used] == 'T' || w[used] == 't') &&
          ParseTimeToken(w.substr(used + 1, 8), &h, &m, &s, &has_sec))
        add_time(h, m, s, has_sec);
      continue;
    }
    if (ParseTimeToken(w, &h, &m, &s, &has_sec)) {
      add_time(h, m, s, has_sec);
      continue;
    }
    // "Feb. 5, 2026" and "5 February 2026".
    if (int mo = MonthFromName(w); mo > 0 && lw.size() >= 3) {
      int day = i + 1 < words.size() ? DayNumber(words[i + 1]) : -1;
      if (day > 0) {
        int year = i + 2 < words.size() ? YearNumber(words[i + 2]) : -1;
        i += year > 0 ? 2 : 1;
        DateTime dt = DateTime::Day(year > 0 ? year : 0, mo, day);
        if (year <= 0 || IsValidDate(year, mo, day)) add_date(dt);
        continue;
      }
      int year = i + 1 < words.size() ? YearNumber(words[i + 1]) : -1;
      if (year > 0) {  // "February 2026": month precision
        ++i;
        DateTime dt;
        dt.year = year;
        dt.month = mo;
        dt.precision = DatePrecision::kMonth;
        add_date(dt);
        continue;
      }
    }
    if (int day = DayNumber(w);
        day > 0 && i + 1 < words.size() && MonthFromName(words[i + 1]) > 0) {
      int mo = MonthFromName(words[i + 1]);
      int year = i + 2 < words.size() ? YearNumber(words[i + 2]) : -1;
      i += year > 0 ? 2 : 1;
      if (year <= 0 || IsValidDate(year, mo, day))
        add_date(DateTime::Day(year > 0 ? year : 0, mo, day));
      continue;
    }
    // "5 hours ago": a small count before a label word is part of the label.
    if (DayNumber(w) > 0 && i + 1 < words.size() &&
        rules.label.count(AsciiLower(StripDecor(words[i + 1])))) {
      ++scan.label_tokens;
      continue;
    }
    if (rules.label.count(lw) || IsWeekday(lw) ||
        (lw.size() > 1 && lw.back() == '.' && IsWeekday(lw.substr(0, lw.size() - 1)))) {
      ++scan.label_tokens;
      if (rules.updated.count(lw)) {
        updated_mode = true;
        scan.has_updated_label = true;
      }
      continue;
    }
    ++scan.other_tokens;
  }
  return scan;
}

}  // namespace newsfuse::extract_internal
