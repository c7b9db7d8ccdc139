#include "analyze/quote/quotes.h"

#include <algorithm>

#include "analyze/quote/cue_lexicon.h"
#include "analyze/quote/cues.h"
#include "analyze/quote/quote_text.h"
#include "analyze/quote/reported.h"
#include "analyze/quote/speaker.h"

namespace newsfuse::analyze {
namespace {

using namespace quote_internal;

constexpr uint32_t kAfterWindow = 30;   // tokens from a closing mark to its cue (appositives)
constexpr uint32_t kBeforeWindow = 45;  // tokens from a cue to the opening mark it governs
constexpr uint32_t kMinUnattributedWords = 6;
constexpr uint32_t kMaxLeadWords = 5;  // "a third lawyer," before the name that speaks

class QuoteFinder {
 public:
  QuoteFinder(AnnotatedArticle& article, const text::Tokens* scan)
      : article_(article),
        lex_(CueLexicon::Default()),
        text_(BuildQuoteText(article.body, article.sentences, scan)),
        cues_(FindCues(text_, lex_)),
        resolver_(article, text_, lex_) {}

  void Run() {
    ResolveSpeakers();
    LinkQuotations();
    const std::vector<Quote> reported =
        FindReportedSpeech(text_, lex_, cues_, speakers_, has_speaker_, after_cue_);
    found_.insert(found_.end(), reported.begin(), reported.end());
    std::stable_sort(found_.begin(), found_.end(), [](const Quote& a, const Quote& b) {
      return a.content.begin != b.content.begin ? a.content.begin < b.content.begin
                                                : a.direct > b.direct;
    });
    article_.quotes.insert(article_.quotes.end(), found_.begin(), found_.end());
  }

 private:
  // ---- speakers ----
  void ResolveSpeakers() {
    speakers_.resize(cues_.size());
    has_speaker_.assign(cues_.size(), false);
    std::vector<SpeakerRef> known;
    for (size_t c = 0; c < cues_.size(); ++c) {
      const Cue& cue = cues_[c];
      if (cue.has_speaker) {
        speakers_[c] = resolver_.Resolve(cue, known);
        speakers_[c].after_verb = cue.speaker_after;
        has_speaker_[c] = true;
        WidenToSource(cue, &speakers_[c].span);
        // Unresolved phrases too ("said the official"), not pronouns: a later
        // "he said" may refer to them (see ResolvePronoun).
        if (speakers_[c].entity || cue.speaker.first != cue.speaker.last ||
            !(lex_.Classes(text_.Text(text_.tokens[cue.speaker.last])) & kPronoun)) {
          known.push_back(speakers_[c]);
        }
      } else if (cue.shares_speaker_of >= 0 &&
                 has_speaker_[static_cast<size_t>(cue.shares_speaker_of)]) {
        speakers_[c] = speakers_[static_cast<size_t>(cue.shares_speaker_of)];
        has_speaker_[c] = true;
      }
    }
  }

  // The span as written takes in the appositive of the speaker phrase.
  void WidenToSource(const Cue& cue, Span* span) const {
    if (cue.source.first == cue.speaker.first && cue.source.last == cue.speaker.last) return;
    const uint32_t begin = text_.tokens[cue.source.first].begin;
    const uint32_t end = text_.tokens[cue.source.last].end;
    if (span->size() == 0 || span->end < begin || span->begin > end) return;
    span->begin = std::min(span->begin, begin);
    span->end = std::max(span->end, end);
  }

  int32_t CueAt(uint32_t token) const {
    auto it = std::lower_bound(cues_.begin(), cues_.end(), token,
                               [](const Cue& c, uint32_t t) { return c.verb < t; });
    return it != cues_.end() && it->verb == token ? static_cast<int32_t>(it - cues_.begin()) : -1;
  }

  bool IsMark(uint32_t k) const {
    const TokenKind kind = text_.tokens[k].kind;
    return kind == TokenKind::kOpenQuote || kind == TokenKind::kCloseQuote;
  }

