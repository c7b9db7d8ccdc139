// From a speaker phrase to the entity it names. Internal to the quote annotator.
//
// The phrase's head (its last word) decides: a head inside an entity mention
// gives that entity ("Ukraine's top negotiator Rustem Umerov" -> Umerov, not
// Ukraine); a capitalised head with no mention is matched against entity
// names and surnames; a common-noun head ("the envoy") is matched against
// the roles AnnotateEntities attached to people. Pronouns take the nearest
// earlier entity of the right kind, preferring the subject (first mention) of
// the nearest sentence that has one, and never a name inside quote marks: in
// news the person a "he said" refers to is almost always the last one the
// narrative, not a quotation, talked about. A place is never the speaker
// ("a rights group in Paris said" is the group's; "Chile argues" names no
// one who spoke), and a first name the entity lacks before its surname
// ("Lucia Varga" for a mention of Imre Varga) makes another person. A
// resolved speaker's span is the whole phrase as written ("White House
// spokesman Josh Earnest").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analyze/quote/cue_lexicon.h"
#include "analyze/quote/cues.h"
#include "analyze/quote/quote_text.h"

namespace newsfuse::analyze::quote_internal {

// Sentences a pronoun (or a surname's relative) is looked for back from.
inline constexpr uint32_t kPronounLookback = 4;

// "Tamba's", "Roberts'", "Tamba’s".
bool EndsPossessive(std::string_view w);
// "Voss" of "Mira Voss".
std::string_view LastWord(std::string_view name);

struct SpeakerRef {
  std::optional<uint32_t> entity;
  Span span;
  // No entity, but the phrase describes a person or group ("the official",
  // "a source close to X", "court officials in Madrid"); for a pronoun, the
  // description it refers back to. Empty otherwise.
  Span description;
  // The phrase follows its verb ("..., said Azzman"): what the sentence
  // reports comes before it.
  bool after_verb = false;
};

// Defined in speaker.cc (names and pronouns), speaker_namesakes.cc (shared
// surnames), speaker_relations.cc (whose relative or agent a phrase names)
// and speaker_described.cc (speakers no mention at the head gives).
class SpeakerResolver {
 public:
  SpeakerResolver(const AnnotatedArticle& article, const QuoteText& text, const CueLexicon& lex);

  // `known` are the speaker phrases met so far, in body order, with or
  // without an entity: a pronoun may refer back to one of them, and one with
  // none ("said the official") leaves the pronoun unresolved. Only the entries in the pronoun's
  // lookback window are read, found from the back, so the cost per pronoun does not grow with the
  // article. The speaker of `cue` (which has one).
  SpeakerRef Resolve(const Cue& cue, const std::vector<SpeakerRef>& known) const;

  // A bare surname ("Hollis") in an article that names two people with it
  // ("Dan Hollis", his daughter "Maya Hollis", or one the entity annotator
  // missed): the mention's entity is the entity annotator's guess, and a
  // quote is never credited on a guess.
  bool AmbiguousSurname(const Mention& m) const;
  // The body writes the surname after a given name `entity` lacks, outside
  // every mention: a namesake the entity annotator did not find.
  bool UnmarkedNamesake(uint32_t entity, std::string_view surname) const;

