#include "analyze/quote/reported.h"

#include <algorithm>
#include <string_view>
#include <utility>

namespace newsfuse::analyze::quote_internal {
namespace {

constexpr uint32_t kMinReportedWords = 3;
// Words a subject's noun phrase may run to before its verb in a clause with
// no "that": "said members of the Supreme Court should ...".
constexpr uint32_t kMaxSubjectWords = 6;

// A word split at its last apostrophe ("he's" -> "he", "s"; "doesn’t" ->
// "doesn", "t"); the stem is the whole word when there is none.
std::pair<std::string_view, std::string_view> SplitApostrophe(std::string_view w) {
  const size_t straight = w.rfind('\'');
  const size_t curly = w.rfind("\xE2\x80\x99");
  if (straight != std::string_view::npos && (curly == std::string_view::npos || straight > curly))
    return {w.substr(0, straight), w.substr(straight + 1)};
  if (curly != std::string_view::npos) return {w.substr(0, curly), w.substr(curly + 3)};
  return {w, {}};
}

class ReportedSpeech {
 public:
  ReportedSpeech(const QuoteText& text, const CueLexicon& lex, const std::vector<Cue>& cues,
                 const std::vector<SpeakerRef>& speakers, const std::vector<bool>& has_speaker,
                 const std::vector<bool>& after_cue)
      : text_(text),
        lex_(lex),
        cues_(cues),
        speakers_(speakers),
        has_speaker_(has_speaker),
        after_cue_(after_cue) {}

  std::vector<Quote> Run();

 private:
  bool IsWordClass(uint32_t k, uint32_t cls) const {
    return text_.IsWord(k) && (lex_.Classes(text_.Text(text_.tokens[k])) & cls) != 0;
  }
  bool EndsWithIng(uint32_t k) const { return text_.EndsWith(k, "ing"); }

  // A finite auxiliary: the aux class, a form of "do", or either with "n't"
  // ("doesn't", "shouldn’t", "won't"). Closed-class words, so written here.
  bool IsAuxiliary(uint32_t k) const {
    if (!text_.IsWord(k) || text_.tokens[k].capitalised) return false;
    if (IsWordClass(k, kAux)) return true;
    const auto [stem, suffix] = SplitApostrophe(text_.Text(text_.tokens[k]));
    std::string_view verb = stem;
    if (suffix == "t" && verb.ends_with('n')) verb.remove_suffix(1);
    if (!suffix.empty() && suffix != "t") return false;
    if (verb == "do" || verb == "does" || verb == "did") return true;
    if (suffix != "t") return false;
    if (verb == "wo" || verb == "ca") return true;  // won't, can't
    return (lex_.Classes(verb) & kAux) != 0;
  }

  // "he's", "they're", "it’ll": a subject pronoun with its verb joined on.
  bool PronounWithVerb(uint32_t k) const {
    if (!text_.IsWord(k)) return false;
    const auto [stem, suffix] = SplitApostrophe(text_.Text(text_.tokens[k]));
    if (suffix.empty() || stem.empty()) return false;
    if (suffix != "s" && suffix != "re" && suffix != "ll" && suffix != "d" && suffix != "ve" &&
        suffix != "m")
      return false;
    char buf[8] = {};
    if (stem.size() > sizeof buf) return false;
    const std::string_view lower = FoldCase(stem, buf, sizeof buf);
    return (lex_.Classes(lower) & kPronoun) || lower == "there" || lower == "you";
  }

