#include "analyze/quote/quotes.h"

namespace newsfuse::analyze {

void AnnotateQuotes(AnnotatedArticle& /*article*/) {}

}  // namespace newsfuse::analyze
