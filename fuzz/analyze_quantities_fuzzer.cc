// Fuzzes one analyser, src/analyze/quantity (number words and numerals, units, ranges and hedges,
// what is counted), on article text made from the input (annotate_input.h). Run with -max_len of
// 64 KiB at most: longer sentence-less input is known to be slow (issue 11).
#include <cstddef>
#include <cstdint>

#include "analyze/entity/entities.h"
#include "analyze/quantity/quantities.h"
#include "annotate_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto article =
      newsfuse::WithSentences(newsfuse::fuzz::ArticleFromText(newsfuse::fuzz::AsText(data, size)));
  newsfuse::analyze::AnnotateEntities(article);  // quantities name parties through them
  newsfuse::analyze::AnnotateQuantities(article);
  newsfuse::fuzz::CheckAnnotations(article);
  return 0;
}
