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
  class Lease {
   public:
    Lease(StorePool* pool, std::unique_ptr<Store> store) : pool_(pool), store_(std::move(store)) {}
    Lease(Lease&&) = default;
    Lease& operator=(Lease&&) = default;
    ~Lease();
    Store& operator*() const { return *store_; }
    Store* operator->() const { return store_.get(); }
    void Discard() { store_.reset(); }

   private:
    StorePool* pool_;
    std::unique_ptr<Store> store_;
  };

  Result<Lease> Acquire();

 private:
  void Release(std::unique_ptr<Store> store);

  std::string path_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Store>> idle_;
};

}  // namespace newsfuse::serve
