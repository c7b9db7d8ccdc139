// Online story clustering: near-duplicates, then a scored comparison with the
// live stories, then dormant ones.
//
// Vectors. An article's terms are those of its title (counted twice: a
// headline names the event in the fewest words) and its body. Term frequency
// is sublinear, 1 + ln(tf), so a name repeated ten times does not outweigh
// nine other shared terms. IDF is learnt from the stream as it arrives,
// idf = ln((N + 1) / (df + 1)) + 1 over the N articles seen so far (this one
// included), so words every outlet uses ("said", "officials") fade as the
// stream grows, with no corpus statistics shipped.
//
// Stories. A story keeps the sum of its members' unit tf vectors (so a long
// article does not own the story), trimmed to its kMaxCentroidTerms heaviest
// terms; IDF is applied when comparing. The squared norm is cached and
// refreshed when the stream has grown by a tenth, so a comparison is one walk
// of the centroid against the article scattered into a dense array.
//
// Candidates. Only stories found through the inverted index (term -> live
// stories) under the article's kCandidateTerms heaviest terms are scored, at
// most kMaxCandidates of them (those sharing the most of those terms); terms
// in more than kMaxPostingScan live stories are not looked up. On DUC 2004
// (at most ~100 live stories) neither limit changes a decision; on the
// synthetic stream (2,000+ live stories) they keep the cost per article flat.
//
// The decision model and its fitted weights: see cluster.h and
// scripts/fit_cluster_weights.py; measured figures: bench/cluster/README.md.
#include "cluster/cluster.h"

#include <absl/container/flat_hash_map.h>
#include <absl/container/inlined_vector.h>
#include <xxhash.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <map>
#include <memory>
#include <unordered_map>
#include <utility>

#include "cluster/event_evidence.h"
#include "cluster/event_gate.h"
#include "cluster/fingerprint.h"
#include "cluster/live_postings.h"
#include "cluster/names.h"
#include "cluster/site_vocabulary.h"
#include "cluster/snapshot.h"
#include "cluster/story_merge.h"
#include "cluster/story_state.h"
#include "text/language_terms.h"
#include "text/terms.h"
#include "text/tokens.h"

namespace newsfuse {
namespace {

using cluster::Centroid;
using cluster::StoryState;
using cluster::TermWeights;
using Status = StoryState::Status;

constexpr size_t kCandidateTerms = 24;  // article terms used to find candidates
constexpr size_t kMaxCandidates = 32;   // stories scored per article
// A term in more live stories than cluster::kMaxPostingScan says little
// about which one an article belongs to; scanning its posting list would
// cost O(live stories).
using cluster::kMaxPostingScan;
constexpr size_t kMaxCentroidTerms = 400;     // trimmed when twice this
constexpr size_t kMaxNameTerms = 200;         // names and entity keys kept per story
constexpr size_t kDormantCentroidTerms = 32;  // words kept by a dormant story
constexpr size_t kDormantNameTerms = 16;      // names and entity keys likewise
constexpr size_t kMaxStoryDays = 32;          // named days kept per story (trimmed at twice)
constexpr size_t kDormantIndexTerms = 8;      // a dormant story is found by these
constexpr int kShingleWidth = 3;
constexpr int kMinShingles = 20;  // shorter bodies get no fingerprint

double DayOf(const std::optional<DateTime>& t) {
  if (!t) return cluster::kNoDay;
  return static_cast<double>(t->DaysSinceEpoch()) + t->hour / 24.0 + t->minute / 1440.0;
}

// Term -> dormant story slots (at most kDormantIndexTerms per story, and
// max_dormant_stories stories: built whole at a load from the header rows).
// The live stories' index is cluster::LivePostings. Open addressing, and a
// list of up to four slots in the table's own slot: most terms are in one
// or two stories.
using PostingIndex = absl::flat_hash_map<uint32_t, cluster::Slots>;

void EraseFrom(PostingIndex& index, uint32_t term, uint32_t story) {
  auto it = index.find(term);
  if (it == index.end()) return;
  auto& v = it->second;
  v.erase(std::remove(v.begin(), v.end(), story), v.end());
  if (v.empty()) index.erase(it);
}

// An article vector scattered into a dense array by term id (weight times
// IDF squared), so its dot product with a story centroid is one contiguous
// walk of the centroid with an array read per term. A hash lookup per article
// term per candidate story was a fifth of the clustering time.
class ArticleWeights {
 public:
  void Load(const TermWeights& v, const std::vector<double>& idf, size_t dictionary_size) {
    if (dense_.size() < dictionary_size) dense_.resize(dictionary_size, 0.0);
    for (size_t i = 0; i < v.size(); ++i) dense_[v[i].first] = v[i].second * idf[i] * idf[i];
    loaded_ = &v;
  }
  // The term says nothing for this article (SiteVocabulary): its dot
  // products lose it, its norm keeps it.
  void Zero(uint32_t term) { dense_[term] = 0; }
  void Clear() {
    if (loaded_) {
      for (const auto& [t, w] : *loaded_) dense_[t] = 0;
    }
    loaded_ = nullptr;
  }
  // Every centroid term was interned before this article was loaded, so it is
  // inside the array.
  double Dot(const Centroid& c) const {
    double dot = 0;
    for (const auto& [t, w] : c) dot += w * dense_[t];
    return dot;
  }

 private:
  std::vector<double> dense_;
  const TermWeights* loaded_ = nullptr;
};

}  // namespace

struct StoryClusterer::Impl {
  // What one article brings to the decision.
  struct Prepared {
    TermWeights tf;        // words: unit length, by term id
    TermWeights names;     // capitalised words, likewise
    TermWeights entities;  // entity keys, likewise
    TermWeights title;     // headline words, likewise
    TermWeights actors;    // entity keys of people and named things, likewise
    std::vector<double> tf_idf, names_idf, entities_idf, title_idf, actors_idf;  // IDF per term
    double tf2 = 0, names2 = 0, entities2 = 0, title2 = 0, actors2 = 0;  // squared TF-IDF norms
    std::vector<cluster::DayKey> days;           // calendar days the text names
    std::vector<uint32_t> day_terms;             // their ids in the dictionary (cluster::DayTerm)
    std::vector<cluster::DayKey> specific_days;  // cluster::SpecificDays of them
    TermWeights day_counts;                      // the same, each counted once
    int year = 0;                                // cluster::LatestYear, 0 when none
    TermWeights anchor;  // tf's kAnchorTerms heaviest TF-IDF terms (StoryState::anchors)
    cluster::MinHash fingerprint;
    double day = cluster::kNoDay;
    std::string site;                 // cluster::SiteOf its URL
    std::vector<uint32_t> site_only;  // its words and names only its site has used
  };
  struct Scored {
    uint32_t story;
    PairFeatures features;
    double score;
  };

  ClusterOptions options;
  ScoreWeights weights;
  TermDictionary dict;
  // One per language seen, by ISO 639-1 code: each has its own stemmer and
  // stop words, and all share the dictionary (ids stay comparable).
  LanguageTermExtractors extractors;
  std::vector<uint32_t> df;  // by term id
  uint64_t docs = 0;
  uint64_t seq = 0;                // arrivals so far
  double clock = cluster::kNoDay;  // latest publication day seen
  double last_sweep = cluster::kNoDay;
  // By slot. A loaded clusterer holds only the header fields of a story
  // (snapshot.h's "i/" rows) until Story() decodes its row.
  std::vector<StoryState> stories;
  std::vector<uint8_t> decoded;                // by slot, for a loaded state; slots past it are
  std::shared_ptr<ClusterStateSource> source;  // a loaded state's rows read on demand
  std::unordered_map<std::string, uint32_t> story_index;  // id -> slot
  cluster::LivePostings postings;                         // term -> live stories
  PostingIndex dormant_postings;
  std::vector<uint32_t> live;                               // live story slots
  std::deque<std::pair<uint32_t, uint32_t>> dormant_queue;  // (slot, generation)
  cluster::FingerprintIndex fingerprints;
  std::string state_read_error;  // StoryClusterer::state_read_error
  bool state_corrupt = false;    // StoryClusterer::kept_state_corrupt
  cluster::SiteVocabulary sites;
  std::vector<uint32_t> touched_sites;  // site slots changed since TakeStateChanges
  Counts counts;
  ClusterDecision last;
  // Scratch, reused across articles.
  std::vector<uint32_t> ids, body_ids, title_ids, new_terms;
  std::string entity_key, body_copy;
  text::Tokens scan;  // the body's one scan: word terms and names read it
  std::vector<uint64_t> hashes;
  std::unordered_map<uint32_t, uint32_t> hits;
  ArticleWeights words_loaded, names_loaded, entities_loaded, title_loaded, actors_loaded;
  // What TakeStateChanges gave last, so the next gives only what changed:
  // stories touched since (joined, merged, put to sleep, norms refreshed),
  // terms interned since, df chunks that differ, fingerprints added/evicted.
  bool saved = false;
  size_t saved_terms = 0;
  std::vector<uint32_t> saved_df;
  uint64_t saved_fp_first = 0, saved_fp_end = 0;
  std::vector<uint32_t> touched;
  std::vector<uint8_t> touched_flag;  // by slot

