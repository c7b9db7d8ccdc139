#include "serve/store_pool.h"

namespace newsfuse::serve {

StorePool::Lease::~Lease() {
  if (pool_ && conn_) pool_->Release(std::move(conn_));
}

Result<StorePool::StoryRows> StorePool::Lease::ListStories() {
  auto version = conn_->store->DataVersion();
  if (!version.ok()) return version.status();
  if (conn_->rows && conn_->rows_version == *version) return conn_->rows;
  auto rows = conn_->store->ListStories();
  if (!rows.ok()) return rows.status();
  // Keyed by the version read before the rows: a commit landing between the
  // two only makes the next call read again, never serve an old list.
  conn_->rows = std::make_shared<const std::vector<StoryRow>>(std::move(rows).value());
  conn_->rows_version = *version;
  return conn_->rows;
}

Result<StorePool::Lease> StorePool::Acquire() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!idle_.empty()) {
      std::unique_ptr<Connection> conn = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(conn));
    }
  }
  StoreOptions options;
  options.read_only = true;
  // A reader waits for a writer's checkpoint, never for its transaction
  // (WAL); a short wait keeps a stuck lock from holding a request long.
  options.busy_timeout_ms = 2000;
  // A SQLite file or a postgres:// URI, as the CLI's --db.
  auto store = OpenStoreAt(path_, options);
  if (!store.ok()) return store.status();
  auto conn = std::make_unique<Connection>();
  conn->store = std::move(store).value();
  return Lease(this, std::move(conn));
}

void StorePool::Release(std::unique_ptr<Connection> conn) {
  std::lock_guard<std::mutex> lock(mutex_);
  idle_.push_back(std::move(conn));
}

}  // namespace newsfuse::serve
