#include "analyze/time/time_resolve.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "core/strings.h"

namespace newsfuse::analyze::time {
namespace {

// Leading digits as a number, saturating at a million: no count or date field
// in a timex is larger, and "99999999999 years" must not overflow.
int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) {
    if (!IsAsciiDigit(c)) break;
    v = std::min(v * 10 + (c - '0'), 1000000);
  }
  return v;
}

std::string Format(const char* fmt, int a) {
  char buf[32];
  std::snprintf(buf, sizeof buf, fmt, a);
  return buf;
}

// A cursor over the template text.
struct Cursor {
  std::string_view s;
  size_t i = 0;
  bool Eat(std::string_view word) {
    if (s.substr(i, word.size()) != word) return false;
    i += word.size();
    return true;
  }
  // Digits, optionally with a decimal part; empty when none.
  std::string_view Number() {
    size_t j = i;
    while (j < s.size() && (IsAsciiDigit(s[j]) ||
                            (s[j] == '.' && j > i && j + 1 < s.size() && IsAsciiDigit(s[j + 1]))))
      ++j;
    std::string_view n = s.substr(i, j - i);
    i = j;
    return n;
  }
  // Uppercase unit code: Y M W D Q DE CE WE FN TH TM TS.
  std::string_view Unit() {
    size_t j = i;
    while (j < s.size() && s[j] >= 'A' && s[j] <= 'Z' && j - i < 2) ++j;
    std::string_view u = s.substr(i, j - i);
    // One-letter units followed by another capital belong to the next form ("MT").
    if (u.size() == 2 && u != "DE" && u != "CE" && u != "WE" && u != "FN" && u[0] != 'T')
      u = u.substr(0, 1);
    i += u.size();
    return u;
  }
};

DateTime AddDays(const DateTime& d, int64_t days) {
  return DateFromDaysSinceEpoch(d.DaysSinceEpoch() + days);
}

// Month arithmetic on (year, month).
void AddMonths(int& year, int& month, int delta) {
  int m = year * 12 + (month - 1) + delta;
  year = m / 12;
  month = m % 12 + 1;
}

int Iso8601Weekday(const DateTime& d) { return d.Weekday() + 1; }  // Monday = 1

// Year for a month (and day; 0 for none) without one, by the sentence's tense.
int ChooseYear(const DateTime& a, int month, int day, Tense tense) {
  int here = month * 100 + day, now = a.month * 100 + (day ? a.day : 0);
  switch (tense) {
    case Tense::kPast:
      return here > now ? a.year - 1 : a.year;
    case Tense::kFuture:
      return here < now ? a.year + 1 : a.year;
    case Tense::kUnknown:
      break;
  }
  // No tense: the nearest such date, news leaning to the past on a tie.
  int diff = month - a.month;
  if (diff > 6) return a.year - 1;
  if (diff < -6) return a.year + 1;
  return a.year;
}

int SeasonMonth(std::string_view code) {
  if (code == "SP") return 3;
  if (code == "SU") return 6;
  if (code == "FA") return 9;
  if (code == "WI") return 12;
  return 0;
}

std::string Day(const DateTime& d) { return d.ToIso(); }
std::string Month(int y, int m) { return Format("%04d", y) + "-" + Format("%02d", m); }

// The unit of the calendar containing `d`.
std::optional<std::string> UnitContaining(const DateTime& d, std::string_view unit) {
  if (unit == "D" || unit == "TH" || unit == "TM" || unit == "TS") return Day(d);
  if (unit == "W") return IsoWeek(d);
  if (unit == "WE") return IsoWeek(d) + "-WE";
  if (unit == "M") return Month(d.year, d.month);
  if (unit == "Q") return Format("%04d", d.year) + "-Q" + Format("%d", (d.month - 1) / 3 + 1);
  if (unit == "Y") return Format("%04d", d.year);
  if (unit == "DE") return Format("%03d", d.year / 10);
  if (unit == "CE") return Format("%02d", d.year / 100);
  return std::nullopt;
}