  // Marks the story to be saved; it is decoded first, as its row is rewritten.
  void Touch(uint32_t slot) {
    Story(slot);
    if (slot >= touched_flag.size()) touched_flag.resize(slot + 1, 0);
    if (touched_flag[slot]) return;
    touched_flag[slot] = 1;
    touched.push_back(slot);
  }

  void ReadFailed(const std::string& why) {
    if (state_read_error.empty()) state_read_error = why;
  }
  void Corrupt(const std::string& why) {
    state_corrupt = true;
    ReadFailed(why);
  }

  // A story's whole state: the one way to a story beyond its header fields
  // (id, status, merged_into, last_day, last_seq, dormant generation and
  // terms). A loaded clusterer decodes the story's row on first use.
  StoryState& Story(uint32_t slot) {
    if (slot < decoded.size() && !decoded[slot]) DecodeStories({slot});
    return stories[slot];
  }

  // Decodes the rows of the stories not decoded yet, in one read. A row that
  // is missing, does not decode or disagrees with its header makes the kept
  // state corrupt (the story keeps its header; the caller replays).
  void DecodeStories(const std::vector<uint32_t>& slots) {
    std::vector<std::string> keys;
    std::vector<uint32_t> wanted;
    for (uint32_t slot : slots) {
      if (slot >= decoded.size() || decoded[slot]) continue;
      decoded[slot] = 1;
      wanted.push_back(slot);
      keys.push_back(cluster::StoryKey(slot));
    }
    if (keys.empty()) return;
    std::vector<std::pair<std::string, std::string>> rows;
    std::string why;
    if (!source || !source->Read(keys, rows, why)) {
      ReadFailed(why.empty() ? "cannot read the clusterer's kept stories" : why);
      return;
    }
    absl::flat_hash_map<std::string_view, const std::string*> by_key;
    for (const auto& [key, value] : rows) by_key.emplace(key, &value);
    for (size_t i = 0; i < wanted.size(); ++i) {
      auto it = by_key.find(keys[i]);
      StoryState s;
      if (it == by_key.end() || !cluster::DecodeStory(*it->second, s) ||
          !cluster::SameHeader(s, stories[wanted[i]]) || !TermsKnown(s)) {
        Corrupt("clusterer state: row " + keys[i] + " missing or bad");
        continue;
      }
      stories[wanted[i]] = std::move(s);
    }
  }

  // Every term of the story's centroids has an id (a comparison reads an
  // array by term id).
  bool TermsKnown(const StoryState& s) const {
    auto known = [&](const Centroid& c) {
      return std::all_of(c.begin(), c.end(),
                         [&](const auto& tw) { return tw.first < dict.size(); });
    };
    for (const Centroid* c : {&s.words, &s.names, &s.entities, &s.titles, &s.actors}) {
      if (!known(*c)) return false;
    }
    return std::all_of(s.anchors.begin(), s.anchors.end(), known);
  }

  // Holds the live posting lists of `terms` (a loaded state reads them).
  void FetchPostings(const std::vector<uint32_t>& terms) {
    bool bad = false;
    if (!postings.Fetch(terms, static_cast<uint32_t>(stories.size()), bad) && bad) {
      Corrupt("clusterer state: a p/ row is bad");
    }
  }

  // FetchPostings, and the slots of any list kept as a count that fell back
  // under the cap, rebuilt from the live stories themselves (rare: a term in
  // ~kMaxPostingScan live stories as their number falls), so a scan sees
  // exactly what a long run's does.
  void FetchScannable(const std::vector<uint32_t>& terms) {
    FetchPostings(terms);
    for (uint32_t t : terms) {
      if (!postings.NeedsSlots(t)) continue;
      DecodeStories(live);
      cluster::Slots slots;
      for (uint32_t slot : live) {
        const Centroid& w = stories[slot].words;
        auto it = std::lower_bound(w.begin(), w.end(), std::make_pair(t, 0.0),
                                   [](const auto& a, const auto& b) { return a.first < b.first; });
        if (stories[slot].status == Status::kLive && it != w.end() && it->first == t) {
          slots.push_back(slot);
        }
      }
      if (!postings.SetSlots(t, std::move(slots))) {
        Corrupt("clusterer state: row " + cluster::PostingKey(t) + " disagrees with the stories");
      }
    }
  }

  void IndexTerms(uint32_t slot, const std::vector<uint32_t>& terms) {
    FetchPostings(terms);
    for (uint32_t t : terms) postings.Add(t, slot);
  }

  void UnindexTerms(uint32_t slot, const std::vector<uint32_t>& terms) {
    FetchPostings(terms);
    for (uint32_t t : terms) postings.Erase(t, slot);
  }

  void UnindexWords(uint32_t slot, const Centroid& words) {
    std::vector<uint32_t> terms;
    terms.reserve(words.size());
    for (const auto& [t, w] : words) terms.push_back(t);
    UnindexTerms(slot, terms);
  }

  explicit Impl(ClusterOptions opts)
      : options(opts), weights(options.weights), fingerprints(options.max_fingerprints) {
    if (options.join_threshold) weights.join_threshold = *options.join_threshold;
  }

  double Idf(uint32_t term) const {
    return std::log((static_cast<double>(docs) + 1.0) / (df[term] + 1.0)) + 1.0;
  }

  uint32_t Resolve(uint32_t slot) const {
    while (stories[slot].status == Status::kMerged) slot = stories[slot].merged_into;
    return slot;
  }

  // Sublinear tf (1 + ln count) of the term ids, scaled to unit length.
  static TermWeights UnitVector(std::vector<uint32_t>& term_ids) {
    std::sort(term_ids.begin(), term_ids.end());
    TermWeights v;
    double norm = 0;
    for (size_t i = 0; i < term_ids.size();) {
      size_t j = i;
      while (j < term_ids.size() && term_ids[j] == term_ids[i]) ++j;
      const double w = 1.0 + std::log(static_cast<double>(j - i));
      v.emplace_back(term_ids[i], w);
      norm += w * w;
      i = j;
    }
    if (norm > 0) {
      norm = std::sqrt(norm);
      for (auto& [t, w] : v) w /= norm;
    }
    return v;
  }

  // Squared norm of a centroid under the current IDF.
  double Norm2(const Centroid& c) const {
    double n2 = 0;
    for (const auto& [t, w] : c) {
      const double x = w * Idf(t);
      n2 += x * x;
    }
    return n2;
  }

  // TF-IDF cosine of the loaded article vector (squared norm v2) and a story
  // centroid (with its cached squared norm).
  static double Cosine(const ArticleWeights& v, double v2, const Centroid& c, double c2) {
    if (v2 <= 0 || c.empty() || c2 <= 0) return 0;
    const double dot = v.Dot(c);
    return dot > 0 ? dot / std::sqrt(v2 * c2) : 0;
  }

  // IDF of each term of `v` and the squared norm of v under it.
  double Weigh(const TermWeights& v, std::vector<double>& idf) const {
    idf.clear();
    double v2 = 0;
    for (const auto& [t, w] : v) {
      idf.push_back(Idf(t));
      v2 += (w * idf.back()) * (w * idf.back());
    }
    return v2;
  }

  // The article's terms, found in a scratch dictionary (as Prepare finds
  // them), asked of the kept dictionary at once (Remote()).
  void PrefetchTerms(const AnnotatedArticle& a, TermExtractor& extractor) {
    TermDictionary scratch;
    std::vector<uint32_t> found;
    extractor.Extract(a.article.title, scratch, found);
    extractor.Extract(scan, 0, scan.size(), scratch, found);
    cluster::NameTerms(scan, scratch, found);
    for (const Entity& e : a.entities) {
      if (!e.key.empty()) scratch.Intern(std::string(cluster::kEntityPrefix) + e.key);
    }
    for (cluster::DayKey d : cluster::MentionedDays(a)) scratch.Intern(cluster::DayTerm(d));
    std::vector<std::string_view> terms;
    terms.reserve(scratch.size());
    for (uint32_t t = 0; t < scratch.size(); ++t) terms.push_back(scratch.Term(t));
    dict.Prefetch(terms);
  }

