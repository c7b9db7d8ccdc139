// Small string helpers shared by the extractor's files. Internal to src/extract.
//
// Everything works on UTF-8 bytes. "Letters" are ASCII letters plus any
// non-ASCII byte (so accented and non-Latin words count as words); case tests
// look at ASCII only, which is all the furniture rules need.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/strings.h"
#include "core/utf8.h"

namespace newsfuse::extract_internal {

// The shared helpers, named here so the extractor's files keep calling them
// unqualified.
using newsfuse::AsciiLower;
using newsfuse::IsAsciiDigit;
using newsfuse::IsAsciiLower;
using newsfuse::IsAsciiSpace;
using newsfuse::IsAsciiUpper;
using newsfuse::Trim;
using newsfuse::Utf8Length;
using newsfuse::Utf8Prefix;

bool IsWordByte(char c);  // ASCII letter/digit or any byte >= 0x80

// Collapses runs of whitespace (ASCII, U+00A0, U+2000..U+200B, U+3000) into
// one space and trims both ends.
std::string CollapseSpace(std::string_view s);
bool StartsWith(std::string_view s, std::string_view prefix);
bool EndsWith(std::string_view s, std::string_view suffix);
bool IStartsWith(std::string_view s, std::string_view prefix);  // ASCII case-insensitive

// Length of a dash at s[pos]: 3 for an em or en dash, 2 for "--", 1 for "-",
// 0 for none.
size_t DashAt(std::string_view s, size_t pos);
// Advances `pos` past ASCII spaces (not tabs or newlines).
void SkipSpaces(std::string_view s, size_t& pos);

// Lines without their terminators ("\n", "\r\n" or "\r").
std::vector<std::string_view> SplitLines(std::string_view text);

// True when the text ends like a sentence: '.', '!', '?', the CJK full stop or the
// ellipsis, optionally followed by closing quotes or brackets.
bool EndsWithTerminal(std::string_view s);

// Whitespace-separated tokens.
std::vector<std::string_view> SplitWords(std::string_view s);

// Lowercased word tokens (runs of word bytes, with inner '.', '\'' and '-' kept
// between word bytes, so "U.S." -> "u.s", "don't" -> "don't").
std::vector<std::string> WordTokens(std::string_view s);

// At least `min_letters` ASCII letters and no ASCII lowercase letter.
bool IsAllCaps(std::string_view s, int min_letters = 3);

// "KYIV" -> "Kyiv", "NEW YORK" -> "New York", "U.S." stays.
std::string TitleCaseWords(std::string_view s);

}  // namespace newsfuse::extract_internal
