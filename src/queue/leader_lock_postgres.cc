#include <libpq-fe.h>
#include <unistd.h>

#include <memory>
#include <string>

#include "queue/leader_lock.h"

namespace newsfuse {
namespace {

struct ConnFree {
  void operator()(PGconn* c) const { PQfinish(c); }
};
struct ResultFree {
  void operator()(PGresult* r) const { PQclear(r); }
};

// The store's write lock is (1313232211, schema); the leader's is the next
// class id, so the two never meet.
constexpr const char* kTryLock =
    "SELECT pg_try_advisory_lock(1313232212, hashtext(current_schema()))";

class PostgresLeaderLock final : public LeaderLock {
 public:
  explicit PostgresLeaderLock(PGconn* conn) : conn_(conn) {}
  bool Held() override {
    std::unique_ptr<PGresult, ResultFree> r(PQexec(conn_.get(), "SELECT 1"));
    return PQresultStatus(r.get()) == PGRES_TUPLES_OK;
  }

 private:
  std::unique_ptr<PGconn, ConnFree> conn_;
};

// The URI without its password, for messages.
std::string Shown(const std::string& uri) {
  const size_t at = uri.find('@');
  const size_t scheme = uri.find("://");
  if (at == std::string::npos || scheme == std::string::npos) return uri;
  const size_t colon = uri.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return uri;
  return uri.substr(0, colon) + ":***" + uri.substr(at);
}

}  // namespace

Result<std::unique_ptr<LeaderLock>> LeaderLock::Acquire(const std::string& uri, int poll_ms,
                                                        const std::function<void()>& on_wait) {
  std::unique_ptr<PGconn, ConnFree> conn(PQconnectdb(uri.c_str()));
  if (PQstatus(conn.get()) != CONNECTION_OK) {
    return Status::StoreError(
        Shown(uri) + ": cannot connect for the leader lock: " + PQerrorMessage(conn.get()));
  }
  for (;;) {
    std::unique_ptr<PGresult, ResultFree> r(PQexec(conn.get(), kTryLock));
    if (PQresultStatus(r.get()) != PGRES_TUPLES_OK) {
      return Status::StoreError(Shown(uri) + ": leader lock: " + PQerrorMessage(conn.get()));
    }
    if (std::string(PQgetvalue(r.get(), 0, 0)) == "t") break;
    if (on_wait) on_wait();
    usleep(static_cast<useconds_t>(poll_ms) * 1000);
  }
  return std::unique_ptr<LeaderLock>(std::make_unique<PostgresLeaderLock>(conn.release()));
}

}  // namespace newsfuse