  Prepared Prepare(const AnnotatedArticle& a) {
    Prepared p;
    ids.clear();
    body_ids.clear();
    TermExtractor& extractor = extractors.For(a.article.language);
    const std::string_view body = a.body.empty() ? (body_copy = a.article.Body()) : a.body;
    text::Tokenize(body, scan);
    if (source && source->Remote() && dict.continued()) PrefetchTerms(a, extractor);
    extractor.Extract(a.article.title, dict, ids);
    const size_t title_terms = ids.size();
    for (size_t i = 0; i < title_terms; ++i) ids.push_back(ids[i]);  // the title counts twice
    title_ids.assign(ids.begin(), ids.begin() + title_terms);
    p.title = UnitVector(title_ids);
    extractor.Extract(scan, 0, scan.size(), dict, body_ids);
    hashes.clear();
    // Hashed here rather than kept by term id: a clusterer loaded from a
    // store would hash its whole dictionary before its first article.
    for (uint32_t t : body_ids) {
      const std::string& s = dict.Term(t);
      hashes.push_back(XXH3_64bits(s.data(), s.size()));
    }
    p.fingerprint = cluster::Fingerprint(hashes, kShingleWidth, kMinShingles);

    ids.insert(ids.end(), body_ids.begin(), body_ids.end());
    p.tf = UnitVector(ids);
    ids.clear();
    cluster::NameTerms(scan, dict, ids);
    p.names = UnitVector(ids);
    ids.clear();
    for (const Entity& e : a.entities) {
      if (e.key.empty()) continue;
      entity_key.assign(cluster::kEntityPrefix);
      entity_key += e.key;
      ids.push_back(dict.Intern(entity_key));
    }
    p.entities = UnitVector(ids);
    ids.clear();
    for (const Entity& e : a.entities) {
      if (e.key.empty() || !cluster::IsActor(e)) continue;
      entity_key.assign(cluster::kEntityPrefix);
      entity_key += e.key;
      ids.push_back(dict.Intern(entity_key));  // an entity term: counted in df with the entities
    }
    p.actors = UnitVector(ids);
    p.days = cluster::MentionedDays(a);
    for (cluster::DayKey d : p.days) p.day_terms.push_back(dict.Intern(cluster::DayTerm(d)));
    for (cluster::DayKey d : p.days) p.day_counts.emplace_back(d, 1.0);
    p.year = cluster::LatestYear(a);
    if (df.size() < dict.size()) df.resize(dict.size(), 0);
    p.day = DayOf(a.article.published);
    p.site = cluster::SiteOf(a.article.url);
    if (!p.site.empty()) {
      ids.clear();
      for (const auto* v : {&p.tf, &p.names}) {
        for (const auto& [t, w] : *v) ids.push_back(t);
      }
      sites.SiteOnly(p.site, ids, p.day, df, docs, p.site_only);
      ids.clear();
    }
    for (const auto* v : {&p.tf, &p.names, &p.entities}) {
      for (const auto& [t, w] : *v) ++df[t];
    }
    for (uint32_t t : p.day_terms) ++df[t];
    ++docs;
    p.specific_days = cluster::SpecificDays(p.days, p.day_terms, df, docs, weights.day_max_share);
    p.tf2 = Weigh(p.tf, p.tf_idf);
    p.names2 = Weigh(p.names, p.names_idf);
    p.entities2 = Weigh(p.entities, p.entities_idf);
    p.title2 = Weigh(p.title, p.title_idf);
    p.actors2 = Weigh(p.actors, p.actors_idf);
    if (weights.anchor_min_cosine > 0) p.anchor = AnchorOf(p);
    return p;
  }

  // The article's kAnchorTerms heaviest terms under the IDF of its arrival,
  // with their tf weights, in term order.
  static TermWeights AnchorOf(const Prepared& p) {
    TermWeights heavy = p.tf;
    for (size_t i = 0; i < heavy.size(); ++i) heavy[i].second *= p.tf_idf[i];
    cluster::Trim(heavy, cluster::kAnchorTerms);
    TermWeights anchor;
    anchor.reserve(heavy.size());
    auto it = p.tf.begin();
    for (const auto& [t, w] : heavy) {  // sorted by term, as p.tf is
      while (it->first != t) ++it;
      anchor.push_back(*it);
    }
    return anchor;
  }

  void RefreshNorms(StoryState& s) {
    if (!s.norm_dirty && docs * 10 <= s.norm_docs * 11) return;
    s.norm2 = Norm2(s.words);
    s.names_norm2 = Norm2(s.names);
    s.entities_norm2 = Norm2(s.entities);
    s.titles_norm2 = Norm2(s.titles);
    s.actors_norm2 = Norm2(s.actors);
    s.anchor_norms2.clear();
    for (const auto& anchor : s.anchors) s.anchor_norms2.push_back(Norm2(anchor));
    s.norm_docs = docs;
    s.norm_dirty = false;
    Touch(static_cast<uint32_t>(&s - stories.data()));
  }

  PairFeatures Features(const Prepared& p, StoryState& s, double heavy_share) {
    RefreshNorms(s);
    PairFeatures f;
    f.cosine = Cosine(words_loaded, p.tf2, s.words, s.norm2);
    if (!p.entities.empty() && !s.entities.empty()) {
      f.entities_known = 1;
      f.entity_cosine = Cosine(entities_loaded, p.entities2, s.entities, s.entities_norm2);
    }
    f.name_cosine = Cosine(names_loaded, p.names2, s.names, s.names_norm2);
    f.title_cosine = Cosine(title_loaded, p.title2, s.titles, s.titles_norm2);
    if (!p.actors.empty() && !s.actors.empty()) {
      f.actors_known = 1;
      f.actor_cosine = Cosine(actors_loaded, p.actors2, s.actors, s.actors_norm2);
    }
    if (!p.days.empty() && !s.days.empty()) {
      f.days_known = 1;
      f.day_match = cluster::ShareDay(p.specific_days, s.days) ? 1 : 0;
    }
    if (p.year != 0 && s.dated_by_year > 0) {
      f.years_known = 1;
      const auto it = std::lower_bound(s.years.begin(), s.years.end(),
                                       std::make_pair(static_cast<uint32_t>(p.year), 0.0));
      if (it != s.years.end() && it->first == static_cast<uint32_t>(p.year)) {
        f.year_share = it->second / s.dated_by_year;
      }
    }
    if (!s.anchors.empty() && s.story.article_ids.size() >= 2) {
      f.anchors_known = 1;
      for (size_t i = 0; i < s.anchors.size(); ++i) {
        f.anchor_cosine = std::max(f.anchor_cosine,
                                   Cosine(words_loaded, p.tf2, s.anchors[i], s.anchor_norms2[i]));
      }
    }
    f.heavy_share = heavy_share;
    f.log_story_size = std::log1p(static_cast<double>(s.story.article_ids.size()));
    const double gap = s.GapDays(p.day);
    if (!std::isnan(gap)) {
      f.dates_known = 1;
      f.log_gap_days = std::log1p(gap);
    }
    return f;
  }

  // The article's heaviest terms under the current IDF (ties by term id).
  std::vector<uint32_t> HeavyTerms(const Prepared& p) const {
    TermWeights heavy = p.tf;
    for (size_t i = 0; i < heavy.size(); ++i) heavy[i].second *= p.tf_idf[i];
    const size_t k = std::min(kCandidateTerms, heavy.size());
    std::partial_sort(heavy.begin(), heavy.begin() + k, heavy.end(),
                      [](const auto& a, const auto& b) {
                        return a.second != b.second ? a.second > b.second : a.first < b.first;
                      });
    std::vector<uint32_t> out;
    for (size_t i = 0; i < k; ++i) out.push_back(heavy[i].first);
    return out;
  }

  // The dormant stories of a term, null when none or too many to scan.
  const cluster::Slots* DormantList(uint32_t term) const {
    auto it = dormant_postings.find(term);
    if (it == dormant_postings.end() || it->second.size() > kMaxPostingScan) return nullptr;
    return &it->second;
  }