  // ---- direct quotes ----
  int32_t CueAfter(const Quotation& q) const {
    if (!q.closed) return -1;
    const size_t n = text_.tokens.size();
    uint32_t j = q.close + 1;
    if (j < n && text_.IsPunct(j, ',')) ++j;
    if (j >= n || text_.tokens[j].paragraph != text_.tokens[q.close].paragraph) return -1;
    // A quote that ends its sentence with a period (``I am here.'') and is
    // followed by a capital starts a new sentence: "He said ``...''" there
    // introduces the next quote; attribution after a quote takes a comma.
    if (j == q.close + 1 && q.content.end > q.content.begin &&
        article_.body[q.content.end - 1] == '.' && text_.tokens[j].capitalised) {
      return -1;
    }
    for (uint32_t k = j; k < n && k < j + kAfterWindow; ++k) {
      if (IsMark(k) || text_.EndsSentence(k) ||
          text_.tokens[k].paragraph != text_.tokens[j].paragraph)
        break;
      const int32_t c = CueAt(k);
      if (c < 0) continue;
      const Cue& cue = cues_[static_cast<size_t>(c)];
      const bool subject_first = cue.has_speaker && !cue.speaker_after &&
                                 (cue.subject_begin == j || LeadsToSubject(j, cue.subject_begin));
      const bool verb_first = cue.verb == j && (cue.speaker_after || cue.according);
      // ``You resign!'' Livingston continued, ``I can only ...'': a verb that
      // cues only the quote beside it, with quotes on both sides, goes back
      // to the one before only when it splits it (that one ends on a comma).
      if (!cue.according && !(cue.classes & kAnyCue) && article_.body[q.content.end - 1] != ',' &&
          OpensQuoteRightAfter(cue.last))
        return -1;
      return subject_first || verb_first ? c : -1;
    }
    return -1;
  }

  // ``...,'' a third lawyer, Bruce Mane, who represents the family, told
  // ...: the cue's subject starts at the name its relative clause follows;
  // the noun phrase and comma before it (tokens [j, subject)) lead to it.
  bool LeadsToSubject(uint32_t j, uint32_t subject) const {
    if (subject < j + 2 || subject - j > kMaxLeadWords + 1 || !text_.IsPunct(subject - 1, ','))
      return false;
    if (!(lex_.Classes(text_.Text(text_.tokens[j])) & kDeterminer)) return false;
    for (uint32_t k = j; k + 1 < subject; ++k) {
      if (!text_.IsWord(k) || text_.tokens[k].quotation >= 0 ||
          (lex_.Classes(text_.Text(text_.tokens[k])) & (kAnyCue | kAux | kStop)))
        return false;
    }
    return true;
  }

  bool OpensQuoteRightAfter(uint32_t k) const {
    ++k;
    if (k < text_.tokens.size() && (text_.IsPunct(k, ',') || text_.IsPunct(k, ':'))) ++k;
    return k < text_.tokens.size() && text_.tokens[k].kind == TokenKind::kOpenQuote;
  }

  int32_t CueBefore(const Quotation& q) const {
    const uint32_t para = text_.tokens[q.open].paragraph;
    uint32_t k = q.open;
    for (uint32_t steps = 0; k > 0 && steps < kBeforeWindow; ++steps) {
      --k;
      const Token& t = text_.tokens[k];
      if (t.paragraph != para) break;
      if (t.quotation >= 0 || IsMark(k)) continue;
      if (text_.EndsSentence(k)) break;
      const int32_t c = CueAt(k);
      if (c < 0) continue;
      const Cue& cue = cues_[static_cast<size_t>(c)];
      // "believes" does not quote, though it reports a clause ("bare" verbs)
      if (cue.classes & kThought) continue;
      return c;
    }
    return -1;
  }

  Span CueSpan(const Cue& cue, const Quotation* governed) const {
    Span span{text_.tokens[cue.verb].begin, text_.tokens[cue.last].end};
    if (governed == nullptr || governed->open <= cue.last) return span;
    if (cue.classes & kFrame) {
      // "described the talks as", "called it"
      for (uint32_t k = governed->open; k-- > cue.verb + 1;) {
        const std::string_view w = text_.Text(text_.tokens[k]);
        if (text_.IsWord(k) && (w == "as" || w == "As"))
          return Span{span.begin, text_.tokens[k].end};
      }
      // "called it", "called them": the object pronoun belongs to the frame.
      const uint32_t before = governed->open - 1;
      if (governed->open - cue.verb <= 3 &&
          (WordIs(before, "it") || WordIs(before, "them") || WordIs(before, "this"))) {
        return Span{span.begin, text_.tokens[before].end};
      }
    }
    return span;
  }

