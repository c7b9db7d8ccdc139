#include "store/search_text.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>

#include <cctype>

namespace newsfuse::store_internal {

std::string CollapseWhitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

namespace {

bool IsWordChar(UChar32 c) {
  switch (u_charType(c)) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
    case U_DECIMAL_DIGIT_NUMBER:
    case U_LETTER_NUMBER:
    case U_OTHER_NUMBER:
    case U_PRIVATE_USE_CHAR:  // unicode61 keeps these as token characters too
      return true;
    default:
      return false;
  }
}

}  // namespace

std::string SearchWords(std::string_view text) {
  // Pure ASCII (most English news) needs no normalisation: skip ICU.
  bool ascii = true;
  for (char c : text) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) {
    std::string out(text);
    for (char& c : out) {
      if (std::isalnum(static_cast<unsigned char>(c)) == 0) c = ' ';
    }
    return out;
  }

  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return std::string(text);
  icu::UnicodeString decomposed =
      nfd->normalize(icu::UnicodeString::fromUTF8(
                         icu::StringPiece(text.data(), static_cast<int32_t>(text.size()))),
                     status);
  if (U_FAILURE(status)) return std::string(text);
  icu::UnicodeString kept;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    if (u_charType(c) != U_NON_SPACING_MARK) kept.append(IsWordChar(c) ? c : UChar32{' '});
    i += U16_LENGTH(c);
  }
  icu::UnicodeString composed = nfc->normalize(kept, status);
  if (U_FAILURE(status)) return std::string(text);
  std::string out;
  composed.toUTF8String(out);
  return out;
}

std::string MergeAdjacentMarks(std::string_view snippet) {
  std::string out;
  out.reserve(snippet.size());
  for (size_t i = 0; i < snippet.size(); ++i) {
    if (snippet[i] == ']') {
      size_t j = i + 1;
      while (j < snippet.size() && snippet[j] == ' ') ++j;
      if (j > i + 1 && j < snippet.size() && snippet[j] == '[') {
        out.append(snippet.substr(i + 1, j - i - 1));  // the spaces, without "] ["
        i = j;
        continue;
      }
    }
    out += snippet[i];
  }
  return out;
}

}  // namespace newsfuse::store_internal
