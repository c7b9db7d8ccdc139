#include "analyze/quote/cues.h"

#include <algorithm>
#include <optional>
#include <string_view>

namespace newsfuse::analyze::quote_internal {
namespace {

constexpr uint32_t kMaxPhraseWords = 8;
// An appositive as long as news writes one: "Ahmed Qureia, speaker of the
// Palestinian Legislative Council and the head of the peace team that
// negotiated the Oslo accords, told reporters" is 17 tokens. (PolNeAR
// train, tuned on: 16 -> 20 tokens, source exact matches 6,361 -> 6,371
// for 13 more predicted; 24 added 2 more right for 5 more predicted.)
constexpr uint32_t kMaxAppositiveTokens = 20;
// "Before leaving Washington for this five-day trip to Japan, Korea and Guam,"
// before a subject: 17 tokens.
constexpr uint32_t kMaxOpeningTokens = 20;

class Words {
 public:
  Words(const QuoteText& text, const CueLexicon& lex) : text_(text), lex_(lex) {}

  bool IsWord(uint32_t i) const { return text_.IsWord(i) && text_.tokens[i].quotation < 0; }
  bool Is(uint32_t i, std::string_view w) const {
    if (!text_.IsWord(i)) return false;
    const std::string_view t = text_.Text(text_.tokens[i]);
    if (t.size() != w.size()) return false;
    for (size_t k = 0; k < t.size(); ++k) {
      char c = t[k];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != w[k]) return false;
    }
    return true;
  }
  bool FirstInSentence(uint32_t i) const {
    if (i == 0) return true;
    const Token& prev = text_.tokens[i - 1];
    return prev.sentence != text_.tokens[i].sentence || prev.kind == TokenKind::kOpenQuote ||
           prev.paragraph != text_.tokens[i].paragraph;
  }
  // A capitalised word inside a sentence is a name ("Hope Hicks said",
  // "Will Smith"), whatever the lexicon says the lowercase word is.
  uint32_t Classes(uint32_t i) const {
    if (!text_.IsWord(i)) return 0;
    const Token& t = text_.tokens[i];
    if (t.capitalised && !FirstInSentence(i)) {
      // Weekdays ("Peskov on Thursday said") are still skipped.
      return lex_.Classes(text_.Text(t)) & (kPronoun | kSkip | kTitle);
    }
    return lex_.Classes(text_.Text(t));
  }
  bool Capitalised(uint32_t i) const { return text_.IsWord(i) && text_.tokens[i].capitalised; }
  bool EndsWith(uint32_t i, std::string_view suffix) const {
    const std::string_view t = text_.Text(text_.tokens[i]);
    return t.size() > suffix.size() + 2 && t.substr(t.size() - suffix.size()) == suffix;
  }
  bool Possessive(uint32_t i) const {
    return EndsWith(i, "'s") || EndsWith(i, "\xE2\x80\x99s") || EndsWith(i, "s'");
  }
  bool EndsWithIng(uint32_t i) const {
    const std::string_view t = text_.Text(text_.tokens[i]);
    return t.size() > 4 && t.substr(t.size() - 3) == "ing";
  }

  const QuoteText& text() const { return text_; }
  const CueLexicon& lex() const { return lex_; }