 private:
  SpeakerRef ResolveEntity(const Cue& cue, const std::vector<SpeakerRef>& known) const;
  SpeakerRef DescribedSpeaker(uint32_t first, uint32_t last) const;
  SpeakerRef ResolveHead(const TokenRange& phrase, const std::vector<SpeakerRef>& known) const;
  const Mention* MentionOver(const Token& t) const;
  bool InsideQuotation(uint32_t byte) const;
  // In the dateline that opens a paragraph ("HARWICK, England (AP) -"): the
  // place and agency that filed the story, never whom a pronoun means.
  bool InDateline(uint32_t byte) const;
  // Every name of `entity` stands in a dateline: the entity annotator's
  // coreference of a pronoun with it is no reading to keep.
  bool NamedOnlyInDatelines(uint32_t entity) const;
  // The first token starting at or after `byte` (a mention's or a speaker
  // span's start is a token's); end() when none.
  std::vector<Token>::const_iterator TokenAt(uint32_t byte) const;
  SpeakerRef ResolvePronoun(uint32_t token, const std::vector<SpeakerRef>& known) const;
  std::optional<uint32_t> EntityByName(std::string_view name) const;
  std::optional<uint32_t> EntityByRole(std::string_view head, uint32_t before) const;
  // A capitalised modifier in the role phrase that `entity`'s name and roles lack.
  bool NamesAnotherBody(const TokenRange& phrase, uint32_t entity) const;
  // The appositive after the role phrase names `entity`.
  bool AppositiveNames(const TokenRange& phrase, uint32_t entity) const;
  bool TypeFits(uint32_t entity, const EntityType* wanted) const;
  // 'm' or 'f' from a known first name; '?' otherwise.
  char GenderOf(uint32_t entity) const;
  // The entity a mention gives a pronoun of `gender` ('m', 'f', '?'); for an
  // ambiguous surname the one namesake the gender allows, or none with
  // *ambiguous set.
  std::optional<uint32_t> PronounTarget(const Mention& m, char gender, bool* ambiguous) const;
  bool UnnamedPersonFits(Span span, const EntityType* wanted) const;
  // The phrase's head is a lowercase noun for a person or a group of people
  // ("official", "officials", "source", "crowd"), not a thing ("statement",
  // "accord"), a time ("this week") or a verb a bad parse took in ("keep").
  bool DescribesPerson(const TokenRange& phrase) const;
  // The phrase opens with a person noun a preposition or participle goes on
  // from ("a senior official of a NATO country").
  bool LeadingPersonNoun(const TokenRange& phrase) const;
  // "the statement said": the entity the text earlier said issued that
  // statement, or none.
  std::optional<uint32_t> DocumentAuthor(const TokenRange& phrase,
                                         const std::vector<SpeakerRef>& known) const;
  // The first capitalised word in [begin, end) outside quotes and mentions
  // that names a person entity; its position goes to `pos`.
  std::optional<uint32_t> UnmarkedPersonIn(uint32_t begin, uint32_t end, uint32_t* pos) const;
  std::optional<uint32_t> ParticipleSubject(uint32_t prep) const;
  bool IsTitleWord(std::string_view word) const;
  bool RoleBeforeName(uint32_t token) const;
  bool NamesSomethingElse(uint32_t token, uint32_t entity) const;
  bool PersonNounAt(uint32_t k) const;
  std::optional<uint32_t> PersonNounFrom(uint32_t k) const;
  // The person noun (its token) whose possessor or complement `m` is:
  // "Tamba's daughter", "a lawyer for Tamba", "a source close to Tamba".
  std::optional<uint32_t> RelationNoun(const Mention& m) const;
  bool NameBeside(uint32_t noun, const Mention& m) const;
  bool OpensClause(uint32_t k) const;
  uint32_t AfterPossessive(const Mention& m) const;
  bool OpensWithRelationNoun(uint32_t begin, uint32_t end) const;
  // A possessive of the name at `surname` ("Daly's") within the pronoun lookback.
  bool RelativeNamedBefore(Span surname) const;
  // The person the last speaker before `m` names, when that speaker spoke
  // shortly before and shares `m`'s surname; else none.
  std::optional<uint32_t> LastSpeakerNamed(const Mention& m,
                                           const std::vector<SpeakerRef>& known) const;
  // The written name of a person no entity names, when the speaker phrase
  // is one; else none.
  std::optional<Span> UnknownPersonName(const Cue& cue) const;
  // The one person named in the appositive of an unresolved speaker phrase.
  std::optional<uint32_t> PersonInAppositive(const Cue& cue) const;
  void BuildIndex() const;

  const AnnotatedArticle& article_;
  const QuoteText& text_;
  const CueLexicon& lex_;

  // Lookups by name, surname and role word, built on first use so that the
  // cost per speaker does not grow with the article's entities and mentions
  // (issue 11). Views into article_'s entities, which outlive the resolver.
  struct Index {
    bool built = false;
    std::unordered_map<std::string_view, uint32_t> by_name;  // name or alias -> first entity
    std::unordered_map<std::string_view, std::vector<uint32_t>> by_surname;  // persons
    std::unordered_map<std::string, std::vector<uint32_t>> by_role_word;     // folded; persons
    std::vector<std::vector<uint32_t>> mention_starts;             // per entity, ascending
    std::unordered_map<std::string_view, bool> unmarked_namesake;  // surname -> UnmarkedNamesake
  };
  mutable Index index_;
};

}  // namespace newsfuse::analyze::quote_internal
