#include "extract/charset.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <memory>

#include "core/utf8.h"
#include "extract/text_util.h"

namespace newsfuse::extract_internal {
namespace {

bool IsUtf8Name(std::string_view n) {
  return n == "utf-8" || n == "utf8" || n == "unicode-1-1-utf-8" || n == "x-unicode20utf8";
}

// WHATWG maps these labels to windows-1252, and real pages that say
// "iso-8859-1" use 0x80-0x9F for curly quotes and dashes.
std::string CanonicalName(std::string n) {
  if (n == "iso-8859-1" || n == "latin1" || n == "us-ascii" || n == "ascii" || n == "l1" ||
      n == "iso8859-1" || n == "cp1252")
    return "windows-1252";
  // A page whose bytes are not UTF-16 (no BOM, no NUL pattern: checked
  // first) but whose <meta> says so is UTF-8, as WHATWG's prescan decides.
  if (n.starts_with("utf-16") || n.starts_with("utf-32") || n == "unicode" || n == "ucs-2")
    return "utf-8";
  return n;
}

// Converts with ICU; "" when the converter cannot be opened.
std::string Convert(std::string_view bytes, const std::string& from) {
  UErrorCode err = U_ZERO_ERROR;
  std::string out;
  out.resize(bytes.size() * 4 + 16);
  int32_t n = ucnv_convert("UTF-8", from.c_str(), out.data(), static_cast<int32_t>(out.size()),
                           bytes.data(), static_cast<int32_t>(bytes.size()), &err);
  if (err == U_BUFFER_OVERFLOW_ERROR) {
    err = U_ZERO_ERROR;
    out.resize(static_cast<size_t>(n) + 1);
    n = ucnv_convert("UTF-8", from.c_str(), out.data(), static_cast<int32_t>(out.size()),
                     bytes.data(), static_cast<int32_t>(bytes.size()), &err);
  }
  if (U_FAILURE(err)) return {};
  out.resize(static_cast<size_t>(n));
  return out;
}

std::string Detect(std::string_view bytes) {
  UErrorCode err = U_ZERO_ERROR;
  UCharsetDetector* det = ucsdet_open(&err);
  if (U_FAILURE(err)) return {};
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> guard(det, ucsdet_close);
  const auto sample = bytes.substr(0, 1 << 16);
  ucsdet_enableInputFilter(det, true);  // ignore markup
  ucsdet_setText(det, sample.data(), static_cast<int32_t>(sample.size()), &err);
  const UCharsetMatch* m = ucsdet_detect(det, &err);
  if (U_FAILURE(err) || !m) return {};
  int32_t conf = ucsdet_getConfidence(m, &err);
  const char* name = ucsdet_getName(m, &err);
  if (U_FAILURE(err) || !name || conf < 30) return {};
  return AsciiLower(name);
}

}  // namespace

std::string DeclaredCharset(std::string_view html) {
  const std::string head = AsciiLower(html.substr(0, 4096));
  size_t pos = 0;
  while ((pos = head.find("charset", pos)) != std::string::npos) {
    pos += 7;
    size_t p = pos;
    while (p < head.size() && (head[p] == ' ' || head[p] == '\t')) ++p;
    if (p >= head.size() || head[p] != '=') continue;
    ++p;
    while (p < head.size() && (head[p] == ' ' || head[p] == '"' || head[p] == '\'')) ++p;
    size_t e = p;
    while (e < head.size() && (IsWordByte(head[e]) || head[e] == '-' || head[e] == '_' ||
                               head[e] == ':' || head[e] == '.'))
      ++e;
    if (e > p && e - p < 40) return head.substr(p, e - p);
  }
  return {};
}

std::string ToUtf8(std::string_view bytes, std::string_view declared_in, std::string* used) {
  auto set_used = [&](const std::string& n) {
    if (used) *used = n;
  };
  if (StartsWith(bytes, "\xEF\xBB\xBF")) {
    bytes.remove_prefix(3);
  } else if (const auto utf16 = SniffUtf16(bytes)) {
    // Before the declared charset: a UTF-16 page's <meta charset> can only be
    // read once it is decoded, and its bytes cannot be anything else.
    set_used(utf16->order == Utf16Order::kLittleEndian ? "utf-16le" : "utf-16be");
    return Utf16ToUtf8(bytes.substr(utf16->bom_bytes), utf16->order);
  }
  const std::string declared = CanonicalName(AsciiLower(Trim(declared_in)));
  const bool valid = !FirstInvalidUtf8(bytes).has_value();
  if (!declared.empty() && !IsUtf8Name(declared)) {
    std::string out = Convert(bytes, declared);
    if (!out.empty() || bytes.empty()) {
      set_used(declared);
      return out;
    }
  }
  if (valid) {
    set_used("utf-8");
    return std::string(bytes);
  }
  if (IsUtf8Name(declared)) {
    // Declared UTF-8 with some bad bytes: keep the good ones, substitute the rest.
    set_used("utf-8");
    return Convert(bytes, "utf-8");
  }
  std::string detected = Detect(bytes);
  if (!detected.empty() && !IsUtf8Name(detected)) {
    std::string out = Convert(bytes, CanonicalName(detected));
    if (!out.empty()) {
      set_used(CanonicalName(detected));
      return out;
    }
  }
  set_used("windows-1252");
  return Convert(bytes, "windows-1252");
}

}  // namespace newsfuse::extract_internal
