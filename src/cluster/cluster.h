// Cluster: groups a stream of articles into stories, online.
//
// Each arriving article is first checked for being a near-duplicate (a wire
// copy, reprint or re-crawl) of a recent article: a copy joins its original's
// story and is marked as a copy. Otherwise it is scored against the live
// stories that share its heaviest terms (an inverted index, never a scan of
// all stories) and joins the best one if the score clears a threshold; else it
// may revive a dormant story, else it starts a new story.
//
// The score is a logistic model over features of (article, story): TF-IDF
// cosines with the story's centroids (IDF learnt from the stream) over words,
// over capitalised words (names, without analysis) and over the analysis'
// entity keys, and the gap between publication dates. Its weights
// and thresholds are fitted on labelled data by scripts/fit_cluster_weights.py
// and compiled in from data/cluster/weights.txt.
//
// Stories idle for longer than a window (in publication time) or beyond a cap
// on live stories go dormant: they leave the index, keep a trimmed centroid,
// and can be revived; beyond a cap on dormant stories the oldest are archived
// (forgotten by the clusterer, kept by the store), so memory stays bounded as
// the stream grows. An article that scores high with two live stories is a
// bridge: the younger story merges into the older one.
//
// Decisions never look ahead, so the result depends only on arrival order and
// is deterministic for a given order. Not thread-safe: one clusterer per stream.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/records.h"

namespace newsfuse {

// What the model sees of one (article, story) pair.
struct PairFeatures {
  double cosine = 0;  // TF-IDF cosine of the article with the story centroid
  // TF-IDF cosine of the article's entity keys (from analysis) with the story's.
  double entity_cosine = 0;
  // TF-IDF cosine over capitalised mid-sentence words: a proxy for names that
  // needs no analysis.
  double name_cosine = 0;
  double entities_known = 0;  // 1 when both sides have entity keys, else 0
  double log_gap_days = 0;    // ln(1 + days between the article and the story's dates)
  double dates_known = 0;     // 1 when both sides have dates, else 0
  // TF-IDF cosine of the article's headline with the story's headlines: a
  // headline names the event, where a body drifts into background.
  double title_cosine = 0;
  // Share of the article's heaviest terms (those that find candidates) that
  // the story holds: a few rare shared words count here, however long the
  // two texts are.
  double heavy_share = 0;
  double log_story_size = 0;  // ln(1 + articles in the story)
  // Event identity beyond words (cluster/event_evidence.h): the TF-IDF cosine
  // of the actors (people and named things, not places or organisations) and
  // whether a calendar day the article names, one that little of the stream
  // names (ScoreWeights::day_max_share), is one the story names.
  double actor_cosine = 0;
  double actors_known = 0;  // 1 when both sides have actors, else 0
  double day_match = 0;
  double days_known = 0;  // 1 when both sides name a day, else 0
  // Share of the story's members with a year (LatestYear) whose year is the
  // article's, when both have one.
  double year_share = 0;
  double years_known = 0;  // 1 when both sides have a year, else 0
  // The best word cosine of the article with one of the story's anchors (its
  // first article, and the first articles of stories merged into it), when
  // the story has two or more members: how far the story has chained away
  // from what it began as does not show in its centroid. Not a model input;
  // ScoreWeights::anchor_min_cosine gates on it.
  double anchor_cosine = 0;
  double anchors_known = 0;  // 1 when the story has anchors and two or more members
};

// The story-to-story model: P(same event) = sigmoid(bias + w . features) of
// two live stories (cluster/story_merge.h), fitted on the train streams. Two
// stories merge when it reaches `threshold` and their word cosine reaches
// `min_cosine`; min_cosine 0 turns the pass off.
struct StoryMergeWeights {
  double bias = 0;
  double cosine = 0;         // word centroids
  double title_cosine = 0;   // headline centroids
  double name_cosine = 0;    // capitalised words
  double entity_cosine = 0;  // entity keys
  double actors_known = 0;   // both have actors
  double actor_cosine = 0;   // people and named things
  double days_known = 0;     // both name calendar days
  double day_shared = 0;     // they share one, within a day
  double log_small = 0;      // ln(1 + articles in the smaller story)
  double log_large = 0;      // ln(1 + articles in the larger story)
  double dates_known = 0;    // both have dated members
  double log_gap = 0;        // ln(1 + days between their publication spans)
  double threshold = 1;
  double min_cosine = 0;
};

// The scoring model: P(same story) = 1 / (1 + exp(-(bias + w . features))).
struct ScoreWeights {
  double bias = 0;
  double cosine = 0;
  double entity_cosine = 0;
  double name_cosine = 0;
  double entities_known = 0;
  double log_gap_days = 0;
  double dates_known = 0;
  double title_cosine = 0;
  double heavy_share = 0;
  double log_story_size = 0;
  double actor_cosine = 0;
  double actors_known = 0;
  double day_match = 0;
  double days_known = 0;
  double year_share = 0;
  double years_known = 0;
  // day_match counts only days named by at most this share of the stream's
  // articles (cluster::SpecificDays); 0 counts every day.
  double day_max_share = 0;
  // An article joins its best story when the score reaches join_threshold;
  // a second live story scoring merge_threshold or more is merged in.
  double join_threshold = 0.5;
  double merge_threshold = 0.9;
  // Nor does it join (or merge) a story whose TF-IDF word cosine with it is
  // below this: shared names and entities alone ("Ukraine", "Russia") are
  // evidence of the same country, not of the same event.
  double join_min_cosine = 0;
  // A bridge merges two stories only when the stories themselves (not just
  // the bridging article) look like one event: their word centroids' TF-IDF
  // cosine reaches merge_min_story_cosine, their actors' reaches
  // merge_min_actor_cosine when both have actors, and, when both name
  // calendar days, they share one. One article that resembles two stories is
  // as often a background piece on their common topic as news of one event.
  // The day test applies only when merge_min_story_cosine is above 0 (weights
  // files before v3 have no gates).
  double merge_min_story_cosine = 0;
  double merge_min_actor_cosine = 0;
  // The event gate (cluster/event_gate.h): below this word cosine a join or
  // bridge also needs a headline cosine of event_min_title or an actor
  // cosine of event_min_actor (both sides with actors). 0 turns it off.
  double event_band_cosine = 0;
  double event_min_title = 1;
  double event_min_actor = 1;
  // Anti-chaining (issue 12): a join into a story of two or more members, or
  // a bridge, also needs a word cosine of anchor_min_cosine with one of the
  // story's anchors (PairFeatures::anchor_cosine). On a crawl of unrelated
  // pages stories grow by chaining: A draws B on one topic word, B draws C on
  // another, and the centroid follows. 0 turns it off.
  double anchor_min_cosine = 0;
  // Story-to-story merging (cluster/story_merge.h); "story_*" in the file.
  StoryMergeWeights story_merge;

  double Score(const PairFeatures& f) const;
  // The weights compiled in from data/cluster/weights.txt.
  static const ScoreWeights& Fitted();
  // Parses the "name value" lines of a weights file; nullopt if a name is
  // unknown, a value is not a number, or a required weight is missing.
  static std::optional<ScoreWeights> Parse(std::string_view text);
};

// One story the article was compared with (filled when ClusterOptions::explain).
struct CandidateScore {
  std::string story_id;
  PairFeatures features;
  double score = 0;
};

// Why the last Add decided as it did: for tests, threshold tuning and logs.
struct ClusterDecision {
  std::string story_id;    // the story the article went to
  std::string best_story;  // the best-scoring live story, empty if none shared a term
  double best_cosine = 0;  // its cosine with the article
  double best_score = 0;   // its model score
  bool joined = false;     // true if the article joined an existing story
  // The article this one is a near-duplicate of (a wire copy, reprint or
  // re-crawl), empty when it is not a copy. A copy joins its original's story.
  std::string copy_of;
  bool revived = false;  // the story was dormant and this article woke it
  // Stories merged into story_id because this article bridged them: every
  // article of these stories now belongs to story_id.
  std::vector<std::string> merged;
  std::vector<CandidateScore> candidates;  // only with ClusterOptions::explain
};

struct ClusterOptions {
  // The model; defaults to the fitted weights (data/cluster/weights.txt).
  ScoreWeights weights = ScoreWeights::Fitted();
  // Overrides weights.join_threshold when set (threshold sweeps in bench/).
  std::optional<double> join_threshold;
  // A story with no new article for this many days of publication time (the
  // latest publication date seen in the stream) goes dormant.
  double dormant_after_days = 30;
  // At most this many live stories; beyond it the least recently joined go
  // dormant, which bounds memory for undated streams too.
  size_t max_live_stories = 20000;
  // At most this many dormant stories; beyond it the oldest are archived.
  size_t max_dormant_stories = 10000;
  // Near-duplicates: an article whose body term 3-shingles have an estimated
  // Jaccard similarity of at least this with a recent article's is a copy of
  // it. The index keeps the most recent max_fingerprints articles (~1 KB each).
  double copy_min_similarity = 0.7;
  size_t max_fingerprints = 50000;
  bool merge_stories = true;
  bool explain = false;  // fill ClusterDecision::candidates
};

// The clusterer's state as keyed rows of bytes for a store to keep
// (cluster/snapshot.h has the layout): what changed since the last
// TakeStateChanges, or all of it.
struct ClusterStateChanges {
  std::vector<std::pair<std::string, std::string>> put;  // key -> value, replacing
  std::vector<std::string> erase;                        // keys no longer part of it
  bool full = false;  // the whole state: every row not in `put` is stale
};

// Where a loaded clusterer reads the kept rows it did not load (those under
// StoryClusterer::OnDemandStatePrefixes), as it needs them: a store, read
// inside the write that holds its lock, so the rows are those it loaded
// with, plus what it wrote since.
class ClusterStateSource {
 public:
  virtual ~ClusterStateSource() = default;
  // The kept rows of `keys` (a key not kept has no row), in any order;
  // false with the reason in `why` when they cannot be read.
  virtual bool Read(const std::vector<std::string>& keys,
                    std::vector<std::pair<std::string, std::string>>& rows, std::string& why) = 0;
  // Each Read is a round trip to a server: a loaded clusterer then asks for
  // an article's kept terms in one Read (finding them costs a second pass
  // over its words) rather than one Read per term it has not seen.
  virtual bool Remote() const { return false; }
};

class StoryClusterer {
 public:
  explicit StoryClusterer(ClusterOptions options = {});
  ~StoryClusterer();
  StoryClusterer(const StoryClusterer&) = delete;
  StoryClusterer& operator=(const StoryClusterer&) = delete;