  // Scores the live (or dormant) stories that share heavy terms, best first.
  std::vector<Scored> ScoreCandidates(const Prepared& p, const std::vector<uint32_t>& heavy,
                                      bool dormant) {
    hits.clear();
    if (!dormant) FetchScannable(heavy);
    for (uint32_t t : heavy) {
      const cluster::Slots* list = dormant ? DormantList(t) : postings.Scannable(t);
      if (!list) continue;
      for (uint32_t s : *list) ++hits[s];
    }
    std::vector<std::pair<uint32_t, uint32_t>> ranked(hits.begin(), hits.end());
    const size_t k = std::min(kMaxCandidates, ranked.size());
    std::partial_sort(ranked.begin(), ranked.begin() + k, ranked.end(),
                      [](const auto& a, const auto& b) {
                        return a.second != b.second ? a.second > b.second : a.first < b.first;
                      });
    std::vector<Scored> out;
    out.reserve(k);
    std::vector<uint32_t> candidates;
    for (size_t i = 0; i < k; ++i) candidates.push_back(ranked[i].first);
    DecodeStories(candidates);
    for (size_t i = 0; i < k; ++i) {
      const uint32_t slot = ranked[i].first;
      const double share = heavy.empty() ? 0 : static_cast<double>(ranked[i].second) / heavy.size();
      const PairFeatures f = Features(p, stories[slot], share);
      out.push_back(Scored{slot, f, weights.Score(f)});
    }
    // Best first; on a tie the older story wins.
    std::sort(out.begin(), out.end(), [](const Scored& a, const Scored& b) {
      return a.score != b.score ? a.score > b.score : a.story < b.story;
    });
    return out;
  }

  // A story's id is its first article's id, shortened: "s" + 12 characters
  // (48 bits of a content hash). Ids that share that prefix (ids that are not
  // hashes, or a collision) fall back to the whole article id, then to a
  // numbered suffix (the same page added twice), so a clash costs one more
  // lookup, never a walk over every earlier clash.
  std::string StoryIdFor(const std::string& article_id) const {
    std::string id = "s" + article_id.substr(0, 12);
    if (!story_index.count(id)) return id;
    id = "s" + article_id;
    if (!story_index.count(id)) return id;
    int n = 2;
    while (story_index.count(id + "-" + std::to_string(n))) ++n;
    return id + "-" + std::to_string(n);
  }

  uint32_t NewStory(std::string id) {
    const auto slot = static_cast<uint32_t>(stories.size());
    stories.emplace_back();
    stories.back().story.id = id;
    story_index.emplace(std::move(id), slot);
    live.push_back(slot);
    ++counts.live;
    Touch(slot);
    return slot;
  }

  // Puts the article in the story; `copy_of` names the article it is a
  // near-duplicate of, empty when it is not a copy.
  void Join(uint32_t slot, const AnnotatedArticle& a, const Prepared& p,
            const std::string& copy_of) {
    if (stories[slot].status == Status::kDormant) Revive(slot);
    Touch(slot);
    StoryState& s = stories[slot];
    if (s.story.article_ids.empty() && weights.anchor_min_cosine > 0) {
      s.anchors.push_back(p.anchor);
    }
    s.story.article_ids.push_back(a.article.id);
    if (!copy_of.empty()) {
      s.story.copy_of[a.article.id] = copy_of;
      last.copy_of = copy_of;
      ++counts.copies;
    }
    new_terms.clear();
    cluster::AddInto(s.words, p.tf, &new_terms);
    s.norm_dirty = true;
    IndexTerms(slot, new_terms);
    cluster::AddInto(s.names, p.names, nullptr);
    cluster::AddInto(s.entities, p.entities, nullptr);
    cluster::AddInto(s.titles, p.title, nullptr);
    cluster::AddInto(s.actors, p.actors, nullptr);
    cluster::AddInto(s.days, p.day_counts, nullptr);
    if (p.year != 0) {
      cluster::AddInto(s.years, {{static_cast<uint32_t>(p.year), 1.0}}, nullptr);
      s.dated_by_year += 1;
    }
    s.AddDay(p.day);
    s.last_seq = seq;
    if (s.words.size() > 2 * kMaxCentroidTerms) {
      UnindexTerms(slot, cluster::Trim(s.words, kMaxCentroidTerms));
    }
    if (s.names.size() > 2 * kMaxNameTerms) cluster::Trim(s.names, kMaxNameTerms);
    if (s.entities.size() > 2 * kMaxNameTerms) cluster::Trim(s.entities, kMaxNameTerms);
    if (s.titles.size() > 2 * kMaxNameTerms) cluster::Trim(s.titles, kMaxNameTerms);
    if (s.actors.size() > 2 * kMaxNameTerms) cluster::Trim(s.actors, kMaxNameTerms);
    if (s.days.size() > 2 * kMaxStoryDays) cluster::Trim(s.days, kMaxStoryDays);
    fingerprints.Insert(p.fingerprint, slot, a.article.id);
  }

  // The younger story `from` becomes part of `into`.
  void Merge(uint32_t into, uint32_t from) {
    Touch(into);
    Touch(from);
    StoryState& dst = stories[into];
    StoryState& src = stories[from];
    UnindexWords(from, src.words);
    new_terms.clear();
    dst.Absorb(src, new_terms);
    IndexTerms(into, new_terms);
    src.status = Status::kMerged;
    src.merged_into = into;
    src.Release();
    live.erase(std::remove(live.begin(), live.end(), from), live.end());
    --counts.live;
    ++counts.merged;
  }

  void Sleep(uint32_t slot) {
    Touch(slot);
    StoryState& s = stories[slot];
    UnindexWords(slot, s.words);
    cluster::Trim(s.words, kDormantCentroidTerms);
    cluster::Trim(s.names, kDormantNameTerms);
    cluster::Trim(s.entities, kDormantNameTerms);
    cluster::Trim(s.titles, kDormantNameTerms);
    cluster::Trim(s.actors, kDormantNameTerms);
    cluster::Trim(s.days, kDormantNameTerms);
    s.norm_dirty = true;
    s.dormant_terms = cluster::TopTerms(s.words, kDormantIndexTerms);
    for (uint32_t t : s.dormant_terms) dormant_postings[t].push_back(slot);
    s.status = Status::kDormant;
    dormant_queue.emplace_back(slot, ++s.dormant_generation);
    --counts.live;
    ++counts.dormant;
    while (counts.dormant > options.max_dormant_stories && !dormant_queue.empty()) {
      auto [old, gen] = dormant_queue.front();
      dormant_queue.pop_front();
      StoryState& o = stories[old];
      if (o.status != Status::kDormant || o.dormant_generation != gen) continue;  // revived since
      for (uint32_t t : o.dormant_terms) EraseFrom(dormant_postings, t, old);
      Touch(old);
      o.status = Status::kArchived;
      o.Release();
      --counts.dormant;
      ++counts.archived;
    }
  }

  void Revive(uint32_t slot) {
    Touch(slot);
    StoryState& s = stories[slot];
    for (uint32_t t : s.dormant_terms) EraseFrom(dormant_postings, t, slot);
    std::vector<uint32_t>().swap(s.dormant_terms);
    s.status = Status::kLive;
    std::vector<uint32_t> terms;
    for (const auto& [t, w] : s.words) terms.push_back(t);  // already in id order
    IndexTerms(slot, terms);
    live.push_back(slot);
    --counts.dormant;
    ++counts.live;
    ++counts.revived;
  }

  // Stories idle past the window, or the least recent beyond the live cap,
  // go dormant. Runs at most once per day of stream time (and when over cap).
  void Sweep() {
    const bool by_time = !std::isnan(clock) && (std::isnan(last_sweep) || clock - last_sweep >= 1);
    const bool by_count = live.size() > options.max_live_stories;
    if (!by_time && !by_count) return;
    std::vector<uint32_t> asleep;
    if (by_time) {
      last_sweep = clock;
      for (uint32_t slot : live) {
        const StoryState& s = stories[slot];
        if (!std::isnan(s.last_day) && clock - s.last_day > options.dormant_after_days) {
          asleep.push_back(slot);
        }
      }
    }
    if (by_count) {
      // Down to nine tenths of the cap, so the sort is not paid every article.
      std::vector<uint32_t> order = live;
      std::sort(order.begin(), order.end(),
                [&](uint32_t a, uint32_t b) { return stories[a].last_seq < stories[b].last_seq; });
      const size_t excess = live.size() - options.max_live_stories * 9 / 10;
      asleep.insert(asleep.end(), order.begin(), order.begin() + excess);
    }
    std::sort(asleep.begin(), asleep.end());
    asleep.erase(std::unique(asleep.begin(), asleep.end()), asleep.end());
    for (uint32_t slot : asleep) Sleep(slot);
    live.erase(std::remove_if(live.begin(), live.end(),
                              [&](uint32_t s) { return stories[s].status != Status::kLive; }),
               live.end());
  }

