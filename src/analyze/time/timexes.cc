#include "analyze/time/timexes.h"

namespace newsfuse::analyze {

void AnnotateTime(AnnotatedArticle& /*article*/) {}

}  // namespace newsfuse::analyze
