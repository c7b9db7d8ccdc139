// Whether a sentence looks back or ahead, as far as dating one of its
// expressions needs: "talks were held on Thursday" (past) against "talks
// will resume on Thursday" (future).
#pragma once

#include <cstdint>

#include "analyze/time/time_resolve.h"
#include "analyze/time/time_tokens.h"

namespace newsfuse::analyze::time {

// The tense nearest to tokens [expr_begin, expr_end) within the sentence's
// tokens [sentence_begin, sentence_end). The closest marker wins: a future
// auxiliary ("will", "'ll", "expected"), or a past form (a listed irregular
// verb, a regular "-ed" verb, "ago", "last"). A participle after an
// auxiliary ("will be held", "is to be signed") reads as future; reporting
// verbs ("said") count only right beside the expression, since they date the
// report, not the event, or when the sentence has no other marker at all.
Tense SentenceTense(const TokenizedText& text, uint32_t sentence_begin, uint32_t sentence_end,
                    uint32_t expr_begin, uint32_t expr_end);

}  // namespace newsfuse::analyze::time
