// Candidate mentions -> entities, with aliases and pronouns resolved.
//
// Three passes, each needing the one before:
//   1. Named candidates: countries merge by country (so "U.S.", "United
//      States" and "American" are one entity), places by folded name, people
//      by surname key with compatible first names (Zelensky / Zelenskiy /
//      Zelenskyy share a key), organisations by name key.
//   2. Bare single words, now that every full name is known: a surname
//      ("Witkoff"), an acronym (initials of a known name, "UAE", or a curated
//      expansion, "NATO"), or, with person context ("Peskov said"), a person
//      of its own. A bare word with no such evidence is dropped.
//   3. "he"/"she": the nearest compatible person in the same sentence before
//      it; else, from the nearest earlier sentence (up to three back) with a
//      compatible person, the first such mention: the subject usually comes
//      first, and news continues a quote's speaker with a pronoun.
// Entities come out in order of first mention, mentions in body order.
#pragma once

#include <string_view>
#include <vector>

#include "analyze/entity/gazetteer.h"
#include "analyze/entity/recognizer.h"
#include "core/records.h"

namespace newsfuse::analyze::entity {

void Resolve(const std::vector<Candidate>& candidates, std::string_view body,
             const Gazetteer& gazetteer, std::vector<Entity>& entities,
             std::vector<Mention>& mentions);

}  // namespace newsfuse::analyze::entity
