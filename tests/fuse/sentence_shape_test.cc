// Whether a sentence can stand alone in a summary, on sentences written for
// the test.
#include "fuse/sentence_shape.h"

#include <gtest/gtest.h>

namespace newsfuse::fuse {
namespace {

// Issue 18: a summary line that opens with a demonstrative subject ("That's
// enough to fill a pool") points at a sentence the reader never sees; a
// demonstrative that determines a noun ("This week the council ...") does not.
TEST(SentenceShapeTest, ADemonstrativeSubjectPointsBack) {
  for (const char* s : {"That's enough to fill an Olympic swimming pool within a few minutes.",
                        "That\u2019s enough to fill an Olympic swimming pool within minutes.",
                        "This was the first time the council had met in the old harbour hall.",
                        "Those are the largest plumes the probe has measured over the ice."}) {
    const SentenceShape shape = ShapeOf(s);
    EXPECT_TRUE(shape.points_back) << s;
    EXPECT_FALSE(UsableAlone(shape)) << s;
  }
  for (const char* s :
       {"This week the council met in the old harbour hall to vote on the pier.",
        "That decision left the ferry company without a licence for the winter.",
        "Thatcher's government sold the harbour to a private company in 1987.",
        "\"That is not what we agreed,\" the mayor told the harbour council after a long "
        "and bitter night of talks."}) {
    const SentenceShape shape = ShapeOf(s);
    EXPECT_FALSE(shape.points_back) << s;
    EXPECT_TRUE(UsableAlone(shape)) << s;
  }
}

// Issue 18: no speakerless quote line in a summary. A sentence that closes a
// quotation it never opened is the tail of someone's words; whose, the
// reader cannot see.
TEST(SentenceShapeTest, TheTailOfAQuotationIsNoSummaryLine) {
  for (const char* s : {"We are using our big lander for the cargo, which is a big one.\u201d",
                        "We are using our big lander for the cargo, which is a big one.''",
                        "We are using our big lander for the cargo, which is a big one.\""}) {
    const SentenceShape shape = ShapeOf(s);
    EXPECT_TRUE(shape.quote_tail) << s;
    EXPECT_FALSE(UsableAlone(shape)) << s;
  }
  for (const char* s :
       {"\u201cWe are using our big lander,\u201d the director said at the launch site on Monday.",
        "``We are using our big lander,'' the director said at the launch site on Monday.",
        "\"We are using our big lander,\" the director said at the launch site on Monday.",
        "The director said the lander was \"a big one\" and would fly in the spring.",
        "The director said the lander would carry the cargo to the moon in the spring."}) {
    const SentenceShape shape = ShapeOf(s);
    EXPECT_FALSE(shape.quote_tail) << s;
    EXPECT_TRUE(UsableAlone(shape)) << s;
  }
}

// A question closed by any quotation mark is still a question, and is no
// summary line alone.
TEST(SentenceShapeTest, AQuestionClosedByAQuoteMarkIsAQuestion) {
  for (const char* s : {"``Will the council ever meet in the old harbour hall again?''",
                        "\u201cWill the council ever meet in the old harbour hall again?\u201d",
                        "\"Will the council ever meet in the old harbour hall again?\""}) {
    const SentenceShape shape = ShapeOf(s);
    EXPECT_TRUE(shape.question) << s;
    EXPECT_FALSE(UsableAlone(shape)) << s;
  }
}

}  // namespace
}  // namespace newsfuse::fuse