  // A lowercase noun phrase from `j` that ends in an auxiliary: "bullying
  // doesn't", "members of the Supreme Court shouldn't". The words between
  // are prepositional ("of the Supreme Court"): a "who", a comma or a cue
  // word in between is no subject.
  bool NounPhraseThenAux(uint32_t j) const {
    const size_t n = text_.tokens.size();
    if (j + 1 >= n || text_.tokens[j].capitalised ||
        IsWordClass(j, kStop | kSkip | kAnyCue | kAux | kPronoun))
      return false;
    if (IsAuxiliary(j + 1)) return true;
    auto preposition = [&](uint32_t k) {
      return text_.WordIs(k, "of") || text_.WordIs(k, "for") || text_.WordIs(k, "in") ||
             text_.WordIs(k, "at") || text_.WordIs(k, "from");
    };
    if (!preposition(j + 1)) return false;
    // A determiner only right after a preposition: "thanks for the support
    // the volunteers have given" has a relative clause, no subject.
    bool after_preposition = true;
    for (uint32_t k = j + 2; k < n && k <= j + kMaxSubjectWords; ++k) {
      if (IsAuxiliary(k)) return !after_preposition;
      if (preposition(k)) {
        after_preposition = true;
        continue;
      }
      const bool determiner = IsWordClass(k, kDeterminer);
      if (!text_.IsWord(k) || text_.tokens[k].quotation >= 0 ||
          (determiner && !after_preposition) ||
          (IsWordClass(k, kStop | kSkip | kAnyCue | kPronoun) && !determiner))
        return false;
      after_preposition = determiner;
    }
    return false;
  }

