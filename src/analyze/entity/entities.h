// People, organisations and places with roles and aliases; fills
// entities and mentions.
#pragma once

#include "core/records.h"

namespace newsfuse::analyze {

// Reads article.body, sentences (and what earlier annotators filled);
// appends to article.entities in body order.
void AnnotateEntities(AnnotatedArticle& article);

}  // namespace newsfuse::analyze