  bool StartsSentence(uint32_t open) const {
    if (open == 0) return true;
    const Token& prev = text_.tokens[open - 1];
    return prev.paragraph != text_.tokens[open].paragraph || text_.EndsSentence(open - 1) ||
           text_.IsPunct(open - 1, ':') || (prev.kind == TokenKind::kCloseQuote);
  }

  // A quotation right after a preposition or a possessive names a work or
  // a show ("told NBC's "Meet the Press"", "said on "Fox News Sunday""),
  // not words anyone said. Only "on", "in" and "at": after "of", "from" or
  // "to" a quote is common ("accused the government of "sleepwalking into a
  // crisis"", "interference from "European warmongers"").
  bool IsTitle(const Quotation& q) const {
    if (q.open == 0 || !text_.IsWord(q.open - 1)) return false;
    const std::string_view w = text_.Text(text_.tokens[q.open - 1]);
    if (w.size() > 2 && (w.substr(w.size() - 2) == "'s" ||
                         (w.size() > 4 && w.substr(w.size() - 4) == "\xE2\x80\x99s"))) {
      return true;
    }
    static constexpr std::string_view kPrepositions[] = {"on", "in", "at"};
    for (std::string_view p : kPrepositions) {
      if (WordIs(q.open - 1, p)) return true;
    }
    return false;
  }

  void LinkQuotations() {
    int32_t last_direct = -1;  // index into found_ of the last attributed direct quote
    after_cue_.assign(cues_.size(), false);
    for (size_t qi = 0; qi < text_.quotations.size(); ++qi) {
      const Quotation& q = text_.quotations[qi];
      if (q.content.size() == 0 || !HasWords(q)) continue;
      Quote quote;
      quote.content = q.content;
      if (ShownOrChanted(q, &quote)) {
        TrimClosingComma(quote.content);
        found_.push_back(quote);
        continue;
      }
      const bool title = IsTitle(q);
      int32_t c = title ? -1 : CueAfter(q);
      const bool after = c >= 0;
      if (!after && !title) {
        c = CueBefore(q);
        // The second half of a split quote ("A," he said, "B.") follows its
        // cue after a comma or colon; a title after it does not.
        if (c >= 0 && after_cue_[static_cast<size_t>(c)] && !text_.IsPunct(q.open - 1, ',') &&
            !text_.IsPunct(q.open - 1, ':')) {
          c = -1;
        }
        if (c >= 0 && AnswersAnEarlierQuote(q, cues_[static_cast<size_t>(c)])) c = -1;
      }
      if (after) after_cue_[static_cast<size_t>(c)] = true;
      if (c >= 0) {
        const size_t ci = static_cast<size_t>(c);
        quote.cue = CueSpan(cues_[ci], after ? nullptr : &q);
        if (has_speaker_[ci]) {
          quote.speaker = speakers_[ci].entity;
          quote.speaker_span = speakers_[ci].span;
          quote.speaker_description = speakers_[ci].description;
        }
      } else if (const Mention* subject = SubjectOfVerbFirstQuote(q); subject != nullptr) {
        if (!resolver_.AmbiguousSurname(*subject)) quote.speaker = subject->entity;
        quote.speaker_span = subject->span;
      } else if (HasOwnUnknownAttribution(q)) {
        // ``We want prisoners,'' the crowd chanted: the words after the
        // quote say who spoke, in a form the cue list lacks; neither the
        // voice before nor the sentence's subject is a safe guess. When they
        // are a named person and one past-tense verb, and nothing more
        // (``...,'' McIntosh lamented.), that person spoke.
        if (const Mention* m = NamedSpeakerAfter(q)) {
          if (!resolver_.AmbiguousSurname(*m)) quote.speaker = m->entity;
          quote.speaker_span = m->span;
        } else if (q.words < kMinUnattributedWords) {
          continue;
        }
      } else if (const int32_t prior =
                     StartsSentence(q.open) && !title ? SpeakerCueBefore(q.open) : -1;
                 prior >= 0) {
        // "..., columnist Ozkok wrote. ``This could ...'': the voice the
        // sentence before reported goes on speaking.
        quote.speaker = speakers_[static_cast<size_t>(prior)].entity;
        quote.speaker_span = speakers_[static_cast<size_t>(prior)].span;
      } else if (const Mention* subject =
                     StartsSentence(q.open) && !title ? NarrativeSubjectBefore(q.open) : nullptr;
                 subject != nullptr &&
                 (last_direct < 0 ||
                  !SameSpeaker(found_[static_cast<size_t>(last_direct)], *subject))) {
        // "Aznar dismissed the reports. ``It's nonsense.'': a whole-sentence
        // quote with no cue of its own is the words of the sentence before's
        // subject, when that names someone other than the last speaker (and
        // not a surname two people in the article share).
        if (!resolver_.AmbiguousSurname(*subject)) quote.speaker = subject->entity;
        quote.speaker_span = subject->span;
      } else if (last_direct >= 0 &&
                 (StartsSentence(q.open) ||
                  ContinuesCutQuotation(qi, found_[static_cast<size_t>(last_direct)])) &&
                 text_.tokens[q.open].paragraph <=
                     ParagraphOf(found_[static_cast<size_t>(last_direct)].content.end) + 1 &&
                 !OtherVoiceBetween(found_[static_cast<size_t>(last_direct)], q)) {
        // A further sentence or paragraph of the same speaker's words, unless
        // the narrative in between has turned to someone else.
        const Quote& prev = found_[static_cast<size_t>(last_direct)];
        quote.speaker = prev.speaker;
        quote.speaker_span = prev.speaker_span;
        quote.speaker_description = prev.speaker_description;
      } else if (q.words < kMinUnattributedWords || title) {
        continue;
      }
      TrimClosingComma(quote.content);
      found_.push_back(quote);
      if (quote.speaker_span.size() > 0) last_direct = static_cast<int32_t>(found_.size()) - 1;
    }
  }

