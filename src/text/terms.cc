#include "text/terms.h"

#include <absl/container/flat_hash_set.h>
#include <libstemmer.h>
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uscript.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cassert>
#include <utility>

#include "core/strings.h"
#include "core/utf8.h"
#include "text/word_lists.h"

namespace newsfuse {

uint32_t TermDictionary::Intern(std::string_view term) {
  auto it = ids_.find(term);
  if (it != ids_.end()) return it->second;
  uint32_t id = kNoTerm;
  if (lookup_) {
    // Only after a Prefetch (the set holds std::strings: one is made to ask).
    if (unkept_.empty() || unkept_.erase(std::string(term)) == 0) id = lookup_->Find(term);
  }
  if (id == kNoTerm) id = static_cast<uint32_t>(size_++);
  const std::string& held = terms_.emplace_back(term);
  ids_.emplace(held, id);
  if (lookup_) by_id_.emplace(id, &held);
  return id;
}

void TermDictionary::Continue(size_t size, std::unique_ptr<Lookup> lookup) {
  assert(terms_.empty());
  size_ = size;
  lookup_ = std::move(lookup);
}

void TermDictionary::Prefetch(const std::vector<std::string_view>& terms) {
  if (!lookup_) return;
  std::vector<std::string_view> asked;
  absl::flat_hash_set<std::string_view> seen;
  for (std::string_view term : terms) {
    if (!ids_.contains(term) && !unkept_.contains(std::string(term)) && seen.insert(term).second) {
      asked.push_back(term);
    }
  }
  if (asked.empty()) return;
  std::vector<uint32_t> ids;
  lookup_->FindMany(asked, ids);
  for (size_t i = 0; i < asked.size() && i < ids.size(); ++i) {
    if (ids[i] == kNoTerm) {
      unkept_.emplace(asked[i]);
      continue;
    }
    const std::string& held = terms_.emplace_back(asked[i]);
    ids_.emplace(held, ids[i]);
    by_id_.emplace(ids[i], &held);
  }
}

uint32_t TermDictionary::Find(std::string_view term) const {
  auto it = ids_.find(term);
  return it == ids_.end() ? UINT32_MAX : it->second;
}

const uint32_t* TermDictionary::FindSurface(std::string_view surface) const {
  auto it = surfaces_.find(surface);
  return it == surfaces_.end() ? nullptr : &it->second;
}

void TermDictionary::RememberSurface(std::string_view surface, uint32_t term) {
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

constexpr std::string_view kCurlyApostrophe = "\u2019";

// The byte offset of the last apostrophe (' or ’) in `w` after its first
// byte, and its length; npos when there is none.
std::pair<size_t, size_t> LastApostrophe(std::string_view w) {
  for (size_t i = w.size(); i-- > 1;) {
    if (w[i] == '\'') return {i, 1};
    if (i + kCurlyApostrophe.size() <= w.size() &&
        w.substr(i, kCurlyApostrophe.size()) == kCurlyApostrophe)
      return {i, kCurlyApostrophe.size()};
  }
  return {std::string_view::npos, 0};
}

// True when `word` holds a letter of a script written without spaces between
// words, which ICU cuts with a dictionary.
bool NeedsDictionaryCut(std::string_view word) {
  int32_t i = 0;
  const auto n = static_cast<int32_t>(word.size());
  while (i < n) {
    UChar32 c = 0;
    U8_NEXT(word.data(), i, n, c);
    if (c < 0x0E00) continue;  // below Thai: Latin, Greek, Cyrillic, Arabic, Indic ...
    UErrorCode status = U_ZERO_ERROR;
    switch (uscript_getScript(c, &status)) {
      case USCRIPT_HAN:
      case USCRIPT_HIRAGANA:
      case USCRIPT_KATAKANA:
      case USCRIPT_THAI:
      case USCRIPT_LAO:
      case USCRIPT_KHMER:
      case USCRIPT_MYANMAR:
        return true;
      default:
        break;
    }
  }
  return false;
}

}  // namespace

struct TermExtractor::Impl {
  TermOptions options;
  sb_stemmer* stemmer = nullptr;  // null for a language Snowball lacks
  StopSet stop_words;
  // Leads every memo key (see Emit): the dictionary may be shared by
  // extractors of several languages and settings.
  std::string memo_prefix;
  // Built on the first word of a script without spaces.
  std::unique_ptr<icu::BreakIterator> dictionary_words;
  // Buffers reused across calls and tokens.
  std::string key;
  std::string folded;
  text::Tokens scratch;

