// Topic drift at the end of a page: where an unrelated story was glued on.
//
// Scrapers often capture the next story in the feed after the article. Its
// paragraphs share almost no content words with the article's, while an
// article's own closing paragraphs keep returning to its names and nouns
// (lexical cohesion; Hearst's TextTiling, 1997, finds topic boundaries by the
// same dip in word-vector similarity). We look for one cut k that splits the
// body into head [0,k) and tail [k,n) such that the tail is substantial, the
// head-tail cosine is far below the cohesion the head shows within itself, and
// the tail coheres with itself more than with the head.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace newsfuse::extract_internal {

struct DriftReport {
  size_t cut;            // == paragraphs.size() when no drift is found
  double head_tail = 0;  // cosine at the chosen cut
  double head_self = 0;  // mean leave-one-out cosine inside the head
  double tail_self = 0;  // same inside the tail
};

DriftReport FindTopicDrift(const std::vector<std::string>& paragraphs);

}  // namespace newsfuse::extract_internal