std::optional<std::string> Shift(const DateTime& a, std::string_view unit, int n) {
  if (n > 5000 || n < -5000) return std::nullopt;  // keeps every year in 4 digits' reach
  DateTime d = a;
  if (unit == "D")
    d = AddDays(a, n);
  else if (unit == "W" || unit == "WE")
    d = AddDays(a, 7 * n);
  else if (unit == "FN")
    d = AddDays(a, 14 * n), unit = "D";
  else if (unit == "M" || unit == "Q") {
    int y = a.year, m = a.month;
    AddMonths(y, m, unit == "Q" ? 3 * n : n);
    d = DateTime::Day(y, m, 1);
  } else if (unit == "Y")
    d = DateTime::Day(a.year + n, 1, 1);
  else if (unit == "DE")
    d = DateTime::Day(a.year + 10 * n, 1, 1);
  else if (unit == "CE")
    d = DateTime::Day(a.year + 100 * n, 1, 1);
  else if (unit == "TH" || unit == "TM" || unit == "TS")
    return Day(a);
  return UnitContaining(d, unit);
}

// "DUR-4-Y" -> "P4Y"; "DUR-3-TH" -> "PT3H"; "DUR-1-DE" -> "P10Y"; "DUR-X-W" -> "PXW".
std::optional<std::string> Duration(std::string_view n, std::string_view unit) {
  if (n.empty() || unit.empty()) return std::nullopt;
  bool clock = unit[0] == 'T';
  std::string_view u = clock ? unit.substr(1) : unit;
  if (n == "X") return std::string(clock ? "PTX" : "PX") + std::string(u);
  if (n.size() > 9) return std::nullopt;  // no duration is stated with ten digits
  double v = std::strtod(std::string(n).c_str(), nullptr);
  int mult = 1;
  if (u == "DE")
    u = "Y", mult = 10;
  else if (u == "CE")
    u = "Y", mult = 100;
  else if (u == "Q")
    u = "M", mult = 3;
  else if (u == "FN")
    u = "W", mult = 2;
  v *= mult;
  // Fractions stay as stated ("two and a half years" -> P2.5Y), as TIMEX3 allows.
  char buf[32];
  if (v == std::floor(v))
    std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(v));
  else
    std::snprintf(buf, sizeof buf, "%g", v);
  return std::string(clock ? "PT" : "P") + buf + std::string(u);
}

// "HOUR-8-PM" -> "20:00"; "HOUR-10:30-" -> "10:30".
std::optional<std::string> Clock(Cursor& c) {
  std::string_view h = c.Number();
  if (h.empty()) return std::nullopt;
  int hour = ToInt(h), minute = 0;
  if (c.Eat(":")) minute = ToInt(c.Number());
  c.Eat("-");
  if (c.Eat("PM")) {
    if (hour < 12) hour += 12;
  } else if (c.Eat("AM")) {
    if (hour == 12) hour = 0;
  }
  if (hour > 24 || minute > 59) return std::nullopt;
  return Format("%02d", hour) + ":" + Format("%02d", minute) + (c.Eat("Z") ? "Z" : "");
}

struct Undef {
  const std::optional<DateTime>& anchor;
  Tense tense;
  bool used_anchor = false;

  std::optional<std::string> YearOf(Cursor& c, bool month_only) {
    // MM[-DD] | Qn | SS
    int month = 0, day = 0;
    std::string rest;
    if (c.Eat("Q")) {
      std::string_view q = c.Number();
      if (q.size() != 1 || q[0] < '1' || q[0] > '4') return std::nullopt;
      month = (q[0] - '1') * 3 + 1;
      rest = "Q" + std::string(q);
    } else if (int sm = SeasonMonth(c.s.substr(c.i, 2)); sm) {
      month = sm;
      rest = std::string(c.s.substr(c.i, 2));
      c.i += 2;
    } else {
      std::string_view m = c.Number();
      if (m.size() != 2) return std::nullopt;
      month = ToInt(m);
      rest = std::string(m);
      if (!month_only && c.s.substr(c.i, 1) == "-" && c.i + 2 < c.s.size() &&
          IsAsciiDigit(c.s[c.i + 1])) {
        ++c.i;
        std::string_view d = c.Number();
        day = ToInt(d);
        rest += "-" + std::string(d);
      }
    }
    if (!anchor) return "XXXX-" + rest;
    used_anchor = true;
    return Format("%04d", ChooseYear(*anchor, month, day, tense)) + "-" + rest;
  }

