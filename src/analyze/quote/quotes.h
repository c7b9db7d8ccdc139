// Direct and reported speech with speakers resolved to entities; fills
// quotes. Runs after AnnotateEntities.
//
// Direct quotes are the text between paired quote marks (straight, curly,
// guillemets; a quote that runs over paragraphs by the "reopen each
// paragraph" convention is one quote). Each is tied to a reporting cue from
// data/analyze/quote/cues.txt, tried in this order:
//   after it   "...," Witkoff said / "...," said Peskov / "...," the daily wrote on X
//   before it  Umerov said: "..." / Dmitriev described the talks as "..." /
//              Zelensky said the talks were "useful" (a quoted fragment) /
//              "We agreed," he said, "and we will meet again." (the second half)
//   neither    a quote that opens a sentence or paragraph right after an
//              attributed one continues its speaker (cue left empty); any
//              other quote of six words or more is kept with no speaker;
//              shorter ones (scare quotes, titles, nicknames) are dropped.
// Reported speech (direct = false): "X said (that) CLAUSE", "X told
// reporters that CLAUSE", "X believes that CLAUSE", "CLAUSE, X said.",
// "according to X, CLAUSE" and "CLAUSE, according to X"; content is the
// clause. A quoted fragment inside a reported clause gives both records.
//
// Speakers: the span names the speaker where the cue is ("he", "Witkoff"),
// as written with its appositive ("Lena Fischer, an economist at the bank"),
// PolNeAR's source convention;
// the entity comes from the mention covering it, a name or surname match, a
// role match ("the envoy"), or for pronouns the nearest earlier entity of
// the right kind (see speaker.h). Unresolved speakers keep their span.
#pragma once

#include "core/records.h"
#include "text/tokens.h"

namespace newsfuse::analyze {

// Reads article.body, sentences (computed when empty) and entities/mentions;
// appends to article.quotes in body order.
void AnnotateQuotes(AnnotatedArticle& article);
// The same, reading plain words off `tokens`, the scan of article.body and
// article.sentences (text::Tokenize) that Analyze makes once; the quotes
// found are the same.
void AnnotateQuotes(AnnotatedArticle& article, const text::Tokens& tokens);

}  // namespace newsfuse::analyze