 private:
  const QuoteText& text_;
  const CueLexicon& lex_;
};

bool IsPersonalPronoun(const Words& w, uint32_t i) {
  const uint32_t c = w.Classes(i);
  return (c & kPronoun) && !(c & kDeterminer) && !w.Is(i, "him");
}

// The words of a subject, walked leftwards from token `i` (inclusive).
bool WalkBack(const Words& w, int64_t i, int64_t lo, TokenRange* out) {
  int64_t first = -1;
  uint32_t count = 0;
  const int64_t last = i;
  while (i >= lo && count < kMaxPhraseWords) {
    const uint32_t k = static_cast<uint32_t>(i);
    if (!w.IsWord(k)) break;
    const uint32_t c = w.Classes(k);
    if (c & kDeterminer) {
      first = i;
      // "head of the fund", "spokesman for the ministry": keep walking.
      if (i - 1 >= lo && (w.Is(k - 1, "of") || w.Is(k - 1, "for"))) {
        i -= 2;
        count += 2;
        continue;
      }
      break;
    }
    if (c & (kStop | kAnyCue | kSkip)) break;
    if ((c & kPronoun) && i != last) break;
    first = i;
    --i;
    ++count;
  }
  if (first < 0) return false;
  // "of"/"for" left dangling at the front is not a phrase.
  const uint32_t f = static_cast<uint32_t>(first);
  if (w.Is(f, "of") || w.Is(f, "for")) return false;
  // A long run of lowercase words with no determiner is a clause, not a subject.
  bool any_capital = false;
  for (int64_t k = first; k <= last; ++k) any_capital |= w.Capitalised(static_cast<uint32_t>(k));
  // Lowercase words with no determiner ("officials", "U.S. officials") are
  // a subject only when short and not a verb or adverb form.
  if (!any_capital && !(w.Classes(f) & kDeterminer)) {
    if (last - first >= 2) return false;
    for (int64_t k = first; k <= last; ++k) {
      const uint32_t u = static_cast<uint32_t>(k);
      if (w.EndsWith(u, "ed") || w.EndsWith(u, "ly") || w.EndsWith(u, "ing")) return false;
    }
  }
  if (w.Possessive(static_cast<uint32_t>(last)) || w.Is(static_cast<uint32_t>(last), "of"))
    return false;
  *out = TokenRange{f, static_cast<uint32_t>(last)};
  return true;
}

// A proper name: every word capitalised, no determiner, no title at its end
// ("Kirill Dmitriev", "DTEK"; not "the mayor of Kharkiv", "The Chancellor").
// A "the" before a title belongs to the name as written ("the Rev. Anne Kitch").
bool NameLike(const Words& w, const TokenRange& r) {
  if (w.Classes(r.last) & kTitle) return false;
  const uint32_t first =
      r.first < r.last && w.Is(r.first, "the") && (w.Classes(r.first + 1) & kTitle) ? r.first + 1
                                                                                    : r.first;
  for (uint32_t k = first; k <= r.last; ++k) {
    if (!w.Capitalised(k) || (w.Classes(k) & kDeterminer)) return false;
  }
  return true;
}

bool Appositive(const Words& w, uint32_t comma2, uint32_t lo, TokenRange* out,
                uint32_t* subject_begin) {
  const QuoteText& text = w.text();
  int64_t comma1 = -1;
  for (int64_t k = static_cast<int64_t>(comma2) - 1;
       k >= static_cast<int64_t>(lo) && comma2 - k <= kMaxAppositiveTokens; --k) {
    const uint32_t u = static_cast<uint32_t>(k);
    if (text.tokens[u].kind != TokenKind::kWord) {
      if (text.IsPunct(u, ',')) {
        comma1 = k;
        break;
      }
      if (text.tokens[u].kind != TokenKind::kPunct) return false;
      // "Sen. Ann Vale, R-Ore., said": the period of an abbreviation right
      // before the closing comma; "(D-Calif.)" and "(FSB)" in parentheses.
      const bool abbreviation = text.IsPunct(u, '.') && u + 1 == comma2;
      // "Joe Torre, the Yankees' manager, said": a plural possessive's mark.
      const bool possessive = text.IsPunct(u, '\'') && u > 0 && text.IsWord(u - 1) &&
                              text.tokens[u - 1].end == text.tokens[u].begin;
      if (!(text.IsPunct(u, '-') || text.IsPunct(u, '(') || text.IsPunct(u, ')') || abbreviation ||
            possessive))
        return false;
    }
  }
  if (comma1 < 0) return false;
  TokenRange a, b;
  const bool a_ok = WalkBack(w, comma2 - 1, comma1 + 1, &a) && a.first == comma1 + 1;
  const bool b_ok = comma1 - 1 >= static_cast<int64_t>(lo) && WalkBack(w, comma1 - 1, lo, &b);
  if (!a_ok && !b_ok) return false;
  // "The envoy, Santiago Benadava, would offer only advice, said Insulza":
  // between the commas is a predicate (an auxiliary before any relative
  // pronoun: "an expert who has helped" is still an appositive), so the
  // phrase before it is that clause's subject, not the speaker; the cue's
  // speaker is then looked for after the verb.
  if (!a_ok) {
    for (uint32_t k = comma1 + 1; k < comma2; ++k) {
      if (w.Is(k, "who") || w.Is(k, "whose") || w.Is(k, "which") || w.Is(k, "whom")) break;
      if (w.IsWord(k) && (w.Classes(k) & kAux) && !w.Capitalised(k)) return false;
    }
  }
  if (b_ok && (!a_ok || NameLike(w, b) || !NameLike(w, a))) {
    *out = b;
  } else {
    *out = a;
  }
  *subject_begin = b_ok ? b.first : a.first;
  return true;
}

bool PhraseAfterImpl(const Words& w, uint32_t begin, uint32_t hi, TokenRange* out);
bool PhraseBeforeImpl(const Words& w, uint32_t end, uint32_t lo, TokenRange* out,
                      uint32_t* subject_begin);

bool IsProximity(const Words& w, uint32_t i) { return (w.Classes(i) & kProximity) != 0; }

bool IsBeForm(const Words& w, uint32_t i) {
  return w.Is(i, "is") || w.Is(i, "are") || w.Is(i, "was") || w.Is(i, "were") || w.Is(i, "be") ||
         w.Is(i, "been") || w.Is(i, "being");
}

// "El Mundo quoted Hiriart as saying": the speaker is the one quoted, between
// "quoted" and "as"; the subject ("El Mundo") only reports. `i` is the
// participle after "as".
bool QuotedAs(const Words& w, uint32_t i, uint32_t lo, TokenRange* out, uint32_t* subject_begin) {
  if (i < lo + 3 || !w.Is(i - 1, "as") || !w.EndsWithIng(i)) return false;
  for (uint32_t q = i - 2; q > lo; --q) {
    if (!w.IsWord(q) && !w.text().IsPunct(q, ',')) return false;
    if (!(w.Is(q, "quoted") || w.Is(q, "quotes") || w.Is(q, "quoting") || w.Is(q, "cited") ||
          w.Is(q, "cites") || w.Is(q, "citing")))
      continue;
    // The passive, "Aznar was quoted as saying": the subject is the one quoted.
    if (q + 2 == i) {
      return q > lo + 1 && IsBeForm(w, q - 1) && PhraseBeforeImpl(w, q - 1, lo, out, subject_begin);
    }
    if (!PhraseAfterImpl(w, q + 1, i - 1, out)) return false;
    // "quotes Steve Ballmer, Microsoft's president, as saying": past one
    // appositive between the name and "as".
    if (out->last + 2 != i &&
        !(out->last + 3 < i && w.text().IsPunct(out->last + 1, ',') &&
          w.text().IsPunct(i - 2, ',') && i - 2 - out->last <= kMaxAppositiveTokens))
      return false;
    TokenRange subject;
    uint32_t begin = q;
    if (!PhraseBeforeImpl(w, q, lo, &subject, &begin)) begin = q;
    *subject_begin = begin;
    return true;
  }
  return false;
}

// "an aide to Senator Vane", "a spokesman for Hollin Marsh": the walk stops
// at the preposition, but the subject starts at the agent noun before it
// (and its determiner). The resolver decides whose words they are; the
// subject's start is what ties a quote that ends right before it ("...,"
// an aide to Senator Vane said) to this cue.
uint32_t AgentBegin(const Words& w, const TokenRange& phrase, uint32_t lo) {
  const uint32_t first = phrase.first;
  if (first < lo + 2) return first;
  const uint32_t prep = first - 1;
  // "One diplomat in Kosovo": where the agent is, as the resolver reads it.
  if (!(w.Is(prep, "for") || w.Is(prep, "to") || w.Is(prep, "of") || w.Is(prep, "in") ||
        w.Is(prep, "near")))
    return first;
  const uint32_t noun = prep - 1;
  if (!w.IsWord(noun) || w.Capitalised(noun)) return first;
  if (w.Classes(noun) & (kStop | kAnyCue | kSkip | kPronoun | kDeterminer | kAux)) return first;
  if (noun > lo && w.IsWord(noun - 1) && (w.Classes(noun - 1) & kDeterminer)) return noun - 1;
  return noun;
}

bool PhraseBeforeImpl(const Words& w, uint32_t end, uint32_t lo, TokenRange* out,
                      uint32_t* subject_begin) {
  int64_t i = static_cast<int64_t>(end) - 1;
  // "he also said", "Peskov on Thursday said", "officials have said"; and
  // "they don't think", "they do not believe": forms of "do", which the skip
  // list (aux words) lacks.
  // Only before a verb that takes a clause: "if local authorities don't
  // observe the treaty" is no subject of a cue.
  const bool clause_verb = (w.Classes(end) & kBare) != 0;
  auto negated = [&](uint32_t k) {
    const std::string_view t = w.text().Text(w.text().tokens[k]);
    return clause_verb && (w.Is(k, "do") || w.Is(k, "does") || w.Is(k, "did") ||
                           (t.size() > 3 && (t.ends_with("n't") || t.ends_with("n\xE2\x80\x99t"))));
  };
  while (i >= lo && w.IsWord(static_cast<uint32_t>(i)) &&
         (((w.Classes(static_cast<uint32_t>(i)) & kSkip) &&
           !(w.Classes(static_cast<uint32_t>(i)) & kPronoun)) ||
          negated(static_cast<uint32_t>(i)))) {
    --i;
  }
  if (i < lo) return false;
  const uint32_t k = static_cast<uint32_t>(i);
  if (w.IsWord(k) && IsPersonalPronoun(w, k)) {
    *out = TokenRange{k, k};
    *subject_begin = k;
    return true;
  }
  if (w.text().IsPunct(k, ',')) return Appositive(w, k, lo, out, subject_begin);
  // "Peter Mandelson, who said": the relative pronoun's antecedent speaks.
  if ((w.Is(k, "who") || w.Is(k, "which")) && k > lo) {
    const uint32_t before = w.text().IsPunct(k - 1, ',') ? k - 1 : k;
    if (before <= lo || !WalkBack(w, before - 1, lo, out)) return false;
    *subject_begin = out->first;
    return true;
  }
  if (!WalkBack(w, i, lo, out)) return false;
  // "The society that oversees the speciality says": the object of a
  // relative clause (its verb ends in -s or -ed) is not the subject; the noun the clause belongs to
  // is.
  if (const uint32_t f = out->first;
      f >= lo + 3 && w.IsWord(f - 1) && !w.Capitalised(f - 1) &&
      (w.EndsWith(f - 1, "s") || w.EndsWith(f - 1, "ed")) &&
      !(w.Classes(f - 1) & (kStop | kAnyCue | kSkip | kDeterminer)) &&
      (w.Is(f - 2, "that") || w.Is(f - 2, "who") || w.Is(f - 2, "which"))) {
    if (!WalkBack(w, f - 3, lo, out)) return false;
  }
  *subject_begin = AgentBegin(w, *out, lo);
  // "a source close to Roberts", "people familiar with the talks": the name
  // is who the speaker is near, never the speaker.
  if (out->first >= lo + 2 && IsProximity(w, out->first - 2) &&
      (w.Is(out->first - 1, "to") || w.Is(out->first - 1, "with"))) {
    const uint32_t adjective = out->first - 2;
    if (adjective <= lo || !WalkBack(w, adjective - 1, lo, out)) return false;
    *subject_begin = out->first;
  }
  return true;
}

bool PhraseAfterImpl(const Words& w, uint32_t begin, uint32_t hi, TokenRange* out) {
  uint32_t i = begin;
  if (i >= hi || !w.IsWord(i)) return false;
  const uint32_t c = w.Classes(i);
  if (IsPersonalPronoun(w, i)) {
    *out = TokenRange{i, i};
    return true;
  }
  if (c & (kStop | kSkip | kAnyCue)) return false;
  uint32_t last = i;
  uint32_t count = 0;
  bool any_capital = false;
  while (i < hi && w.IsWord(i) && count < kMaxPhraseWords) {
    const uint32_t ci = w.Classes(i);
    if (i != begin && (ci & (kStop | kSkip | kAnyCue | kDeterminer))) break;
    // "Helen Carter of the Royal Society" stops at "of"; for "the Ministry
    // of Defence" the head "Ministry" still lies inside the entity mention.
    if (w.Is(i, "of")) break;
    // "The Herald endorsed ...": a past-tense verb right after a name ends it.
    if (i != begin && !w.Capitalised(i) && w.EndsWith(i, "ed") && w.Capitalised(i - 1) &&
        !(w.Classes(i - 1) & kDeterminer)) {
      break;
    }
    any_capital |= w.Capitalised(i);
    last = i;
    ++i;
    ++count;
  }
  // A bare lowercase word after the verb is an object ("said nothing"); a
  // speaker there is a name, a role before a name ("said economist Lena
  // Fischer"), a phrase with a determiner, or a short phrase that ends the
  // clause ("according to local police.").
  const bool ends_clause = i >= hi || !w.IsWord(i);
  if (!(c & kDeterminer) && !w.Capitalised(begin) && !any_capital && !(ends_clause && count <= 3))
    return false;
  // "according to a source close to Roberts": the source speaks; the name is
  // who it is near.
  if (last > begin && IsProximity(w, last) && (w.Is(last + 1, "to") || w.Is(last + 1, "with")))
    --last;
  if ((c & kDeterminer) && last == begin) return false;
  // "said Trump's campaign": the phrase goes on past the possessive.
  if (w.Possessive(last) || w.Is(last, "of")) return false;
  *out = TokenRange{begin, last};
  return true;
}

// Words after the verb that still belong to the cue ("said in a statement").
uint32_t MatchTail(const Words& w, uint32_t verb) {
  const QuoteText& text = w.text();
  for (const Phrase& tail : w.lex().Tails()) {
    uint32_t k = verb + 1;
    bool ok = true;
    for (const std::string& part : tail) {
      if (k >= text.tokens.size() || !w.IsWord(k)) {
        ok = false;
        break;
      }
      if (part == "NAME") {
        if (!w.Capitalised(k) || (w.lex().Classes(text.Text(text.tokens[k])) & kSkip)) {
          ok = false;
          break;
        }
      } else if (!w.Is(k, part)) {
        ok = false;
        break;
      }
      ++k;
    }
    if (ok) return k - 1;
  }
  return verb;
}

// "smiled and said", "and then said": the cue follows "and" (with skip words
// between), which itself follows a lowercase word of the sentence, not a
// comma ("X said it was over, and officials said") nor a name ("Smith and
// Jones said" already has its subject).
bool AfterVerbAnd(const Words& w, uint32_t verb, uint32_t lo) {
  uint32_t k = verb;
  while (k > lo + 1 && w.IsWord(k - 1) && (w.Classes(k - 1) & kSkip) &&
         !(w.Classes(k - 1) & kPronoun))
    --k;
  if (k <= lo + 1 || !w.Is(k - 1, "and")) return false;
  uint32_t before = k - 2;
  // "looked at Suharto and said": a name the verb before took as its object.
  while (before > lo && w.Capitalised(before) && !(w.Classes(before) & kPronoun)) --before;
  if (before < k - 2 && !(w.Classes(before) & (kStop | kAnyCue)) && !w.EndsWithIng(before) &&
      !w.EndsWith(before, "ed"))
    return false;
  const uint32_t barred = kPronoun | kDeterminer | (before < k - 2 ? 0u : uint32_t{kStop});
  return w.IsWord(before) && !w.Capitalised(before) && !(w.Classes(before) & barred);
}

// The words from `begin` to the "and" before `verb` are one predicate of
// the subject before `begin`: no clause opens there ("It was where the
// commander led ... and promised": "promised" is the commander's), no second
// "and" or comma, no be-form, except one parenthetical right after the
// subject ("Hodler, when pressed for comment, covered his mouth and said").
bool OneClauseBetween(const Words& w, uint32_t begin, uint32_t verb) {
  const QuoteText& text = w.text();
  uint32_t k = begin;
  if (k < verb && text.IsPunct(k, ',')) {
    do {
      ++k;
    } while (k < verb && !text.IsPunct(k, ',') && k - begin <= kMaxAppositiveTokens);
    if (k >= verb || !text.IsPunct(k, ',')) return false;
    ++k;
  }
  uint32_t and_seen = 0;
  for (; k < verb; ++k) {
    if (!w.IsWord(k)) return false;
    if (w.Is(k, "and") && ++and_seen > 1) return false;
    if (IsBeForm(w, k) || (w.Classes(k) & kAnyCue)) return false;
    for (std::string_view s :
         {"that",  "which",   "who",     "whom",     "whose",  "what",  "when",   "where",
          "while", "whereas", "because", "although", "though", "if",    "unless", "but",
          "or",    "as",      "since",   "until",    "after",  "before"})
      if (w.Is(k, s)) return false;
  }
  return true;
}

// "During his trip, he ...", "At one point, Camdessus ...": the first token
// after a clause that opens the sentence with a preposition or conjunction
// and ends at a comma before `verb`; `first` when there is none.
uint32_t AfterOpeningClause(const Words& w, uint32_t first, uint32_t verb) {
  if (!w.IsWord(first) || !(w.Classes(first) & (kStop | kSkip))) return first;
  // A clause or a conjunction, not an adverbial: "That he ..., "And he ...".
  for (std::string_view c : {"that", "which", "who", "whom", "whose", "what", "as", "than", "and",
                             "but", "or", "nor", "so", "yet"})
    if (w.Is(first, c)) return first;
  // A subordinate clause has a verb of its own ("Although the cancer had
  // spread, ..."); a phrase that opens with a preposition or adverb does not
  // ("Also on the panel are Keba Mbaye, ..." is the sentence, not an opening).
  bool clause = false;
  for (std::string_view c : {"although", "though", "because", "while", "when", "whenever", "if",
                             "unless", "after", "before", "since", "until", "whereas", "once"})
    clause |= w.Is(first, c);
  for (uint32_t k = first + 1; k < verb && k <= first + kMaxOpeningTokens; ++k) {
    if (w.text().IsPunct(k, ',')) return k + 1 < verb ? k + 1 : first;
    if (!w.IsWord(k) || (w.Classes(k) & kAnyCue)) return first;
    if (!clause && ((w.Classes(k) & kAux) || IsBeForm(w, k))) return first;
  }
  return first;
}

// Token k is a lowercase word that can be the verb after a subject ("he
// drew"), not a conjunction, preposition or article ("Japan, Korea and
// Guam", "Price, acknowledging").
bool VerbFollows(const Words& w, uint32_t k) {
  return w.IsWord(k) && !w.Capitalised(k) && !(w.Classes(k) & (kStop | kDeterminer)) &&
         !w.EndsWithIng(k);
}

// "Before leaving for Japan, Korea and Guam, he drew a parallel ...,
// saying": the subject after the opening clause, a pronoun or a name with
// its verb after it, found after the first of the clause's commas that is
// followed by one.
bool SubjectAfterOpeningClause(const Words& w, uint32_t first, uint32_t verb, TokenRange* out) {
  if (AfterOpeningClause(w, first, verb) == first) return false;
  for (uint32_t k = first + 1; k < verb && k <= first + kMaxOpeningTokens; ++k) {
    if (!w.text().IsPunct(k, ',')) {
      if (!w.IsWord(k) || (w.Classes(k) & kAnyCue)) return false;
      continue;
    }
    TokenRange subject;
    if (!PhraseAfterImpl(w, k + 1, verb, &subject)) continue;
    // "Ilse Varga drew": the walk right takes in a verb with no "-ed".
    for (uint32_t n = subject.first + 1; w.Capitalised(subject.first) && n <= subject.last; ++n) {
      if (!w.Capitalised(n)) {
        subject.last = n - 1;
        break;
      }
    }
    if ((IsPersonalPronoun(w, subject.first) || NameLike(w, subject)) &&
        VerbFollows(w, subject.last + 1)) {
      *out = subject;
      return true;
    }
  }
  return false;
}

// "continued, ``...''", "continued: ``...''": an opening mark right after
// the verb.
bool OpensQuoteAfter(const QuoteText& text, uint32_t verb) {
  uint32_t k = verb + 1;
  if (k < text.tokens.size() && (text.IsPunct(k, ',') || text.IsPunct(k, ':'))) ++k;
  return k < text.tokens.size() && text.tokens[k].kind == TokenKind::kOpenQuote;
}

// "``...,'' he continued": a closing mark (and its comma) right before the
// verb's subject, of at most three words, or right before an inverted verb
// ("``...,'' continued Hyde").
bool ClosesQuoteBefore(const QuoteText& text, uint32_t verb) {
  for (uint32_t k = verb, words = 0; k-- > 0 && words <= 3;) {
    if (text.tokens[k].kind == TokenKind::kCloseQuote) return true;
    if (text.IsPunct(k, ',') && k > 0 && text.tokens[k - 1].kind == TokenKind::kCloseQuote)
      return true;
    if (!text.IsWord(k) || text.tokens[k].quotation >= 0) return false;
    ++words;
  }
  return false;
}

// The comma at `comma` closes a relative clause of a person ("X, who chairs
// the panel, said") with no comma inside: `*rel` gets the comma that opens
// it, before "who" or "whose".
bool RelativeClauseBefore(const Words& w, uint32_t comma, uint32_t lo, uint32_t* rel) {
  const QuoteText& text = w.text();
  for (uint32_t k = comma; k-- > lo + 1 && comma - k <= kMaxAppositiveTokens;) {
    if (text.tokens[k].quotation >= 0 || text.tokens[k].kind == TokenKind::kOpenQuote ||
        text.tokens[k].kind == TokenKind::kCloseQuote)
      return false;
    // One clause only: "The business, which was old, was shut, said Wang" is
    // Wang's.
    if (text.IsPunct(k, ',')) return false;
    if (!(w.Is(k, "who") || w.Is(k, "whose"))) continue;
    if (!text.IsPunct(k - 1, ',')) return false;
    *rel = k - 1;
    return true;
  }
  return false;
}

// The antecedent of the relative clause opened by the comma `rel`: a name
// with its appositive ("Rep. Nan Vole, D-Ore.,", "a lawyer, Ada Pim,") or
// the phrase right before it.
bool Antecedent(const Words& w, uint32_t rel, uint32_t lo, TokenRange* out,
                uint32_t* subject_begin) {
  if (rel <= lo) return false;
  if (Appositive(w, rel, lo, out, subject_begin)) return true;
  if (!WalkBack(w, rel - 1, lo, out)) return false;
  *subject_begin = out->first;
  return true;
}

uint32_t SentenceEndToken(const QuoteText& text, uint32_t i) {
  const uint32_t s = text.tokens[i].sentence;
  while (i + 1 < text.tokens.size() && text.tokens[i + 1].sentence == s &&
         text.tokens[i + 1].paragraph == text.tokens[i].paragraph) {
    ++i;
  }
  return i + 1;
}

int32_t LastCueInSentence(const std::vector<Cue>& cues, const QuoteText& text, uint32_t sentence) {
  for (size_t k = cues.size(); k-- > 0;) {
    if (text.tokens[cues[k].verb].sentence != sentence) return -1;
    if (cues[k].has_speaker) return static_cast<int32_t>(k);
    if (cues[k].shares_speaker_of >= 0) return cues[k].shares_speaker_of;
  }
  return -1;
}

// The cue `k` is itself inside what an earlier cue of its sentence reports
// ("She said [authorities have denied lawyers access], and asked: ..."): the
// index of that earlier cue, whose speaker a verb with no subject of its own
// after `k` goes on from ("and asked" is hers); -1 when `k` is not nested.
// (PolNeAR train+dev, tuned on: source exact matches 7,068 -> 7,076, against
// 7,068 -> 7,067 when such a verb got no speaker at all.)
int32_t InsideReportedClause(const std::vector<Cue>& cues, const QuoteText& text, int32_t k) {
  const Cue& inner = cues[static_cast<size_t>(k)];
  const uint32_t sentence = text.tokens[inner.verb].sentence;
  for (size_t j = static_cast<size_t>(k); j-- > 0;) {
    if (text.tokens[cues[j].verb].sentence != sentence) return -1;
    if (cues[j].has_speaker && !cues[j].speaker_after && cues[j].verb < inner.subject_begin)
      return static_cast<int32_t>(j);
  }
  return -1;
}

// "Court officials in Madrid said", "a rights group in Paris said": the
// walk stops at the preposition; the phrase before it is kept for the
// resolver, which reads it when the phrase after it names a place.
void OuterPhrase(const Words& w, uint32_t lo, Cue* cue) {
  const uint32_t first = cue->speaker.first;
  if (first < lo + 2) return;
  const uint32_t prep = first - 1;
  if (!(w.Is(prep, "in") || w.Is(prep, "at") || w.Is(prep, "from") || w.Is(prep, "near"))) return;
  TokenRange outer;
  if (!WalkBack(w, prep - 1, lo, &outer)) return;
  cue->has_outer = true;
  cue->outer = outer;
  cue->subject_begin = std::min(cue->subject_begin, outer.first);
}

// "The union issued a statement Sunday calling the deal ``a betrayal''": a
// participle after a document a subject issued ("issued a statement",
// "released a letter") frames the issuer's words; the document is not its
// author, and the speaker is the subject of the verb before it.
void IssuerOfDocument(const Words& w, uint32_t participle, uint32_t lo, Cue* cue) {
  const TokenRange document = cue->speaker;
  if (!w.EndsWithIng(participle) || document.first <= lo + 1 ||
      !(w.Classes(document.first) & kDeterminer) || !(w.Classes(document.last) & kDocument))
    return;
  const uint32_t verb = document.first - 1;
  if (!w.IsWord(verb) || w.Capitalised(verb) || (w.Classes(verb) & kAnyCue)) return;
  TokenRange issuer;
  uint32_t begin = 0;
  if (!PhraseBeforeImpl(w, verb, lo, &issuer, &begin)) return;
  cue->speaker = issuer;
  cue->subject_begin = begin;
}

// The speaker phrase with the appositive that goes with it: before the verb,
// everything from the subject's start to the comma before the verb; after
// it, a comma (or "of") and the words up to the end of the sentence, when
// they hold no quote mark, no other cue and no second comma-clause that
// starts with a cue ("said Fischer, adding that").
TokenRange SourceExtent(const Words& w, const Cue& cue, uint32_t hi) {
  const QuoteText& text = w.text();
  TokenRange r = cue.speaker;
  if (!cue.speaker_after) {
    int64_t k = static_cast<int64_t>(cue.verb) - 1;
    while (k > cue.speaker.last && w.IsWord(static_cast<uint32_t>(k))) --k;
    // Only an appositive: the speaker phrase ends at its first comma or at
    // the comma before the verb ("The Herald endorsed her, saying" has none).
    const uint32_t comma = static_cast<uint32_t>(k);
    if (comma <= cue.speaker.last || !text.IsPunct(comma, ',')) return r;
    if (cue.speaker.last + 1 != comma && !text.IsPunct(cue.speaker.last + 1, ',')) return r;
    // "The minister, speaking to reporters, said": a participle clause, not a name.
    if (cue.speaker.last + 1 != comma && w.EndsWithIng(cue.speaker.last + 2)) return r;
    r.first = std::min(cue.subject_begin, cue.speaker.first);
    r.last = comma - 1;
    return r;
  }
  const uint32_t next = cue.speaker.last + 1;
  if (next >= hi || !(text.IsPunct(next, ',') || w.Is(next, "of"))) return r;
  constexpr uint32_t kMaxAppositive = 24;
  uint32_t last = cue.speaker.last;
  for (uint32_t k = next; k < hi && k <= next + kMaxAppositive; ++k) {
    const Token& t = text.tokens[k];
    if (t.kind == TokenKind::kOpenQuote || t.kind == TokenKind::kCloseQuote || t.quotation >= 0)
      return r;
    if (w.IsWord(k) && (w.Classes(k) & kAnyCue)) return r;
    if (text.EndsSentence(k)) break;
    // ", on Facebook", ", when asked ...": what follows a later comma and
    // opens with a preposition or conjunction is the sentence's, not the name's.
    if (k > next && text.IsPunct(k, ',') && w.IsWord(k + 1) &&
        (w.Classes(k + 1) & (kStop | kSkip)) && !w.Is(k + 1, "who") && !w.Is(k + 1, "whose") &&
        !w.Is(k + 1, "which")) {
      break;
    }
    if (t.kind == TokenKind::kWord) last = k;
    if (k == next + kMaxAppositive) return r;
  }
  r.last = last;
  return r;
}

}  // namespace

