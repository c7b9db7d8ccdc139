#include "analyze/quantity/quantities.h"

namespace newsfuse::analyze {

void AnnotateQuantities(AnnotatedArticle& /*article*/) {}

}  // namespace newsfuse::analyze
