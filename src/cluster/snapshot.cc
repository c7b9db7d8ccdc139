#include "cluster/snapshot.h"

#include <xxhash.h>

#include <bit>
#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace newsfuse::cluster {
namespace {

std::string HexKey(char prefix, uint64_t n, int width) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%c/%0*" PRIx64, prefix, width, n);
  return buf;
}

// The kept bytes are little-endian; on such a host (every one newsfuse is
// built for today) a read is one copy, which the byte-by-byte shifts are not
// compiled into.
template <typename T>
T LittleEndian(const char* p) {
  T v = 0;
  if constexpr (std::endian::native == std::endian::little) {
    std::memcpy(&v, p, sizeof v);
  } else {
    for (size_t i = 0; i < sizeof v; ++i) {
      v |= static_cast<T>(static_cast<unsigned char>(p[i])) << (8 * i);
    }
  }
  return v;
}

}  // namespace

std::string StoryKey(uint32_t slot) { return HexKey('s', slot, 8); }
std::string FingerprintKey(uint64_t seq) { return HexKey('f', seq, 16); }
std::string WordKey(std::string_view term) {
  return HexKey('w', XXH3_64bits(term.data(), term.size()), 16);
}
std::string DfKey(uint32_t chunk) { return HexKey('d', chunk, 8); }
std::string SiteKey(uint32_t slot) { return HexKey('h', slot, 8); }
std::string BucketKey(uint32_t bucket) { return HexKey('b', bucket, 8); }
std::string HeaderKey(uint32_t chunk) { return HexKey('i', chunk, 8); }
std::string PostingKey(uint32_t term) { return HexKey('p', term, 8); }

std::string EncodeHeaders(const StoryState* first, size_t n) {
  ByteWriter w;
  w.U64(n);
  for (const StoryState* s = first; s != first + n; ++s) {
    w.Str(s->story.id);
    w.U64(static_cast<uint64_t>(s->status));
    w.U64(s->merged_into);
    w.F64(s->last_day);
    w.U64(s->last_seq);
    w.U64(s->dormant_generation);
    w.Ids(s->dormant_terms);
  }
  return std::move(w.bytes());
}

bool DecodeHeaders(std::string_view bytes, StoryState* first, size_t n) {
  ByteReader r(bytes);
  if (r.U64() != n) return false;
  for (StoryState* s = first; s != first + n && r.ok(); ++s) {
    s->story.id = r.Str();
    const uint64_t status = r.U64();
    if (status > static_cast<uint64_t>(StoryState::Status::kMerged)) return false;
    s->status = static_cast<StoryState::Status>(status);
    s->merged_into = r.U32();
    s->last_day = r.F64();
    s->last_seq = r.U64();
    s->dormant_generation = r.U32();
    s->dormant_terms = r.Ids();
  }
  return r.done();
}

bool SameHeader(const StoryState& a, const StoryState& b) {
  auto same_day = [](double x, double y) { return x == y || (std::isnan(x) && std::isnan(y)); };
  return a.story.id == b.story.id && a.status == b.status && a.merged_into == b.merged_into &&
         same_day(a.last_day, b.last_day) && a.last_seq == b.last_seq &&
         a.dormant_generation == b.dormant_generation && a.dormant_terms == b.dormant_terms;
}

std::string EncodeSite(const SiteVocabulary::Site& s) {
  ByteWriter w;
  w.Str(s.name);
  w.U64(s.pages);
  w.U64(s.last_seq);
  w.U64(s.recent.size());
  for (const auto& page : s.recent) {
    w.F64(page.day);
    w.Ids(page.terms);
  }
  return std::move(w.bytes());
}

bool DecodeSite(std::string_view bytes, SiteVocabulary::Site& s) {
  ByteReader r(bytes);
  s.name = r.Str();
  s.pages = r.U64();
  s.last_seq = r.U64();
  const uint64_t n = r.U64();
  if (!r.ok() || n > kSitePages) return false;
  for (uint64_t i = 0; i < n; ++i) {
    const double day = r.F64();
    s.recent.push_back(SiteVocabulary::Page{day, r.Ids()});
  }
  return r.done();
}

bool KeyNumber(std::string_view key, uint64_t& number) {
  if (key.size() < 3 || key[1] != '/' || key.size() > 18) return false;
  number = 0;
  for (char c : key.substr(2)) {
    uint64_t digit;
    if (c >= '0' && c <= '9') {
      digit = static_cast<unsigned char>(c) - static_cast<unsigned char>('0');
    } else if (c >= 'a' && c <= 'f') {
      digit = static_cast<unsigned char>(c) - static_cast<unsigned char>('a') + 10U;
    } else {
      return false;
    }
    number = number * 16 + digit;
  }
  return true;
}

