#include "text/sentences.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cassert>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "core/strings.h"
#include "text/word_lists.h"

namespace newsfuse {
namespace {

// When a period after an abbreviation may still end a sentence; the word that
// follows is the evidence (see data/text/abbreviations_en.txt).
enum class AbbrevClass {
  kTitle,      // never: a name follows
  kAmbiguous,  // months, dotted acronyms, initials: only before a sentence starter
  kNumeric,    // "No.": never before a number
  kOther,      // "Inc.": only before a capitalised word
};

struct Lexicon {
  std::unordered_map<std::string, AbbrevClass> abbreviations;
  std::unordered_set<std::string> starters;
};

// Built once from the compiled-in lists and never modified afterwards, so it
// is safe to share between threads.
const Lexicon& GetLexicon() {
  static const Lexicon lexicon = [] {
    Lexicon lex;
    for (std::string_view line : word_lists::Lines(word_lists::AbbreviationsEn())) {
      size_t space = line.find_first_of(" \t");
      std::string_view word = line.substr(0, space);
      std::string_view cls = space == std::string_view::npos ? "" : line.substr(space + 1);
      cls = TrimLeft(cls);
      AbbrevClass c = AbbrevClass::kOther;
      if (cls == "title")
        c = AbbrevClass::kTitle;
      else if (cls == "month")
        c = AbbrevClass::kAmbiguous;
      else if (cls == "numeric")
        c = AbbrevClass::kNumeric;
      lex.abbreviations.emplace(std::string(word), c);
    }
    for (std::string_view line : word_lists::Lines(word_lists::SentenceStartersEn())) {
      lex.starters.emplace(line);
    }
    return lex;
  }();
  return lexicon;
}

bool IsSpace(UChar c) { return u_isUWhiteSpace(c); }

// Punctuation that may open a token: brackets and opening quotes, plus the
// ASCII quotes, which open as often as they close.
bool IsOpener(UChar c) {
  return c == '(' || c == '[' || c == '"' || c == '\'' || c == 0x201C || c == 0x2018 || c == 0x00AB;
}

std::string ToUtf8(const UChar* s, int32_t n) {
  std::string out;
  out.reserve(n);
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U16_NEXT(s, i, n, c);
    char buf[4];
    int32_t len = 0;
    UBool error = false;
    U8_APPEND(buf, len, 4, c, error);
    if (!error) out.append(buf, len);
  }
  return out;
}

}  // namespace

struct SentenceSplitter::Impl {
  std::unique_ptr<icu::BreakIterator> iterator;
  std::vector<UChar> u16;        // the paragraph in UTF-16
  std::vector<uint32_t> offset;  // UTF-16 index -> byte offset in the input
  std::vector<int32_t> bounds;

  Impl() {
    UErrorCode status = U_ZERO_ERROR;
    iterator.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), status));
    // Fails only when ICU's data library is missing: a broken install, not input.
    assert(U_SUCCESS(status) && iterator);
  }

  void SplitParagraph(std::string_view text, size_t begin, size_t end, std::vector<Span>& out);
  void Emit(int32_t b, int32_t e, std::vector<Span>& out) const;
  int32_t CutPoint(int32_t b, int32_t e) const;
  bool ShouldJoin(int32_t seg_begin, int32_t boundary) const;
};

SentenceSplitter::SentenceSplitter() : impl_(std::make_unique<Impl>()) {}
SentenceSplitter::~SentenceSplitter() = default;

void SentenceSplitter::Split(std::string_view text, std::vector<Span>& out) {
  // Paragraphs: a line break, optional horizontal space, another line break.
  size_t para_begin = 0;
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] != '\n') {
      ++i;
      continue;
    }
    size_t j = i + 1;
    while (j < text.size() && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r')) ++j;
    if (j < text.size() && text[j] == '\n') {
      impl_->SplitParagraph(text, para_begin, i, out);
      while (j < text.size() &&
             (text[j] == '\n' || text[j] == ' ' || text[j] == '\t' || text[j] == '\r')) {
        ++j;
      }
      para_begin = j;
      i = j;
    } else {
      i = j;
    }
  }
  impl_->SplitParagraph(text, para_begin, text.size(), out);
}

