#include "fuse/claims/report_stamps.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

#include "core/strings.h"

namespace newsfuse::fuse {
namespace {

// A stamp heads the text: the headline's line, or the first sentence after it.
constexpr size_t kHeadSentences = 2;

// A clock time ("12:45", ECB-style "12: 45") within a few bytes of `span`.
bool ClockTimeNear(std::string_view body, Span span) {
  constexpr size_t kNear = 24;
  const size_t from = span.begin > kNear ? span.begin - kNear : 0;
  const size_t to = std::min<size_t>(body.size(), span.end + kNear);
  auto digit = [&](size_t i) {
    return i < to && std::isdigit(static_cast<unsigned char>(body[i])) != 0;
  };
  for (size_t i = from; i < to; ++i) {
    if (body[i] != ':' || i == 0 || !digit(i - 1)) continue;
    size_t j = i + 1;
    if (j < to && body[j] == ' ') ++j;
    if (digit(j) && digit(j + 1) && !digit(j + 2)) return true;
  }
  return false;
}

}  // namespace

bool WrittenWithYear(std::string_view text) {
  for (size_t i = 0; i + 4 <= text.size(); ++i) {
    bool digits = true;
    for (size_t k = 0; k < 4 && digits; ++k)
      digits = std::isdigit(static_cast<unsigned char>(text[i + k])) != 0;
    const bool alone =
        (i == 0 || !std::isalnum(static_cast<unsigned char>(text[i - 1]))) &&
        (i + 4 == text.size() || !std::isalnum(static_cast<unsigned char>(text[i + 4])));
    if (digits && alone) return true;
  }
  return false;
}

bool StampsTheReport(const AnnotatedArticle& a, size_t sentence, const Timex& t) {
  if (sentence >= kHeadSentences || !WrittenWithYear(a.Text(t.span))) return false;
  if (ClockTimeNear(a.body, t.span)) return true;
  // "Published", "Posted", "Last updated" in the few words before the date.
  constexpr size_t kBefore = 32;
  const size_t from = t.span.begin > kBefore ? t.span.begin - kBefore : 0;
  const std::string before = AsciiLower(std::string_view(a.body).substr(from, t.span.begin - from));
  for (std::string_view stamp : {"published", "posted", "updated"})
    if (before.find(stamp) != std::string::npos) return true;
  return false;
}

bool OnItsOwnDay(const AnnotatedArticle& a, size_t sentence, const Timex& t) {
  const auto& p = a.article.published;
  return sentence < kHeadSentences && p && p->precision >= DatePrecision::kDay &&
         t.value.size() == 10 && t.value == p->ToIso().substr(0, 10);
}

}  // namespace newsfuse::fuse