void ByteWriter::U64(uint64_t v) {
  while (v >= 0x80) {
    out_.push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out_.push_back(static_cast<char>(v));
}

void ByteWriter::F64(double v) {
  uint64_t bits;
  std::memcpy(&bits, &v, sizeof bits);
  for (int i = 0; i < 8; ++i) out_.push_back(static_cast<char>((bits >> (8 * i)) & 0xff));
}

void ByteWriter::Fixed32(uint32_t v) {
  for (int i = 0; i < 4; ++i) out_.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

void ByteWriter::Str(std::string_view s) {
  U64(s.size());
  out_.append(s);
}

void ByteWriter::Weights(const TermWeights& w) {
  U64(w.size());
  uint32_t previous = 0;
  for (const auto& [t, x] : w) {
    U64(t - previous);
    previous = t;
    F64(x);
  }
}

void ByteWriter::Ids(const std::vector<uint32_t>& ids) {
  U64(ids.size());
  for (uint32_t id : ids) U64(id);
}

uint64_t ByteReader::U64() {
  // Most numbers kept (counts, term id gaps, flags) fit one byte.
  if (ok_ && !in_.empty() && (static_cast<unsigned char>(in_.front()) & 0x80) == 0) {
    const auto byte = static_cast<unsigned char>(in_.front());
    in_.remove_prefix(1);
    return byte;
  }
  uint64_t v = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (!ok_ || in_.empty()) break;
    const auto byte = static_cast<unsigned char>(in_.front());
    in_.remove_prefix(1);
    v |= static_cast<uint64_t>(byte & 0x7f) << shift;
    if ((byte & 0x80) == 0) return v;
  }
  ok_ = false;
  return 0;
}

uint32_t ByteReader::U32() {
  const uint64_t v = U64();
  if (v > UINT32_MAX) {
    ok_ = false;
    return 0;
  }
  return static_cast<uint32_t>(v);
}

double ByteReader::F64() {
  if (!ok_ || in_.size() < 8) {
    ok_ = false;
    return 0;
  }
  const auto bits = LittleEndian<uint64_t>(in_.data());
  in_.remove_prefix(8);
  double v;
  std::memcpy(&v, &bits, sizeof v);
  return v;
}

std::string ByteReader::Str() { return std::string(View()); }

std::string_view ByteReader::Raw(size_t n) {
  if (!ok_ || n > in_.size()) {
    ok_ = false;
    return {};
  }
  const std::string_view s = in_.substr(0, n);
  in_.remove_prefix(n);
  return s;
}

std::string_view ByteReader::View() {
  const uint64_t n = U64();
  return ok_ ? Raw(n) : std::string_view();
}

TermWeights ByteReader::Weights() {
  const uint64_t n = U64();
  TermWeights w;
  if (!ok_ || n > in_.size()) {  // each entry takes at least one byte
    ok_ = false;
    return w;
  }
  w.reserve(n);
  uint64_t t = 0;
  for (uint64_t i = 0; i < n && ok_; ++i) {
    t += U64();
    const double x = F64();
    w.emplace_back(static_cast<uint32_t>(t), x);
  }
  if (t > UINT32_MAX) ok_ = false;
  return w;
}

std::vector<uint32_t> ByteReader::Ids() {
  const uint64_t n = U64();
  std::vector<uint32_t> ids;
  if (!ok_ || n > in_.size()) {
    ok_ = false;
    return ids;
  }
  ids.reserve(n);
  for (uint64_t i = 0; i < n && ok_; ++i) ids.push_back(U32());
  return ids;
}

std::string EncodeStory(const StoryState& s) {
  ByteWriter w;
  w.Str(s.story.id);
  w.U64(s.story.article_ids.size());
  for (const auto& id : s.story.article_ids) w.Str(id);
  w.U64(s.story.copy_of.size());
  for (const auto& [copy, original] : s.story.copy_of) {
    w.Str(copy);
    w.Str(original);
  }
  w.U64(static_cast<uint64_t>(s.status));
  for (const auto* c : {&s.words, &s.names, &s.entities, &s.titles, &s.actors, &s.days, &s.years}) {
    w.Weights(*c);
  }
  for (double x : {s.dated_by_year, s.first_day, s.last_day, s.norm2, s.names_norm2,
                   s.entities_norm2, s.titles_norm2, s.actors_norm2}) {
    w.F64(x);
  }
  w.U64(s.last_seq);
  w.U64(s.norm_docs);
  w.U64(s.norm_dirty ? 1 : 0);
  w.U64(s.merged_into);
  w.U64(s.dormant_generation);
  w.Ids(s.dormant_terms);
  w.U64(s.anchors.size());
  for (const auto& a : s.anchors) w.Weights(a);
  w.U64(s.anchor_norms2.size());
  for (double x : s.anchor_norms2) w.F64(x);
  return std::move(w.bytes());
}

bool DecodeStory(std::string_view bytes, StoryState& s) {
  ByteReader r(bytes);
  s = StoryState{};
  s.story.id = r.Str();
  const uint64_t members = r.U64();
  if (members > bytes.size()) return false;
  s.story.article_ids.reserve(members);
  for (uint64_t i = 0; i < members && r.ok(); ++i) s.story.article_ids.push_back(r.Str());
  const uint64_t copies = r.U64();
  if (copies > bytes.size()) return false;
  for (uint64_t i = 0; i < copies && r.ok(); ++i) {
    std::string copy = r.Str();
    s.story.copy_of[copy] = r.Str();
  }
  const uint64_t status = r.U64();
  if (status > static_cast<uint64_t>(StoryState::Status::kMerged)) return false;
  s.status = static_cast<StoryState::Status>(status);
  for (auto* c : {&s.words, &s.names, &s.entities, &s.titles, &s.actors, &s.days, &s.years}) {
    *c = r.Weights();
  }
  for (double* x : {&s.dated_by_year, &s.first_day, &s.last_day, &s.norm2, &s.names_norm2,
                    &s.entities_norm2, &s.titles_norm2, &s.actors_norm2}) {
    *x = r.F64();
  }
  s.last_seq = r.U64();
  s.norm_docs = r.U64();
  s.norm_dirty = r.U64() != 0;
  s.merged_into = r.U32();
  s.dormant_generation = r.U32();
  s.dormant_terms = r.Ids();
  const uint64_t anchors = r.U64();
  if (anchors > kMaxAnchors) return false;
  for (uint64_t i = 0; i < anchors && r.ok(); ++i) s.anchors.push_back(r.Weights());
  const uint64_t norms = r.U64();
  if (norms > kMaxAnchors) return false;
  for (uint64_t i = 0; i < norms && r.ok(); ++i) s.anchor_norms2.push_back(r.F64());
  return r.done();
}

std::string EncodeFingerprint(const FingerprintIndex::Entry& e) {
  ByteWriter w;
  w.U64(e.story);
  w.Str(e.article_id);
  w.U64(e.fingerprint.empty ? 1 : 0);
  // Fixed width: minima are hashes, so a varint would take 5 bytes for most
  // and cost a branch per byte to read, and a load reads 50,000 of these.
  for (uint32_t m : e.fingerprint.mins) w.Fixed32(m);
  return std::move(w.bytes());
}

bool DecodeFingerprint(std::string_view bytes, FingerprintIndex::Entry& e) {
  ByteReader r(bytes);
  e.story = r.U32();
  e.article_id = r.Str();
  e.fingerprint.empty = r.U64() != 0;
  const std::string_view mins = r.Raw(4 * e.fingerprint.mins.size());
  if (!r.ok()) return false;
  for (size_t i = 0; i < e.fingerprint.mins.size(); ++i) {
    e.fingerprint.mins[i] = LittleEndian<uint32_t>(mins.data() + 4 * i);
  }
  return r.done();
}

std::string EncodeBucket(const FingerprintIndex::Bucket& b) {
  ByteWriter w;
  w.U64(b.size());
  uint64_t previous = 0;
  for (const auto& e : b) {
    // Keys are hashes (fixed width); numbers never descend (a gap each).
    w.Fixed32(static_cast<uint32_t>(e.key));
    w.Fixed32(static_cast<uint32_t>(e.key >> 32));
    w.U64(e.seq - previous);
    previous = e.seq;
  }
  return std::move(w.bytes());
}

bool DecodeBucket(std::string_view bytes, FingerprintIndex::Bucket& b) {
  ByteReader r(bytes);
  const uint64_t n = r.U64();
  b.clear();
  if (!r.ok() || n > bytes.size()) return false;
  b.reserve(n);
  uint64_t seq = 0;
  for (uint64_t i = 0; i < n && r.ok(); ++i) {
    const std::string_view key = r.Raw(8);
    if (!r.ok()) return false;
    seq += r.U64();
    b.push_back(FingerprintIndex::BandEntry{LittleEndian<uint64_t>(key.data()), seq});
  }
  return r.done();
}

std::string EncodeWord(std::string_view term, uint32_t id) {
  ByteWriter w;
  w.Str(term);
  w.U64(id);
  return std::move(w.bytes());
}

bool DecodeWord(std::string_view bytes, std::string_view term, uint32_t& id) {
  ByteReader r(bytes);
  const std::string_view kept = r.View();
  id = r.U32();
  return r.done() && kept == term;
}

}  // namespace newsfuse::cluster