  void Tick(const Prepared& p) {
    ++seq;
    if (!std::isnan(p.day) && (std::isnan(clock) || p.day > clock)) clock = p.day;
  }

  void Explain(const std::vector<Scored>& scored) {
    last.candidates.clear();
    if (!options.explain) return;
    for (const Scored& s : scored) {
      last.candidates.push_back(CandidateScore{stories[s.story].story.id, s.features, s.score});
    }
  }

  // Live candidates, best first; dormant ones too when no live story reaches
  // the threshold. Add and Restore both call this, so the cached story norms
  // evolve the same way whether a decision is made or replayed.
  std::vector<Scored> Score(const Prepared& p, std::vector<Scored>& dormant) {
    words_loaded.Load(p.tf, p.tf_idf, dict.size());
    names_loaded.Load(p.names, p.names_idf, dict.size());
    entities_loaded.Load(p.entities, p.entities_idf, dict.size());
    title_loaded.Load(p.title, p.title_idf, dict.size());
    actors_loaded.Load(p.actors, p.actors_idf, dict.size());
    for (uint32_t t : p.site_only) {
      words_loaded.Zero(t);
      names_loaded.Zero(t);
    }
    const std::vector<uint32_t> heavy = HeavyTerms(p);
    std::vector<Scored> scored = ScoreCandidates(p, heavy, false);
    Explain(scored);
    if (!scored.empty()) {
      last.best_story = stories[scored[0].story].story.id;
      last.best_cosine = scored[0].features.cosine;
      last.best_score = scored[0].score;
    }
    if ((scored.empty() || scored[0].score < weights.join_threshold) && !dormant_postings.empty()) {
      dormant = ScoreCandidates(p, heavy, true);
    }
    words_loaded.Clear();
    names_loaded.Clear();
    entities_loaded.Clear();
    title_loaded.Clear();
    actors_loaded.Clear();
    return scored;
  }

  // Besides the model's score, two rules the train streams cannot teach (they
  // have few dates and no unrelated pages): a word cosine under the floor is
  // topic, not event; and an article dated further from the story's dates
  // than the dormancy window must clear the merge threshold, not the join
  // threshold. The window is how long a story stays live without news, so
  // reports further apart are a follow-up (an inquiry into last month's
  // collapse) only on strong evidence, and otherwise a later event on the
  // same subject, or two pages of one site that share its boilerplate.
  bool Joins(const Scored& s, double threshold) const {
    if (s.features.dates_known > 0 &&
        std::expm1(s.features.log_gap_days) > options.dormant_after_days) {
      threshold = std::max(threshold, weights.merge_threshold);
    }
    if (weights.anchor_min_cosine > 0 && s.features.anchors_known > 0 &&
        s.features.anchor_cosine < weights.anchor_min_cosine) {
      return false;
    }
    return s.score >= threshold && s.features.cosine >= weights.join_min_cosine &&
           cluster::EventEvidence(weights, s.features);
  }

  // A recent article this one is a near-duplicate of, and its (live or
  // dormant) story.
  struct Original {
    uint32_t slot;
    std::string article_id;
  };
  std::optional<Original> FindOriginal(const Prepared& p) {
    if (p.fingerprint.empty) return std::nullopt;
    const auto* e = fingerprints.FindNear(p.fingerprint, options.copy_min_similarity);
    if (!e) return std::nullopt;
    const uint32_t slot = Resolve(e->story);
    if (stories[slot].status == Status::kArchived) return std::nullopt;
    return Original{slot, e->article_id};
  }

  std::string Decide(const AnnotatedArticle& a) {
    const Prepared p = Prepare(a);
    Tick(p);
    last = ClusterDecision{};
    std::vector<Scored> dormant;
    const std::vector<Scored> scored = Score(p, dormant);

    const std::optional<Original> original = FindOriginal(p);
    std::optional<uint32_t> target;
    if (original) target = original->slot;
    if (!target && !scored.empty() && Joins(scored[0], weights.join_threshold)) {
      target = scored[0].story;
    }
    if (!target && !dormant.empty() && Joins(dormant[0], weights.join_threshold)) {
      target = dormant[0].story;
    }

    uint32_t slot;
    if (target) {
      slot = *target;
      last.joined = true;
      last.revived = stories[slot].status == Status::kDormant;
    } else {
      slot = NewStory(StoryIdFor(a.article.id));
    }
    Join(slot, a, p, original ? original->article_id : std::string());
    if (target && options.merge_stories) MergeBridged(slot, scored, p);
    if (options.merge_stories) MergeSameEvent(Resolve(slot));
    last.story_id = stories[Resolve(slot)].story.id;
    RecordSite(p);
    Sweep();
    return last.story_id;
  }

  // The page's words (heaviest first) and names join its site's vocabulary.
  void RecordSite(const Prepared& p) {
    if (p.site.empty()) return;
    TermWeights heavy = p.tf;
    for (size_t i = 0; i < heavy.size(); ++i) heavy[i].second *= p.tf_idf[i];
    if (heavy.size() > cluster::kSiteTermsPerPage) {
      // Which terms, not their order: a selection, not a sort.
      std::nth_element(heavy.begin(), heavy.begin() + cluster::kSiteTermsPerPage, heavy.end(),
                       [](const auto& a, const auto& b) {
                         return a.second != b.second ? a.second > b.second : a.first < b.first;
                       });
      heavy.resize(cluster::kSiteTermsPerPage);
    }
    ids.clear();
    for (const auto& [t, w] : heavy) ids.push_back(t);
    for (const auto& [t, w] : p.names) ids.push_back(t);
    const int64_t slot = sites.Record(p.site, ids, p.day, seq);
    ids.clear();
    if (slot >= 0) touched_sites.push_back(static_cast<uint32_t>(slot));
  }

  // Other live stories the article scores highly with are the same event:
  // the younger merges into the older, whose id is kept.
  void MergeBridged(uint32_t slot, const std::vector<Scored>& scored, const Prepared& p) {
    for (const Scored& s : scored) {
      if (s.score < weights.merge_threshold) break;
      if (!Joins(s, weights.merge_threshold)) continue;
      uint32_t a = Resolve(slot), b = Resolve(s.story);
      if (a == b || stories[b].status != Status::kLive) continue;
      if (!DatesAllowMerge(Story(a), Story(b), p.day)) continue;
      if (!OneEvent(Story(a), Story(b))) continue;
      if (b < a) std::swap(a, b);
      last.merged.push_back(stories[b].story.id);
      Merge(a, b);
    }
  }

  // The live stories that share the heaviest terms of story `slot`'s
  // centroid, most shared first (at most kMaxCandidates).
  std::vector<uint32_t> StoryNeighbours(uint32_t slot) {
    const StoryState& s = Story(slot);
    TermWeights heavy = s.words;
    for (auto& [t, w] : heavy) w *= Idf(t);
    const std::vector<uint32_t> top = cluster::TopTerms(heavy, kCandidateTerms);
    FetchScannable(top);
    hits.clear();
    for (uint32_t t : top) {
      const cluster::Slots* list = postings.Scannable(t);
      if (!list) continue;
      for (uint32_t o : *list) {
        if (o != slot) ++hits[o];
      }
    }
    std::vector<std::pair<uint32_t, uint32_t>> ranked(hits.begin(), hits.end());
    const size_t k = std::min(kMaxCandidates, ranked.size());
    std::partial_sort(ranked.begin(), ranked.begin() + k, ranked.end(),
                      [](const auto& a, const auto& b) {
                        return a.second != b.second ? a.second > b.second : a.first < b.first;
                      });
    std::vector<uint32_t> out;
    for (size_t i = 0; i < k; ++i) out.push_back(ranked[i].first);
    return out;
  }