uint32_t AfterOpeningClause(const QuoteText& text, const CueLexicon& lex, uint32_t first,
                            uint32_t end) {
  return AfterOpeningClause(Words(text, lex), first, end);
}

// "emerged from the session saying", "echoed the sentiments of many players
// by saying": a participle after "by", or after the object of a
// preposition, is the sentence subject's, like one after a comma; the noun
// before it ("the session") never speaks.
bool ParticipleOfTheSubject(const Words& w, uint32_t participle, uint32_t lo) {
  if (participle < lo + 2) return false;
  if (w.Is(participle - 1, "by")) return true;
  TokenRange object;
  uint32_t begin = participle;
  if (!PhraseBeforeImpl(w, participle, lo, &object, &begin) || begin < lo + 2) return false;
  // "footage of Trump saying": a name or pronoun right before it is its subject.
  if (w.Capitalised(object.first) || w.Capitalised(object.last) ||
      IsPersonalPronoun(w, object.last))
    return false;
  for (std::string_view prep : {"from", "with", "to", "at", "in", "on", "into", "of", "for"})
    if (w.Is(begin - 1, prep)) return true;
  return false;
}

// "But she attempted ..., asserting": the sentence's subject comes after a
// conjunction that opens it.
uint32_t AfterConjunction(const Words& w, uint32_t first, uint32_t end) {
  for (std::string_view c : {"but", "and", "yet"})
    if (w.Is(first, c) && first + 1 < end) return first + 1;
  return first;
}