void SentenceSplitter::Impl::SplitParagraph(std::string_view text, size_t begin, size_t end,
                                            std::vector<Span>& out) {
  if (begin >= end) return;
  // UTF-8 -> UTF-16 with a map back to byte offsets. Ill-formed bytes become
  // U+FFFD (one per maximal bad subsequence), so spans still cover them. Line
  // breaks inside a paragraph become spaces: ICU would end a sentence at each
  // one, which breaks hard-wrapped text mid-sentence.
  const uint8_t* s = reinterpret_cast<const uint8_t*>(text.data()) + begin;
  const int32_t n = static_cast<int32_t>(end - begin);
  // A UTF-8 sequence never gives more UTF-16 units than it has bytes, so n
  // units are enough: written by index, not pushed one by one.
  u16.resize(static_cast<size_t>(n));
  offset.resize(static_cast<size_t>(n) + 1);
  size_t k = 0;
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    UChar32 c = s[i];
    if (c < 0x80) {  // most of a news text: one byte, one unit
      ++i;
    } else {
      U8_NEXT(s, i, n, c);
    }
    if (c < 0) c = 0xFFFD;
    if (c == '\n' || c == '\r') c = ' ';
    const auto at = static_cast<uint32_t>(begin + static_cast<size_t>(start));
    if (c <= 0xFFFF) {
      u16[k] = static_cast<UChar>(c);
      offset[k++] = at;
    } else {
      u16[k] = U16_LEAD(c);
      offset[k++] = at;
      u16[k] = U16_TRAIL(c);
      offset[k++] = at;
    }
  }
  u16.resize(k);
  offset.resize(k);
  offset.push_back(static_cast<uint32_t>(end));
  const int32_t len = static_cast<int32_t>(u16.size());

  UErrorCode status = U_ZERO_ERROR;
  UText ut = UTEXT_INITIALIZER;
  utext_openUChars(&ut, u16.data(), len, &status);
  iterator->setText(&ut, status);  // shallow clone: reads u16 directly
  bounds.clear();
  for (int32_t b = iterator->first(); b != icu::BreakIterator::DONE; b = iterator->next()) {
    bounds.push_back(b);
  }
  utext_close(&ut);
  if (U_FAILURE(status)) bounds = {0, len};

  int32_t seg_begin = 0;
  for (size_t k = 1; k + 1 < bounds.size(); ++k) {
    if (ShouldJoin(seg_begin, bounds[k])) continue;
    Emit(seg_begin, bounds[k], out);
    seg_begin = bounds[k];
  }
  Emit(seg_begin, len, out);
}

// Appends [b, e) of u16, trimmed, cut into pieces of at most kMaxSentenceBytes.
void SentenceSplitter::Impl::Emit(int32_t b, int32_t e, std::vector<Span>& out) const {
  for (;;) {
    while (b < e && IsSpace(u16[b])) ++b;
    while (e > b && IsSpace(u16[e - 1])) --e;
    if (b >= e) return;
    if (offset[e] - offset[b] <= kMaxSentenceBytes) {
      out.push_back(Span{offset[b], offset[e]});
      return;
    }
    int32_t cut = CutPoint(b, e);
    int32_t piece_end = cut;
    while (piece_end > b && IsSpace(u16[piece_end - 1])) --piece_end;
    out.push_back(Span{offset[b], offset[piece_end]});
    b = cut;
  }
}

