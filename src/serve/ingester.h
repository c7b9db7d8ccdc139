// POST /api/articles: one article from a request body, stored and clustered
// by the pipeline exactly as `newsfuse ingest` stores a file (docs/api.md).
//
// The body is first read by the ingest library on its own, with no store
// involved, so a malformed one (bad JSON, an unknown field, no text, more
// than one article) is refused before anything is written. Then it goes
// through Pipeline::IngestFrom on the server's one read-write connection:
// posts are taken one at a time here, and take turns with other processes
// (a CLI ingest) through the store's write lock, so each is clustered with
// every story committed before it and a failure leaves nothing behind.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/pipeline.h"
#include "serve/reply.h"
#include "store/store.h"

namespace newsfuse::serve {

struct PostRequest {
  std::string content_type;  // the Content-Type header as sent
  std::string_view body;
  // For an HTML page: the address it was fetched from (required) and the
  // outlet (optional), from the query string.
  const std::string* url = nullptr;
  const std::string* outlet = nullptr;
};

class Ingester {
 public:
  explicit Ingester(std::string db_path) : db_path_(std::move(db_path)) {}
  ~Ingester();

  // 201 with the story the article joined; 200 when the article was stored
  // before; 400 malformed; 415 a content type other than JSON or HTML; 503
  // when the store cannot be written (read-only file, a writer holding the
  // lock too long).
  Reply Post(const PostRequest& request);

  // A file or folder read as `newsfuse ingest PATH` reads it (--watch),
  // through the connection the posts use, so the two take turns. Not ok only
  // when the store cannot be written or the path cannot be opened at all; a
  // bad page is in `errors` (its locator names the file) and `summary.failed`.
  struct PathOutcome {
    IngestSummary summary;
    std::vector<Status> errors;
  };
  Result<PathOutcome> IngestPath(const std::string& path);

  uint64_t ingested() const { return ingested_; }
  uint64_t duplicates() const { return duplicates_; }
  uint64_t refused() const { return refused_; }

 private:
  Reply Ingest(RawPage page);
  // Opens the read-write connection on first use; under mutex_.
  Status OpenLocked();

  std::string db_path_;
  std::mutex mutex_;  // one post at a time: the Store and Pipeline are one thread's
  std::unique_ptr<Store> store_;
  std::unique_ptr<Pipeline> pipeline_;
  std::atomic<uint64_t> ingested_{0}, duplicates_{0}, refused_{0};
};

}  // namespace newsfuse::serve
