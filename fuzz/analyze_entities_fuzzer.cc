// Fuzzes one analyser, src/analyze/entity (capitalised-name recognition, the gazetteers, alias
// and role resolution), on article text made from the input (annotate_input.h). Run with -max_len
// of 64 KiB at most: longer sentence-less input is known to be slow (issue 11).
#include <cstddef>
#include <cstdint>

#include "analyze/entity/entities.h"
#include "annotate_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto article =
      newsfuse::WithSentences(newsfuse::fuzz::ArticleFromText(newsfuse::fuzz::AsText(data, size)));
  newsfuse::analyze::AnnotateEntities(article);
  newsfuse::fuzz::CheckAnnotations(article);
  return 0;
}
