// The live stories' inverted index (term -> story slots) that finds an
// article's candidates (internal to cluster), kept as one row per term
// ("p/<term>", snapshot.h) so that a clusterer loaded from a store reads the
// lists of the terms its articles use, not one entry per term of every live
// story.
//
// A list longer than kMaxPostingScan is never scanned (such a term is in too
// many stories to say which one an article belongs to), so its row keeps
// only the count: "said" is in every live story, and otherwise every article
// would rewrite a row of 10,000 slots. A loaded list kept as a count that
// falls back to the cap is scanned again, so its slots must be rebuilt
// exactly (NeedsSlots / SetSlots): a long run holds them all.
#pragma once

#include <absl/container/flat_hash_map.h>
#include <absl/container/flat_hash_set.h>
#include <absl/container/inlined_vector.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace newsfuse::cluster {

inline constexpr size_t kMaxPostingScan = 500;

// Most terms are in one or two stories: a list of up to four slots lives in
// the table's own slot, with no allocation.
using Slots = absl::InlinedVector<uint32_t, 4>;

class LivePostings {
 public:
  // Where the kept rows of a loaded index are read.
  class Rows {
   public:
    virtual ~Rows() = default;
    // The kept rows of `terms` (a term with no row is in no live story);
    // false when they cannot be read (the reason is the reader's to keep).
    virtual bool Read(const std::vector<uint32_t>& terms,
                      std::vector<std::pair<uint32_t, std::string>>& rows) = 0;
  };

  // A loaded index: no list held, each read from `rows` when first needed.
  void Reset(std::unique_ptr<Rows> rows);

  // Holds the lists of `terms` (one read for those not held yet). False when
  // the read failed, or a row does not decode or names a slot at or past
  // `slots` (then `bad_term` is set: the kept state is corrupt).
  bool Fetch(const std::vector<uint32_t>& terms, uint32_t slots, bool& bad_term);

  // The slots of a held term in at most kMaxPostingScan live stories, null
  // when it is in none or more. Not for a term NeedsSlots.
  const Slots* Scannable(uint32_t term) const;
  // The held term is kept as a count that is back under the cap: its slots
  // must be given (SetSlots) before it is scanned.
  bool NeedsSlots(uint32_t term) const;
  // False when `slots` are not as many as the count says.
  bool SetSlots(uint32_t term, Slots slots);

  // A live story gained or lost the (held) term.
  void Add(uint32_t term, uint32_t slot);
  void Erase(uint32_t term, uint32_t slot);

  // The rows of the lists changed since the last call (every list when
  // `all`): rows to put, and keys of lists now empty.
  void TakeChanges(bool all, std::vector<std::pair<std::string, std::string>>& put,
                   std::vector<std::string>& erase);

 private:
  struct List {
    uint32_t count = 0;
    bool count_only = false;  // loaded past the cap: `slots` not held
    Slots slots;
  };
  bool Held(uint32_t term) const { return !rows_ || lists_.contains(term); }
  void Changed(uint32_t term);

  absl::flat_hash_map<uint32_t, List> lists_;
  std::unique_ptr<Rows> rows_;  // null: every list is held (absent = empty)
  std::vector<uint32_t> changed_;
  absl::flat_hash_set<uint32_t> changed_set_;
  // Off until the first TakeChanges or Reset: a long run's first save
  // writes every list anyway.
  bool tracking_ = false;
};

// A list's row: its count, and its slots (sorted) when given and at most
// kMaxPostingScan. A loaded list kept as a count that fell back under the
// cap is written as a count until its slots are rebuilt.
std::string EncodePosting(uint32_t count, const Slots* slots);
// False unless the row decodes; `count_only` when it holds no slots.
bool DecodePosting(std::string_view bytes, uint32_t& count, Slots& slots, bool& count_only);

}  // namespace newsfuse::cluster
