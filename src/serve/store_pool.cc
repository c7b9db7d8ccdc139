#include "serve/store_pool.h"

namespace newsfuse::serve {

StorePool::Lease::~Lease() {
  if (pool_ && store_) pool_->Release(std::move(store_));
}

Result<StorePool::Lease> StorePool::Acquire() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!idle_.empty()) {
      std::unique_ptr<Store> store = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(store));
    }
  }
  SqliteStoreOptions options;
  options.read_only = true;
  // A reader waits for a writer's checkpoint, never for its transaction
  // (WAL); a short wait keeps a stuck lock from holding a request long.
  options.busy_timeout_ms = 2000;
  auto store = OpenSqliteStore(path_, options);
  if (!store.ok()) return store.status();
  return Lease(this, std::move(store).value());
}

void StorePool::Release(std::unique_ptr<Store> store) {
  std::lock_guard<std::mutex> lock(mutex_);
  idle_.push_back(std::move(store));
}

}  // namespace newsfuse::serve
