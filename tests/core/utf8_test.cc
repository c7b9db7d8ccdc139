#include "core/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace newsfuse {
namespace {

TEST(Utf8Test, AcceptsValidMultibyteText) {
  EXPECT_FALSE(FirstInvalidUtf8("Zaporizhzhia — Europe’s largest"));
  EXPECT_FALSE(FirstInvalidUtf8(""));
}

TEST(Utf8Test, ReportsOffsetOfFirstBadByte) {
  EXPECT_EQ(FirstInvalidUtf8("abc\xff"
                             "def"),
            3u);
  EXPECT_EQ(FirstInvalidUtf8("\xc0\xaf"), 0u);        // overlong '/'
  EXPECT_EQ(FirstInvalidUtf8("ok\xed\xa0\x80"), 2u);  // UTF-16 surrogate
  EXPECT_EQ(FirstInvalidUtf8("ab\xe2\x80"), 2u);      // truncated sequence
}

TEST(Utf8Test, BinaryDetection) {
  EXPECT_FALSE(LooksBinary("Plain news text.\n\tIndented line.\r\n"));
  std::string noisy(200, 'a');
  for (size_t i = 10; i < 80; i += 10) noisy[i] = static_cast<char>(i / 10);  // 7 controls in 200
  EXPECT_TRUE(LooksBinary(noisy));
  std::string nuls(2000, 'a');
  for (size_t i = 0; i < 2000; i += 50) nuls[i] = '\0';  // 40 NULs: 2%
  EXPECT_TRUE(LooksBinary(nuls));
}

TEST(Utf8Test, AFewStrayNulsAreNotBinary) {
  std::string page(3000, 'a');
  page[1500] = '\0';
  EXPECT_FALSE(LooksBinary(page));
  EXPECT_FALSE(LooksBinary(std::string("text\0more", 9)));  // one NUL, however short
  std::string four(100, 'a');
  for (size_t i : {5, 25, 45, 65}) four[i] = '\0';
  EXPECT_FALSE(LooksBinary(four));
}

TEST(Utf8Test, CharsetShiftsAreNotBinary) {
  // ISO-2022-JP switches scripts with ESC sequences: text, not binary.
  std::string jis;
  for (int i = 0; i < 40; ++i) jis += "\x1b$B$3$s\x1b(B ok ";
  EXPECT_FALSE(LooksBinary(jis));
}

std::string Utf16(std::string_view ascii, bool little, bool bom) {
  std::string out = bom ? (little ? "\xFF\xFE" : "\xFE\xFF") : "";
  for (char c : ascii) {
    out += little ? std::string{c, '\0'} : std::string{'\0', c};
  }
  return out;
}

TEST(Utf8Test, Utf16IsSniffedByBomOrNulPatternAndIsNotBinary) {
  const std::string html =
      "<html><head><title>Flood warning</title></head><body><p>Rivers rose.</p></body></html>";
  for (bool little : {true, false}) {
    for (bool bom : {true, false}) {
      const std::string bytes = Utf16(html, little, bom);
      const auto sniff = SniffUtf16(bytes);
      ASSERT_TRUE(sniff.has_value()) << little << bom;
      EXPECT_EQ(sniff->order, little ? Utf16Order::kLittleEndian : Utf16Order::kBigEndian);
      EXPECT_EQ(sniff->bom_bytes, bom ? 2u : 0u);
      EXPECT_FALSE(LooksBinary(bytes));
      EXPECT_EQ(Utf16ToUtf8(std::string_view(bytes).substr(sniff->bom_bytes), sniff->order), html);
    }
  }
  EXPECT_FALSE(SniffUtf16("\xEF\xBB\xBFplain UTF-8 with its own BOM").has_value());
  EXPECT_FALSE(SniffUtf16("plain ASCII text that is long enough to sample").has_value());
}

TEST(Utf8Test, Utf16ToUtf8DecodesPairsAndReplacesBrokenUnits) {
  // U+00E9, U+1F4F0 (a surrogate pair), a lone high surrogate, an odd byte.
  const std::string le("\xE9\x00\x3D\xD8\xF0\xDC\x3D\xD8\x41\x00\x42", 11);
  EXPECT_EQ(Utf16ToUtf8(le, Utf16Order::kLittleEndian),
            "\xC3\xA9\xF0\x9F\x93\xB0\xEF\xBF\xBD"
            "A\xEF\xBF\xBD");
}

TEST(Utf8Test, SequenceLengthFollowsTheLeadByte) {
  EXPECT_EQ(Utf8SequenceLength('a'), 1u);
  EXPECT_EQ(Utf8SequenceLength(0xC3), 2u);  // é
  EXPECT_EQ(Utf8SequenceLength(0xE2), 3u);  // ’
  EXPECT_EQ(Utf8SequenceLength(0xF0), 4u);  // emoji
  // Bytes that cannot start a sequence step over themselves alone.
  EXPECT_EQ(Utf8SequenceLength(0x80), 1u);
  EXPECT_EQ(Utf8SequenceLength(0xBF), 1u);
  EXPECT_EQ(Utf8SequenceLength(0xF8), 1u);
  EXPECT_EQ(Utf8SequenceLength(0xFF), 1u);
  // Stepping by it visits each code point once.
  const std::string_view text = "aé’📰b";
  size_t steps = 0;
  for (size_t i = 0; i < text.size(); i += Utf8SequenceLength(static_cast<unsigned char>(text[i])))
    ++steps;
  EXPECT_EQ(steps, 5u);
}

TEST(Utf8Test, LengthCountsCodePoints) {
  EXPECT_EQ(Utf8Length(""), 0u);
  EXPECT_EQ(Utf8Length("Kyiv"), 4u);
  EXPECT_EQ(Utf8Length("Sánchez"), 7u);
  EXPECT_EQ(Utf8Length("東京"), 2u);
  EXPECT_EQ(Utf8Length("Москва"), 6u);
}

TEST(Utf8Test, PrefixNeverSplitsASequence) {
  EXPECT_EQ(Utf8Prefix("short", 10), "short");
  EXPECT_EQ(Utf8Prefix("abcdef", 3), "abc");
  // "é" is bytes 1-2: a cut at 2 would split it, so the prefix stops before it.
  EXPECT_EQ(Utf8Prefix("aé", 2), "a");
  EXPECT_EQ(Utf8Prefix("aé", 3), "aé");
  EXPECT_EQ(Utf8Prefix("東京", 4), "東");  // 3-byte characters
  EXPECT_EQ(Utf8Prefix("東京", 2), "");
}

}  // namespace
}  // namespace newsfuse