  // The story that just grew is compared with its live neighbours as a whole
  // (cluster/story_merge.h); those that are the same event merge, the younger
  // into the older. Each merge changes the story, so the rest are compared
  // with the merged one.
  void MergeSameEvent(uint32_t slot) {
    if (weights.story_merge.min_cosine <= 0) return;
    if (!cluster::StoryCheckpoint(Story(slot).story.article_ids.size())) return;
    for (uint32_t other : StoryNeighbours(slot)) {
      uint32_t a = Resolve(slot), b = Resolve(other);
      if (a == b || stories[b].status != Status::kLive) continue;
      const auto f =
          cluster::CompareStories(Story(a), Story(b), StreamIdf(), weights.story_merge.min_cosine);
      if (!cluster::SameEvent(weights.story_merge, f)) continue;
      if (b < a) std::swap(a, b);
      last.merged.push_back(stories[b].story.id);
      Merge(a, b);
    }
  }

  // Only a dated article can say that two dated stories are one happening
  // rather than the same subject at different times. (Two live stories are
  // never further apart than the dormancy window, so the bridge's date is the
  // evidence that matters.)
  bool DatesAllowMerge(const StoryState& a, const StoryState& b, double article_day) const {
    if (std::isnan(a.first_day) || std::isnan(b.first_day)) return true;
    return !std::isnan(article_day);
  }

  cluster::StreamIdf StreamIdf() const { return cluster::StreamIdf{&df, docs}; }

  double StoryCosine(const Centroid& a, const Centroid& b) const {
    return cluster::CentroidCosine(a, b, StreamIdf());
  }

  // The stories' own evidence for being one event (see ScoreWeights).
  bool OneEvent(const StoryState& a, const StoryState& b) const {
    if (StoryCosine(a.words, b.words) < weights.merge_min_story_cosine) return false;
    if (!a.actors.empty() && !b.actors.empty() &&
        StoryCosine(a.actors, b.actors) < weights.merge_min_actor_cosine) {
      return false;
    }
    if (!a.days.empty() && !b.days.empty() && weights.merge_min_story_cosine > 0) {
      std::vector<cluster::DayKey> days;
      for (const auto& [d, n] : b.days) days.push_back(d);
      if (!cluster::ShareDay(days, a.days)) return false;
    }
    return true;
  }

  void Replay(const std::string& story_id, const AnnotatedArticle& a) {
    const Prepared p = Prepare(a);
    Tick(p);
    last = ClusterDecision{};
    std::vector<Scored> dormant;
    Score(p, dormant);
    const std::optional<Original> original = FindOriginal(p);
    auto it = story_index.find(story_id);
    uint32_t slot = it != story_index.end() ? Resolve(it->second) : NewStory(story_id);
    if (stories[slot].status == Status::kArchived) {
      // Forgotten by memory but named by the store: it comes back as live.
      Touch(slot);
      stories[slot].status = Status::kLive;
      live.push_back(slot);
      --counts.archived;
      ++counts.live;
    }
    last.joined = !Story(slot).story.article_ids.empty();
    // A copy is replayed as one only where the store put it with its original.
    const bool copy = original && original->slot == slot;
    Join(slot, a, p, copy ? original->article_id : std::string());
    last.story_id = stories[slot].story.id;
    RecordSite(p);
    Sweep();
  }
};

StoryClusterer::StoryClusterer(ClusterOptions options) : impl_(std::make_unique<Impl>(options)) {}
StoryClusterer::~StoryClusterer() = default;

std::string StoryClusterer::Add(const AnnotatedArticle& article) { return impl_->Decide(article); }

void StoryClusterer::Restore(const std::string& story_id, const AnnotatedArticle& article) {
  impl_->Replay(story_id, article);
}

const ClusterDecision& StoryClusterer::last_decision() const { return impl_->last; }

std::vector<Story> StoryClusterer::Stories() const {
  std::vector<uint32_t> held;  // live and dormant: a loaded state decodes them all
  for (uint32_t slot = 0; slot < impl_->stories.size(); ++slot) {
    const Status status = impl_->stories[slot].status;
    if (status == Status::kLive || status == Status::kDormant) held.push_back(slot);
  }
  impl_->DecodeStories(held);
  std::vector<Story> out;
  for (const auto& s : impl_->stories) {
    if (s.status == Status::kLive || s.status == Status::kDormant) out.push_back(s.story);
  }
  return out;
}

StoryClusterer::Counts StoryClusterer::counts() const { return impl_->counts; }

uint64_t StoryClusterer::arrivals() const { return impl_->seq; }

// ---- Persisted state (cluster/snapshot.h) ----

namespace {

// The build plus everything in the options that changes a decision: a
// state made under other weights or limits is not this clusterer's.
std::string StateIdentity(std::string_view build, const ClusterOptions& o, const ScoreWeights& w) {
  static_assert(sizeof(ScoreWeights) % sizeof(double) == 0, "ScoreWeights: doubles only");
  cluster::ByteWriter bytes;
  const auto* d = reinterpret_cast<const unsigned char*>(&w);
  bytes.bytes().append(reinterpret_cast<const char*>(d), sizeof w);
  bytes.F64(o.dormant_after_days);
  bytes.U64(o.max_live_stories);
  bytes.U64(o.max_dormant_stories);
  bytes.F64(o.copy_min_similarity);
  bytes.U64(o.max_fingerprints);
  bytes.U64(o.merge_stories ? 1 : 0);
  char digest[17];
  std::snprintf(
      digest, sizeof digest, "%016llx",
      static_cast<unsigned long long>(XXH3_64bits(bytes.bytes().data(), bytes.bytes().size())));
  return std::string(build) + "/" + digest;
}

}  // namespace

ClusterStateChanges StoryClusterer::TakeStateChanges(std::string_view build) {
  Impl& m = *impl_;
  ClusterStateChanges out;
  out.full = !m.saved;
  const size_t first_term = out.full ? 0 : m.saved_terms;
  // A term's row is written once, when it is new (its id never changes).
  for (size_t t = first_term; t < m.dict.size(); ++t) {
    const std::string& term = m.dict.Term(static_cast<uint32_t>(t));
    out.put.emplace_back(cluster::WordKey(term),
                         cluster::EncodeWord(term, static_cast<uint32_t>(t)));
  }
  for (size_t begin = 0; begin < m.df.size(); begin += cluster::kDfChunk) {
    const size_t end = std::min(m.df.size(), begin + cluster::kDfChunk);
    const bool same =
        !out.full && m.saved_df.size() >= end &&
        std::equal(m.df.begin() + begin, m.df.begin() + end, m.saved_df.begin() + begin);
    if (same) continue;
    cluster::ByteWriter w;
    w.U64(end - begin);
    for (size_t t = begin; t < end; ++t) w.U64(m.df[t]);
    out.put.emplace_back(cluster::DfKey(static_cast<uint32_t>(begin / cluster::kDfChunk)),
                         std::move(w.bytes()));
  }
  if (out.full) {
    m.touched.clear();
    for (uint32_t slot = 0; slot < m.stories.size(); ++slot) m.touched.push_back(slot);
  }
  std::sort(m.touched.begin(), m.touched.end());
  m.DecodeStories(m.touched);  // touched ones are decoded already (Touch)
  for (uint32_t slot : m.touched) {
    out.put.emplace_back(cluster::StoryKey(slot), cluster::EncodeStory(m.stories[slot]));
  }
  // The header rows of the touched stories' chunks (slots are sorted).
  for (size_t i = 0; i < m.touched.size();) {
    const uint32_t chunk = m.touched[i] / cluster::kHeaderChunk;
    const size_t first = static_cast<size_t>(chunk) * cluster::kHeaderChunk;
    const size_t n = std::min<size_t>(cluster::kHeaderChunk, m.stories.size() - first);
    out.put.emplace_back(cluster::HeaderKey(chunk), cluster::EncodeHeaders(&m.stories[first], n));
    while (i < m.touched.size() && m.touched[i] / cluster::kHeaderChunk == chunk) ++i;
  }
  m.postings.TakeChanges(out.full, out.put, out.erase);
  if (out.full) {
    m.touched_sites.clear();
    for (uint32_t slot = 0; slot < m.sites.sites().size(); ++slot) m.touched_sites.push_back(slot);
  }
  std::sort(m.touched_sites.begin(), m.touched_sites.end());
  m.touched_sites.erase(std::unique(m.touched_sites.begin(), m.touched_sites.end()),
                        m.touched_sites.end());
  for (uint32_t slot : m.touched_sites) {
    out.put.emplace_back(cluster::SiteKey(slot), cluster::EncodeSite(m.sites.sites()[slot]));
  }
  m.touched_sites.clear();
  m.touched.clear();
  m.touched_flag.assign(m.touched_flag.size(), 0);
  const uint64_t fp_first = m.fingerprints.first_seq(), fp_end = m.fingerprints.end_seq();
  if (!out.full) {
    for (uint64_t seq = m.saved_fp_first; seq < std::min(fp_first, m.saved_fp_end); ++seq) {
      out.erase.push_back(cluster::FingerprintKey(seq));
    }
  }
  for (uint64_t seq = out.full ? fp_first : std::max(fp_first, m.saved_fp_end); seq < fp_end;
       ++seq) {
    // Added since the last save, so held (a full save is a fresh clusterer's,
    // which holds every entry).
    const cluster::FingerprintIndex::Entry* e = m.fingerprints.Inserted(seq);
    if (e) out.put.emplace_back(cluster::FingerprintKey(seq), cluster::EncodeFingerprint(*e));
  }
  for (const auto& [id, bucket] : m.fingerprints.TakeChangedBuckets(out.full)) {
    out.put.emplace_back(cluster::BucketKey(id), cluster::EncodeBucket(bucket));
  }
  cluster::ByteWriter meta;
  meta.Str(StateIdentity(build, m.options, m.weights));
  meta.U64(m.seq);
  meta.U64(m.docs);
  meta.F64(m.clock);
  meta.F64(m.last_sweep);
  for (size_t n : {m.counts.live, m.counts.dormant, m.counts.archived, m.counts.merged,
                   m.counts.copies, m.counts.revived}) {
    meta.U64(n);
  }
  meta.U64(m.stories.size());
  meta.U64(m.dict.size());
  meta.U64(m.df.size());
  meta.U64(fp_first);
  meta.U64(fp_end);
  meta.U64(m.dormant_queue.size());
  for (const auto& [slot, generation] : m.dormant_queue) {
    meta.U64(slot);
    meta.U64(generation);
  }
  out.put.emplace_back(std::string(cluster::kMetaKey), std::move(meta.bytes()));

  m.saved = true;
  m.saved_terms = m.dict.size();
  m.saved_df = m.df;
  m.saved_fp_first = fp_first;
  m.saved_fp_end = fp_end;
  return out;
}

namespace {

bool OnDemand(std::string_view key) {
  for (const std::string& prefix : StoryClusterer::OnDemandStatePrefixes()) {
    if (key.starts_with(prefix)) return true;
  }
  return false;
}

// The rows a caller gave all at once, served as a source would.
class GivenRows : public ClusterStateSource {
 public:
  explicit GivenRows(std::map<std::string, std::string, std::less<>> rows)
      : rows_(std::move(rows)) {}
  bool Read(const std::vector<std::string>& keys,
            std::vector<std::pair<std::string, std::string>>& rows, std::string& why) override {
    (void)why;
    for (const std::string& key : keys) {
      auto it = rows_.find(key);
      if (it != rows_.end()) rows.emplace_back(*it);
    }
    return true;
  }