  // signs reading ``Clinton go home'', a chant of ``Free them'' rose from
  // the crowd: words written up or chanted, with no reporting verb. Credited
  // to the signs, or to the crowd the sentence names after "from" or "by"
  // (no one else is named by the form); a chant with none is left alone.
  bool ShownOrChanted(const Quotation& q, Quote* quote) const {
    uint32_t k = q.open;
    if (k >= 1 && (text_.IsPunct(k - 1, ',') || text_.IsPunct(k - 1, ':'))) --k;
    if (k < 2 || !text_.IsWord(k - 1)) return false;
    const uint32_t before = k - 1;
    auto has = [&](uint32_t t, uint32_t cls) {
      return text_.IsWord(t) && text_.tokens[t].quotation < 0 &&
             (lex_.Classes(text_.Text(text_.tokens[t])) & cls);
    };
    if (WordIs(before, "reading") || WordIs(before, "read") || WordIs(before, "saying") ||
        WordIs(before, "said")) {
      uint32_t noun = before - 1;
      if (WordIs(noun, "that") && noun > 0) --noun;
      if (!has(noun, kDisplay)) return false;
      const uint32_t begin = noun > 0 && has(noun - 1, kDeterminer) ? noun - 1 : noun;
      quote->speaker_span = Span{text_.tokens[begin].begin, text_.tokens[noun].end};
      quote->speaker_description = quote->speaker_span;
      quote->cue = Span{text_.tokens[before].begin, text_.tokens[before].end};
      return true;
    }
    if (!WordIs(before, "of") || !has(before - 1, kOutcry) || !q.closed) return false;
    const std::optional<Span> crowd = CrowdAfter(q.close + 1);
    if (!crowd) return false;
    quote->speaker_span = *crowd;
    quote->speaker_description = *crowd;
    quote->cue = Span{text_.tokens[before - 1].begin, text_.tokens[before - 1].end};
    return true;
  }

