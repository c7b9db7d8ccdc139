#include "extract/list_words.h"

#include <unicode/listformatter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>

#include <memory>
#include <set>
#include <string>

namespace newsfuse::extract_internal {
namespace {

// "{0} and {1}" for each locale, read by formatting two placeholder items.
// Only letters between them count: a pattern that joins with punctuation
// alone ("、", ", ") gives no word.
std::set<std::string, std::less<>> BuildConjunctions() {
  std::set<std::string, std::less<>> out;
  int32_t count = 0;
  const icu::Locale* locales = icu::Locale::getAvailableLocales(count);
  const icu::UnicodeString items[] = {icu::UnicodeString(u"\uE000"), icu::UnicodeString(u"\uE001")};
  for (int32_t i = 0; i < count; ++i) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::ListFormatter> f(icu::ListFormatter::createInstance(locales[i], status));
    if (U_FAILURE(status) || !f) continue;
    icu::UnicodeString joined;
    f->format(items, 2, joined, status);
    if (U_FAILURE(status)) continue;
    const int32_t a = joined.indexOf(u'\uE000'), b = joined.indexOf(u'\uE001');
    if (a < 0 || b <= a) continue;
    icu::UnicodeString middle = joined.tempSubString(a + 1, b - a - 1);
    middle.trim().toLower(icu::Locale::getRoot());
    bool word = !middle.isEmpty();
    for (int32_t k = 0; k < middle.length(); ++k) word = word && u_isalpha(middle.charAt(k));
    if (!word) continue;
    std::string utf8;
    middle.toUTF8String(utf8);
    out.insert(utf8);
  }
  return out;
}

}  // namespace

bool IsListConjunction(std::string_view lower_word) {
  static const std::set<std::string, std::less<>> kWords = BuildConjunctions();
  return kWords.count(lower_word) > 0;
}

}  // namespace newsfuse::extract_internal
