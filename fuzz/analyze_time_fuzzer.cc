// Fuzzes one analyser, src/analyze/time (temporal expressions, their resolution against the
// publication date, tense), on article text made from the input (annotate_input.h). Run with
// -max_len of 64 KiB at most: longer sentence-less input is known to be slow (issue 11).
#include <cstddef>
#include <cstdint>

#include "analyze/time/timexes.h"
#include "annotate_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto article =
      newsfuse::WithSentences(newsfuse::fuzz::ArticleFromText(newsfuse::fuzz::AsText(data, size)));
  newsfuse::analyze::AnnotateTime(article);
  newsfuse::fuzz::CheckAnnotations(article);
  return 0;
}