// Where to end the first piece of an over-long run [b, e): b < cut < e and
// the piece [b, cut) holds at most kMaxSentenceBytes. The search looks back
// over at most half the bound, so cutting costs O(bound) per piece and the
// whole split stays linear.
int32_t SentenceSplitter::Impl::CutPoint(int32_t b, int32_t e) const {
  // The last index whose byte offset still fits: offsets rise with the index.
  const uint32_t limit = offset[b] + static_cast<uint32_t>(kMaxSentenceBytes);
  int32_t fit =
      static_cast<int32_t>(std::upper_bound(offset.begin() + b, offset.begin() + e, limit) -
                           offset.begin()) -
      1;
  // offset[fit] <= limit, so [b, fit) fits; fit > b since one code point is < 5 bytes.
  const uint32_t floor = offset[b] + static_cast<uint32_t>(kMaxSentenceBytes / 2);
  int32_t space = -1;
  for (int32_t c = fit; c > b + 1 && offset[c] > floor; --c) {
    if (!IsSpace(u16[c - 1])) continue;
    const UChar before = u16[c - 2];
    if (before == ',' || before == ';' || before == ':') return c;
    if (space < 0) space = c;
  }
  if (space > 0) return space;
  if (U16_IS_TRAIL(u16[fit]) && fit > b + 1) --fit;  // keep a surrogate pair whole
  return fit;
}

// True if ICU's boundary at `boundary` falls right after an abbreviation that
// does not end the sentence here.
bool SentenceSplitter::Impl::ShouldJoin(int32_t seg_begin, int32_t boundary) const {
  int32_t e = boundary;
  while (e > seg_begin && IsSpace(u16[e - 1])) --e;
  // Only a bare period can be an abbreviation's; `."` or `.)` closes a sentence.
  if (e == seg_begin || u16[e - 1] != '.') return false;
  int32_t t = e - 1;
  while (t > seg_begin && !IsSpace(u16[t - 1])) --t;
  while (t < e - 1 && IsOpener(u16[t])) ++t;
  const int32_t token_len = e - t;  // includes the final period

  // The word after the boundary, past openers: "U.S. \"The ..." -> The.
  const int32_t len = static_cast<int32_t>(u16.size());
  int32_t w = boundary;
  while (w < len && (IsSpace(u16[w]) || IsOpener(u16[w]))) ++w;
  if (w >= len) return false;
  int32_t w_end = w;
  while (w_end < len && (u_isalnum(u16[w_end]) || U16_IS_SURROGATE(u16[w_end]))) ++w_end;
  UChar32 first;
  U16_GET(u16.data(), 0, w, len, first);
  const bool next_digit = u_isdigit(first);
  const bool next_lower = u_islower(first);
  auto next_is_starter = [&] {
    return GetLexicon().starters.count(ToUtf8(u16.data() + w, w_end - w)) > 0;
  };

  AbbrevClass cls;
  const Lexicon& lex = GetLexicon();
  auto it = lex.abbreviations.find(ToUtf8(u16.data() + t, token_len));
  if (it != lex.abbreviations.end()) {
    cls = it->second;
  } else {
    // By shape: an initial ("J.") or a dotted acronym ("U.S.", "U.N.", "a.m.").
    // Every other character must be a period and the rest letters.
    bool dotted = token_len >= 2 && token_len % 2 == 0;
    for (int32_t k = t; dotted && k < e; k += 2) {
      dotted = u_isalpha(u16[k]) && u16[k + 1] == '.';
    }
    if (!dotted) return false;
    if (token_len == 2 && !u_isupper(u16[t])) return false;  // "a." is not an initial
    cls = AbbrevClass::kAmbiguous;
  }
  switch (cls) {
    case AbbrevClass::kTitle:
      return true;
    case AbbrevClass::kAmbiguous:
      return next_digit || next_lower || !next_is_starter();
    case AbbrevClass::kNumeric:
      return next_digit;
    case AbbrevClass::kOther:
      return next_digit || next_lower;
  }
  return false;
}

std::vector<Span> SplitSentences(std::string_view text) {
  // One splitter per thread: ICU iterators are costly to build (rule tables)
  // and not safe to share, and SplitSentences is called per article.
  thread_local SentenceSplitter splitter;
  std::vector<Span> spans;
  splitter.Split(text, spans);
  return spans;
}

}  // namespace newsfuse
