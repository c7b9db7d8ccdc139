// Reported speech: the clause a cue attributes when no quote marks do.
// Internal to the quote annotator.
//
//   "X said (that) CLAUSE", "X told reporters that CLAUSE", "X believes that CLAUSE",
//   "CLAUSE, X said.", "CLAUSE, said X.", "According to X, CLAUSE", "CLAUSE, according to X."
//
// Only "bare" verbs (data/analyze/quote/cues.txt) take a clause with no
// "that", and only when it opens like one (a determiner, pronoun, name,
// number, or a noun before a modal): "accused the government of" is no
// clause. A clause ends at its sentence's end, past a quotation that runs
// on, and before ", but", ", as", ", while", a participle, or the subject of
// the next cue ("..., but Molina said ...").
#pragma once

#include <vector>

#include "analyze/quote/cue_lexicon.h"
#include "analyze/quote/cues.h"
#include "analyze/quote/quote_text.h"
#include "analyze/quote/speaker.h"

namespace newsfuse::analyze::quote_internal {

// Quotes with direct = false, one per cue that governs a clause. Cues that
// attribute a preceding direct quote (`after_cue`) give none.
std::vector<Quote> FindReportedSpeech(const QuoteText& text, const CueLexicon& lex,
                                      const std::vector<Cue>& cues,
                                      const std::vector<SpeakerRef>& speakers,
                                      const std::vector<bool>& has_speaker,
                                      const std::vector<bool>& after_cue);

}  // namespace newsfuse::analyze::quote_internal
