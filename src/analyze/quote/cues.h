// Attribution cues found in the body: a reporting verb (or "according to")
// outside quote marks, with the noun phrase that names who speaks. Internal
// to the quote annotator.
//
// The speaker phrase is found from the verb's surroundings, not from a parse:
// walking left over the words a subject is made of ("Ukraine's top negotiator
// Rustem Umerov said", "the influential US daily wrote", "he also said"),
// across one appositive ("Kirill Dmitriev, head of the fund, said" and
// "Russia's envoy, Kirill Dmitriev, said" both give the name), or right for an
// inverted cue ("said Dmitry Peskov, the Kremlin spokesman"). A participle
// with no subject of its own ("..., adding that") shares the speaker of the
// cue before it in the sentence. Two forms name someone who is not the
// speaker next to the verb: "a source close to X" (the speaker is the source)
// and "Y quoted X as saying" (X speaks, Y reports); "X, who said" gives X.
#pragma once

#include <cstdint>
#include <vector>

#include "analyze/quote/cue_lexicon.h"
#include "analyze/quote/quote_text.h"

namespace newsfuse::analyze::quote_internal {

// A token range [first, last], inclusive.
struct TokenRange {
  uint32_t first = 0;
  uint32_t last = 0;
};

struct Cue {
  uint32_t verb = 0;     // token index of the verb, or of "according"
  uint32_t last = 0;     // last token of the cue: the verb, "to", or a tail ("in a statement")
  uint32_t classes = 0;  // WordClass bits of the verb
  bool according = false;
  bool has_speaker = false;
  bool speaker_after = false;  // "said Peskov", "according to Peskov"
  TokenRange speaker;          // the speaker noun phrase
  // The speaker as written with its appositive ("Lena Fischer, an economist
  // at the bank, said"; "said Lena Fischer, an economist at the bank."):
  // the span a reader (and PolNeAR) takes for the source. == speaker when
  // there is none.
  TokenRange source;
  uint32_t subject_begin = 0;      // first token of the whole subject, appositives included
  int32_t shares_speaker_of = -1;  // index of an earlier cue whose speaker this one reuses
  // "a rights group in Paris said": the phrase before a locative preposition
  // in front of the speaker phrase, which speaks when the speaker phrase
  // turns out to be a place.
  bool has_outer = false;
  TokenRange outer;
};

// The first token after a clause that opens the sentence at token `first`
// with a preposition or conjunction and ends at a comma before `end` ("In
// his appearance with Kim, the president ..."); `first` when there is none.
uint32_t AfterOpeningClause(const QuoteText& text, const CueLexicon& lex, uint32_t first,
                            uint32_t end);

// Every cue in the body, in body order.
std::vector<Cue> FindCues(const QuoteText& text, const CueLexicon& lex);

}  // namespace newsfuse::analyze::quote_internal
