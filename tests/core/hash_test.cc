#include "core/hash.h"

#include <gtest/gtest.h>

namespace newsfuse {
namespace {

TEST(ContentHashTest, SameBytesSameHashAndDifferentBytesDiffer) {
  EXPECT_EQ(ContentHash("Ukraine and Russia"), ContentHash("Ukraine and Russia"));
  EXPECT_NE(ContentHash("Ukraine and Russia"), ContentHash("Ukraine and Russia "));
  EXPECT_EQ(ContentHash("").size(), 32u);
  EXPECT_EQ(ContentHash("x").find_first_not_of("0123456789abcdef"), std::string::npos);
}

}  // namespace
}  // namespace newsfuse
