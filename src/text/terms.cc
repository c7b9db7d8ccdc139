#include "text/terms.h"

#include <absl/container/flat_hash_set.h>
#include <libstemmer.h>
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>

#include <cassert>
#include <utility>

#include "text/word_lists.h"

namespace newsfuse {

uint32_t TermDictionary::Intern(std::string_view term) {
  auto it = ids_.find(term);
  if (it != ids_.end()) return it->second;
  const auto id = static_cast<uint32_t>(terms_.size());
  ids_.emplace(terms_.emplace_back(term), id);
  return id;
}

uint32_t TermDictionary::Find(std::string_view term) const {
  auto it = ids_.find(term);
  return it == ids_.end() ? UINT32_MAX : it->second;
}

const uint32_t* TermDictionary::FindSurface(std::u16string_view surface) const {
  auto it = surfaces_.find(surface);
  return it == surfaces_.end() ? nullptr : &it->second;
}

void TermDictionary::RememberSurface(std::u16string_view surface, uint32_t term) {
  // Bounded: a stream's rare forms (typos, numbers) would otherwise grow the
  // memo without end. Forgetting is safe; the next sighting recomputes.
  constexpr size_t kMaxSurfaces = 1 << 20;
  if (surfaces_.size() >= kMaxSurfaces) surfaces_.clear();
  surfaces_.emplace(surface, term);
}

namespace {

// Views into the embedded word list, which lives as long as the program.
using StopSet = absl::flat_hash_set<std::string_view>;

StopSet StopWordsOf(std::string_view language) {
  StopSet s;
  for (std::string_view w : word_lists::Lines(word_lists::StopWords(language))) s.emplace(w);
  return s;
}

bool IsApostrophe(UChar c) { return c == '\'' || c == 0x2019; }

}  // namespace

struct TermExtractor::Impl {
  TermOptions options;
  std::unique_ptr<icu::BreakIterator> words;
  sb_stemmer* stemmer = nullptr;  // null for a language Snowball lacks
  StopSet stop_words;
  // Leads every memo key (see Run): the dictionary may be shared by
  // extractors of several languages and settings.
  std::u16string memo_prefix;
  // Buffers reused across calls and tokens: Extract allocates only when a
  // text is longer than any before, or when it interns a new term.
  std::vector<UChar> u16;
  std::vector<UChar> folded;
  std::vector<char> utf8;
  std::u16string surface;

  explicit Impl(TermOptions opts)
      : options(std::move(opts)), stop_words(StopWordsOf(options.language)) {
    UErrorCode status = U_ZERO_ERROR;
    words.reset(
        icu::BreakIterator::createWordInstance(icu::Locale(options.language.c_str()), status));
    assert(U_SUCCESS(status) && words);  // only fails without ICU data
    if (options.stem) stemmer = sb_stemmer_new(options.language.c_str(), "UTF_8");
    const UChar settings =
        static_cast<UChar>(0x100 | (options.stem ? 2 : 0) | (options.drop_stop_words ? 4 : 0) |
                           (options.keep_numbers ? 8 : 0));
    memo_prefix.assign(1, static_cast<char16_t>(settings));
    for (char c : options.language) memo_prefix.push_back(static_cast<char16_t>(c));
    memo_prefix.push_back(u'\x1f');
  }
  ~Impl() {
    if (stemmer) sb_stemmer_delete(stemmer);
  }

  // True when most letters are capitals: a headline or subhead in capitals,
  // where "AND" is a stop word rather than an acronym.
  bool MostlyUpper(int32_t len) const {
    int upper = 0, letters = 0;
    for (int32_t i = 0; i < len; ++i) {
      const UChar c = u16[i];
      if (c < 0x80) {  // most of an English text: no property lookup
        const bool is_upper = c >= 'A' && c <= 'Z';
        if (!is_upper && !(c >= 'a' && c <= 'z')) continue;
        ++letters;
        upper += is_upper;
        continue;
      }
      if (!u_isalpha(c)) continue;
      ++letters;
      if (u_isupper(c)) ++upper;
    }
    return letters > 0 && upper * 10 > letters * 6;
  }

