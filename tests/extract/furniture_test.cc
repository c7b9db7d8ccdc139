// Line classification rules, one invented line per rule.
#include "extract/furniture.h"

#include <gtest/gtest.h>

namespace newsfuse::extract_internal {
namespace {

LineKind K(const char* line) { return ClassifyLine(line, ExtractOptions{}); }

TEST(FurnitureTest, TimestampsAndTheirLabels) {
  for (const char* l : {"09:30", "- 2026-02-06 06:34:49", "2026-02-06 04:04 Last Updated At:06:17",
                        "date 2026-02-05", "Posted Mar. 3, 2025 10:15 am EST",
                        "Updated 5 hours ago 14:02", "Tuesday, 4 November 2025"})
    EXPECT_EQ(K(l), LineKind::kTimestamp) << l;
  EXPECT_EQ(K("- Input"), LineKind::kTimestampLabel);
  EXPECT_EQ(K("Updated"), LineKind::kTimestampLabel);
  EXPECT_EQ(K("-"), LineKind::kBullet);
}

TEST(FurnitureTest, HashtagsBylinesPromptsMenus) {
  EXPECT_EQ(K("#Floods #RiverRescue #ValleyNews"), LineKind::kHashtags);
  EXPECT_EQ(K("jdoe@example.org Jane Doe Staff Writer"), LineKind::kEmailByline);
  EXPECT_EQ(K("By Maria Lopez and Tom Reed"), LineKind::kByline);
  EXPECT_EQ(K("date 2026-03-01 Sign up now: Get our morning briefing delivered to your inbox"),
            LineKind::kNewsletter);
  EXPECT_EQ(K("Recommended Articles"), LineKind::kRelated);
  EXPECT_EQ(K("Read more: Storm batters the northern coast"), LineKind::kRelated);
  EXPECT_EQ(K("Skip to Content Facebook Feature Image"), LineKind::kMenu);
  EXPECT_EQ(K("Facebook Twitter WhatsApp Email"), LineKind::kMenu);
}

TEST(FurnitureTest, HeadlinesSubheadsAndProse) {
  EXPECT_EQ(K("FLOOD WATERS BEGIN TO RECEDE"), LineKind::kCaps);
  EXPECT_EQ(K("World"), LineKind::kShort);
  EXPECT_EQ(K("River town reopens bridge after month-long repair effort"), LineKind::kUnterminated);
  EXPECT_EQ(K("The council said the bridge would reopen to traffic on Monday morning."),
            LineKind::kProse);
  // A sentence that merely mentions a newsletter or a related topic is prose.
  EXPECT_EQ(K("The mayor announced the closure in a newsletter sent to residents of the eastern "
              "districts on Friday."),
            LineKind::kProse);
  EXPECT_EQ(K("Related talks between the two councils will resume in the spring, officials said."),
            LineKind::kProse);
}

}  // namespace
}  // namespace newsfuse::extract_internal