  // "rose from a crowd of thousands", "by the protesters": the group after
  // the first "from" or "by" in the rest of the sentence, from its
  // determiner to its head (a `group` word of cues.txt); else none.
  std::optional<Span> CrowdAfter(uint32_t k) const {
    const size_t n = text_.tokens.size();
    for (; k < n && !text_.EndsSentence(k) && text_.tokens[k].quotation < 0; ++k) {
      if (!WordIs(k, "from") && !WordIs(k, "by")) continue;
      uint32_t first = k + 1;
      if (WordIs(first, "of")) ++first;  // "rose from of a crowd" as written
      uint32_t head = first;
      if (head < n && text_.IsWord(head) &&
          (lex_.Classes(text_.Text(text_.tokens[head])) & kDeterminer))
        ++head;
      if (head >= n || !text_.IsWord(head) ||
          !(lex_.Classes(text_.Text(text_.tokens[head])) & kGroup))
        return std::nullopt;
      return Span{text_.tokens[first].begin, text_.tokens[head].end};
    }
    return std::nullopt;
  }

  // ``But I don't think so. ``It only means ...'': a new opening mark while
  // the quotation before is still open is the convention for a quote that
  // goes on into the next paragraph (in text whose paragraph breaks were
  // lost); quotation `qi` goes on from the one before, when that one is
  // `prev`'s.
  bool ContinuesCutQuotation(size_t qi, const Quote& prev) const {
    if (qi == 0) return false;
    const Quotation& before = text_.quotations[qi - 1];
    const Quotation& q = text_.quotations[qi];
    return !before.closed && before.close == q.open && before.content.begin == prev.content.begin;
  }

  // A quote that ends on a comma inside its marks and goes on with words in
  // its sentence has an attribution of its own after it; so has one ending on
  // "?" or "!" that a lowercase word goes on from (``What?'' came the reply
  // from the officer).
  bool HasOwnUnknownAttribution(const Quotation& q) const {
    if (!q.closed || q.content.size() == 0) return false;
    const char last = article_.body[q.content.end - 1];
    if (last != ',' && last != '?' && last != '!') return false;
    const uint32_t next = q.close + 1;
    return next < text_.tokens.size() && text_.IsWord(next) &&
           text_.tokens[next].paragraph == text_.tokens[q.close].paragraph &&
           (last == ',' || !text_.tokens[next].capitalised);
  }

  // ``...,'' NAME VERBed. / ``...,'' VERBed NAME, with one lowercase verb in
  // "-ed" the cue list lacks ("lamented", "sighed", "reflected") and a person
  // the entity annotator named: the person, else nullptr.
  const Mention* NamedSpeakerAfter(const Quotation& q) const {
    if (article_.body[q.content.end - 1] != ',') return nullptr;
    const size_t n = text_.tokens.size();
    auto past_verb = [&](uint32_t k) {
      if (!text_.IsWord(k) || text_.tokens[k].capitalised) return false;
      const std::string_view w = text_.Text(text_.tokens[k]);
      return w.size() > 4 && w.substr(w.size() - 2) == "ed";
    };
    auto ends_clause = [&](uint32_t k) {
      return k >= n || text_.EndsSentence(k) || text_.IsPunct(k, ',') ||
             text_.tokens[k].paragraph != text_.tokens[q.close].paragraph;
    };
    auto person_at = [&](uint32_t k) -> const Mention* {
      const Mention* m = MentionAt(text_.tokens[k].begin);
      return m != nullptr && m->kind != MentionKind::kPronoun && IsVoice(*m) ? m : nullptr;
    };
    auto token_after = [&](uint32_t byte) {
      uint32_t k = q.close + 1;
      while (k < n && text_.tokens[k].begin < byte) ++k;
      return k;
    };
    const uint32_t first = q.close + 1;
    if (first >= n) return nullptr;
    if (const Mention* m = person_at(first)) {  // "McIntosh lamented."
      const uint32_t verb = token_after(m->span.end);
      return past_verb(verb) && ends_clause(verb + 1) ? m : nullptr;
    }
    if (past_verb(first) && first + 1 < n) {  // "sighed Henry Hyde, ..."
      const Mention* m = person_at(first + 1);
      return m != nullptr && ends_clause(token_after(m->span.end)) ? m : nullptr;
    }
    return nullptr;
  }