  std::optional<std::string> Weekday(Cursor& c, int direction) {
    std::string_view n = c.Number();
    if (n.size() != 1 || n[0] < '1' || n[0] > '7') return std::nullopt;
    int wd = n[0] - '0';
    if (!anchor) return "XXXX-WXX-" + std::string(n);
    used_anchor = true;
    int aw = Iso8601Weekday(*anchor);
    int back = (aw - wd + 7) % 7, ahead = (wd - aw + 7) % 7;
    if (direction < 0) return Day(AddDays(*anchor, -(back ? back : 7)));
    if (direction > 0) return Day(AddDays(*anchor, ahead ? ahead : 7));
    switch (tense) {
      case Tense::kPast:
        return Day(AddDays(*anchor, -back));
      case Tense::kFuture:
        return Day(AddDays(*anchor, ahead));
      case Tense::kUnknown:
        break;
    }
    return Day(back <= ahead ? AddDays(*anchor, -back) : AddDays(*anchor, ahead));
  }

  std::optional<std::string> DayOfMonth(Cursor& c) {
    std::string_view n = c.Number();
    int day = ToInt(n);
    if (day < 1 || day > 31) return std::nullopt;
    if (!anchor) return "XXXX-XX-" + Format("%02d", day);
    used_anchor = true;
    int y = anchor->year, m = anchor->month, diff = day - anchor->day;
    int shift = 0;
    switch (tense) {
      case Tense::kPast:
        shift = diff > 0 ? -1 : 0;
        break;
      case Tense::kFuture:
        shift = diff < 0 ? 1 : 0;
        break;
      case Tense::kUnknown:
        shift = diff > 15 ? -1 : (diff < -15 ? 1 : 0);
        break;
    }
    AddMonths(y, m, shift);
    return Month(y, m) + "-" + Format("%02d", day);
  }

  std::optional<std::string> MonthRelative(Cursor& c, int direction) {
    std::string_view n = c.Number();
    int month = ToInt(n);
    if (n.size() != 2 || month < 1 || month > 12) return std::nullopt;
    if (!anchor) return "XXXX-" + std::string(n);
    used_anchor = true;
    int y = anchor->year;
    if (direction < 0 && month >= anchor->month) --y;
    if (direction > 0 && month <= anchor->month) ++y;
    return Month(y, month);
  }

  std::optional<std::string> Ref(Cursor& c) {
    std::string_view unit = c.Unit();
    if (unit.empty() || !c.Eat("-")) return std::nullopt;
    int sign = 0;
    if (c.Eat("PLUS") || c.Eat("next") || c.Eat("coming"))
      sign = 1;
    else if (c.Eat("MINUS") || c.Eat("last") || c.Eat("previous") || c.Eat("past"))
      sign = -1;
    if (!sign || !c.Eat("-")) return std::nullopt;
    std::string_view n = c.Number();
    if (n.empty() && c.Eat("X")) return std::string(sign < 0 ? "PAST_REF" : "FUTURE_REF");
    if (n.empty() || n.find('.') != std::string_view::npos)
      return std::string(sign < 0 ? "PAST_REF" : "FUTURE_REF");
    if (!anchor) return std::string(sign < 0 ? "PAST_REF" : "FUTURE_REF");
    used_anchor = true;
    return Shift(*anchor, unit, sign * ToInt(n));
  }

