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
  EXPECT_EQ(FirstInvalidUtf8("abc\xff" "def"), 3u);
  EXPECT_EQ(FirstInvalidUtf8("\xc0\xaf"), 0u);          // overlong '/'
  EXPECT_EQ(FirstInvalidUtf8("ok\xed\xa0\x80"), 2u);    // UTF-16 surrogate
  EXPECT_EQ(FirstInvalidUtf8("ab\xe2\x80"), 2u);        // truncated sequence
}

TEST(Utf8Test, BinaryDetection) {
  EXPECT_TRUE(LooksBinary(std::string("text\0more", 9)));
  EXPECT_FALSE(LooksBinary("Plain news text.\n\tIndented line.\r\n"));
  std::string noisy(200, 'a');
  noisy[10] = '\x01';
  noisy[20] = '\x02';
  noisy[30] = '\x03';
  EXPECT_TRUE(LooksBinary(noisy));
}

}  // namespace
}  // namespace newsfuse
