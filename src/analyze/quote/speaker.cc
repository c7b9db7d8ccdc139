#include "analyze/quote/speaker.h"

#include <algorithm>
#include <string>

#include "analyze/entity/gazetteer.h"

namespace newsfuse::analyze::quote_internal {
namespace {

constexpr uint32_t kPronounLookback = 4;   // sentences
constexpr uint32_t kNamesakeLookback = 2;  // sentences
// Words between a possessor and the person noun it owns ("Tamba's eldest
// daughter"), and the longest possessor name ("Drello Vance's").
constexpr uint32_t kRelationGap = 3;
// Tokens read back from "the statement" for the statement it refers to, and
// the words allowed between its issuer and the noun ("in a joint statement").
constexpr uint32_t kDocumentLookback = 400;
constexpr uint32_t kDocumentSubjectGap = 4;

bool EndsPossessive(std::string_view w) {
  return (w.size() > 2 && (w.substr(w.size() - 2) == "'s" || w.back() == '\'')) ||
         (w.size() > 4 && w.substr(w.size() - 4) == "\xE2\x80\x99s");
}

// "group in Paris", "mayor of Lyon", "officials from Madrid".
bool IsLocativePreposition(const QuoteText& text, uint32_t k) {
  for (std::string_view p : {"in", "at", "from", "of", "near", "for"})
    if (text.WordIs(k, p)) return true;
  return false;
}

std::string_view LastWord(std::string_view name) {
  const size_t sp = name.rfind(' ');
  return sp == std::string_view::npos ? name : name.substr(sp + 1);
}

}  // namespace

SpeakerResolver::SpeakerResolver(const AnnotatedArticle& article, const QuoteText& text,
                                 const CueLexicon& lex)
    : article_(article), text_(text), lex_(lex) {}

const Mention* SpeakerResolver::MentionOver(const Token& t) const {
  const auto& ms = article_.mentions;
  // The first mention starting at or after the token's end; candidates lie before it.
  auto it = std::lower_bound(ms.begin(), ms.end(), t.end,
                             [](const Mention& m, uint32_t end) { return m.span.begin < end; });
  for (int steps = 0; it != ms.begin() && steps < 4; ++steps) {
    --it;
    if (it->span.end > t.begin && it->entity < article_.entities.size()) return &*it;
  }
  return nullptr;
}

std::vector<Token>::const_iterator SpeakerResolver::TokenAt(uint32_t byte) const {
  return std::lower_bound(text_.tokens.begin(), text_.tokens.end(), byte,
                          [](const Token& t, uint32_t b) { return t.begin < b; });
}

bool SpeakerResolver::InsideQuotation(uint32_t byte) const {
  auto it = std::upper_bound(text_.tokens.begin(), text_.tokens.end(), byte,
                             [](uint32_t b, const Token& t) { return b < t.begin; });
  if (it == text_.tokens.begin()) return false;
  return std::prev(it)->quotation >= 0;
}

bool SpeakerResolver::TypeFits(uint32_t entity, const EntityType* wanted) const {
  const EntityType want = wanted ? *wanted : EntityType::kOrganization;
  return article_.entities[entity].type == want;
}

void SpeakerResolver::BuildIndex() const {
  if (index_.built) return;
  index_.built = true;
  const auto& ents = article_.entities;
  index_.mention_starts.resize(ents.size());
  for (const Mention& m : article_.mentions) {
    if (m.entity < ents.size()) index_.mention_starts[m.entity].push_back(m.span.begin);
  }
  for (uint32_t e = 0; e < ents.size(); ++e) {
    const Entity& ent = ents[e];
    if (ent.type == EntityType::kPlace) continue;
    index_.by_name.emplace(ent.name, e);
    for (const std::string& a : ent.aliases) index_.by_name.emplace(a, e);
    if (ent.type != EntityType::kPerson) continue;
    index_.by_surname[LastWord(ent.name)].push_back(e);
    // A role holds a word when the word stands between spaces in it.
    for (std::string_view role : ent.roles) {
      for (size_t b = 0; b <= role.size();) {
        const size_t sp = std::min(role.find(' ', b), role.size());
        if (sp > b && sp - b <= 32) {
          // Folded: a role written "Ambassador" is held by "the ambassador said".
          char buf[32] = {};
          std::vector<uint32_t>& holders =
              index_.by_role_word[std::string(FoldCase(role.substr(b, sp - b), buf, sizeof buf))];
          if (holders.empty() || holders.back() != e) holders.push_back(e);
        }
        b = sp + 1;
      }
    }
  }
}

std::optional<uint32_t> SpeakerResolver::EntityByName(std::string_view name) const {
  BuildIndex();
  // The first entity so named or aliased; else a person's surname, if only
  // one person has it.
  if (auto it = index_.by_name.find(name); it != index_.by_name.end()) return it->second;
  auto it = index_.by_surname.find(name);
  if (it != index_.by_surname.end() && it->second.size() == 1) return it->second.front();
  return std::nullopt;
}

std::optional<uint32_t> SpeakerResolver::EntityByRole(std::string_view head,
                                                      uint32_t before) const {
  char buf[32] = {};
  if (head.size() > sizeof buf) return std::nullopt;
  const std::string_view word = FoldCase(head, buf, sizeof buf);
  BuildIndex();
  auto holders = index_.by_role_word.find(std::string(word));
  if (holders == index_.by_role_word.end()) return std::nullopt;
  std::optional<uint32_t> best;
  uint32_t best_pos = 0;
  for (uint32_t e : holders->second) {
    // One past the holder's last mention before `before`; 0 when none.
    const std::vector<uint32_t>& starts = index_.mention_starts[e];
    const auto after = std::lower_bound(starts.begin(), starts.end(), before);
    const uint32_t last = after == starts.begin() ? 0 : *std::prev(after) + 1;
    if (!best || last > best_pos) {
      best = e;
      best_pos = last;
    }
  }
  // "The prosecutor said" refers back: a holder first named after its
  // sentence is someone introduced later, not the one meant (measured on the
  // claims dev topics: the only holder, named later, was the wrong person).
  if (best_pos == 0) return std::nullopt;
  return best;
}

char SpeakerResolver::GenderOf(uint32_t entity) const {
  const std::string& name = article_.entities[entity].name;
  const std::string_view first = std::string_view(name).substr(0, name.find(' '));
  if (first.size() == name.size() || first.size() >= 32) return '?';
  char buf[32] = {};
  const entity::LexEntry* e = entity::Gazetteer::Get().Find(FoldCase(first, buf, sizeof buf));
  if (e == nullptr || !(e->flags & entity::kFirstName)) return '?';
  return e->gender == 'm' || e->gender == 'f' ? e->gender : '?';
}

bool SpeakerResolver::AmbiguousSurname(const Mention& m) const {
  if (m.entity >= article_.entities.size() ||
      article_.entities[m.entity].type != EntityType::kPerson) {
    return false;
  }
  const std::string_view text = article_.Text(m.span);
  if (text.find(' ') != std::string_view::npos) return false;
  BuildIndex();
  const auto it = index_.by_surname.find(text);
  return it != index_.by_surname.end() && it->second.size() > 1;
}

std::optional<uint32_t> SpeakerResolver::PronounTarget(const Mention& m, char gender,
                                                       bool* ambiguous) const {
  *ambiguous = false;
  // The first-name list's gender is not trusted to overrule the subject
  // rule on its own ("Ola" is listed female, and is a Norwegian man's name);
  // only to choose between namesakes.
  if (!AmbiguousSurname(m)) return m.entity;
  // "Lucia Pinochet ... Pinochet, 82, ... he said": the namesake of the
  // pronoun's gender, when every other one is known to be of the other.
  std::optional<uint32_t> fit;
  for (uint32_t e : index_.by_surname.find(article_.Text(m.span))->second) {
    const char g = GenderOf(e);
    if (gender != '?' && g != '?' && g != gender) continue;
    if (fit || g == '?' || gender == '?') {
      *ambiguous = true;
      return std::nullopt;
    }
    fit = e;
  }
  *ambiguous = !fit;
  return fit;
}

SpeakerRef SpeakerResolver::ResolvePronoun(uint32_t token,
                                           const std::vector<SpeakerRef>& known) const {
  const Token& t = text_.tokens[token];
  SpeakerRef ref;
  ref.span = Span{t.begin, t.end};
  // The entity annotator's own reading of the pronoun is the fallback: for
  // a speech verb the subject of the nearest sentence (below) is right more
  // often than general coreference ("accusing Arafat ... Clinton said ...
  // ``...,'' he said" is Clinton's).
  const Mention* annotated = MentionOver(t);
  if (annotated && annotated->kind != MentionKind::kPronoun) {
    ref.entity = annotated->entity;
    return ref;
  }
  const EntityType* wanted = lex_.PronounType(text_.Text(t));
  // The pronoun's gender picks between namesakes ("Lucia Pinochet ...
  // Pinochet, 82, ... he said") and vetoes the entity annotator's guess.
  const char gender = text_.WordIs(token, "he") || text_.WordIs(token, "him")    ? 'm'
                      : text_.WordIs(token, "she") || text_.WordIs(token, "her") ? 'f'
                                                                                 : '?';
  auto gender_fits = [&](uint32_t e) {
    const char g = GenderOf(e);
    return gender == '?' || g == '?' || g == gender;
  };
  if (annotated && gender_fits(annotated->entity)) ref.entity = annotated->entity;
  const bool person = wanted != nullptr && *wanted == EntityType::kPerson;
  const auto& ms = article_.mentions;
  for (uint32_t d = 0; d <= kPronounLookback && d <= t.sentence; ++d) {
    const Span sent = text_.sentences[t.sentence - d];
    const uint32_t limit = d == 0 ? t.begin : sent.end;
    std::optional<uint32_t> best;
    uint32_t best_pos = UINT32_MAX;
    auto it = std::lower_bound(ms.begin(), ms.end(), sent.begin,
                               [](const Mention& m, uint32_t b) { return m.span.begin < b; });
    bool blocked = false;  // the subject is a surname two people share, or someone's relative
    // "In his appearance with Kim, the president addressed ...": a name in
    // the clause that opens an earlier sentence is not its subject; when
    // the subject after it is a person no name gives, the pronoun means them.
    uint32_t subject_from = sent.begin;
    if (person && d > 0) {
      const auto first = TokenAt(sent.begin);
      if (first != text_.tokens.end()) {
        const uint32_t f = static_cast<uint32_t>(first - text_.tokens.begin());
        const uint32_t after = AfterOpeningClause(text_, lex_, f, text_.SentenceEnd(f));
        if (after != f) {
          subject_from = text_.tokens[after].begin;
          const std::optional<uint32_t> noun =
              (lex_.Classes(text_.Text(text_.tokens[after])) & kDeterminer)
                  ? PersonNounFrom(after + 1)
                  : std::nullopt;
          const auto named =
              std::lower_bound(it, ms.end(), subject_from,
                               [](const Mention& m, uint32_t b) { return m.span.begin < b; });
          // "his father, Qin Qinguo, said": unless a name stands beside it.
          if (noun && (named == ms.end() || !NameBeside(*noun, *named))) {
            best_pos = subject_from;
            blocked = true;
            it = ms.end();
          }
        }
      }
    }
    for (; it != ms.end() && it->span.begin < limit; ++it) {
      if (it->entity >= article_.entities.size() || !TypeFits(it->entity, wanted)) continue;
      if (it->kind == MentionKind::kPronoun || InsideQuotation(it->span.begin)) continue;
      // "In Rule's opinion, ...": a possessor there is whose view it is.
      if (it->span.begin < subject_from && AfterPossessive(*it) == 0) continue;
      // "Tamba's daughter posted a message. ``...,'' she wrote": the person
      // first named is whose daughter (lawyer, source) the subject is, not
      // the subject; the pronoun means the one no name here names, unless a
      // name stands beside the noun ("Tamba's daughter, Ada Tamba, ...").
      // Only in the sentences before: in the pronoun's own, what stands before
      // it is what it reports ("Imer's sister-in-law ... had been hurt, he said").
      if (const std::optional<uint32_t> noun = person && d > 0 ? RelationNoun(*it) : std::nullopt) {
        const auto next = std::next(it);
        if (next != ms.end() && next->span.begin < limit && NameBeside(*noun, *next) &&
            next->entity < article_.entities.size() && TypeFits(next->entity, wanted) &&
            next->kind != MentionKind::kPronoun && !RelationNoun(*next)) {
          it = next;
        } else {
          best_pos = it->span.begin;
          blocked = true;
          break;
        }
      }
      bool ambiguous = false;
      const std::optional<uint32_t> target = PronounTarget(*it, gender, &ambiguous);
      best = target;
      best_pos = it->span.begin;
      blocked = ambiguous;
      break;
    }
    // "Drello Vance's lawyer issued a statement", with no mention of him:
    // the pronoun still means the lawyer, not a person named further back.
    if (person && d > 0 && !best && !blocked && OpensWithRelationNoun(sent.begin, limit)) {
      blocked = true;
      best_pos = sent.begin;
    }
    // A person's name the entity annotator left unmarked ("Throughout the
    // years, Ecevit, 73, has ...") is still someone the pronoun can mean.
    if (person) {
      uint32_t pos = best_pos;
      if (const std::optional<uint32_t> e =
              UnmarkedPersonIn(subject_from, std::min(limit, best_pos), &pos)) {
        best = e;
        best_pos = pos;
        blocked = false;
      }
    }
    // The earliest known speaker in the sentence before `limit`, earlier than
    // the mention found, or after its verb wherever the mention is: the
    // reported words come first then and may name someone else ("Most of the
    // content about Anwar is false, said Azzman ... ``...,'' he said" is
    // Azzman's), provided it names or describes a person (a misread "said
    // the prison sentences" does not). On a tie between known speakers, the
    // first listed.
    // Read from the back, down to the sentence: `known` is in body order.
    // A speaker no entity names ("said the official") is still the one a
    // "he said" right after refers to: the pronoun then stays unresolved
    // rather than going to a person named further back.
    bool from_known = false;
    bool unnamed = false;
    for (size_t i = known.size(); i-- > 0;) {
      const SpeakerRef& k = known[i];
      if (k.span.begin < sent.begin) break;
      const bool earlier = k.span.begin < best_pos || (from_known && k.span.begin == best_pos) ||
                           (!from_known && k.after_verb && (k.entity || k.description.size() > 0));
      const bool fits = k.entity ? TypeFits(*k.entity, wanted) : UnnamedPersonFits(k.span, wanted);
      if (k.span.begin < limit && earlier && fits) {
        best = k.entity;
        best_pos = k.span.begin;
        from_known = true;
        unnamed = !k.entity;
        blocked = false;
      }
    }
    if (blocked) {
      ref.entity.reset();
      return ref;
    }
    if (best || unnamed) {
      ref.entity = best;
      if (unnamed) {
        for (size_t i = known.size(); i-- > 0;) {
          if (known[i].span.begin == best_pos) {
            ref.description = known[i].description;
            break;
          }
        }
      }
      return ref;
    }
  }
  return ref;
}

bool SpeakerResolver::PersonNounAt(uint32_t k) const {
  return k < text_.tokens.size() && text_.IsWord(k) && DescribesPerson(TokenRange{k, k});
}

// The first person noun within kRelationGap lowercase words from token `k`
// ("daughter" in "eldest daughter"), or none.
std::optional<uint32_t> SpeakerResolver::PersonNounFrom(uint32_t k) const {
  for (uint32_t words = 0; words < kRelationGap && k < text_.tokens.size(); ++words, ++k) {
    if (!text_.IsWord(k) || text_.tokens[k].capitalised || text_.tokens[k].quotation >= 0) break;
    if (PersonNounAt(k)) return k;
  }
  return std::nullopt;
}

// The token after the possessive `m` is written as ("Tamba's", "Roberts'"),
// or 0 when `m` is no possessive.
uint32_t SpeakerResolver::AfterPossessive(const Mention& m) const {
  auto first = TokenAt(m.span.begin);
  if (first == text_.tokens.end()) return 0;
  uint32_t last = static_cast<uint32_t>(first - text_.tokens.begin());
  while (last + 1 < text_.tokens.size() && text_.tokens[last].end < m.span.end) ++last;
  if (EndsPossessive(text_.Text(text_.tokens[last]))) return last + 1;
  const bool mark =
      last + 1 < text_.tokens.size() && text_.tokens[last + 1].begin == text_.tokens[last].end &&
      (text_.IsPunct(last + 1, '\'') || text_.Text(text_.tokens[last + 1]) == "\xE2\x80\x99");
  return mark ? last + 2 : 0;
}

std::optional<uint32_t> SpeakerResolver::RelationNoun(const Mention& m) const {
  auto first = TokenAt(m.span.begin);
  if (first == text_.tokens.end()) return std::nullopt;
  const uint32_t f = static_cast<uint32_t>(first - text_.tokens.begin());
  // The possessor: "Tamba's daughter", "Roberts' lawyer".
  if (const uint32_t after = AfterPossessive(m); after != 0)
    return OpensClause(f) ? PersonNounFrom(after) : std::nullopt;
  // The complement: "the daughter of Tamba", "a lawyer for Tamba", "a
  // source close to Tamba", "an aide to Tamba".
  if (f < 2 || !(text_.WordIs(f - 1, "of") || text_.WordIs(f - 1, "for") ||
                 text_.WordIs(f - 1, "to") || text_.WordIs(f - 1, "with")))
    return std::nullopt;
  uint32_t k = f - 2;
  if (k > 0 && (lex_.Classes(text_.Text(text_.tokens[k])) & kProximity)) --k;
  if (!PersonNounAt(k)) return std::nullopt;
  const uint32_t begin =
      k > 0 && (lex_.Classes(text_.Text(text_.tokens[k - 1])) & kDeterminer) ? k - 1 : k;
  return OpensClause(begin) ? std::optional<uint32_t>(k) : std::nullopt;
}

// A phrase at token `k` is its sentence's subject, as far as position
// tells: nothing before it but the quote, its verb, determiners and "one
// of" ("``...,'' said one of Anwar's lawyers"). An object ("found Imer's
// brother, Adem") or a phrase after an opening clause is not read.
bool SpeakerResolver::OpensClause(uint32_t k) const {
  const uint32_t first = text_.SentenceStart(k);
  while (k > first) {
    --k;
    const Token& t = text_.tokens[k];
    if (t.quotation >= 0 || t.kind == TokenKind::kOpenQuote || t.kind == TokenKind::kCloseQuote ||
        text_.IsPunct(k, ','))
      continue;
    if (!text_.IsWord(k)) return false;
    const uint32_t c = lex_.Classes(text_.Text(t));
    if ((c & (kDeterminer | kAnyCue)) || text_.WordIs(k, "of")) continue;
    return false;
  }
  return true;
}

// `m` names the person `noun` is: right after it, or after its comma.
bool SpeakerResolver::NameBeside(uint32_t noun, const Mention& m) const {
  for (uint32_t k = noun + 1; k <= noun + 2 && k < text_.tokens.size(); ++k) {
    if (text_.tokens[k].begin == m.span.begin) return true;
    if (!text_.IsPunct(k, ',')) return false;
  }
  return false;
}

// The words from `begin` open with a relative or agent of someone: a
// possessor and a person noun ("Drello Vance's lawyer", "His daughter"), or
// a person noun and its complement ("The daughter of ...").
bool SpeakerResolver::OpensWithRelationNoun(uint32_t begin, uint32_t end) const {
  auto it = TokenAt(begin);
  if (it == text_.tokens.end() || it->begin >= end) return false;
  uint32_t k = static_cast<uint32_t>(it - text_.tokens.begin());
  if (!text_.IsWord(k) || text_.tokens[k].quotation >= 0) return false;
  if (text_.WordIs(k, "his") || text_.WordIs(k, "her") || text_.WordIs(k, "their"))
    return PersonNounFrom(k + 1).has_value();
  for (uint32_t name = k;
       name < k + kRelationGap && text_.IsWord(name) && text_.tokens[name].capitalised; ++name) {
    if (EndsPossessive(text_.Text(text_.tokens[name]))) return PersonNounFrom(name + 1).has_value();
  }
  if (!(lex_.Classes(text_.Text(text_.tokens[k])) & kDeterminer)) return false;
  const std::optional<uint32_t> noun = PersonNounFrom(k + 1);
  if (!noun) return false;
  uint32_t prep = *noun + 1;
  if (prep < text_.tokens.size() && (lex_.Classes(text_.Text(text_.tokens[prep])) & kProximity))
    ++prep;
  return text_.WordIs(prep, "of") || text_.WordIs(prep, "for") || text_.WordIs(prep, "to") ||
         text_.WordIs(prep, "with");
}

std::optional<uint32_t> SpeakerResolver::UnmarkedPersonIn(uint32_t begin, uint32_t end,
                                                          uint32_t* pos) const {
  auto tk = std::lower_bound(text_.tokens.begin(), text_.tokens.end(), begin,
                             [](const Token& t, uint32_t b) { return t.begin < b; });
  for (; tk != text_.tokens.end() && tk->begin < end; ++tk) {
    if (tk->kind != TokenKind::kWord || !tk->capitalised || tk->quotation >= 0) continue;
    if (MentionOver(*tk) != nullptr) continue;
    // "At the White House, Clinton said": a word of a longer capitalised
    // name is not the surname it spells (Rick White).
    const auto next = tk + 1;
    const bool in_longer_name = next != text_.tokens.end() && next->kind == TokenKind::kWord &&
                                next->capitalised && next->sentence == tk->sentence &&
                                next->begin == tk->end + 1;
    if (in_longer_name) continue;
    const std::optional<uint32_t> e = EntityByName(text_.Text(*tk));
    if (e && article_.entities[*e].type == EntityType::kPerson) {
      *pos = tk->begin;
      return e;
    }
  }
  return std::nullopt;
}

// An unresolved speaker phrase a person pronoun can refer to: a singular
// common noun after a determiner ("the official", "a spokesman"), not a
// plural ("the officials"), a bare word ("often said") nor a capitalised name
// the annotator did not know.
bool SpeakerResolver::UnnamedPersonFits(Span span, const EntityType* wanted) const {
  if (wanted == nullptr || *wanted != EntityType::kPerson || span.size() == 0) return false;
  const std::string_view phrase = article_.Text(span);
  const std::string_view head = LastWord(phrase);
  const std::string_view first = phrase.substr(0, phrase.find(' '));
  if (first.size() == phrase.size() || !(lex_.Classes(first) & kDeterminer)) return false;
  if (head.empty() || head.back() == 's') return false;
  const unsigned char c = static_cast<unsigned char>(head[0]);
  return c >= 'a' && c <= 'z';
}

bool SpeakerResolver::DescribesPerson(const TokenRange& phrase) const {
  const Token& head = text_.tokens[phrase.last];
  if (head.kind != TokenKind::kWord || head.capitalised || head.quotation >= 0) return false;
  const std::string_view word = text_.Text(head);
  if (word.size() >= 32 || (lex_.Classes(word) & (kPronoun | kDeterminer | kAnyCue))) return false;
  char buf[32] = {};
  const std::string_view lower = FoldCase(word, buf, sizeof buf);
  // The role list (WordNet's hyponyms of official, leader, journalist, ...)
  // holds people one at a time; news also quotes the bodies that speak as
  // one and the anonymous source, which WordNet files elsewhere: the "group"
  // words of cues.txt.
  const auto& gaz = entity::Gazetteer::Get();
  for (size_t strip : {0, 1, 2}) {
    if (strip >= lower.size()) break;
    if (strip > 0 && lower[lower.size() - 1] != 's') break;
    if (strip == 2 && lower[lower.size() - 2] != 'e') break;
    const std::string_view stem = lower.substr(0, lower.size() - strip);
    const entity::LexEntry* e = gaz.Find(stem);
    if (e && (e->flags & (entity::kRole | entity::kHonorific))) return true;
    if (lex_.Classes(stem) & kGroup) return true;
  }
  return false;
}

SpeakerRef SpeakerResolver::Resolve(const Cue& cue, const std::vector<SpeakerRef>& known) const {
  SpeakerRef ref = ResolveEntity(cue, known);
  if (ref.entity || ref.description.size() > 0 || ref.span.size() == 0) return ref;
  const TokenRange& phrase = cue.speaker;
  if (phrase.first == phrase.last &&
      (lex_.Classes(text_.Text(text_.tokens[phrase.last])) & kPronoun))
    return ref;
  if (DescribesPerson(phrase) || (cue.has_outer && DescribesPerson(cue.outer))) {
    ref.description = ref.span;
    return ref;
  }
  if (const std::optional<uint32_t> named = PersonInAppositive(cue)) {
    ref.entity = named;
    return ref;
  }
  if (const std::optional<Span> name = UnknownPersonName(cue)) {
    ref.description = *name;
    return ref;
  }
  ref.entity = DocumentAuthor(phrase, known);
  return ref;
}

// "the leader of the majority, Rep. Dick Armey of Texas, told": a role the
// resolver cannot place, then the person it names in the appositive. Only
// one person named there, by a full name.
std::optional<uint32_t> SpeakerResolver::PersonInAppositive(const Cue& cue) const {
  if (cue.source.last <= cue.speaker.last || !text_.IsPunct(cue.speaker.last + 1, ',') ||
      cue.source.first > cue.speaker.first)
    return std::nullopt;
  std::optional<uint32_t> person;
  for (uint32_t k = cue.speaker.last + 2; k <= cue.source.last; ++k) {
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

SpeakerRef SpeakerResolver::ResolveEntity(const Cue& cue,
                                          const std::vector<SpeakerRef>& known) const {
  const TokenRange& phrase = cue.speaker;
  SpeakerRef ref = ResolveHead(phrase, known);
  // "Pinochet's son, Augusto, said": a name beside a possessive of the same
  // person is a relative or an agent who shares the name, never the person.
  if (ref.entity && !cue.speaker_after) {
    for (uint32_t k = cue.subject_begin; k < phrase.first && k < text_.tokens.size(); ++k) {
      const std::string_view word = text_.Text(text_.tokens[k]);
      const bool possessive = word.ends_with("'s") || word.ends_with("\xE2\x80\x99s");
      const Mention* m = possessive ? MentionOver(text_.tokens[k]) : nullptr;
      if (m == nullptr || m->entity != *ref.entity) continue;
      return DescribedSpeaker(cue.subject_begin, phrase.last);
    }
  }
  // The word before the name: "Fishermen [in] Brellick", "a lawyer [for] Ruth Vane".
  std::optional<uint32_t> before_name;
  if (ref.entity) {
    uint32_t k = phrase.last;
    while (k > 0 && text_.tokens[k].begin >= ref.span.begin) --k;
    // "an aide to Senator Ruth Vane": past the titles written before the name.
    while (k >= phrase.first && k > 0 && text_.IsWord(k) &&
           (lex_.Classes(text_.Text(text_.tokens[k])) & kTitle))
      --k;
    if (k + 1 >= phrase.first && text_.tokens[k].end <= ref.span.begin) before_name = k;
  }
  auto before_is = [&](std::string_view word) {
    return before_name && text_.WordIs(*before_name, word);
  };
  // "Fishermen in Brellick said": a name after "in" or "near" is where the
  // speakers are, whatever type the entity annotator gave a name it did not
  // know ("Brellick" alone reads like a surname). "at" and "from" stay
  // affiliations: "analysts at Goldman Sachs", "officials from Gazprom".
  const bool where_they_are = before_is("in") || before_is("near");
  // "a lawyer for Ruth Vane said", "an aide to Senator Vane said": the lawyer
  // speaks, not the client, so the quote is the described speaker's. A
  // spokesman for a company speaks as the company; only people are kept apart.
  if (ref.entity && article_.entities[*ref.entity].type == EntityType::kPerson &&
      (before_is("for") || before_is("to") || before_is("of")) && *before_name >= 1 &&
      DescribesPerson(TokenRange{*before_name - 1, *before_name - 1})) {
    uint32_t begin = std::min(phrase.first, *before_name - 1);
    if (begin == *before_name - 1 && begin > 0 && text_.IsWord(begin - 1) &&
        (lex_.Classes(text_.Text(text_.tokens[begin - 1])) & kDeterminer))
      --begin;
    return DescribedSpeaker(begin, phrase.last);
  }
  if (!where_they_are &&
      (!ref.entity || article_.entities[*ref.entity].type != EntityType::kPlace)) {
    // The span is the whole phrase as written, role words included ("White
    // House spokesman Josh Earnest"): PolNeAR's source spans are, and the
    // entity already names the person.
    if (ref.entity && ref.span.end == text_.tokens[phrase.last].end &&
        text_.tokens[phrase.first].begin < ref.span.begin) {
      ref.span.begin = text_.tokens[phrase.first].begin;
    }
    return ref;
  }
  // A place is where the speaker is, never who speaks: "a rights group in
  // Paris said" is the group's, "court officials in Madrid said" the
  // officials'. The head then sits before the preposition, inside the
  // phrase or (the walk stops at "in") in the cue's outer phrase.
  // "Rep. Dick Armey of Texas" inside "the leader of the majority, ...": the
  // person before the place speaks, whatever the outer phrase says.
  for (uint32_t k = phrase.last; k > phrase.first; --k) {
    if (!IsLocativePreposition(text_, k)) continue;
    if (k - 1 >= phrase.first && text_.IsWord(k - 1)) {
      SpeakerRef inner = ResolveHead(TokenRange{phrase.first, k - 1}, known);
      if (inner.entity && article_.entities[*inner.entity].type != EntityType::kPlace) return inner;
    }
    break;
  }
  if (cue.has_outer) {
    SpeakerRef outer = ResolveHead(cue.outer, known);
    if (outer.entity && article_.entities[*outer.entity].type == EntityType::kPlace)
      outer.entity.reset();
    outer.span = Span{text_.tokens[cue.outer.first].begin, text_.tokens[phrase.last].end};
    return outer;
  }
  // "Chile argues", "Israel said": the country stands for its government,
  // but which official spoke is not written; the quote is dropped from the
  // report rather than credited to a place (measured: crediting the country
  // lost more precision than it gained recall on the claims dev topics).
  ref.entity.reset();
  if (where_they_are) {
    ref.span = Span{text_.tokens[phrase.first].begin, text_.tokens[phrase.last].end};
  }
  return ref;
}

// "Secretary-General", "Vice-President": a title written with a hyphen is a
// title when each part is one.
bool SpeakerResolver::IsTitleWord(std::string_view word) const {
  if (word.find('-') == std::string_view::npos) return false;
  for (size_t b = 0; b <= word.size();) {
    const size_t dash = std::min(word.find('-', b), word.size());
    if (dash == b || !(lex_.Classes(word.substr(b, dash - b)) & kTitle)) return false;
    b = dash + 1;
  }
  return true;
}

// Token k is (part of) a mention of a place or organisation other than
// `entity`: "Ambassador to Russia Andrew Wood" is Andrew Wood, and "Russia"
// is where he serves, not a first name of another Wood.
bool SpeakerResolver::NamesSomethingElse(uint32_t k, uint32_t entity) const {
  const Mention* m = MentionOver(text_.tokens[k]);
  return m != nullptr && m->entity != entity && m->kind != MentionKind::kPronoun &&
         article_.entities[m->entity].type != EntityType::kPerson;
}

// "McKinney's father, Bill, also condemned the attack. [Two sentences about
// him.] ``...,'' McKinney said": a possessive of the surname within the
// pronoun lookback brings in a relative or agent the annotator may not have
// named, whom the bare surname may mean.
bool SpeakerResolver::RelativeNamedBefore(Span surname) const {
  const std::string_view name = article_.Text(surname);
  auto it = TokenAt(surname.begin);
  if (it == text_.tokens.end()) return false;
  const uint32_t sentence = it->sentence;
  while (it != text_.tokens.begin()) {
    --it;
    if (it->sentence + kPronounLookback < sentence) break;
    const std::string_view w = text_.Text(*it);
    if (w.size() > name.size() && w.starts_with(name) && EndsPossessive(w)) return true;
  }
  return false;
}

// A bare surname two people share, right after one of them spoke: "Race
// spokesman Peter Campbell said ... ``It's supposition,'' Campbell said" is
// Peter Campbell's, as a reader takes it, when the speaker just before is
// that namesake and spoke in this sentence or the two before it. Anything
// further back stays unresolved: a quote is never credited on a guess.
std::optional<uint32_t> SpeakerResolver::LastSpeakerNamed(
    const Mention& m, const std::vector<SpeakerRef>& known) const {
  const std::string_view surname = article_.Text(m.span);
  const auto at = TokenAt(m.span.begin);
  if (at == text_.tokens.end()) return std::nullopt;
  const uint32_t sentence = at->sentence;
  for (size_t i = known.size(); i-- > 0;) {
    const SpeakerRef& k = known[i];
    if (k.span.begin >= m.span.begin) continue;
    if (!k.entity || article_.entities[*k.entity].type != EntityType::kPerson) return std::nullopt;
    if (LastWord(article_.entities[*k.entity].name) != surname) return std::nullopt;
    const auto said = TokenAt(k.span.begin);
    if (said == text_.tokens.end()) return std::nullopt;
    const uint32_t spoke = said->sentence;
    if (spoke + kNamesakeLookback < sentence) return std::nullopt;
    return k.entity;
  }
  return std::nullopt;
}

SpeakerRef SpeakerResolver::ResolveHead(const TokenRange& phrase,
                                        const std::vector<SpeakerRef>& known) const {
  const Token& head = text_.tokens[phrase.last];
  if (phrase.first == phrase.last && (lex_.Classes(text_.Text(head)) & kPronoun)) {
    return ResolvePronoun(phrase.last, known);
  }
  SpeakerRef ref;
  if (const Mention* m = MentionOver(head)) {
    ref.entity = m->entity;
    ref.span = m->span;
    // "a tearful Lucia Varga told" where only "Varga" is a mention of Imre
    // Varga: a first name before the mention that the entity's name lacks
    // makes another person of the same family, not the entity.
    const uint32_t first = text_.tokens[phrase.first].begin;
    uint32_t k = phrase.last;
    while (k > phrase.first && text_.tokens[k - 1].end > m->span.begin) --k;
    if (m->span.begin > first && k > phrase.first && text_.IsWord(k - 1) &&
        text_.tokens[k - 1].capitalised && text_.tokens[k - 1].quotation < 0 &&
        !(lex_.Classes(text_.Text(text_.tokens[k - 1])) & (kTitle | kDeterminer | kSkip)) &&
        !IsTitleWord(text_.Text(text_.tokens[k - 1])) && !NamesSomethingElse(k - 1, m->entity) &&
        !EndsPossessive(text_.Text(text_.tokens[k - 1])) &&
        text_.Text(text_.tokens[k - 1]).back() != '.' &&  // "Mrs. Ciller", "Gen. Smith"
        article_.entities[m->entity].type == EntityType::kPerson &&
        article_.entities[m->entity].name.find(' ') != std::string::npos &&
        article_.entities[m->entity].name.find(text_.Text(text_.tokens[k - 1])) ==
            std::string::npos) {
      ref.span = Span{text_.tokens[k - 1].begin, m->span.end};
      ref.entity = EntityByName(article_.Text(ref.span));
    } else if (k > phrase.first && k - 1 >= phrase.first && text_.WordIs(k - 1, "the") &&
               text_.tokens[k - 1].end <= m->span.begin) {
      // "The New York Post said": the article is part of the name as written
      // (PolNeAR's source spans include it).
      ref.span.begin = text_.tokens[k - 1].begin;
    }
    if (ref.entity == m->entity && AmbiguousSurname(*m))
      ref.entity = RelativeNamedBefore(m->span) ? std::nullopt : LastSpeakerNamed(*m, known);
    // "``...,'' Daly said" where the annotator filed the bare surname as a
    // place while the article names Pat Daly: a place never speaks, and the
    // one person of that surname is the reader's reading.
    if (ref.entity == m->entity && article_.entities[m->entity].type == EntityType::kPlace &&
        phrase.first == phrase.last) {
      BuildIndex();
      const auto it = index_.by_surname.find(article_.Text(m->span));
      if (it != index_.by_surname.end() && it->second.size() == 1 && !RelativeNamedBefore(m->span))
        ref.entity = it->second.front();
    }
    return ref;
  }
  if (head.capitalised && !(lex_.Classes(text_.Text(head)) & kTitle)) {
    uint32_t k = phrase.last;
    while (k > phrase.first && text_.tokens[k - 1].capitalised && text_.IsWord(k - 1) &&
           !EndsPossessive(text_.Text(text_.tokens[k - 1])) &&
           !(lex_.Classes(text_.Text(text_.tokens[k - 1])) & kDeterminer)) {
      --k;
    }
    // Titles at the front are not part of the name ("Prime Minister Kenji
    // Watanabe"), unless dropping them leaves one word, which is then more
    // likely an organisation's ("Foreign Ministry", "General Staff").
    uint32_t after_title = k;
    for (uint32_t t = k; t < phrase.last; ++t) {
      if (lex_.Classes(text_.Text(text_.tokens[t])) & kTitle) after_title = t + 1;
    }
    if (phrase.last + 1 - after_title >= 2)
      k = after_title;  // "Indian Prime Minister | Rajiv Menon"
    ref.span = Span{text_.tokens[k].begin, head.end};
    ref.entity = EntityByName(article_.Text(ref.span));
    if (k > phrase.first && text_.WordIs(k - 1, "the")) ref.span.begin = text_.tokens[k - 1].begin;
    return ref;
  }
  ref.span = Span{text_.tokens[phrase.first].begin, head.end};
  // Holders named by the end of the phrase's sentence ("said the mayor of
  // Lyon, Anne Morel" names her in an appositive).
  ref.entity = EntityByRole(text_.Text(head), text_.sentences[head.sentence].end);
  return ref;
}

}  // namespace newsfuse::analyze::quote_internal