  explicit Impl(TermOptions opts)
      : options(std::move(opts)), stop_words(StopWordsOf(options.language)) {
    if (options.stem) stemmer = sb_stemmer_new(options.language.c_str(), "UTF_8");
    memo_prefix.push_back(static_cast<char>(0x10 | (options.stem ? 2 : 0) |
                                            (options.drop_stop_words ? 4 : 0) |
                                            (options.keep_numbers ? 8 : 0)));
    memo_prefix += options.language;
    memo_prefix.push_back('\x1f');
  }
  ~Impl() {
    if (stemmer) sb_stemmer_delete(stemmer);
  }
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;

  void Run(const text::Tokens& tokens, size_t begin, size_t end, TermDictionary& dict,
           std::vector<uint32_t>& out);
  void CutWithDictionary(std::string_view word, bool shouting, TermDictionary& dict,
                         std::vector<uint32_t>& out);
  void Emit(std::string_view surface, bool number, bool acronym, bool shouting,
            TermDictionary& dict, std::vector<uint32_t>& out);
  uint32_t TermOf(std::string_view surface, bool number, bool acronym, TermDictionary& dict);
};

TermExtractor::TermExtractor(TermOptions options) : impl_(std::make_unique<Impl>(options)) {}
TermExtractor::~TermExtractor() = default;

void TermExtractor::Extract(const text::Tokens& tokens, size_t begin, size_t end,
                            TermDictionary& dict, std::vector<uint32_t>& out) {
  impl_->Run(tokens, begin, std::min(end, tokens.size()), dict, out);
}

void TermExtractor::Extract(std::string_view text, TermDictionary& dict,
                            std::vector<uint32_t>& out) {
  text::Tokenize(text, impl_->scratch);
  impl_->Run(impl_->scratch, 0, impl_->scratch.size(), dict, out);
}

std::vector<std::string> TermExtractor::Terms(std::string_view text) {
  TermDictionary dict;
  std::vector<uint32_t> ids;
  Extract(text, dict, ids);
  std::vector<std::string> terms;
  terms.reserve(ids.size());
  for (uint32_t id : ids) terms.push_back(dict.Term(id));
  return terms;
}

// The term one word yields, or kNoTerm when it yields none (a stop word, a
// contraction, a stray letter). Depends only on its arguments and the options.
uint32_t TermExtractor::Impl::TermOf(std::string_view surface, bool number, bool acronym,
                                     TermDictionary& dict) {
  folded.clear();
  if (number) {
    if (!options.keep_numbers) return TermDictionary::kNoTerm;
    // "1,200" and "1200" are the same number; a decimal point stays.
    for (char c : surface)
      if (c != ',') folded.push_back(c);
    return dict.Intern(folded);
  }
  text::AppendFolded(surface, folded);
  // Contractions: "n't" makes an auxiliary (all stop words: don't, isn't,
  // won't), so the word goes; "'s", "'ll", "'re", "'ve", "'d", "'m" are cut,
  // leaving "europe" from "Europe's" and "we" from "we'll".
  if (auto [apos, len] = LastApostrophe(folded); apos != std::string_view::npos) {
    const size_t suffix = folded.size() - apos - len;
    if (folded[apos - 1] == 'n' && suffix == 1 && folded.back() == 't')
      return TermDictionary::kNoTerm;
    if (suffix >= 1 && suffix <= 2) folded.resize(apos);
  }
  // "u.s." -> "us": dotted and undotted spellings of an acronym meet.
  if (folded.find('.') != std::string::npos) {
    std::erase(folded, '.');
    acronym = true;
  }
  if (folded.empty()) return TermDictionary::kNoTerm;
  if (folded.size() == 1) return TermDictionary::kNoTerm;  // stray initials and letters
  if (options.drop_stop_words && !acronym && stop_words.contains(folded))
    return TermDictionary::kNoTerm;
  if (stemmer) {
    const sb_symbol* stemmed =
        sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol*>(folded.data()),
                        static_cast<int>(folded.size()));
    if (stemmed)
      return dict.Intern(
          std::string_view(reinterpret_cast<const char*>(stemmed), sb_stemmer_length(stemmer)));
  }
  return dict.Intern(folded);
}