  // The mention starting at `byte`, or nullptr.
  const Mention* MentionAt(uint32_t byte) const {
    const auto& ms = article_.mentions;
    auto it = std::lower_bound(ms.begin(), ms.end(), byte,
                               [](const Mention& m, uint32_t b) { return m.span.begin < b; });
    return it != ms.end() && it->span.begin == byte && it->entity < article_.entities.size()
               ? &*it
               : nullptr;
  }

  // X shouted: ``The vote is over!'' ``What?'' came the reply: the second
  // quote answers the first, whose cue it must not take when it has an
  // attribution of its own after it.
  bool AnswersAnEarlierQuote(const Quotation& q, const Cue& cue) const {
    if (!HasOwnUnknownAttribution(q) || article_.body[q.content.end - 1] == ',') return false;
    for (uint32_t k = cue.last + 1; k < q.open; ++k)
      if (text_.tokens[k].quotation >= 0) return true;
    return false;
  }

  static bool SameSpeaker(const Quote& prev, const Mention& m) {
    return prev.speaker && *prev.speaker == m.entity;
  }

  bool IsVoice(const Mention& m) const {
    if (m.entity >= article_.entities.size()) return false;
    const EntityType type = article_.entities[m.entity].type;
    return type == EntityType::kPerson;
  }

  // "In a statement, Commissioner Ilse Marrow ``condemned the attack''": a
  // quote that opens with a past-tense or reporting verb right after the
  // person who opens its sentence holds that person's words, the verb
  // included. Only the subject: "a report by Marrow ``revealed ...''" and
  // "reminded them that the charter ``does not allow ...''" name no speaker.
  const Mention* SubjectOfVerbFirstQuote(const Quotation& q) const {
    const uint32_t verb = q.open + 1;
    if (!q.closed || q.open == 0 || !text_.IsWord(verb) || text_.tokens[verb].capitalised ||
        !text_.IsWord(q.open - 1) || text_.tokens[q.open - 1].quotation >= 0)
      return nullptr;
    if (!text_.EndsWith(verb, "ed") &&
        !(lex_.Classes(text_.Text(text_.tokens[verb])) & (kSpeech | kObject | kFrame)))
      return nullptr;
    // The words before the mark are the sentence's opening name, past an
    // opening clause: capitalised (a title, the name) or a short lowercase
    // word no class holds, a particle the mention may leave out ("Hans van
    // den Broek").
    const uint32_t first = text_.SentenceStart(q.open - 1);
    if (text_.tokens[first].quotation >= 0 || IsMark(first)) return nullptr;
    const uint32_t subject = AfterOpeningClause(text_, lex_, first, q.open);
    for (uint32_t k = subject; k < q.open; ++k) {
      if (!text_.IsWord(k)) return nullptr;
      const std::string_view w = text_.Text(text_.tokens[k]);
      if (!text_.tokens[k].capitalised && (w.size() > 3 || lex_.Classes(w) != 0)) return nullptr;
    }
    // The person is the last one named there.
    const auto& ms = article_.mentions;
    auto it = std::lower_bound(ms.begin(), ms.end(), text_.tokens[q.open].begin,
                               [](const Mention& m, uint32_t b) { return m.span.begin < b; });
    if (it == ms.begin()) return nullptr;
    --it;
    if (it->span.begin < text_.tokens[subject].begin || it->kind == MentionKind::kPronoun ||
        !IsVoice(*it))
      return nullptr;
    return &*it;
  }

  // The last cue with a resolved speaker in the narrative sentence right
  // before token `open`; -1 when there is none.
  int32_t SpeakerCueBefore(uint32_t open) const {
    if (open == 0 || text_.tokens[open - 1].quotation >= 0 || IsMark(open - 1)) return -1;
    const uint32_t first = text_.SentenceStart(open - 1);
    for (size_t c = cues_.size(); c-- > 0;) {
      if (cues_[c].verb >= open) continue;
      if (cues_[c].verb < first) break;
      if (cues_[c].classes & kThought) continue;
      if (has_speaker_[c] && speakers_[c].entity) return static_cast<int32_t>(c);
    }
    return -1;
  }