 private:
  std::map<std::string, std::string, std::less<>> rows_;
};

// The kept terms a continued dictionary does not hold, read through the
// source as they are interned.
class KeptTerms : public TermDictionary::Lookup {
 public:
  KeptTerms(std::shared_ptr<ClusterStateSource> source, uint64_t kept, std::string& error,
            bool& corrupt)
      : source_(std::move(source)), kept_(kept), error_(error), corrupt_(corrupt) {}

  uint32_t Find(std::string_view term) override {
    std::vector<uint32_t> ids;
    FindMany({term}, ids);
    return ids.front();
  }

  void FindMany(const std::vector<std::string_view>& terms, std::vector<uint32_t>& ids) override {
    ids.assign(terms.size(), TermDictionary::kNoTerm);
    std::vector<std::string> keys;
    keys.reserve(terms.size());
    for (std::string_view term : terms) keys.push_back(cluster::WordKey(term));
    std::vector<std::pair<std::string, std::string>> rows;
    std::string why;
    if (!source_->Read(keys, rows, why)) {
      if (error_.empty()) error_ = why.empty() ? "cannot read the clusterer's kept terms" : why;
      return;
    }
    absl::flat_hash_map<std::string_view, const std::string*> by_key;
    for (const auto& [key, value] : rows) by_key.emplace(key, &value);
    for (size_t i = 0; i < terms.size(); ++i) {
      auto it = by_key.find(keys[i]);
      if (it == by_key.end()) continue;  // a new term
      uint32_t id = 0;
      if (!cluster::DecodeWord(*it->second, terms[i], id) || id >= kept_) {
        corrupt_ = true;
        if (error_.empty()) error_ = "clusterer state: row " + keys[i] + " bad";
        continue;
      }
      ids[i] = id;
    }
  }

 private:
  std::shared_ptr<ClusterStateSource> source_;
  uint64_t kept_;       // the terms kept when the state was loaded
  std::string& error_;  // the clusterer's state_read_error
  bool& corrupt_;       // the clusterer's state_corrupt
};

// The live posting lists' kept rows, read through the source.
class KeptPostings : public cluster::LivePostings::Rows {
 public:
  KeptPostings(std::shared_ptr<ClusterStateSource> source, std::string& error)
      : source_(std::move(source)), error_(error) {}

  bool Read(const std::vector<uint32_t>& terms,
            std::vector<std::pair<uint32_t, std::string>>& rows) override {
    std::vector<std::string> keys;
    keys.reserve(terms.size());
    for (uint32_t t : terms) keys.push_back(cluster::PostingKey(t));
    std::vector<std::pair<std::string, std::string>> found;
    std::string why;
    if (!source_->Read(keys, found, why)) {
      if (error_.empty()) error_ = why.empty() ? "cannot read the clusterer's kept postings" : why;
      return false;
    }
    for (auto& [key, value] : found) {
      uint64_t term = 0;
      // A row of a key not asked for would be the source's error; skip it.
      if (cluster::KeyNumber(key, term) && term <= UINT32_MAX) {
        rows.emplace_back(static_cast<uint32_t>(term), std::move(value));
      }
    }
    return true;
  }

 private:
  std::shared_ptr<ClusterStateSource> source_;
  std::string& error_;  // the clusterer's state_read_error
};

// The near-duplicate index's kept rows, read through the source.
class KeptFingerprints : public cluster::FingerprintIndex::Rows {
 public:
  KeptFingerprints(std::shared_ptr<ClusterStateSource> source, uint64_t stories, std::string& error,
                   bool& corrupt)
      : source_(std::move(source)), stories_(stories), error_(error), corrupt_(corrupt) {}

  bool Entries(const std::vector<uint64_t>& seqs,
               std::vector<cluster::FingerprintIndex::Entry>& out) override {
    return ReadEach(seqs, cluster::FingerprintKey, out,
                    [&](const std::string* row, cluster::FingerprintIndex::Entry& e) {
                      // Every entry asked for is kept: a bucket named it.
                      return row && cluster::DecodeFingerprint(*row, e) && e.story < stories_;
                    });
  }

  bool Buckets(const std::vector<uint32_t>& ids,
               std::vector<cluster::FingerprintIndex::Bucket>& out) override {
    return ReadEach(ids, cluster::BucketKey, out,
                    [](const std::string* row, cluster::FingerprintIndex::Bucket& bucket) {
                      return !row || cluster::DecodeBucket(*row, bucket);  // none: empty
                    });
  }

 private:
  bool Read(const std::vector<std::string>& keys,
            std::map<std::string, std::string, std::less<>>& out) {
    std::vector<std::pair<std::string, std::string>> rows;
    std::string why;
    if (!source_->Read(keys, rows, why)) return Fail(why);
    for (auto& [key, value] : rows) out[key] = std::move(value);
    return true;
  }
  // The rows of `numbers` (keyed by `key_of`), decoded into `out` in that
  // order; `decode` gets null for a row not kept.
  template <typename Number, typename Value, typename Decode>
  bool ReadEach(const std::vector<Number>& numbers, std::string (*key_of)(Number),
                std::vector<Value>& out, Decode decode) {
    std::vector<std::string> keys;
    for (Number n : numbers) keys.push_back(key_of(n));
    std::map<std::string, std::string, std::less<>> rows;
    if (!Read(keys, rows)) return false;
    out.clear();
    for (const std::string& key : keys) {
      auto it = rows.find(key);
      if (!decode(it == rows.end() ? nullptr : &it->second, out.emplace_back())) {
        corrupt_ = true;
        return Fail("clusterer state: row " + key + " missing or bad");
      }
    }
    return true;
  }
  bool Fail(const std::string& why) {
    if (error_.empty()) error_ = why.empty() ? "cannot read the clusterer's kept state" : why;
    return false;
  }