  void Run(std::string_view text, TermDictionary& dict, std::vector<uint32_t>& out);
  uint32_t TermOf(const UChar* tok, int32_t n, bool number, bool shouting, TermDictionary& dict);
};

TermExtractor::TermExtractor(TermOptions options) : impl_(std::make_unique<Impl>(options)) {}
TermExtractor::~TermExtractor() = default;

void TermExtractor::Extract(std::string_view text, TermDictionary& dict,
                            std::vector<uint32_t>& out) {
  impl_->Run(text, dict, out);
}

std::vector<std::string> TermExtractor::Terms(std::string_view text) {
  TermDictionary dict;
  std::vector<uint32_t> ids;
  impl_->Run(text, dict, ids);
  std::vector<std::string> terms;
  terms.reserve(ids.size());
  for (uint32_t id : ids) terms.push_back(dict.Term(id));
  return terms;
}

// The term one token yields, or kNoTerm when it yields none (a stop word,
// a contraction, a stray letter). Depends only on the token, whether ICU
// called it a number, whether the text is in capitals, and the options.
uint32_t TermExtractor::Impl::TermOf(const UChar* tok, int32_t n, bool number, bool shouting,
                                     TermDictionary& dict) {
  if (number && !options.keep_numbers) return TermDictionary::kNoTerm;

  // An acronym in capitals ("US", "WHO", "IT") or with dots ("U.S") is a
  // name, not the stop word it spells, unless the whole text is in capitals.
  bool acronym = false;
  if (!number && !shouting && n >= 2 && n <= 6) {
    bool all_upper = true;
    for (int32_t i = 0; i < n; ++i) {
      if (tok[i] != '.' && !u_isupper(tok[i])) all_upper = false;
    }
    acronym = all_upper;
  }

  // Case folding can expand a code point to three ("ß" -> "ss" is two).
  if (folded.size() < 3 * static_cast<size_t>(n)) folded.resize(3 * static_cast<size_t>(n));
  UErrorCode fs = U_ZERO_ERROR;
  int32_t m = u_strFoldCase(folded.data(), static_cast<int32_t>(folded.size()), tok, n,
                            U_FOLD_CASE_DEFAULT, &fs);
  if (U_FAILURE(fs)) return TermDictionary::kNoTerm;
  UChar* f = folded.data();

  if (number) {
    // "1,200" and "1200" are the same number; a decimal point stays.
    int32_t k = 0;
    for (int32_t i = 0; i < m; ++i) {
      if (f[i] != ',' && f[i] != 0x202F && f[i] != 0x00A0) f[k++] = f[i];
    }
    m = k;
  } else {
    // Contractions: "n't" makes an auxiliary (all stop words: don't, isn't,
    // won't), so the token goes; "'s", "'ll", "'re", "'ve", "'d", "'m" are
    // cut, leaving "Europe" from "Europe's" and "we" from "we'll".
    int32_t apos = -1;
    for (int32_t i = m - 1; i > 0; --i) {
      if (IsApostrophe(f[i])) {
        apos = i;
        break;
      }
    }
    if (apos > 0) {
      if (f[apos - 1] == 'n' && m - apos == 2 && f[apos + 1] == 't') {
        return TermDictionary::kNoTerm;
      }
      const int32_t suffix = m - apos - 1;
      if (suffix >= 1 && suffix <= 2) m = apos;
    }
    // "u.s" -> "us": dotted and undotted spellings of an acronym meet.
    int32_t k = 0;
    bool had_dot = false;
    for (int32_t i = 0; i < m; ++i) {
      if (f[i] == '.')
        had_dot = true;
      else
        f[k++] = f[i];
    }
    m = k;
    if (had_dot) acronym = true;
    if (m == 0) return TermDictionary::kNoTerm;
    if (m == 1 && f[0] < 0x80) return TermDictionary::kNoTerm;  // stray initials and letters
  }

  if (utf8.size() < 3 * static_cast<size_t>(m)) utf8.resize(3 * static_cast<size_t>(m));
  UErrorCode us = U_ZERO_ERROR;
  int32_t bytes = 0;
  u_strToUTF8(utf8.data(), static_cast<int32_t>(utf8.size()), &bytes, f, m, &us);
  if (U_FAILURE(us)) return TermDictionary::kNoTerm;
  std::string_view word(utf8.data(), bytes);

  if (!number && options.drop_stop_words && !acronym && stop_words.contains(word)) {
    return TermDictionary::kNoTerm;
  }
  if (!number && stemmer) {
    const sb_symbol* stemmed = sb_stemmer_stem(
        stemmer, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
    if (stemmed) {
      word = std::string_view(reinterpret_cast<const char*>(stemmed), sb_stemmer_length(stemmer));
    }
  }
  return dict.Intern(word);
}

void TermExtractor::Impl::Run(std::string_view text, TermDictionary& dict,
                              std::vector<uint32_t>& out) {
  if (text.empty()) return;
  // UTF-16 never needs more units than UTF-8 has bytes.
  if (u16.size() < text.size()) u16.resize(text.size());
  UErrorCode status = U_ZERO_ERROR;
  int32_t len = 0;
  u_strFromUTF8WithSub(u16.data(), static_cast<int32_t>(u16.size()), &len, text.data(),
                       static_cast<int32_t>(text.size()), 0xFFFD, nullptr, &status);
  if (U_FAILURE(status)) return;
  const bool shouting = MostlyUpper(len);

  UText ut = UTEXT_INITIALIZER;
  utext_openUChars(&ut, u16.data(), len, &status);
  words->setText(&ut, status);
  if (U_FAILURE(status)) {
    utext_close(&ut);
    return;
  }

  // The memo key: what shapes a term beside the token itself (settings and
  // language, whether the text is in capitals, whether ICU saw a number).
  const char16_t context = (shouting ? u'S' : u's');
  int32_t start = words->first();
  for (int32_t end = words->next(); end != icu::BreakIterator::DONE;
       start = end, end = words->next()) {
    const int32_t rule = words->getRuleStatus();
    if (rule < UBRK_WORD_NONE_LIMIT) continue;  // spaces and punctuation
    const bool number = rule < UBRK_WORD_NUMBER_LIMIT;
    surface.assign(memo_prefix);
    surface.push_back(context);
    surface.push_back(number ? u'N' : u'w');
    surface.append(reinterpret_cast<const char16_t*>(u16.data() + start), end - start);
    uint32_t term;
    if (const uint32_t* known = dict.FindSurface(surface)) {
      term = *known;
    } else {
      term = TermOf(u16.data() + start, end - start, number, shouting, dict);
      dict.RememberSurface(surface, term);
    }
    if (term != TermDictionary::kNoTerm) out.push_back(term);
  }
  utext_close(&ut);
}

}  // namespace newsfuse
