#include "core/terminal_text.h"

#include <gtest/gtest.h>

namespace newsfuse {
namespace {

TEST(TerminalSafeTest, DropsCsiSequencesWhole) {
  EXPECT_EQ(TerminalSafe("Budget \x1b[31mapproved\x1b[0m today"), "Budget approved today");
  EXPECT_EQ(TerminalSafe("clear\x1b[2J\x1b[1;1Hscreen"), "clearscreen");
}

TEST(TerminalSafeTest, DropsStringSequencesUpToTheirTerminator) {
  // OSC 0 retitles the window; ended by BEL or by ST (ESC \).
  EXPECT_EQ(TerminalSafe("a\x1b]0;owned\x07z"), "az");
  EXPECT_EQ(TerminalSafe("a\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\z"), "alinkz");
  EXPECT_EQ(TerminalSafe("a\x1bPq#0;2;0;0;0\x1b\\z"), "az");  // DCS (sixel)
  EXPECT_EQ(TerminalSafe("unterminated \x1b]0;title"), "unterminated ");
}

TEST(TerminalSafeTest, DropsShortEscapesAndControls) {
  EXPECT_EQ(TerminalSafe("a\x1b"
                         "cb"),
            "ab");                            // RIS: reset the terminal
  EXPECT_EQ(TerminalSafe("a\x1b(0b"), "ab");  // charset designation
  EXPECT_EQ(TerminalSafe("bell\x07 cr\r del\x7f nul"), "bell cr del nul");
  EXPECT_EQ(TerminalSafe("trailing\x1b"), "trailing");
}

TEST(TerminalSafeTest, DropsC1ControlsButKeepsOtherUnicode) {
  EXPECT_EQ(TerminalSafe("a\xc2\x9b"
                         "31mb"),
            "a31mb");  // U+009B CSI
  EXPECT_EQ(TerminalSafe("Caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x93\xb0"),
            "Caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x93\xb0");
  EXPECT_EQ(TerminalSafe("\xc2\xa0nbsp"), "\xc2\xa0nbsp");  // U+00A0 is not C1
}

TEST(TerminalSafeTest, ReplacesInvalidUtf8) {
  // A lone 0x9B is CSI to a terminal in a Latin-1 locale.
  EXPECT_EQ(TerminalSafe("a\x9b"
                         "2Jb"),
            "a\xef\xbf\xbd"
            "2Jb");
  EXPECT_EQ(TerminalSafe("cut \xe2\x80"), "cut \xef\xbf\xbd");  // one truncated character
}

TEST(TerminalSafeTest, KeepsNewlinesAndTabsUnlessOneLine) {
  EXPECT_EQ(TerminalSafe("line one\n\tline two"), "line one\n\tline two");
  EXPECT_EQ(TerminalSafeLine("title\ns0000fake  9 0"), "title s0000fake  9 0");
}

}  // namespace
}  // namespace newsfuse