  std::shared_ptr<ClusterStateSource> source_;
  uint64_t stories_;
  std::string& error_;  // the clusterer's state_read_error
  bool& corrupt_;       // the clusterer's state_corrupt
};

}  // namespace

const std::vector<std::string>& StoryClusterer::OnDemandStatePrefixes() {
  static const std::vector<std::string> prefixes = {"b/", "f/", "p/", "s/", "w/"};
  return prefixes;
}

const std::string& StoryClusterer::state_read_error() const { return impl_->state_read_error; }

bool StoryClusterer::kept_state_corrupt() const { return impl_->state_corrupt; }

bool StoryClusterer::LoadState(const std::vector<std::pair<std::string, std::string>>& rows,
                               std::string_view build, std::string* why) {
  std::map<std::string, std::string, std::less<>> on_demand;
  for (const auto& [key, value] : rows) {
    if (OnDemand(key)) on_demand.emplace(key, value);
  }
  return LoadState(rows, build, why, std::make_unique<GivenRows>(std::move(on_demand)));
}

bool StoryClusterer::LoadState(const std::vector<std::pair<std::string, std::string>>& rows,
                               std::string_view build, std::string* why,
                               std::unique_ptr<ClusterStateSource> source) {
  auto fail = [&](const std::string& reason) {
    if (why) *why = reason;
    return false;
  };
  auto fresh = std::make_unique<Impl>(impl_->options);
  Impl& m = *fresh;
  const std::string* meta_row = nullptr;
  const std::string* unknown = nullptr;  // the first row of no known kind
  // Each part's rows by number: vectors sorted once rather than maps (a
  // node per row was a tenth of a load of 60,000 rows).
  using Part = std::vector<std::pair<uint64_t, const std::string*>>;
  Part df, headers, sites;
  for (const auto& [key, value] : rows) {
    if (key == cluster::kMetaKey) {
      meta_row = &value;
      continue;
    }
    if (OnDemand(key)) continue;
    uint64_t n = 0;
    if (!cluster::KeyNumber(key, n) || (key[0] != 'd' && key[0] != 'i' && key[0] != 'h')) {
      // Said after the build check: another build's rows are its own.
      if (!unknown) unknown = &key;
      continue;
    }
    auto& part = key[0] == 'd' ? df : key[0] == 'i' ? headers : sites;
    part.emplace_back(n, &value);
  }
  for (Part* part : {&df, &headers, &sites}) {
    // Sorted and free of repeats, as a store's keys are; a duplicate key
    // would be a corrupt row. The keys' numbers are fixed-width hex, so rows
    // in key order are in number order already, and the check is all a
    // store's rows need (a sort of 60,000 sorted rows was 5 % of a 100k load).
    if (!std::is_sorted(part->begin(), part->end())) std::sort(part->begin(), part->end());
    auto repeat = std::adjacent_find(part->begin(), part->end(), [](const auto& a, const auto& b) {
      return a.first == b.first;
    });
    if (repeat != part->end()) return fail("clusterer state: a repeated row");
  }
  if (!meta_row) return fail("no clusterer state kept");
  cluster::ByteReader meta(*meta_row);
  const std::string identity = meta.Str();
  if (identity != StateIdentity(build, m.options, m.weights)) {
    return fail("the clusterer's state was kept by another build or other options");
  }
  if (unknown) return fail("unknown clusterer state row '" + *unknown + "'");
  m.seq = meta.U64();
  m.docs = meta.U64();
  m.clock = meta.F64();
  m.last_sweep = meta.F64();
  for (size_t* n : {&m.counts.live, &m.counts.dormant, &m.counts.archived, &m.counts.merged,
                    &m.counts.copies, &m.counts.revived}) {
    *n = meta.U64();
  }
  const uint64_t story_count = meta.U64(), term_count = meta.U64(), df_count = meta.U64();
  const uint64_t fp_first = meta.U64(), fp_end = meta.U64(), queued = meta.U64();
  if (!meta.ok() || queued > meta_row->size()) return fail("clusterer state: bad meta row");
  for (uint64_t i = 0; i < queued; ++i) {
    const uint32_t slot = meta.U32(), generation = meta.U32();
    m.dormant_queue.emplace_back(slot, generation);
  }
  if (!meta.done()) return fail("clusterer state: bad meta row");

  if (term_count > UINT32_MAX || df_count > term_count) {
    return fail("clusterer state: bad meta row");
  }
  if ((term_count > 0 || fp_end > fp_first || story_count > 0) && !source) {
    return fail("clusterer state: no source for the rows read on demand");
  }
  // Both read the source as they need rows.
  std::shared_ptr<ClusterStateSource> shared(std::move(source));
  if (term_count > 0) {
    m.dict.Continue(term_count, std::make_unique<KeptTerms>(shared, term_count, m.state_read_error,
                                                            m.state_corrupt));
  }
  m.df.assign(df_count, 0);
  for (const auto& [chunk, value] : df) {
    cluster::ByteReader r(*value);
    const uint64_t n = r.U64();
    const uint64_t begin = chunk * cluster::kDfChunk;
    if (begin + n > df_count) return fail("clusterer state: bad df row");
    for (uint64_t i = 0; i < n; ++i) m.df[begin + i] = r.U32();
    if (!r.done()) return fail("clusterer state: bad df row");
  }
  // The header rows only: a story's row is read when a decision needs it.
  const uint64_t chunks = (story_count + cluster::kHeaderChunk - 1) / cluster::kHeaderChunk;
  if (story_count > UINT32_MAX || headers.size() != chunks) {
    return fail("clusterer state: stories missing");
  }
  m.stories.resize(story_count);
  for (size_t i = 0; i < headers.size(); ++i) {
    const uint64_t first = i * cluster::kHeaderChunk;
    const uint64_t n = std::min<uint64_t>(cluster::kHeaderChunk, story_count - first);
    if (headers[i].first != i ||
        !cluster::DecodeHeaders(*headers[i].second, &m.stories[first], n)) {
      return fail("clusterer state: bad story header row " + std::to_string(i));
    }
  }
  m.story_index.reserve(story_count);
  for (uint32_t slot = 0; slot < story_count; ++slot) {
    const StoryState& s = m.stories[slot];
    if (s.status == Status::kMerged && s.merged_into >= story_count) {
      return fail("clusterer state: bad story header " + std::to_string(slot));
    }
    m.story_index.emplace(s.story.id, slot);
    if (s.status == Status::kLive) {
      m.live.push_back(slot);
    } else if (s.status == Status::kDormant) {
      for (uint32_t t : s.dormant_terms) {
        if (t >= term_count)
          return fail("clusterer state: bad story header " + std::to_string(slot));
        m.dormant_postings[t].push_back(slot);
      }
    }
  }
  m.decoded.assign(story_count, 0);
  m.source = shared;
  m.postings.Reset(shared ? std::make_unique<KeptPostings>(shared, m.state_read_error) : nullptr);
  for (const auto& [n, value] : sites) {
    cluster::SiteVocabulary::Site site;
    if (n >= cluster::kMaxSites || !cluster::DecodeSite(*value, site)) {
      return fail("clusterer state: bad site row " + std::to_string(n));
    }
    for (const auto& page : site.recent) {
      // SiteOnly looks terms up by binary search.
      if (!std::is_sorted(page.terms.begin(), page.terms.end())) {
        return fail("clusterer state: bad site row " + std::to_string(n));
      }
      for (uint32_t t : page.terms) {
        if (t >= term_count) return fail("clusterer state: bad site row " + std::to_string(n));
      }
    }
    m.sites.Restore(static_cast<uint32_t>(n), std::move(site));
  }
  if (fp_end < fp_first) return fail("clusterer state: bad fingerprints");
  m.fingerprints.Reset(fp_first, fp_end,
                       shared ? std::make_unique<KeptFingerprints>(
                                    shared, story_count, m.state_read_error, m.state_corrupt)
                              : nullptr);
  m.saved = true;
  m.saved_terms = m.dict.size();
  m.saved_df = m.df;
  m.saved_fp_first = fp_first;
  m.saved_fp_end = fp_end;
  impl_ = std::move(fresh);
  return true;
}

}  // namespace newsfuse