// "As Rep. Mark Sanford, R-S.C., put it, ``...''": the subject between
// "as" and "put it" speaks the quote that follows; a cue only for a quote
// right after it (kQuoting), never for reported speech.
std::optional<Cue> AsPutIt(const Words& w, uint32_t i, uint32_t lo) {
  const QuoteText& text = w.text();
  if (i + 3 >= text.tokens.size() || !w.Is(i, "put") || !w.Is(i + 1, "it") ||
      !(text.IsPunct(i + 2, ',') || text.IsPunct(i + 2, ':')) ||
      text.tokens[i + 3].kind != TokenKind::kOpenQuote)
    return std::nullopt;
  Cue cue;
  cue.verb = i;
  cue.last = i + 1;
  cue.classes = kQuoting;
  if (!PhraseBeforeImpl(w, i, lo, &cue.speaker, &cue.subject_begin) || cue.subject_begin <= lo ||
      !w.Is(cue.subject_begin - 1, "as"))
    return std::nullopt;
  cue.has_speaker = true;
  cue.source = TokenRange{cue.subject_begin, i - 1};
  while (cue.source.last > cue.source.first && !text.IsWord(cue.source.last)) --cue.source.last;
  return cue;
}

std::vector<Cue> FindCues(const QuoteText& text, const CueLexicon& lex) {
  const Words w(text, lex);
  std::vector<Cue> cues;
  uint32_t sentence_first = 0;
  for (uint32_t i = 0; i < text.tokens.size(); ++i) {
    if (w.FirstInSentence(i)) sentence_first = i;
    if (!w.IsWord(i)) continue;
    const bool according = w.Is(i, "according") && w.Is(i + 1, "to");
    // Length first: nearly every word is turned away before the call.
    if (text.tokens[i].end - text.tokens[i].begin == 3 && w.Is(i, "put")) {
      if (const std::optional<Cue> put = AsPutIt(w, i, sentence_first)) {
        cues.push_back(*put);
        continue;
      }
    }
    const uint32_t classes = according ? 0 : w.Classes(i);
    const bool quoting = !according && !(classes & kAnyCue) && (classes & kQuoting);
    if (!according && !(classes & kAnyCue) && !quoting) continue;
    if (quoting && !OpensQuoteAfter(text, i) && !ClosesQuoteBefore(text, i)) continue;
    const uint32_t hi = SentenceEndToken(text, i);  // only for candidates: keeps the scan linear
    Cue cue;
    cue.verb = i;
    if (according) {
      cue.according = true;
      cue.last = i + 1;
      cue.speaker_after = true;
      cue.has_speaker = PhraseAfterImpl(w, i + 2, hi, &cue.speaker);
      cue.subject_begin = i;
      cues.push_back(cue);
      continue;
    }
    cue.classes = classes;
    // Nouns ("a call", "the report", "his remarks"), infinitives ("declined
    // to comment") and passives ("is said to", "was told") are not cues.
    if (i > sentence_first && w.IsWord(i - 1)) {
      const uint32_t prev = w.Classes(i - 1);
      if ((prev & kDeterminer) || w.Is(i - 1, "to")) continue;
      // "said in a front-page comment:": a cue word after a preposition, a
      // determiner and one modifier, with a colon or comma after it, is a
      // noun too ("officials at the scene said the" is a verb).
      if (i > sentence_first + 2 && (text.IsPunct(i + 1, ':') || text.IsPunct(i + 1, ',')) &&
          (w.Classes(i - 2) & kDeterminer) && !w.Capitalised(i - 1) &&
          !(prev & (kAnyCue | kStop | kAux | kPronoun)) &&
          (w.Is(i - 3, "in") || w.Is(i - 3, "on") || w.Is(i - 3, "at") || w.Is(i - 3, "with")))
        continue;
      // "dismissed reports that", "denied claims that": a cue word right
      // after a past-tense cue verb is its object, a noun. A noun before the
      // cue is its subject ("the report said", "one tweet said"), and a
      // participle stays a verb ("his remarks calling").
      const bool past = w.EndsWith(i - 1, "ed") || w.Is(i - 1, "said") || w.Is(i - 1, "told");
      if ((prev & kAnyCue) && past && !w.Capitalised(i - 1) && !w.EndsWithIng(i)) continue;
      if (IsBeForm(w, i - 1) && !w.EndsWithIng(i)) continue;
    }
    cue.last = MatchTail(w, i);
    const int32_t before = LastCueInSentence(cues, text, text.tokens[i].sentence);
    // A participle after a comma ("..., adding that") has no subject of its
    // own: it shares the speaker of the cue before it, or failing one the
    // sentence's subject. Without the comma ("with Umerov describing it as")
    // the phrase before it is its subject.
    // Inside a reported clause ("told CBS that the campaign expects Holt to
    // insert himself by calling out ...") whose subject a participle with no
    // comma has is unclear: there only the comma makes it one.
    const bool participle =
        w.EndsWithIng(i) && i > sentence_first &&
        (text.IsPunct(i - 1, ',') || (before < 0 && ParticipleOfTheSubject(w, i, sentence_first)));
    bool relative_source = false;
    if (QuotedAs(w, i, sentence_first, &cue.speaker, &cue.subject_begin)) {
      cue.has_speaker = true;
      // "quotes Lars Ebbe, the firm's president, as saying": the source is
      // the name and its appositive, not the subject that quotes.
      if (cue.speaker.last + 3 < i && text.IsPunct(cue.speaker.last + 1, ',') &&
          text.IsPunct(i - 2, ',')) {
        cue.source = TokenRange{cue.speaker.first, i - 3};
        relative_source = true;
      }
    } else if (participle) {
      if (before >= 0) {
        cue.shares_speaker_of = before;
      } else if (PhraseAfterImpl(w, AfterConjunction(w, sentence_first, i), i, &cue.speaker)) {
        // "The Post endorsed Clinton, saying ...": the sentence's subject.
        cue.has_speaker = true;
        cue.subject_begin = i;
      } else if (SubjectAfterOpeningClause(w, sentence_first, i, &cue.speaker)) {
        // "During his trip, he drew a parallel ..., saying ...": the subject
        // after the opening clause, when it is a pronoun or a name.
        cue.has_speaker = true;
        cue.subject_begin = i;
      }
    } else if (PhraseBeforeImpl(w, i, sentence_first, &cue.speaker, &cue.subject_begin)) {
      cue.has_speaker = true;
      IssuerOfDocument(w, i, sentence_first, &cue);
      OuterPhrase(w, sentence_first, &cue);
    } else if (uint32_t rel = 0; i > sentence_first + 2 && text.IsPunct(i - 1, ',') &&
                                 RelativeClauseBefore(w, i - 1, sentence_first, &rel)) {
      // "Rep. Nan Vole, D-Ore., who chairs the panel, said the cuts were
      // ...": the relative clause's antecedent speaks, never the phrase after
      // the verb ("the cuts"). The source as written stops before "who".
      if (Antecedent(w, rel, sentence_first, &cue.speaker, &cue.subject_begin)) {
        cue.has_speaker = true;
        cue.source = TokenRange{std::min(cue.subject_begin, cue.speaker.first), rel - 1};
        relative_source = true;
      }
    } else if ((i == sentence_first || text.IsPunct(i - 1, ',') ||
                text.tokens[i - 1].kind == TokenKind::kCloseQuote) &&
               PhraseAfterImpl(w, cue.last + 1, hi, &cue.speaker)) {
      cue.has_speaker = true;
      cue.speaker_after = true;
      cue.subject_begin = i;
    } else if (before >= 0) {
      const int32_t outer = InsideReportedClause(cues, text, before);
      cue.shares_speaker_of = outer >= 0 ? outer : before;  // "and added that"
    } else if (TokenRange subject;
               AfterVerbAnd(w, i, sentence_first) &&
               PhraseAfterImpl(w, AfterOpeningClause(w, sentence_first, i), i, &subject) &&
               (IsPersonalPronoun(w, subject.first) || NameLike(w, subject)) &&
               OneClauseBetween(w, subject.last + 1, i)) {
      // "Strawberry remained optimistic and said, ``...''": a verb joined by
      // "and" to the sentence's first verb has that verb's subject.
      cue.speaker = subject;
      cue.has_speaker = true;
      cue.subject_begin = i;
    }
    if (!cue.has_speaker) cue.subject_begin = i;
    if (!relative_source) {
      cue.source = cue.speaker;
      if (cue.has_speaker && !cue.according && !cue.has_outer)
        cue.source = SourceExtent(w, cue, hi);
    }
    cues.push_back(cue);
  }
  return cues;
}

}  // namespace newsfuse::analyze::quote_internal
