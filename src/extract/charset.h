// Bytes in any charset -> UTF-8, with ICU.
//
// Order of evidence: a byte-order mark (or UTF-16's NUL pattern, see
// SniffUtf16 in core/utf8.h); a charset the page declares (<meta
// charset>, http-equiv Content-Type) unless it is UTF-8; bytes that are
// already valid UTF-8; ICU's statistical detector; windows-1252 (the WHATWG
// default for undeclared legacy pages). A page that declares UTF-8 but has a
// few broken bytes is repaired (U+FFFD), not re-decoded; one that declares
// UTF-16 but is not (no BOM, no NUL pattern) is read as UTF-8, as WHATWG does.
#pragma once

#include <string>
#include <string_view>

namespace newsfuse::extract_internal {

// The charset named in the first 4 KB of an HTML page, lowercased; "" if none.
std::string DeclaredCharset(std::string_view html);

// `declared` may be empty. *used receives the charset actually decoded from.
std::string ToUtf8(std::string_view bytes, std::string_view declared, std::string* used);

}  // namespace newsfuse::extract_internal