void TermExtractor::Impl::Emit(std::string_view surface, bool number, bool acronym, bool shouting,
                               TermDictionary& dict, std::vector<uint32_t>& out) {
  // What shapes a term beside the word itself: the settings and language,
  // whether the text is in capitals, whether the word is a number and an
  // acronym (both read off the word, so one memo entry per reading).
  key.assign(memo_prefix);
  key.push_back(
      static_cast<char>(0x20 | (shouting ? 1 : 0) | (number ? 2 : 0) | (acronym ? 4 : 0)));
  key.append(surface);
  uint32_t id;
  if (const uint32_t* known = dict.FindSurface(key)) {
    id = *known;
  } else {
    id = TermOf(surface, number, acronym, dict);
    dict.RememberSurface(key, id);
  }
  if (id != TermDictionary::kNoTerm) out.push_back(id);
}

// A run of Han, kana or Thai (one scan token) cut into words by ICU's
// dictionary for the extractor's language. The break iterator reads the
// token's own bytes: offsets are byte offsets into `word`.
void TermExtractor::Impl::CutWithDictionary(std::string_view word, bool shouting,
                                            TermDictionary& dict, std::vector<uint32_t>& out) {
  UErrorCode status = U_ZERO_ERROR;
  if (!dictionary_words) {
    dictionary_words.reset(
        icu::BreakIterator::createWordInstance(icu::Locale(options.language.c_str()), status));
    assert(U_SUCCESS(status) && dictionary_words);  // only fails without ICU data
    if (U_FAILURE(status) || !dictionary_words) return;
  }
  UText ut = UTEXT_INITIALIZER;
  utext_openUTF8(&ut, word.data(), static_cast<int64_t>(word.size()), &status);
  dictionary_words->setText(&ut, status);
  if (U_SUCCESS(status)) {
    int32_t start = dictionary_words->first();
    for (int32_t stop = dictionary_words->next(); stop != icu::BreakIterator::DONE;
         start = stop, stop = dictionary_words->next()) {
      const int32_t rule = dictionary_words->getRuleStatus();
      if (rule < UBRK_WORD_NONE_LIMIT) continue;
      Emit(word.substr(static_cast<size_t>(start), static_cast<size_t>(stop - start)),
           rule < UBRK_WORD_NUMBER_LIMIT, false, shouting, dict, out);
    }
  }
  // The iterator keeps a pointer to the UText; unhook it before the UText goes.
  dictionary_words->setText(icu::UnicodeString());
  utext_close(&ut);
}

void TermExtractor::Impl::Run(const text::Tokens& tokens, size_t begin, size_t end,
                              TermDictionary& dict, std::vector<uint32_t>& out) {
  // A text mostly in capitals (a subhead, a shouted title) reads "AND" as
  // the stop word, not an acronym: over 60% of its letters upper case.
  size_t letters = 0, upper = 0;
  for (size_t i = begin; i < end; ++i) {
    const text::Token& t = tokens[i];
    if (!t.IsWord()) continue;
    const std::string_view w = tokens.Text(t);
    if (!t.Has(text::kNonAscii)) {
      for (char c : w) {
        letters += IsAsciiUpper(c) || IsAsciiLower(c);
        upper += IsAsciiUpper(c);
      }
    } else {
      const size_t n = Utf8Length(w);
      letters += n;
      upper += t.Has(text::kAllCaps) ? n : t.Has(text::kCapital) ? 1 : 0;
    }
  }
  const bool shouting = letters > 0 && upper * 10 > letters * 6;

  for (size_t i = begin; i < end; ++i) {
    const text::Token& first = tokens[i];
    if (first.IsSymbol()) continue;
    // Letters and digits glued together ("G7", "5km", "1990s") are one word.
    size_t last = i;
    bool has_word = first.IsWord();
    while (last + 1 < end && tokens.Glued(last) && !tokens[last + 1].IsSymbol() &&
           tokens[last + 1].kind != tokens[last].kind) {
      ++last;
      has_word = has_word || tokens[last].IsWord();
    }
    const std::string_view surface =
        tokens.text.substr(first.begin, tokens[last].end - first.begin);
    const bool number = !has_word;
    const bool single = last == i;
    i = last;
    if (single && first.IsWord() && first.Has(text::kNonAscii) && NeedsDictionaryCut(surface)) {
      CutWithDictionary(surface, shouting, dict, out);
      continue;
    }
    // An acronym in capitals ("US", "WHO", "IT") is a name, not the stop
    // word it spells, unless the whole text is in capitals.
    const bool acronym =
        !number && !shouting && single && first.Has(text::kAllCaps) && Utf8Length(surface) <= 6;
    Emit(surface, number, acronym, shouting, dict, out);
  }
}

}  // namespace newsfuse
