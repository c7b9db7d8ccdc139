// Queue: raw pages handed from `newsfuse enqueue` to many `newsfuse worker`s
// and one `newsfuse cluster-worker` through a Redis stream.
//
// Redis Streams give what a home-made protocol would have to re-invent:
// consumer groups (each page to one worker of a group), a pending list per
// consumer (a page read but not acknowledged stays there until XACK), and
// XAUTOCLAIM (a live worker takes over the pending pages of a dead one).
// Delivery is at least once; the store's content-hash dedupe makes a page
// delivered twice an article stored once.
//
// The stream protocol (one entry per page, docs/deploy.md):
//   <stream>            entries with the RawPage fields (see page_fields.h)
//   group "newsfuse-workers"  extract, analyse, store
//   group "newsfuse-cluster"  the one clusterer, in entry order
//   <stream>:signals    hash page id -> cluster signals a worker computed, read
//                       by the clusterer so it does not analyse again
//   <stream>:failed     hash page id -> why the page gave no article, so the
//                       clusterer does not wait for it
// The clusterer trims the stream behind itself (XTRIM MINID): an entry is
// dropped only when every group is done with it; enqueue waits on XLEN.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/records.h"
#include "core/status.h"

namespace newsfuse {

inline constexpr const char* kWorkerGroup = "newsfuse-workers";
inline constexpr const char* kClusterGroup = "newsfuse-cluster";

// redis://host[:port]/stream (port 6379 when absent).
struct QueueAddress {
  std::string host;
  int port = 6379;
  std::string stream;
};
// kUsage naming the URL when it is not of that form.
Result<QueueAddress> ParseQueueUrl(const std::string& url);

// One stream entry: its id ("<ms>-<seq>", increasing in append order) and
// the page it carries.
struct QueuedPage {
  std::string entry_id;
  RawPage page;
  // Not ok for an entry that is no page (missing content, unknown format):
  // the consumer reports it and sets it aside.
  Status problem;
};

// Whether this build has Redis support (hiredis found at configure time).
bool QueueSupported();

// One connection to the stream. Not thread-safe: one per thread. Every
// failure of the server or connection is kIoError naming the URL.
class PageQueue {
 public:
  // Connects; does not create anything.
  static Result<std::unique_ptr<PageQueue>> Open(const std::string& url);
  virtual ~PageQueue() = default;

  const std::string& url() const { return url_; }

  // XADD of one page; returns its entry id.
  virtual Result<std::string> Append(const RawPage& page) = 0;
  // XLEN: entries still in the stream (not yet trimmed by the clusterer).
  virtual Result<int64_t> Length() = 0;

  // Creates `group` reading from the start of the stream (and the stream
  // itself when absent); a group that exists is left as it is.
  virtual Status EnsureGroup(const std::string& group) = 0;
  // XREADGROUP: with `own_pending` the entries already delivered to
  // `consumer` and not acknowledged (what it held when it died), else new
  // entries, waiting up to `block_ms` for one (0: do not wait).
  virtual Result<std::vector<QueuedPage>> Read(const std::string& group,
                                               const std::string& consumer, int count, int block_ms,
                                               bool own_pending) = 0;
  // XAUTOCLAIM: takes over entries pending for longer than `min_idle_ms` in
  // `group` (a dead or stuck consumer's). Entries trimmed meanwhile are
  // dropped from the pending list by the server and not returned.
  virtual Result<std::vector<QueuedPage>> Claim(const std::string& group,
                                                const std::string& consumer, int64_t min_idle_ms,
                                                int count) = 0;
  // XACK.
  virtual Status Ack(const std::string& group, const std::vector<std::string>& entry_ids) = 0;
  // Pending entries of `group`, all consumers (XPENDING summary).
  virtual Result<int64_t> Pending(const std::string& group) = 0;
  // XTRIM MINID: drops the entries before `entry_id`.
  virtual Status TrimBefore(const std::string& entry_id) = 0;

  // The side hashes (<stream>:<table>): HSET, HGET (nullopt when absent), HDEL.
  virtual Status PutNote(const std::string& table, const std::string& key,
                         const std::string& value) = 0;
  virtual Result<std::optional<std::string>> GetNote(const std::string& table,
                                                     const std::string& key) = 0;
  virtual Status DeleteNotes(const std::string& table, const std::vector<std::string>& keys) = 0;
  // HMGET: the notes of `keys`, in their order, in one round trip.
  virtual Result<std::vector<std::optional<std::string>>> GetNotes(
      const std::string& table, const std::vector<std::string>& keys) = 0;

 protected:
  explicit PageQueue(std::string url) : url_(std::move(url)) {}

 private:
  std::string url_;
};

// The fields of a stream entry for `page`, and back. DecodePage is kBadInput
// (naming `entry_id`) for an entry without content or with an unknown format.
std::vector<std::pair<std::string, std::string>> EncodePage(const RawPage& page);
Result<RawPage> DecodePage(const std::string& entry_id,
                           const std::vector<std::pair<std::string, std::string>>& fields);

}  // namespace newsfuse
