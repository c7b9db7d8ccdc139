// Speakers no entity mention gives at the phrase's head: a person named in
// the appositive, a name the entity annotator did not know, the issuer of
// "the statement", or the phrase itself as written. Part of SpeakerResolver
// (speaker.h).
#include <optional>
#include <string_view>

#include "analyze/entity/gazetteer.h"
#include "analyze/quote/speaker.h"

namespace newsfuse::analyze::quote_internal {
namespace {

// Tokens read back from "the statement" for the statement it refers to, and
// the words allowed between its issuer and the noun ("in a joint statement").
constexpr uint32_t kDocumentLookback = 400;
constexpr uint32_t kDocumentSubjectGap = 4;
// Words a person noun may have before it in a phrase that names no one ("a
// senior Western official").
constexpr uint32_t kMaxNounModifiers = 3;

}  // namespace

// "the leader of the majority, Rep. Dick Armey of Texas, told": a role the
// resolver cannot place, then the person it names in the appositive. Only
// one person named there, by a full name.
std::optional<uint32_t> SpeakerResolver::PersonInAppositive(const Cue& cue) const {
  if (cue.source.last <= cue.speaker.last || !text_.IsPunct(cue.speaker.last + 1, ',') ||
      cue.source.first > cue.speaker.first)
    return std::nullopt;
  // "Rapper Lil Tovo, who opened for Dana Roberts, said": a name in a
  // relative clause is whom the clause is about, not the speaker.
  const uint32_t opens = cue.speaker.last + 2;
  if (text_.WordIs(opens, "who") || text_.WordIs(opens, "whose") || text_.WordIs(opens, "which"))
    return std::nullopt;
  std::optional<uint32_t> person;
  for (uint32_t k = opens; k <= cue.source.last; ++k) {
    const Mention* m = MentionOver(text_.tokens[k]);
    if (m == nullptr || m->kind == MentionKind::kPronoun ||
        article_.entities[m->entity].type != EntityType::kPerson)
      continue;
    // "Bill Fitch, Bird's first coach": a possessive names whom the
    // appositive's person belongs to, not the person.
    const std::string_view after = std::string_view(article_.body).substr(m->span.end, 4);
    if (after.starts_with("'") || after.starts_with("\xE2\x80\x99")) return std::nullopt;
    // A full name only: a lone capitalised word the annotator took for a
    // person is as often a modifier ("the Netscape chairman").
    if (article_.Text(m->span).find(' ') == std::string_view::npos) continue;
    if (person && *person != m->entity) return std::nullopt;
    person = m->entity;
  }
  return person;
}

// A person's name the entity annotator did not know, as the speaker phrase:
// "said Bill Readdy, shuttle program director" (a first name, then
// capitalised words), or one capitalised word with an appositive that says
// it is a person ("observed Clark, the Netscape chairman"). Shown as written
// rather than dropping the quote; never a surname two known people share,
// and never a word some entity already claims.
std::optional<Span> SpeakerResolver::UnknownPersonName(const Cue& cue) const {
  const TokenRange& phrase = cue.speaker;
  uint32_t first = phrase.first;
  while (first < phrase.last && text_.IsWord(first) &&
         (lex_.Classes(text_.Text(text_.tokens[first])) & (kTitle | kDeterminer)))
    ++first;
  for (uint32_t k = first; k <= phrase.last; ++k) {
    const Token& t = text_.tokens[k];
    if (!text_.IsWord(k) || !t.capitalised || t.quotation >= 0 || MentionOver(t) != nullptr ||
        (lex_.Classes(text_.Text(t)) & (kTitle | kPronoun | kDeterminer)) ||
        EndsPossessive(text_.Text(t)))
      return std::nullopt;
  }
  BuildIndex();
  if (index_.by_surname.count(text_.Text(text_.tokens[phrase.last]))) return std::nullopt;
  const Span name{text_.tokens[first].begin, text_.tokens[phrase.last].end};
  if (phrase.last > first) {
    char buf[32] = {};
    const std::string_view given = text_.Text(text_.tokens[first]);
    if (given.size() >= sizeof buf) return std::nullopt;
    const entity::LexEntry* e = entity::Gazetteer::Get().Find(FoldCase(given, buf, sizeof buf));
    if (e != nullptr && (e->flags & entity::kFirstName)) return name;
  }
  // One word: only with an appositive whose head is a person noun.
  if (cue.source.last > phrase.last && text_.IsPunct(phrase.last + 1, ',') &&
      DescribesPerson(TokenRange{cue.source.last, cue.source.last}))
    return name;
  return std::nullopt;
}

// "A senior official of a NATO country", "a spokesman for the authority":
// a phrase that opens with a lowercase person noun (after its determiner and
// a few lowercase modifiers) and goes on with a preposition describes that
// person, whatever noun ends it. A capitalised word before the noun may be
// a name the resolver missed, and a participle after it is as often the
// sentence's verb ("Cambodian politicians expressed"): neither is read.
bool SpeakerResolver::LeadingPersonNoun(const TokenRange& phrase) const {
  uint32_t k = phrase.first;
  if (text_.IsWord(k) && (lex_.Classes(text_.Text(text_.tokens[k])) & kDeterminer)) ++k;
  for (uint32_t modifiers = 0; k < phrase.last && modifiers <= kMaxNounModifiers;
       ++k, ++modifiers) {
    const Token& t = text_.tokens[k];
    if (!text_.IsWord(k) || t.quotation >= 0 || t.capitalised) return false;
    if (!PersonNounAt(k)) continue;
    static constexpr std::string_view kQualifiers[] = {"of", "for", "from", "at", "with"};
    for (std::string_view q : kQualifiers)
      if (text_.WordIs(k + 1, q)) return true;
    return false;
  }
  return false;
}

std::optional<uint32_t> SpeakerResolver::DocumentAuthor(
    const TokenRange& phrase, const std::vector<SpeakerRef>& known) const {
  const Token& head = text_.tokens[phrase.last];
  const std::string_view noun = text_.Text(head);
  // Only "the statement": it refers back to one the text introduced; "a
  // statement said" is a new one whose author is not written.
  if (head.capitalised || !(lex_.Classes(noun) & kDocument) || !text_.WordIs(phrase.first, "the"))
    return std::nullopt;
  // The nearest earlier mention of the same noun outside quotes, in this
  // paragraph or the two before; only that one is read.
  std::optional<uint32_t> at;
  for (uint32_t j = phrase.first, steps = 0; j > 0 && steps < kDocumentLookback; ++steps) {
    const Token& t = text_.tokens[--j];
    if (t.paragraph + 2 < head.paragraph) break;
    if (t.quotation < 0 && t.kind == TokenKind::kWord && text_.Text(t) == noun) {
      at = j;
      break;
    }
  }
  if (!at) return std::nullopt;
  const uint32_t k = *at;
  const Token& found = text_.tokens[k];
  // "the statement said" again: the author found for the earlier one.
  for (size_t i = known.size(); i-- > 0;) {
    if (known[i].span.begin <= found.begin && found.end <= known[i].span.end)
      return known[i].entity;
    if (known[i].span.end < found.begin) break;
  }
  auto speaks = [&](const Mention* m) -> std::optional<uint32_t> {
    if (m == nullptr || m->kind == MentionKind::kPronoun || m->entity >= article_.entities.size() ||
        article_.entities[m->entity].type == EntityType::kPlace || AmbiguousSurname(*m)) {
      return std::nullopt;
    }
    return m->entity;
  };
  // "a statement by the 15 EU countries", "a letter from Ruiz"
  if (text_.WordIs(k + 1, "by") || text_.WordIs(k + 1, "from")) {
    const uint32_t name = text_.WordIs(k + 2, "the") ? k + 3 : k + 2;
    if (name < text_.tokens.size() && text_.tokens[name].sentence == found.sentence)
      return speaks(MentionOver(text_.tokens[name]));
  }
  // "The Northern League, in a statement, said", "Ruiz issued a statement":
  // the subject that opens the sentence, a few words before the noun. Not a
  // possessive ("Milosevic's office issued a statement" is the office's).
  uint32_t first = text_.SentenceStart(k);
  if (text_.WordIs(first, "the")) ++first;
  const Mention* m = MentionOver(text_.tokens[first]);
  if (m == nullptr || m->span.begin > text_.tokens[first].begin || m->span.end > found.begin)
    return std::nullopt;
  const std::string_view after = std::string_view(article_.body).substr(m->span.end, 4);
  if (after.starts_with("'") || after.starts_with("\xE2\x80\x99")) return std::nullopt;
  uint32_t words = 0;
  for (uint32_t j = first; j < k; ++j)
    if (text_.IsWord(j) && text_.tokens[j].begin >= m->span.end) ++words;
  if (words > kDocumentSubjectGap) return std::nullopt;
  return speaks(m);
}

// Tokens [first, last] as a speaker no entity names: shown as written.
SpeakerRef SpeakerResolver::DescribedSpeaker(uint32_t first, uint32_t last) const {
  SpeakerRef described;
  described.span = Span{text_.tokens[first].begin, text_.tokens[last].end};
  described.description = described.span;
  return described;
}

}  // namespace newsfuse::analyze::quote_internal
