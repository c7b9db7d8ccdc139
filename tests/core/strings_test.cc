#include "core/strings.h"

#include <gtest/gtest.h>

#include <string>

namespace newsfuse {
namespace {

TEST(StringsTest, TrimRemovesAsciiSpaceAtBothEnds) {
  EXPECT_EQ(Trim(" \t\r\n\f\vharbour closed \r\n"), "harbour closed");
  EXPECT_EQ(TrimLeft("  a b  "), "a b  ");
  EXPECT_EQ(TrimRight("  a b  "), "  a b");
  EXPECT_EQ(Trim(""), "");
  EXPECT_EQ(Trim(" \t "), "");
}

TEST(StringsTest, TrimKeepsNonAsciiSpace) {
  // U+00A0 and U+3000 are not ASCII space; the trims must not cut into them.
  EXPECT_EQ(Trim("\u00a0x\u3000"), "\u00a0x\u3000");
  EXPECT_EQ(Trim(" Sánchez "), "Sánchez");
}

TEST(StringsTest, TrimReturnsAViewIntoItsArgument) {
  const std::string text = "  inner  ";
  const std::string_view t = Trim(text);
  EXPECT_EQ(t.data(), text.data() + 2);
  EXPECT_EQ(t.size(), 5u);
}

TEST(StringsTest, AsciiLowerLowersOnlyAsciiLetters) {
  EXPECT_EQ(AsciiLower("Kyiv U.S. ÉTÉ 42"), "kyiv u.s. ÉtÉ 42");
  EXPECT_EQ(AsciiLower('Q'), 'q');
  EXPECT_EQ(AsciiLower('['), '[');  // the byte after 'Z'
  EXPECT_EQ(AsciiLower('@'), '@');  // the byte before 'A'
}

// The in-place form works eight bytes at a time: every byte value, at every
// offset within a step and in the tail, must come out as the byte rule says.
TEST(StringsTest, AsciiLowerInPlaceAgreesWithTheByteRuleOnEveryByte) {
  std::string all;
  for (int b = 0; b < 256; ++b) all.push_back(static_cast<char>(b));
  for (size_t shift = 0; shift < 9; ++shift) {
    std::string text = std::string(shift, 'Z') + all;
    std::string expected = text;
    for (char& c : expected) c = AsciiLower(c);
    AsciiLowerInPlace(text);
    EXPECT_EQ(text, expected) << "shift " << shift;
  }
}

TEST(StringsTest, IsAsciiSpaceIsTheCLocaleSet) {
  for (char c : std::string(" \t\n\r\f\v")) EXPECT_TRUE(IsAsciiSpace(c)) << int(c);
  EXPECT_FALSE(IsAsciiSpace('\0'));
  EXPECT_FALSE(IsAsciiSpace('x'));
  EXPECT_FALSE(IsAsciiSpace(static_cast<char>(0xA0)));  // half of U+00A0, not a space byte
}

}  // namespace
}  // namespace newsfuse