  std::optional<std::string> Parse(Cursor& c) {
    if (c.Eat("year-")) return YearOf(c, false);
    if (c.Eat("month-")) return YearOf(c, true);
    if (c.Eat("lastmonth-")) return MonthRelative(c, -1);
    if (c.Eat("nextmonth-")) return MonthRelative(c, 1);
    if (c.Eat("season-")) return YearOf(c, true);
    if (c.Eat("day-")) return DayOfMonth(c);
    if (c.Eat("weekday-")) return Weekday(c, 0);
    if (c.Eat("last-weekday-")) return Weekday(c, -1);
    if (c.Eat("next-weekday-")) return Weekday(c, 1);
    if (c.Eat("this-weekday-")) return Weekday(c, 0);
    if (c.Eat("this-")) {
      std::string_view unit = c.Unit();
      if (!anchor) return std::string("PRESENT_REF");
      used_anchor = true;
      return UnitContaining(*anchor, unit);
    }
    if (c.Eat("REF-")) return Ref(c);
    return std::nullopt;
  }
};

}  // namespace

std::string IsoWeek(const DateTime& day) {
  // The ISO year and week are those of the Thursday in the same week.
  DateTime thursday = AddDays(day, 3 - day.Weekday());
  int64_t jan1 = DateTime::Day(thursday.year, 1, 1).DaysSinceEpoch();
  int week = static_cast<int>((thursday.DaysSinceEpoch() - jan1) / 7 + 1);
  return Format("%04d", thursday.year) + "-W" + Format("%02d", week);
}

std::optional<ResolvedValue> ResolveValue(std::string_view raw,
                                          const std::optional<DateTime>& anchor, Tense tense) {
  std::optional<DateTime> day_anchor = anchor;
  if (day_anchor && day_anchor->precision < DatePrecision::kDay) day_anchor.reset();
  Undef undef{day_anchor, tense};
  ResolvedValue out;
  Cursor c{raw};
  while (c.i < raw.size()) {
    std::optional<std::string> part;
    if (c.Eat("UNDEF-")) {
      part = undef.Parse(c);
    } else if (c.Eat("DUR-")) {
      std::string_view n = c.Number();
      if (n.empty() && c.Eat("X")) n = "X";
      if (!c.Eat("-")) return std::nullopt;
      part = Duration(n, c.Unit());
    } else if (c.Eat("HOUR-")) {
      part = Clock(c);
    } else if (c.Eat("CENTURY-")) {
      int n = ToInt(c.Number());
      if (n < 1) return std::nullopt;
      part = Format("%02d", n - 1);
    } else {
      out.value += raw[c.i++];
      continue;
    }
    if (!part) return std::nullopt;
    out.value += *part;
  }
  // A stated calendar date must exist.
  const std::string& v = out.value;
  if (v.size() >= 10 && IsAsciiDigit(v[0]) && v[4] == '-' && IsAsciiDigit(v[5]) && v[7] == '-' &&
      IsAsciiDigit(v[8])) {
    int y = ToInt(v), m = ToInt(v.substr(5)), d = ToInt(v.substr(8));
    if (!IsValidDate(y, m, d)) return std::nullopt;
  } else if (v.size() >= 7 && IsAsciiDigit(v[0]) && v[4] == '-' && IsAsciiDigit(v[5])) {
    int m = ToInt(v.substr(5));
    if (m < 1 || m > 12) return std::nullopt;
  }
  out.used_anchor = undef.used_anchor;
  return out;
}

DatePrecision ValuePrecision(std::string_view v) {
  if (v.find('T') != std::string_view::npos && v.size() > 11 && IsAsciiDigit(v.back()))
    return DatePrecision::kMinute;
  if (v.size() >= 10 && v[4] == '-' && v[7] == '-' && IsAsciiDigit(v[8]))
    return DatePrecision::kDay;
  if (v.size() >= 7 && v[4] == '-') return DatePrecision::kMonth;
  if (v.size() >= 4 && IsAsciiDigit(v[0]) && IsAsciiDigit(v[3])) return DatePrecision::kYear;
  if (v.size() >= 1 && IsAsciiDigit(v[0]))
    return DatePrecision::kYear;  // decade "199", century "19"
  return DatePrecision::kDay;     // PRESENT_REF and the like: about a day
}

}  // namespace newsfuse::analyze::time