  // The person named first in the sentence right before token `open`, when
  // that sentence begins with the name (its subject); nullptr otherwise.
  const Mention* NarrativeSubjectBefore(uint32_t open) const {
    if (open == 0 || text_.tokens[open - 1].quotation >= 0 || IsMark(open - 1)) return nullptr;
    const uint32_t first = text_.SentenceStart(open - 1);
    if (text_.tokens[first].quotation >= 0 || IsMark(first)) return nullptr;
    const uint32_t begin = text_.tokens[first].begin;
    const auto& ms = article_.mentions;
    auto it = std::lower_bound(ms.begin(), ms.end(), begin,
                               [](const Mention& m, uint32_t b) { return m.span.begin < b; });
    // The subject may follow a title ("Spanish Prime Minister Jose Maria Aznar").
    if (it == ms.end() || it->kind == MentionKind::kPronoun || !IsVoice(*it)) return nullptr;
    uint32_t k = first;
    while (k < open && text_.tokens[k].end <= it->span.begin) {
      if (!text_.IsWord(k) || !text_.tokens[k].capitalised) return nullptr;
      ++k;
    }
    return k < open ? &*it : nullptr;
  }

  // A person other than `prev`'s speaker is named in the narrative between
  // `prev` and the quotation `q`.
  bool OtherVoiceBetween(const Quote& prev, const Quotation& q) const {
    const uint32_t end = text_.tokens[q.open].begin;
    const auto& ms = article_.mentions;
    auto it = std::lower_bound(ms.begin(), ms.end(), prev.content.end,
                               [](const Mention& m, uint32_t b) { return m.span.begin < b; });
    for (; it != ms.end() && it->span.begin < end; ++it) {
      if (!IsVoice(*it) || it->kind == MentionKind::kPronoun) continue;
      if (prev.speaker && *prev.speaker == it->entity) continue;
      if (prev.speaker_span.begin <= it->span.begin && it->span.end <= prev.speaker_span.end)
        continue;
      if (InsideQuotation(it->span.begin)) continue;
      return true;
    }
    return false;
  }

  bool InsideQuotation(uint32_t byte) const {
    auto it = std::upper_bound(text_.tokens.begin(), text_.tokens.end(), byte,
                               [](uint32_t b, const Token& t) { return b < t.begin; });
    return it != text_.tokens.begin() && std::prev(it)->quotation >= 0;
  }

  // "We agreed," he said: the comma belongs to the sentence around the quote.
  void TrimClosingComma(Span& s) const {
    while (s.end > s.begin && (article_.body[s.end - 1] == ',' || article_.body[s.end - 1] == ' '))
      --s.end;
  }

  uint32_t ParagraphOf(uint32_t byte) const {
    auto it = std::upper_bound(text_.tokens.begin(), text_.tokens.end(), byte,
                               [](uint32_t b, const Token& t) { return b < t.begin; });
    return it == text_.tokens.begin() ? 0 : std::prev(it)->paragraph;
  }

  bool WordIs(uint32_t k, std::string_view w) const { return text_.WordIs(k, w); }

  // Quote marks around no words ("2016-11-07", "@handle", an id in an
  // embedded tweet's markup) quote nobody.
  bool HasWords(const Quotation& q) const {
    for (uint32_t k = q.open + 1; k < q.close && k < text_.tokens.size(); ++k) {
      if (!text_.IsWord(k)) continue;
      const std::string_view t = text_.Text(text_.tokens[k]);
      const unsigned char c = static_cast<unsigned char>(t[0]);
      if (t.size() >= 2 && (c >= 0x80 || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) &&
          text_.body[text_.tokens[k].begin - 1] != '@') {
        return true;
      }
    }
    return false;
  }

  AnnotatedArticle& article_;
  const CueLexicon& lex_;
  QuoteText text_;
  std::vector<Cue> cues_;
  SpeakerResolver resolver_;
  std::vector<SpeakerRef> speakers_;
  std::vector<bool> has_speaker_;
  std::vector<bool> after_cue_;  // cues that attribute a quote before them ("...," X said)
  std::vector<Quote> found_;
};

}  // namespace

void AnnotateQuotes(AnnotatedArticle& article, const text::Tokens& tokens) {
  if (article.body.empty()) return;
  QuoteFinder(article, &tokens).Run();
}

void AnnotateQuotes(AnnotatedArticle& article) {
  if (article.body.empty()) return;
  QuoteFinder(article, nullptr).Run();
}

}  // namespace newsfuse::analyze
