// Index terms: the words retrieval and similarity work on.
//
// Words come from ICU's word break iterator, are case-folded, stripped of
// possessive 's, and stemmed with Snowball in TermOptions::language (English
// by default) so "talks", "talked" and "talking" meet. Stop words of that
// language (data/text/stopwords_<code>.txt) are dropped, except
// acronyms in capitals or with dots ("US", "U.S.", "IT"), which become "us",
// "it" as names. Numbers are kept whole without grouping commas ("1,200" ->
// "1200"); contractions in "n't" are dropped, other clitics cut ("we'll" -> "we"). The result is a
// term id per word from a shared TermDictionary, so vectors are integer maps and no string is
// allocated per token in the hot loop.
#pragma once

#include <absl/container/flat_hash_map.h>

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace newsfuse {

// Interns term strings to dense ids. Not thread-safe: one per pipeline thread.
class TermDictionary {
 public:
  uint32_t Intern(std::string_view term);
  // The id of `term` or UINT32_MAX when never seen.
  uint32_t Find(std::string_view term) const;
  // REQUIRES: `id` came from this dictionary. The reference stays valid as
  // long as the dictionary (terms are never moved or removed).
  const std::string& Term(uint32_t id) const { return terms_[id]; }
  size_t size() const { return terms_.size(); }
  // Room for n terms without rehashing (a loaded dictionary is interned whole).
  void Reserve(size_t n) { ids_.reserve(n); }

  // What TermExtractor made of a surface form before (a token as the text
  // spells it, plus the extractor's settings): a word seen once costs one
  // lookup afterwards instead of case folding, stop-word test, stemming and
  // interning. The memo lives here, not in the extractor, because the ids it
  // holds are this dictionary's. kNoTerm marks a form that yields no term.
  static constexpr uint32_t kNoTerm = UINT32_MAX;
  // The remembered term of `surface`, or nullptr. The pointer is valid only
  // until the next RememberSurface (the table may grow and move its values).
  const uint32_t* FindSurface(std::u16string_view surface) const;
  void RememberSurface(std::u16string_view surface, uint32_t term);

 private:
  // Looked up for every word of every article, so an open-addressing table:
  // std::unordered_map's chained buckets made this a tenth of the clustering
  // time. Keys view the strings in terms_, a deque so they never move.
  absl::flat_hash_map<std::string_view, uint32_t> ids_;
  std::deque<std::string> terms_;
  struct SurfaceHash {
    using is_transparent = void;
    // std::hash hashes the bytes in one pass; absl's hash of a char16_t
    // string combines element by element and was a tenth of the time.
    size_t operator()(std::u16string_view s) const { return std::hash<std::u16string_view>{}(s); }
  };
  struct SurfaceEq {
    using is_transparent = void;
    bool operator()(std::u16string_view a, std::u16string_view b) const { return a == b; }
  };
  absl::flat_hash_map<std::u16string, uint32_t, SurfaceHash, SurfaceEq> surfaces_;
};

struct TermOptions {
  // ISO 639-1 code ("en", "de", "es"): picks ICU's word rules, the Snowball
  // stemmer and the stop list (data/text/stopwords_<code>.txt). A language
  // with no stemmer or list is split and case-folded only, so any language
  // can be indexed and adding one is adding its list.
  std::string language = "en";
  bool stem = true;
  bool drop_stop_words = true;
  bool keep_numbers = true;  // "314" is evidence that two reports agree
};

// Splits text into index terms. Holds ICU and Snowball state, so reuse one
// per thread (and language) rather than building one per call.
class TermExtractor {
 public:
  explicit TermExtractor(TermOptions options = {});
  ~TermExtractor();
  TermExtractor(const TermExtractor&) = delete;
  TermExtractor& operator=(const TermExtractor&) = delete;

  // Appends the term ids of `text` to `out`, in text order.
  void Extract(std::string_view text, TermDictionary& dict, std::vector<uint32_t>& out);
  // The same, as strings (for tests and debugging).
  std::vector<std::string> Terms(std::string_view text);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsfuse
