// The clusterer's state as keyed rows of bytes (internal to cluster), so a
// store can keep it and a later run load it instead of replaying every
// stored decision (issue 13).
//
// Rows, by key (keys sort in the order they must be read):
//   "b/<bucket>" one bucket of the near-duplicate band table (fingerprint.h;
//                rewritten when a fingerprint is added to it)
//   "d/<chunk>"  df counts of kDfChunk term ids (rewritten when one changes)
//   "f/<seq>"    one near-duplicate fingerprint (added and evicted one by one)
//   "h/<slot>"   one site's vocabulary (site_vocabulary.h; rewritten when it changed)
//   "i/<chunk>"  what every decision reads of kHeaderChunk stories: id,
//                status, merged_into, last_day, last_seq, dormant generation
//                and index terms (rewritten when one of them changed)
//   "m"          the scalars: build, arrivals, IDF document count, clock,
//                counts, dormant queue, sizes of the parts above and below
//   "p/<term>"   the live stories of one term (live_postings.h; rewritten
//                when a story gains or loses it)
//   "s/<slot>"   one story's state (rewritten when the story changed)
//   "w/<hash>"   one term of the dictionary and its id, keyed by the term's
//                64-bit hash (written once, when the term is new); a row
//                naming another term is a corrupt one (so is a collision of
//                two terms' hashes, ~1e-9 at 262k terms: the store is replayed)
// The "b/", "f/", "p/", "s/" and "w/" rows are read on demand
// (OnDemandStatePrefixes), the others when the state is loaded: a load reads
// ~30 bytes a story, and an article the rows of its terms and candidates. Per-story and
// per-fingerprint rows keep the write of one ingest proportional to what it changed, not to the
// store.
//
// The encoding is little-endian varints and the bits of doubles, so a state
// loaded is the state saved to the bit, and decisions after a load are those
// of one long run.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "cluster/fingerprint.h"
#include "cluster/site_vocabulary.h"
#include "cluster/story_state.h"

namespace newsfuse::cluster {

inline constexpr uint32_t kDfChunk = 16384;    // term ids per df row
inline constexpr uint32_t kHeaderChunk = 512;  // stories per header row
inline constexpr std::string_view kMetaKey = "m";

std::string StoryKey(uint32_t slot);
std::string FingerprintKey(uint64_t seq);
std::string WordKey(std::string_view term);
std::string DfKey(uint32_t chunk);
std::string SiteKey(uint32_t slot);
std::string BucketKey(uint32_t bucket);
std::string HeaderKey(uint32_t chunk);
std::string PostingKey(uint32_t term);
// The number after a key's "x/" prefix; false when it is not hex.
bool KeyNumber(std::string_view key, uint64_t& number);

class ByteWriter {
 public:
  void U64(uint64_t v);
  void F64(double v);
  void Fixed32(uint32_t v);  // four bytes, little-endian
  void Str(std::string_view s);
  void Weights(const TermWeights& w);  // term ids delta-coded (sorted)
  void Ids(const std::vector<uint32_t>& ids);
  std::string& bytes() { return out_; }

 private:
  std::string out_;
};

// Reads what ByteWriter wrote; after a short or malformed input every read
// returns zero and ok() is false.
class ByteReader {
 public:
  explicit ByteReader(std::string_view in) : in_(in) {}
  uint64_t U64();
  uint32_t U32();  // a U64 that must fit
  double F64();
  std::string Str();
  std::string_view View();         // a Str() without the copy, valid while the input is
  std::string_view Raw(size_t n);  // the next n bytes as they are
  TermWeights Weights();
  std::vector<uint32_t> Ids();
  bool ok() const { return ok_; }
  bool done() const { return ok_ && in_.empty(); }

 private:
  std::string_view in_;
  bool ok_ = true;
};

std::string EncodeStory(const StoryState& s);
bool DecodeStory(std::string_view bytes, StoryState& s);
// The header fields (see "i/" above) of `n` stories from `first`.
std::string EncodeHeaders(const StoryState* first, size_t n);
// Sets the header fields of `n` stories from `first`; false unless the row
// holds exactly that many.
bool DecodeHeaders(std::string_view bytes, StoryState* first, size_t n);
// The header fields of two states agree (a story row against its header).
bool SameHeader(const StoryState& a, const StoryState& b);
std::string EncodeSite(const SiteVocabulary::Site& s);
bool DecodeSite(std::string_view bytes, SiteVocabulary::Site& s);
std::string EncodeFingerprint(const FingerprintIndex::Entry& e);
bool DecodeFingerprint(std::string_view bytes, FingerprintIndex::Entry& e);
std::string EncodeBucket(const FingerprintIndex::Bucket& b);
bool DecodeBucket(std::string_view bytes, FingerprintIndex::Bucket& b);
std::string EncodeWord(std::string_view term, uint32_t id);
// False unless the row is `term`'s (not another term's of the same hash).
bool DecodeWord(std::string_view bytes, std::string_view term, uint32_t& id);

}  // namespace newsfuse::cluster
