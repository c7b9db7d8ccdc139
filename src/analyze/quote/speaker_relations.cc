// Relatives, agents and sources: whose daughter, lawyer or source a phrase
// names, so that a pronoun after "Tamba's daughter posted ..." means her, not
// Tamba. Part of SpeakerResolver (speaker.h).
#include <optional>

#include "analyze/quote/speaker.h"

namespace newsfuse::analyze::quote_internal {
namespace {

// Words between a possessor and the person noun it owns ("Tamba's eldest
// daughter"), and the longest possessor name ("Drello Vance's").
constexpr uint32_t kRelationGap = 3;

}  // namespace

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

}  // namespace newsfuse::analyze::quote_internal
