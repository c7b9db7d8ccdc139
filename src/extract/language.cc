#include "extract/language.h"

#include <cld2/public/compact_lang_det.h>

#include <algorithm>

#include "extract/text_util.h"

namespace newsfuse::extract_internal {

std::string GuessLanguage(const std::vector<std::string>& paragraphs) {
  // CLD2 (Chrome's detector, a Debian package) over the first ~8 KB of
  // body: enough for a reliable call, and a page's language does not change
  // half way. Unreliable calls (a few words, mixed scripts) give "".
  constexpr size_t kSample = 8192;
  std::string sample;
  for (const auto& p : paragraphs) {
    sample += Utf8Prefix(p, kSample - std::min(kSample, sample.size()));
    sample += '\n';
    if (sample.size() >= kSample) break;
  }
  bool reliable = false;
  const CLD2::Language language = CLD2::DetectLanguage(
      sample.data(), static_cast<int>(sample.size()), /*is_plain_text=*/true, &reliable);
  if (!reliable || language == CLD2::UNKNOWN_LANGUAGE) return "";
  return CLD2::LanguageCode(language);
}
}  // namespace newsfuse::extract_internal
