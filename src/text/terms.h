// Index terms: the words retrieval and similarity work on.
//
// Words are the one scan's tokens (text/tokens.h), so clustering, fusion and
// the annotators agree on where a word starts: letters and digits glued
// together ("G7", "5km", "1990s") are one term; a run of a script written
// without spaces (Han, kana, Thai, Lao, Khmer, Myanmar), one scan token, is
// cut into dictionary words by ICU's word rules for TermOptions::language,
// since one term per run would match nothing. Words are case-folded, stripped
// of possessive 's, and stemmed with Snowball in that language (English by
// default) so "talks", "talked" and "talking" meet. Stop words of that
// language (data/text/stopwords_<code>.txt) are dropped, except acronyms in
// capitals or with dots ("US", "U.S.", "IT"), which become "us", "it" as
// names, unless the text is mostly in capitals (a shouted headline, where
// "AND" is the stop word). Numbers are kept whole without grouping commas
// ("1,200" -> "1200"); contractions in "n't" are dropped, other clitics cut
// ("we'll" -> "we"); single ASCII letters are dropped. The result is a term
// id per word from a shared TermDictionary, so vectors are integer maps and
// no string is allocated per token in the hot loop.
#pragma once

#include <absl/container/flat_hash_map.h>
#include <absl/container/flat_hash_set.h>

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "text/string_map.h"
#include "text/tokens.h"

namespace newsfuse {

// Interns term strings to dense ids. Not thread-safe: one per pipeline thread.
class TermDictionary {
 public:
  // Where a dictionary continued from one kept elsewhere (Continue) finds the
  // ids of the kept terms it does not hold, one term at a time as they are
  // interned: a clusterer loaded from a store of 100k articles need not
  // intern its 262k terms to add one article.
  class Lookup {
   public:
    virtual ~Lookup() = default;
    // The kept id of `term`, or kNoTerm when none is kept.
    virtual uint32_t Find(std::string_view term) = 0;
    // The kept ids of `terms` (kNoTerm for each not kept), in `ids`, asked
    // at once; by default one Find each.
    virtual void FindMany(const std::vector<std::string_view>& terms, std::vector<uint32_t>& ids) {
      ids.clear();
      for (std::string_view term : terms) ids.push_back(Find(term));
    }
  };

  uint32_t Intern(std::string_view term);
  // The id of `term` or UINT32_MAX when never seen (a continued dictionary:
  // not seen by this one, whatever the kept terms are).
  uint32_t Find(std::string_view term) const;
  // REQUIRES: `id` was given by this dictionary's Intern (a continued
  // dictionary holds only those). The reference stays valid as long as the
  // dictionary (terms are never moved or removed).
  const std::string& Term(uint32_t id) const { return lookup_ ? *by_id_.at(id) : terms_[id]; }
  size_t size() const { return size_; }
  // Room for n terms without rehashing (a loaded dictionary is interned whole).
  void Reserve(size_t n) { ids_.reserve(n); }
  // Makes this empty dictionary the continuation of one of `size` terms kept
  // elsewhere: a term it does not hold is asked of `lookup`, and one not kept
  // there either gets the next id from `size` on.
  void Continue(size_t size, std::unique_ptr<Lookup> lookup);
  bool continued() const { return lookup_ != nullptr; }
  // A continued dictionary asks the lookup at once for those of `terms` it
  // does not hold, so interning them later asks nothing (a store across a
  // network answers many in one round trip). Ids are those Intern would give:
  // a kept term gets its kept id now, a term not kept the next id when it is
  // interned. Nothing for a dictionary not continued.
  void Prefetch(const std::vector<std::string_view>& terms);

  // What TermExtractor made of a surface form before (a word as the text
  // spells it, led by the extractor's settings and reading): a word seen once
  // costs one lookup afterwards instead of case folding, stop-word test,
  // stemming and interning. The memo lives here, not in the extractor,
  // because the ids it holds are this dictionary's. kNoTerm marks a form that
  // yields no term.
  static constexpr uint32_t kNoTerm = UINT32_MAX;
  // The remembered term of `surface`, or nullptr. The pointer is valid only
  // until the next RememberSurface (the table may grow and move its values).
  const uint32_t* FindSurface(std::string_view surface) const;
  void RememberSurface(std::string_view surface, uint32_t term);

 private:
  // Looked up for every word of every article, so an open-addressing table:
  // std::unordered_map's chained buckets made this a tenth of the clustering
  // time. Keys view the strings in terms_, a deque so they never move.
  absl::flat_hash_map<std::string_view, uint32_t> ids_;
  std::deque<std::string> terms_;  // by id; a continued dictionary's in the order interned
  size_t size_ = 0;                // ids given (kept ones included)
  std::unique_ptr<Lookup> lookup_;
  absl::flat_hash_map<uint32_t, const std::string*> by_id_;  // a continued dictionary's
  absl::flat_hash_set<std::string> unkept_;  // prefetched, not kept: new when interned
  text::StringMap<uint32_t> surfaces_;
};

struct TermOptions {
  // ISO 639-1 code ("en", "de", "es"): picks the Snowball stemmer, the stop
  // list and ICU's dictionary for scripts without spaces (data/text/stopwords_<code>.txt). A
  // language with no stemmer or list is split and case-folded only, so any language can be indexed
  // and adding one is adding its list.
  std::string language = "en";
  bool stem = true;
  bool drop_stop_words = true;
  bool keep_numbers = true;  // "314" is evidence that two reports agree
};

// Reads index terms off tokens. Holds Snowball (and, once a script without
// spaces is met, ICU) state, so reuse one per thread (and language) rather
// than building one per call. Not thread-safe.
class TermExtractor {
 public:
  explicit TermExtractor(TermOptions options = {});
  ~TermExtractor();
  TermExtractor(const TermExtractor&) = delete;
  TermExtractor& operator=(const TermExtractor&) = delete;

  // Appends the term ids of tokens [begin, end) of `tokens` to `out`, in
  // text order (`end` is clamped to the token count). Whether the text is
  // "mostly in capitals" is judged over that range.
  void Extract(const text::Tokens& tokens, size_t begin, size_t end, TermDictionary& dict,
               std::vector<uint32_t>& out);
  // The same for a text not scanned yet: scans it as one sentence first.
  void Extract(std::string_view text, TermDictionary& dict, std::vector<uint32_t>& out);
  // The same, as strings (for tests and debugging).
  std::vector<std::string> Terms(std::string_view text);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsfuse
