// Read-only store connections shared by the server's worker threads.
//
// A Store is for one thread at a time (store/store.h), and opening one per
// request costs a file open and a schema check, so idle connections are kept
// and lent out. A connection holds no read transaction between calls, so
// each read sees every commit made before it began: a CLI ingest running
// beside the server shows up on the next request.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "store/store.h"

namespace newsfuse::serve {

class StorePool {
 public:
  explicit StorePool(std::string path) : path_(std::move(path)) {}

  // One connection, returned to the pool when the Lease ends unless it was
  // discarded (after a store error, so a broken connection is not reused).
  using StoryRows = std::shared_ptr<const std::vector<StoryRow>>;
  struct Connection {
    std::unique_ptr<Store> store;
    std::optional<int64_t> rows_version;  // DataVersion when `rows` was read
    StoryRows rows;
  };

  class Lease {
   public:
    Lease(StorePool* pool, std::unique_ptr<Connection> conn)
        : pool_(pool), conn_(std::move(conn)) {}
    Lease(Lease&&) = default;
    Lease& operator=(Lease&&) = default;
    ~Lease();
    Store& operator*() const { return *conn_->store; }
    Store* operator->() const { return conn_->store.get(); }
    void Discard() { conn_.reset(); }
    // Store::ListStories, from this connection's memory when nothing was
    // committed since it was read (the rows are shared, never changed).
    Result<StoryRows> ListStories();

   private:
    StorePool* pool_;
    std::unique_ptr<Connection> conn_;
  };

  Result<Lease> Acquire();

 private:
  void Release(std::unique_ptr<Connection> conn);

  std::string path_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Connection>> idle_;
};

}  // namespace newsfuse::serve
