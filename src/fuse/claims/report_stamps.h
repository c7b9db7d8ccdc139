// Dates that stamp a report rather than anything in it: a dateline at the
// head of the text ("Published at 12:45, Wednesday, 12 June 2013", "Posted:
// Thursday, July 29, 2004", "17 September 2013 - 21:29"). Two outlets that
// wrote on different days do not disagree about anything, and the day a
// page was posted is no event of the story's timeline.
#pragma once

#include <cstddef>
#include <string_view>

#include "core/records.h"

namespace newsfuse::fuse {

// Whether `text` names a year in four digits ("in 1988", "Oct. 9, 1998").
bool WrittenWithYear(std::string_view text);

// Whether `t`, in sentence `sentence` of `a`, is the report's own stamp: in
// the first two sentences, written with its year, with a clock time beside it or "published",
// "posted" or "updated" just before it.
bool StampsTheReport(const AnnotatedArticle& a, size_t sentence, const Timex& t);

// Whether `t` is a day-precision date in the first two sentences equal to
// the article's publication day: a dated headline. Not for the timeline: a
// lede's "on Oct. 16, 1998" is the story's own event on that day.
bool OnItsOwnDay(const AnnotatedArticle& a, size_t sentence, const Timex& t);

}  // namespace newsfuse::fuse
