// What the text and HTML paths hand to ExtractArticle for finishing. Internal.
#pragma once

#include <string>

#include "core/records.h"
#include "extract/not_article.h"

namespace newsfuse::extract_internal {

// Pages larger than this are cut (at a UTF-8 boundary) before extraction: an
// article never needs megabytes of text, and the bound keeps work linear and small.
inline constexpr size_t kMaxTextBytes = 2u << 20;
inline constexpr size_t kMaxHtmlBytes = 8u << 20;

struct Draft {
  Article article;  // paragraphs and whatever metadata the path found
  // Evidence too weak to beat a container hint (an e-mail domain), used only
  // when neither the page nor the hints name the outlet.
  std::string weak_outlet;
  std::string weak_outlet_source;
  PageKind kind;  // what the HTML path knows of the page type (not_article.h)
  // Why the path found no body, when ExtractOptions::metadata_without_body
  // asked for the metadata anyway (article.paragraphs is then empty).
  std::string refused;
};

}  // namespace newsfuse::extract_internal
