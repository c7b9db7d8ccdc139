#include "core/edit_distance.h"

#include <gtest/gtest.h>

namespace newsfuse {
namespace {

TEST(EditDistance, CountsInsertionsDeletionsAndSubstitutions) {
  EXPECT_EQ(EditDistance("", ""), 0u);
  EXPECT_EQ(EditDistance("", "story"), 5u);
  EXPECT_EQ(EditDistance("story", ""), 5u);
  EXPECT_EQ(EditDistance("story", "story"), 0u);
  EXPECT_EQ(EditDistance("storys", "story"), 1u);    // one deletion
  EXPECT_EQ(EditDistance("storys", "stories"), 2u);  // y->i, insert e
  EXPECT_EQ(EditDistance("Alexis", "Alexei"), 2u);   // two substitutions
  EXPECT_EQ(EditDistance("kitten", "sitting"), 3u);
}

TEST(EditDistance, IsSymmetric) {
  EXPECT_EQ(EditDistance("digest", "ingest"), EditDistance("ingest", "digest"));
  EXPECT_EQ(EditDistance("Mohammed", "Mohamed"), EditDistance("Mohamed", "Mohammed"));
}

TEST(EditDistance, CountsBytesNotLetters) {
  // "é" is two bytes in UTF-8: replacing "e" by it is a substitution and an insertion.
  EXPECT_EQ(EditDistance("Jose", "Jos\xc3\xa9"), 2u);
}

}  // namespace
}  // namespace newsfuse
