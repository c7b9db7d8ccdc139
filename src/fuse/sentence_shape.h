// Sentence shape: whether a sentence can stand alone in a summary, judged on
// its words, quotation marks and capitals. Internal to src/fuse.
#pragma once

#include <string_view>

namespace newsfuse::fuse {

struct SentenceShape {
  int words = 0;         // runs of letters and digits (inner ' ’ - kept)
  int quoted_words = 0;  // of those, inside quotation marks
  int letters = 0;
  int upper = 0;          // capital letters
  bool question = false;  // ends in '?' (closing quotes and brackets aside)
};

// Never fails: invalid UTF-8 counts as U+FFFD.
SentenceShape ShapeOf(std::string_view sentence);

// False for what a summary cannot use alone: fragments, questions, short
// quotations with little around them, subheads set in capitals.
bool UsableAlone(const SentenceShape& shape);

}  // namespace newsfuse::fuse