  // Decides which story the article belongs to (creating one if needed) and
  // returns that story's id. The id of a new story is derived from the id of
  // its first article, so it is stable across runs. When the decision merges
  // stories (last_decision().merged), the caller moves their articles too.
  std::string Add(const AnnotatedArticle& article);

  // Replays a decision made earlier (from the store) without re-deciding it,
  // so a later Add sees the same state as when the store was written. The
  // article is scored as Add would (so explain works, and cached state moves
  // the same way), then put in `story_id`; it is marked a copy when Add would
  // have found its original in that same story.
  void Restore(const std::string& story_id, const AnnotatedArticle& article);

  // The decision of the last Add or Restore (empty before the first).
  const ClusterDecision& last_decision() const;

  // The stories the clusterer holds (live and dormant; not archived or merged
  // away), in order of creation.
  std::vector<Story> Stories() const;

  // Persisting the state, so a later run loads it instead of replaying every
  // decision (Restore). `build` names the code that wrote it (the caller's
  // build id); the options are added to it. The first call after
  // construction gives the whole state, later ones what changed since.
  ClusterStateChanges TakeStateChanges(std::string_view build);
  // Loads rows written by TakeStateChanges (all of them, any order) into a
  // clusterer that has seen no article. False, with the reason in `why` and
  // the clusterer as constructed, when they were written by another build or
  // other options or do not decode. A loaded clusterer's next
  // TakeStateChanges gives only what changes after the load.
  bool LoadState(const std::vector<std::pair<std::string, std::string>>& rows,
                 std::string_view build, std::string* why);
  // The same from the rows of every key but those under
  // OnDemandStatePrefixes(), which are read from `source` when a decision
  // needs them (a store's lookups instead of a load proportional to it).
  bool LoadState(const std::vector<std::pair<std::string, std::string>>& rows,
                 std::string_view build, std::string* why,
                 std::unique_ptr<ClusterStateSource> source);
  // The kept rows' key prefixes a load need not read (see the above).
  static const std::vector<std::string>& OnDemandStatePrefixes();
  // Why reading kept rows from the source failed, empty if it never did.
  // After a failure the decisions since are not those of one long run: the
  // caller must not keep them (nor this clusterer).
  const std::string& state_read_error() const;
  // The failure was a kept row that does not decode, or is missing where the
  // rows read name it: the kept state is unusable, as a corrupt row at load
  // makes it, and the caller replays the stored decisions instead (a failed
  // read alone is not this: it fails the write).
  bool kept_state_corrupt() const;
  // Articles added or restored so far (a loaded state's included).
  uint64_t arrivals() const;

  struct Counts {
    size_t live = 0, dormant = 0, archived = 0, merged = 0, copies = 0, revived = 0;
  };
  Counts counts() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsfuse
