#include "analyze/entity/entities.h"

namespace newsfuse::analyze {

void AnnotateEntities(AnnotatedArticle& /*article*/) {}

}  // namespace newsfuse::analyze