  bool IsMonth(uint32_t k) const { return text_.tokens[k].capitalised && IsWordClass(k, kMonth); }
  // A number of `min` to `max` digits: a day ("May 3") or a year ("2023").
  bool IsNumber(uint32_t k, size_t min, size_t max) const {
    if (!text_.IsWord(k)) return false;
    const std::string_view w = text_.Text(text_.tokens[k]);
    return w.size() >= min && w.size() <= max &&
           std::all_of(w.begin(), w.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
  }

  // Past a time phrase at `j` ("this week", "in 2023", "in the morning",
  // "March 3, 2023"), or `j` when none starts there: when it was said, not
  // what. "this year's budget" is none ("year's" is no period), nor is a
  // month with no preposition or day ("said March was the wettest").
  uint32_t AfterTimePhrase(uint32_t j) const {
    const size_t n = text_.tokens.size();
    if (j + 1 >= n) return j;
    if ((text_.WordIs(j, "this") || text_.WordIs(j, "last") || text_.WordIs(j, "next") ||
         text_.WordIs(j, "earlier")) &&
        (IsWordClass(j + 1, kPeriod) || IsMonth(j + 1)))
      return j + 2;
    uint32_t k = j;
    if (text_.WordIs(j, "in") || text_.WordIs(j, "during")) {
      k = j + 1;
      if (text_.WordIs(k, "early") || text_.WordIs(k, "late") || text_.WordIs(k, "mid")) ++k;
      if (k + 1 < n && text_.WordIs(k, "the") && IsWordClass(k + 1, kPeriod)) return k + 2;
      if (k < n && IsWordClass(k, kPeriod) && !text_.tokens[k].capitalised) return k + 1;
      if (k < n && IsNumber(k, 4, 4)) return k + 1;
    }
    if (k >= n || !IsMonth(k)) return j;
    const bool preposition = k != j;
    ++k;
    if (k < n && IsNumber(k, 1, 2)) {
      ++k;
      // "May 3, 2021, that": the comma after the year closes the date.
      if (k + 1 < n && text_.IsPunct(k, ',') && IsNumber(k + 1, 4, 4))
        return k + 2 + (text_.IsPunct(k + 2, ',') ? 1 : 0);
      return k;
    }
    if (!preposition) return j;
    if (k < n && IsNumber(k, 4, 4)) ++k;
    return k;
  }

  // Content tokens [j, end) trimmed of trailing punctuation, as a Span.
  bool ContentSpan(uint32_t j, uint32_t end, Span* out) const {
    while (end > j && text_.tokens[end - 1].kind == TokenKind::kPunct) {
      const std::string_view p = text_.Text(text_.tokens[end - 1]);
      if (p != "." && p != "," && p != ";" && p != ":" && p != "!" && p != "?" && p != "-") break;
      --end;
    }
    uint32_t words = 0;
    for (uint32_t k = j; k < end; ++k) words += text_.IsWord(k) ? 1 : 0;
    if (words < kMinReportedWords) return false;
    *out = Span{text_.tokens[j].begin, text_.tokens[end - 1].end};
    return true;
  }

  // Where a clause that starts at token j and is governed by cue c ends:
  // the sentence end, pushed past a quotation that runs on, pulled back
  // before the subject of a later cue ("..., but Ushakov said ...").
  uint32_t ClauseEnd(size_t c, uint32_t j) const {
    uint32_t end = text_.SentenceEnd(j);
    for (uint32_t k = j; k < end; ++k) {
      const Token& t = text_.tokens[k];
      if (t.kind == TokenKind::kOpenQuote) {
        auto q = std::lower_bound(text_.quotations.begin(), text_.quotations.end(), k,
                                  [](const Quotation& x, uint32_t open) { return x.open < open; });
        if (q != text_.quotations.end() && q->open == k && q->closed && q->close >= end)
          end = text_.SentenceEnd(q->close);
      }
    }
    // ", but ...", ", as ...", ", angering ...": a new clause that the
    // speaker is not reported as saying.
    for (uint32_t k = j + 1; k + 1 < end; ++k) {
      // The comma may sit inside a quotation's closing mark: `movement," while`.
      const bool comma =
          (text_.IsPunct(k, ',') && text_.tokens[k].quotation < 0) ||
          (text_.tokens[k].kind == TokenKind::kCloseQuote && text_.IsPunct(k - 1, ','));
      if (!comma || !text_.IsWord(k + 1)) continue;
      const std::string_view next = text_.Text(text_.tokens[k + 1]);
      if (text_.WordIs(k + 1, "but") || text_.WordIs(k + 1, "as") || text_.WordIs(k + 1, "while") ||
          text_.WordIs(k + 1, "although") || text_.WordIs(k + 1, "though") ||
          text_.WordIs(k + 1, "whereas") || text_.WordIs(k + 1, "which") ||
          (next.size() > 5 && next.substr(next.size() - 3) == "ing" &&
           !text_.tokens[k + 1].capitalised)) {
        // `movement," while`: the closing mark stays with its opening one.
        end = text_.tokens[k].kind == TokenKind::kCloseQuote ? k + 1 : k;
        break;
      }
    }
    for (size_t d = c + 1; d < cues_.size() && cues_[d].verb < end; ++d) {
      const Cue& other = cues_[d];
      const uint32_t sb = other.subject_begin;
      const bool boundary = sb > j && (text_.IsPunct(sb - 1, ',') || text_.IsPunct(sb - 1, ';') ||
                                       text_.WordIs(sb - 1, "and") || text_.WordIs(sb - 1, "but") ||
                                       text_.WordIs(sb - 1, "while"));
      if (other.has_speaker && !other.speaker_after && boundary) {
        uint32_t cut = other.subject_begin;
        while (cut > j && (text_.IsPunct(cut - 1, ',') || text_.WordIs(cut - 1, "and") ||
                           text_.WordIs(cut - 1, "but") || text_.WordIs(cut - 1, "while"))) {
          --cut;
        }
        return cut;
      }
    }
    return end;
  }

  void Emit(size_t c, Span content) {
    Quote q;
    q.content = content;
    q.cue = Span{text_.tokens[cues_[c].verb].begin, text_.tokens[cues_[c].last].end};
    q.direct = false;
    if (has_speaker_[c]) {
      q.speaker = speakers_[c].entity;
      q.speaker_span = speakers_[c].span;
      q.speaker_description = speakers_[c].description;
    }
    found_.push_back(q);
  }

  // "X said (that) CLAUSE", "X told reporters that CLAUSE".
  void ClauseAfter(size_t c) {
    const Cue& cue = cues_[c];
    const size_t n = text_.tokens.size();
    uint32_t j = cue.last + 1;
    auto skip_adverbs = [&] {
      while (j < n && text_.IsWord(j) && IsWordClass(j, kSkip) && !IsWordClass(j, kPronoun) &&
             !IsMonth(j))
        ++j;
    };
    skip_adverbs();
    for (uint32_t past = AfterTimePhrase(j); past != j; past = AfterTimePhrase(j)) {
      j = past;
      skip_adverbs();
    }
    bool that = false;
    if (cue.classes & kObject) {
      for (uint32_t k = j; k < n && k < j + 5 && text_.IsWord(k); ++k) {
        if (text_.WordIs(k, "that")) {
          j = k;
          break;
        }
      }
    }
    if (j < n && text_.WordIs(j, "that")) {
      that = true;
      ++j;
    }
    if (j >= n || !text_.IsWord(j) || text_.tokens[j].quotation >= 0) return;
    if (!that) {
      if (!(cue.classes & kBare)) return;  // "accused the government of", "told X" need a "that"
      const Token& t = text_.tokens[j];
      // A clause opens with a determiner, a pronoun, a name, "there", or a
      // plural noun before a modal ("said temperatures could fall").
      const bool noun_then_aux = NounPhraseThenAux(j);
      const unsigned char first = static_cast<unsigned char>(text_.body[t.begin]);
      const bool number = (first >= '0' && first <= '9') ||
                          (text_.WordIs(j, "at") && text_.WordIs(j + 1, "least")) ||
                          (text_.WordIs(j, "more") && text_.WordIs(j + 1, "than"));
      const bool opener = IsWordClass(j, kDeterminer) || IsWordClass(j, kPronoun) ||
                          PronounWithVerb(j) || t.capitalised || text_.WordIs(j, "there") ||
                          noun_then_aux || number;
      // "there" is a stop word for speaker phrases, and opens a clause ("said there was").
      if (!opener || IsWordClass(j, kSkip) ||
          (IsWordClass(j, kStop) && !IsWordClass(j, kDeterminer) && !number &&
           !text_.WordIs(j, "there")))
        return;
      if (text_.WordIs(j, "him") || text_.WordIs(j, "them") || text_.WordIs(j, "us") ||
          text_.WordIs(j, "me"))
        return;
    }
    Span content;
    if (ContentSpan(j, ClauseEnd(c, j), &content)) Emit(c, content);
  }

  // "CLAUSE, X said." and "CLAUSE, said X." with no quote marks.
  void ClauseBefore(size_t c) {
    const Cue& cue = cues_[c];
    const uint32_t comma = cue.subject_begin == 0 ? 0 : cue.subject_begin - 1;
    if (cue.subject_begin == 0 || !text_.IsPunct(comma, ',')) return;
    if (comma == 0 || text_.tokens[comma - 1].kind == TokenKind::kCloseQuote)
      return;  // a direct quote
    uint32_t k = cue.speaker_after ? cue.speaker.last + 1 : cue.last + 1;
    const size_t n = text_.tokens.size();
    while (k < n && text_.IsWord(k) && IsWordClass(k, kSkip) && !IsWordClass(k, kPronoun)) ++k;
    const uint32_t end = text_.SentenceEnd(cue.verb);
    // "..., she wrote in a note to clients.": a short phrase may close it.
    if (k < end && IsWordClass(k, kStop) && !text_.WordIs(k, "that")) {
      uint32_t e = k;
      while (e < end && text_.IsWord(e)) ++e;
      if (e - k <= 6) k = e;
    }
    if (k < end && !text_.EndsSentence(k) && !text_.IsPunct(k, ',')) return;
    if (k + 1 < end && text_.IsPunct(k, ',') && text_.tokens[k + 1].kind == TokenKind::kOpenQuote)
      return;
    const uint32_t start = text_.AfterDateline(text_.SentenceStart(cue.verb));
    if (start >= comma || text_.tokens[start].kind == TokenKind::kOpenQuote) return;
    // "In a brief interview on Wednesday, she said": an adverbial, not what was said.
    if (IsWordClass(start, kStop) || (text_.IsWord(start) && EndsWithIng(start))) return;
    Span content;
    if (ContentSpan(start, comma, &content)) Emit(c, content);
  }

  // The earlier cue of `c`'s sentence in whose reported clause `c` sits
  // (that cue's verb comes before `c`'s subject), or -1.
  int64_t OuterCue(size_t c) const {
    const Cue& inner = cues_[c];
    const uint32_t sentence = text_.tokens[inner.verb].sentence;
    for (size_t j = c; j-- > 0;) {
      const Cue& outer = cues_[j];
      if (text_.tokens[outer.verb].sentence != sentence) return -1;
      if (outer.has_speaker && !outer.speaker_after && !outer.according &&
          (outer.classes & (kSpeech | kObject)) && !(outer.classes & kThought) &&
          outer.last < inner.subject_begin)
        return static_cast<int64_t>(j);
    }
    return -1;
  }

  // "X said the rebels were tired because they believed Y": what X says
  // they think, not words of theirs, so crediting them misquotes them.
  // "X said he thought Y" is X's own.
  bool ThoughtReportedBySomeoneElse(size_t c) const {
    if (!(cues_[c].classes & kThought)) return false;
    const int64_t outer = OuterCue(c);
    if (outer < 0) return false;
    const SpeakerRef& them = speakers_[static_cast<size_t>(outer)];
    const SpeakerRef& me = speakers_[c];
    // Only a named other is a misquote; an unresolved "they" names no one.
    return me.entity && them.entity && *me.entity != *them.entity;
  }

  // "According to X, CLAUSE." and "CLAUSE, according to X."
  void According(size_t c) {
    const Cue& cue = cues_[c];
    if (!cue.has_speaker) return;
    const uint32_t start = text_.SentenceStart(cue.verb);
    const uint32_t end = text_.SentenceEnd(cue.verb);
    if (cue.verb == start) {
      for (uint32_t k = cue.speaker.last + 1; k < end; ++k) {
        if (text_.IsPunct(k, ',') && text_.tokens[k].quotation < 0) {
          if (k + 1 < end && text_.tokens[k + 1].kind == TokenKind::kOpenQuote) return;  // direct
          Span content;
          if (ContentSpan(k + 1, ClauseEnd(c, k + 1), &content)) Emit(c, content);
          return;
        }
      }
      return;
    }
    if (cue.verb > start && text_.IsPunct(cue.verb - 1, ',') &&
        text_.tokens[cue.verb - 2].kind != TokenKind::kCloseQuote &&
        text_.tokens[start].kind != TokenKind::kOpenQuote) {
      Span content;
      if (ContentSpan(start, cue.verb - 1, &content)) Emit(c, content);
    }
  }

 private:
  const QuoteText& text_;
  const CueLexicon& lex_;
  const std::vector<Cue>& cues_;
  const std::vector<SpeakerRef>& speakers_;
  const std::vector<bool>& has_speaker_;
  const std::vector<bool>& after_cue_;
  std::vector<Quote> found_;
};

std::vector<Quote> ReportedSpeech::Run() {
  for (size_t c = 0; c < cues_.size(); ++c) {
    if (!has_speaker_[c]) continue;
    const Cue& cue = cues_[c];
    if (cue.according) {
      if (!after_cue_[c]) According(c);
      continue;
    }
    if ((cue.classes & kFrame) && !(cue.classes & (kSpeech | kObject | kThought)))
      continue;                              // frames quote, they do not report
    if (!(cue.classes & kAnyCue)) continue;  // "continued, ``...''" cues only its quote
    if (ThoughtReportedBySomeoneElse(c)) continue;
    if (!after_cue_[c]) {
      if (!cue.speaker_after) ClauseAfter(c);  // "said Peskov, the spokesman" is no clause
      ClauseBefore(c);
    }
  }
  return found_;
}

}  // namespace

std::vector<Quote> FindReportedSpeech(const QuoteText& text, const CueLexicon& lex,
                                      const std::vector<Cue>& cues,
                                      const std::vector<SpeakerRef>& speakers,
                                      const std::vector<bool>& has_speaker,
                                      const std::vector<bool>& after_cue) {
  return ReportedSpeech(text, lex, cues, speakers, has_speaker, after_cue).Run();
}

}  // namespace newsfuse::analyze::quote_internal
