#include "analyze/quote/quote_text.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <unordered_set>
#include <utility>

#include "core/strings.h"
#include "text/sentences.h"
#include "text/tokens.h"
#include "text/word_lists.h"

namespace newsfuse::analyze::quote_internal {
namespace {

enum class MarkShape : uint8_t {
  kNone,
  kOpening,
  kClosing,
  kStraight,
  kSingleOpening,
  kSingleClosing
};

MarkShape ShapeOf(UChar32 c) {
  switch (c) {
    case 0x22:
      return MarkShape::kStraight;
    case 0x201C:
    case 0x201E:
    case 0xAB:
      return MarkShape::kOpening;
    case 0x201D:
    case 0xBB:
      return MarkShape::kClosing;
    case 0x2018:
      return MarkShape::kSingleOpening;
    case 0x2019:
      return MarkShape::kSingleClosing;  // only when not inside a word
    default:
      return MarkShape::kNone;
  }
}

// Words whose period is part of the word ("Mr.", "Gen.", "Inc."), from the
// sentence splitter's list (data/text/abbreviations_en.txt), without the dot.
const std::unordered_set<std::string>& Abbreviations() {
  static const std::unordered_set<std::string> set = [] {
    std::unordered_set<std::string> out;
    for (std::string_view line : word_lists::Lines(word_lists::AbbreviationsEn())) {
      const size_t sp = line.find(' ');
      std::string_view word = line.substr(0, sp);
      if (word.size() > 1 && word.back() == '.') out.emplace(word.substr(0, word.size() - 1));
    }
    return out;
  }();
  return set;
}

// ASCII is answered without ICU: most of a news text is ASCII.
bool IsWordChar(UChar32 c) {
  if (c >= 0 && c < 0x80)
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return u_isalnum(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
}

// Characters that join two word parts: "U.S.", "don't", "Ukraine’s",
// "co-founder", "1,200".
bool IsJoiner(std::string_view t) {
  return t == "'" || t == "\u2019" || t == "-" || t == "." || t == "," || t == "&";
}

UChar32 DecodeAt(std::string_view s, size_t i, size_t* next) {
  int32_t pos = static_cast<int32_t>(i);
  UChar32 c = 0;
  U8_NEXT(s.data(), pos, static_cast<int32_t>(s.size()), c);
  *next = static_cast<size_t>(pos);
  return c;
}

struct Tokenizer {
  std::string_view body;
  QuoteText& out;
  std::vector<uint32_t> sentence_ends;  // sorted
  std::vector<MarkShape> shapes;        // per token, for pairing
  const text::Tokens& scan;             // the article's one scan
  size_t scan_next = 0;                 // first scan token not wholly before the cursor

  // A period a sentence ends on is never part of the word before it
  // ("wrote on X.", "said Wu."), even when the word looks like an initial.
  bool EndsSentenceAt(size_t after_dot) const {
    size_t k = after_dot;
    // A closing quote mark may follow the period inside the sentence span.
    if (k + 1 < body.size() && body[k] == '\'' && body[k + 1] == '\'')
      k += 2;
    else if (k < body.size() && body[k] == '"')
      ++k;
    else if (k + 2 < body.size() && static_cast<unsigned char>(body[k]) == 0xE2 &&
             static_cast<unsigned char>(body[k + 1]) == 0x80)
      k += 3;
    return std::binary_search(sentence_ends.begin(), sentence_ends.end(),
                              static_cast<uint32_t>(after_dot)) ||
           std::binary_search(sentence_ends.begin(), sentence_ends.end(),
                              static_cast<uint32_t>(k)) ||
           after_dot >= body.size();
  }

  // Walks the scan's tokens: the bytes between them are spaces (sentence
  // spans cover all but the spaces between sentences), and a blank line
  // before a token starts a paragraph. Inside a token the reader cuts its
  // own pieces: quote marks of two tokens (``), words carried across
  // joiners, a dotted word's final period left out at a sentence end.
  void Run() {
    uint32_t paragraph = 0;
    bool paragraph_started = false;
    out.paragraph_first_token.push_back(0);
    size_t i = 0;  // bytes before it are read
    for (size_t k = 0; k < scan.size(); ++k) {
      const text::Token& st = scan[k];
      if (st.end <= i) continue;  // taken by a word or a two-token mark
      if (st.begin >= i) {
        if (st.Has(text::kParagraphBefore) && paragraph_started) {
          ++paragraph;
          paragraph_started = false;
          out.paragraph_first_token.push_back(static_cast<uint32_t>(out.tokens.size()));
        }
        i = st.begin;
      }
      paragraph_started = true;
      while (i < st.end) i = ReadAt(i, paragraph);
    }
  }

  // Reads the token starting at byte `i` (not a space) and returns where it ends.
  size_t ReadAt(size_t i, uint32_t paragraph) {
    size_t next = 0;
    const UChar32 c = DecodeAt(body, i, &next);
    Token t;
    t.begin = static_cast<uint32_t>(i);
    t.paragraph = paragraph;
    if (const auto [ascii, width] = AsciiMark(i); ascii != MarkShape::kNone) {
      t.end = static_cast<uint32_t>(i + width);
      t.kind = TokenKind::kPunct;
      Push(t, ascii);
      return i + width;
    }
    const MarkShape shape = ShapeOf(c);
    if (shape != MarkShape::kNone || !IsWordChar(c)) {
      // Straight marks look the same at both ends: they alternate (Pairer).
      t.end = static_cast<uint32_t>(next);
      t.kind = TokenKind::kPunct;
      Push(t, shape);
      return next;
    }
    t.capitalised = u_isupper(c) || u_istitle(c);
    const size_t end = WordAt(i, next);
    t.end = static_cast<uint32_t>(end);
    t.kind = TokenKind::kWord;
    Push(t, MarkShape::kNone);
    return end;
  }

  // The ASCII conventions: ``…'' (newswire, TeX), `…' inside them, and
  // straight '…' (British style). A straight apostrophe opens a quote only
  // at the start of a word ("said 'We are"), never before a digit ('90s);
  // one closes only at the end of a word or after punctuation ("done,'"),
  // so "don't" and "the players' union" stay words (a lone closing mark
  // pairs with nothing: see Pairer::PairSingle).
  std::pair<MarkShape, size_t> AsciiMark(size_t i) const {
    const char c = body[i];
    const char next = i + 1 < body.size() ? body[i + 1] : ' ';
    if (c == '`')
      return {next == '`' ? MarkShape::kOpening : MarkShape::kSingleOpening, next == '`' ? 2 : 1};
    if (c != '\'') return {MarkShape::kNone, 0};
    const char prev = i > 0 ? body[i - 1] : ' ';
    // A single quote inside a double one closes first (",''' Alatas said").
    if (next == '\'' && i + 2 < body.size() && body[i + 2] == '\'' && prev != ' ' && prev != '\n')
      return {MarkShape::kSingleClosing, 1};
    const bool space_before =
        prev == ' ' || prev == '\n' || prev == '\t' || prev == '(' || prev == '"' || prev == '`';
    if (next == '\'') {
      // Wire copy sometimes opens with '' where `` was meant: at the start
      // of a word it can only open.
      const char after = i + 2 < body.size() ? body[i + 2] : ' ';
      const bool opens = space_before && std::isalnum(static_cast<unsigned char>(after));
      return {opens ? MarkShape::kStraight : MarkShape::kClosing, 2};
    }
    const bool letter_after = (next >= 'A' && next <= 'Z') || (next >= 'a' && next <= 'z');
    if (space_before && letter_after) return {MarkShape::kSingleOpening, 1};
    const bool space_after = next == ' ' || next == '\n' || next == '\t' || next == ',' ||
                             next == '.' || next == ')' || next == ';' || i + 1 >= body.size();
    if (!space_before && space_after) return {MarkShape::kSingleClosing, 1};
    return {MarkShape::kNone, 0};
  }

  bool Glued(size_t k) const { return scan.Glued(k); }
  bool IsPart(size_t k) const { return k < scan.size() && !scan[k].IsSymbol(); }

  // The word starting at byte `start` (a word character; `after_first` is
  // where its first code point ends), read off the scan: the scan token there
  // and the glued tokens a joiner carries it across ("U.S.", "don't",
  // "Ukraine’s", "co-founder", "AT&T", "1,20"), with the final period of an
  // abbreviation, an initial or a dotted word unless the sentence ends on it.
  // Returns where the word ends.
  size_t WordAt(size_t start, size_t after_first) {
    while (scan_next < scan.size() && scan[scan_next].end <= start) ++scan_next;
    // Text outside every sentence span has no scan tokens: one code point.
    if (scan_next >= scan.size() || scan[scan_next].begin > start) return after_first;
    size_t j = scan_next;
    bool has_dot = false;
    for (;;) {
      const text::Token& t = scan[j];
      has_dot = has_dot || t.Has(text::kDotted);
      // A dotted word took its final period ("U.S."): the word ends there,
      // or before it when the sentence does.
      if (t.Has(text::kDotted) && body[t.end - 1] == '.')
        return EndsSentenceAt(t.end) ? t.end - 1 : t.end;
      if (!Glued(j)) return t.end;
      const size_t k = j + 1;
      if (!scan[k].IsSymbol()) {  // letters and digits glued: "G7", "5km"
        j = k;
        continue;
      }
      const std::string_view sym = scan.Text(k);
      bool joins = Glued(k) && IsPart(k + 1) && IsJoiner(sym);
      // A comma joins digits only: "1,20", not "Paris,France".
      if (joins && sym == ",")
        joins = IsAsciiDigit(body[scan[k].begin - 1]) && IsAsciiDigit(body[scan[k + 1].begin]);
      if (joins) {
        has_dot = has_dot || sym == ".";
        j = k + 1;
        continue;
      }
      // "Mr.", initials and "U.S." keep their final period.
      if (sym == ".") {
        const std::string_view word = body.substr(start, scan[k].begin - start);
        const bool title = Abbreviations().count(std::string(word)) > 0;
        size_t one = 0;
        DecodeAt(word, 0, &one);
        if ((title || has_dot || one == word.size()) && !EndsSentenceAt(scan[k].end))
          return scan[k].end;
      }
      return scan[k].begin;
    }
  }

  void Push(const Token& t, MarkShape shape) {
    out.tokens.push_back(t);
    shapes.push_back(shape);
  }
};

// Pairs quote marks; see the header for the multi-paragraph rule.
class Pairer {
 public:
  Pairer(QuoteText& text, const std::vector<MarkShape>& shapes) : text_(text), shapes_(shapes) {}

  void Run() {
    for (uint32_t m = 0; m < text_.tokens.size(); ++m) {
      const MarkShape shape = shapes_[m];
      if (shape == MarkShape::kNone) continue;
      if (shape == MarkShape::kSingleOpening || shape == MarkShape::kSingleClosing) {
        PairSingle(m, shape);
        continue;
      }
      // Wire copy that opens with ' and closes with '' ('I ask for
      // compassion,'' she said): one quote, its opening mark mistyped.
      if (shape == MarkShape::kClosing && open_ < 0 && single_open_ >= 0 &&
          text_.tokens[static_cast<uint32_t>(single_open_)].paragraph ==
              text_.tokens[m].paragraph &&
          text_.Text(text_.tokens[m]) == "''") {
        Emit(static_cast<uint32_t>(single_open_), m, true);
        single_open_ = -1;
        continue;
      }
      single_open_ = -1;  // a double mark inside single quotes: the singles were apostrophes
      const Token& tok = text_.tokens[m];
      if (open_ >= 0 && tok.paragraph != paragraph_) {
        if (tok.paragraph == paragraph_ + 1 && IsParagraphStart(m) &&
            shape != MarkShape::kClosing) {
          paragraph_ = tok.paragraph;  // the quote goes on in this paragraph
          continue;
        }
        FinishUnclosed(LastTokenOfParagraph(paragraph_) + 1);
      }
      if (open_ < 0) {
        if (shape != MarkShape::kClosing || OpensReversed(m)) Open(m);
        continue;
      }
      if (shape == MarkShape::kOpening &&
          shapes_[static_cast<uint32_t>(open_)] == MarkShape::kOpening && !ClosesLow9(m)) {
        FinishUnclosed(LostClosingMark(m));
        Open(m);
        continue;
      }
      Close(m);
    }
    if (open_ >= 0) FinishUnclosed(LastTokenOfParagraph(paragraph_) + 1);
  }

 private:
  // Single quotes (British style: 'We are heartbroken,' the family said)
  // count only outside double quotes, within one paragraph, and only
  // around at least two words: a lone closing mark is an apostrophe
  // ("the players' union").
  void PairSingle(uint32_t m, MarkShape shape) {
    if (open_ >= 0) return;  // nested inside a double quote: part of its content
    if (shape == MarkShape::kSingleOpening) {
      single_open_ = static_cast<int32_t>(m);
      return;
    }
    if (single_open_ < 0) return;
    const uint32_t o = static_cast<uint32_t>(single_open_);
    single_open_ = -1;
    const bool next_is_letter = m + 1 < text_.tokens.size() &&
                                text_.tokens[m + 1].begin == text_.tokens[m].end &&
                                text_.tokens[m + 1].kind == TokenKind::kWord;
    if (text_.tokens[o].paragraph != text_.tokens[m].paragraph || next_is_letter) return;
    uint32_t words = 0;
    for (uint32_t k = o + 1; k < m; ++k) words += text_.tokens[k].kind == TokenKind::kWord ? 1 : 0;
    if (words >= 2) Emit(o, m, true);
  }

  // The German and Central European convention opens low and closes with
  // the English opening mark: „So ist es“. Pairing that “ as an opening
  // mark would quote the rest of the paragraph.
  // German print also quotes »so« and Danish »so«: guillemets pointing in.
  bool ClosesLow9(uint32_t m) const {
    const std::string_view open = text_.Text(text_.tokens[static_cast<uint32_t>(open_)]);
    const std::string_view mark = text_.Text(text_.tokens[m]);
    return (open == "\u201E" && mark == "\u201C") || (open == "\u00BB" && mark == "\u00AB");
  }
  // A » with a word right after it (no space) opens a quote.
  bool OpensReversed(uint32_t m) const {
    return text_.Text(text_.tokens[m]) == "\u00BB" && m + 1 < text_.tokens.size() &&
           text_.tokens[m + 1].begin == text_.tokens[m].end &&
           text_.tokens[m + 1].kind == TokenKind::kWord;
  }

  bool IsParagraphStart(uint32_t m) const {
    const uint32_t p = text_.tokens[m].paragraph;
    return p < text_.paragraph_first_token.size() && text_.paragraph_first_token[p] == m;
  }
  uint32_t LastTokenOfParagraph(uint32_t p) const {
    if (p + 1 < text_.paragraph_first_token.size()) return text_.paragraph_first_token[p + 1] - 1;
    return static_cast<uint32_t>(text_.tokens.size()) - 1;
  }
  // A quote whose closing mark was lost (``... a deal. He added, ``...)
  // ends at the last sentence boundary before the next opening mark `m`:
  // the sentence that holds `m` ("He added,") is the reporter's, and its cue
  // introduces the next quote. Within one sentence the old quote ends at `m`.
  uint32_t LostClosingMark(uint32_t m) const {
    const uint32_t start = text_.SentenceStart(m);
    const uint32_t open = static_cast<uint32_t>(open_);
    return start > open + 1 && start < m ? start : m;
  }
  void Open(uint32_t m) {
    open_ = static_cast<int32_t>(m);
    paragraph_ = text_.tokens[m].paragraph;
  }
  void Close(uint32_t m) {
    Emit(static_cast<uint32_t>(open_), m, true);
    open_ = -1;
  }
  void FinishUnclosed(uint32_t end_token) {
    Emit(static_cast<uint32_t>(open_), end_token, false);
    open_ = -1;
  }
  void Emit(uint32_t open, uint32_t close, bool closed) {
    Quotation q;
    q.open = open;
    q.close = close;
    q.closed = closed;
    const uint32_t begin = text_.tokens[open].end;
    const uint32_t end = closed ? text_.tokens[close].begin
                                : (close > open + 1 ? text_.tokens[close - 1].end : begin);
    q.content = Span{begin, end};
    const int32_t index = static_cast<int32_t>(text_.quotations.size());
    for (uint32_t i = open + 1; i < close; ++i) {
      Token& t = text_.tokens[i];
      t.quotation = index;
      if (t.kind == TokenKind::kWord) ++q.words;
    }
    text_.tokens[open].kind = TokenKind::kOpenQuote;
    if (closed) text_.tokens[close].kind = TokenKind::kCloseQuote;
    // Trim spaces a sloppy source leaves inside the marks.
    while (q.content.begin < q.content.end && text_.body[q.content.begin] == ' ') ++q.content.begin;
    while (q.content.end > q.content.begin && text_.body[q.content.end - 1] == ' ') --q.content.end;
    text_.quotations.push_back(q);
  }

  QuoteText& text_;
  const std::vector<MarkShape>& shapes_;
  int32_t open_ = -1;
  int32_t single_open_ = -1;
  uint32_t paragraph_ = 0;
};

}  // namespace

bool QuoteText::IsPunct(uint32_t i, char c) const {
  if (i >= tokens.size() || tokens[i].kind == TokenKind::kWord) return false;
  const Token& t = tokens[i];
  return t.end == t.begin + 1 && body[t.begin] == c;
}

bool QuoteText::EndsSentence(uint32_t i) const {
  return tokens[i].quotation < 0 && (IsPunct(i, '.') || IsPunct(i, '?') || IsPunct(i, '!'));
}

bool QuoteText::WordIs(uint32_t i, std::string_view lower) const {
  if (!IsWord(i)) return false;
  const std::string_view t = Text(tokens[i]);
  if (t.size() != lower.size()) return false;
  for (size_t k = 0; k < t.size(); ++k) {
    const char c = (t[k] >= 'A' && t[k] <= 'Z') ? static_cast<char>(t[k] - 'A' + 'a') : t[k];
    if (c != lower[k]) return false;
  }
  return true;
}

bool QuoteText::EndsWith(uint32_t i, std::string_view suffix) const {
  const std::string_view t = Text(tokens[i]);
  return t.size() > suffix.size() + 1 && t.substr(t.size() - suffix.size()) == suffix;
}

uint32_t QuoteText::SentenceStart(uint32_t k) const {
  if (k >= tokens.size()) return static_cast<uint32_t>(tokens.size());
  const Token& t = tokens[k];
  while (k > 0 && tokens[k - 1].sentence == t.sentence && tokens[k - 1].paragraph == t.paragraph)
    --k;
  return k;
}

uint32_t QuoteText::SentenceEnd(uint32_t k) const {
  // Callers step one past a token ("the clause after this comma"), which may
  // be the end of the text: no sentence is left, so it ends where it starts.
  if (k >= tokens.size()) return static_cast<uint32_t>(tokens.size());
  const Token& t = tokens[k];
  while (k + 1 < tokens.size() && tokens[k + 1].sentence == t.sentence &&
         tokens[k + 1].paragraph == t.paragraph)
    ++k;
  return k + 1;
}

uint32_t QuoteText::AfterDateline(uint32_t start) const {
  if (start >= tokens.size() ||
      (start > 0 && tokens[start - 1].paragraph == tokens[start].paragraph))
    return start;
  for (uint32_t k = start; k < start + 8 && k + 1 < tokens.size(); ++k) {
    const std::string_view t = Text(tokens[k]);
    if (tokens[k].kind == TokenKind::kPunct &&
        (t == "\xE2\x80\x93" || t == "\xE2\x80\x94" || t == "-" || t == "_")) {
      return k + 1;
    }
    const unsigned char c = static_cast<unsigned char>(t[0]);
    if (IsWord(k) && c >= 'a' && c <= 'z') return start;  // prose, not a dateline
  }
  return start;
}

QuoteText BuildQuoteText(std::string_view body, const std::vector<Sentence>& sentences,
                         const text::Tokens* scan) {
  QuoteText text;
  text.body = body;
  if (sentences.empty()) {
    text.sentences = SplitSentences(body);
  } else {
    text.sentences.reserve(sentences.size());
    for (const Sentence& s : sentences) text.sentences.push_back(s.span);
  }
  text::Tokens own_scan;
  if (scan == nullptr) {
    std::vector<Sentence> spans;
    spans.reserve(text.sentences.size());
    for (const Span& sp : text.sentences) spans.push_back(Sentence{sp, 0});
    text::Tokenize(body, spans, own_scan);
    scan = &own_scan;
  }
  Tokenizer tokenizer{body, text, {}, {}, *scan};
  // About one token per five bytes of news text: reserved once, not grown.
  text.tokens.reserve(body.size() / 4 + 16);
  tokenizer.shapes.reserve(body.size() / 4 + 16);
  tokenizer.sentence_ends.reserve(text.sentences.size());
  for (const Span& s : text.sentences) tokenizer.sentence_ends.push_back(s.end);
  std::sort(tokenizer.sentence_ends.begin(), tokenizer.sentence_ends.end());
  tokenizer.Run();
  // Sentences first: the pairer ends a quote whose closing mark was lost at
  // a sentence boundary.
  uint32_t s = 0;
  for (Token& t : text.tokens) {
    while (s + 1 < text.sentences.size() && text.sentences[s].end <= t.begin) ++s;
    t.sentence = s;
  }
  Pairer(text, tokenizer.shapes).Run();
  return text;
}

}  // namespace newsfuse::analyze::quote_internal
