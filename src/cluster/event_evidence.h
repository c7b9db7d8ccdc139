// What analysis says about *which* event an article reports, beyond its words
// (internal to cluster).
//
// Two reports of one kind of event (two navies foiling two pirate attacks,
// two rehab check-ins, two earthquakes) share most of their words, their
// countries and their institutions. What tells them apart is who acted and
// when: the people and named things involved, and the calendar days the text
// names. Countries and cities are left out of the actors (they are the topic's
// geography, shared by every event there), and so are organisations ("the
// Indian Navy" acts in every event of its topic).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "cluster/story_state.h"
#include "core/records.h"

namespace newsfuse::cluster {

// A calendar day the text names: year * 10000 + month * 100 + day, with year 0
// when the text gives none ("on November 18").
using DayKey = uint32_t;

// The day-precision dates among the article's timexes, sorted and unique.
std::vector<DayKey> MentionedDays(const AnnotatedArticle& a);

// Whether `a` and `b` (sorted) share a day, one day apart allowed (a report
// filed the day after names "Tuesday" where another names "Wednesday
// night"); a year missing on either side matches any year.
// `story` holds a story's named days as keys (weights are how many members
// name each).
bool ShareDay(const std::vector<DayKey>& a, const TermWeights& story);

// A day's key in the stream's term dictionary: days are counted in the
// stream's document frequencies like words, so a clusterer knows how much of
// the stream names a day (SpecificDays).
std::string DayTerm(DayKey day);

// The days of `days` (with their dictionary ids `terms`, in the same order)
// that at most `max_share` of the stream's `docs` articles name. A shared
// day is evidence of one event only when it is not the news cycle's: on a
// feed of one week's news every report names that week's days, where the
// day of a particular event is named by its reports. 0 keeps every day, and
// so does a stream of fewer than 1 / max_share articles, too short to show a
// news cycle.
std::vector<DayKey> SpecificDays(const std::vector<DayKey>& days,
                                 const std::vector<uint32_t>& terms,
                                 const std::vector<uint32_t>& df, uint64_t docs, double max_share);

// The latest year the article is dated in or names (its publication date, a
// timex's year), 0 when none: a report's own year is the latest it speaks of,
// where earlier ones are background ("since 2003").
int LatestYear(const AnnotatedArticle& a);

// Whether an entity is an actor: a person or a named thing (a ship, a
// storm, a product), not a place or an organisation.
bool IsActor(const Entity& e);

}  // namespace newsfuse::cluster
