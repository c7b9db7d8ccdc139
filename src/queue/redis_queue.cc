// PageQueue over hiredis (synchronous: each worker is one thread that waits
// on the server anyway, and the stream gives the parallelism).
#include <hiredis/hiredis.h>
#include <unistd.h>

#include <cstdio>
#include <memory>
#include <utility>

#include "queue/queue.h"

namespace newsfuse {
namespace {

struct ReplyFree {
  void operator()(redisReply* r) const { freeReplyObject(r); }
};
using Reply = std::unique_ptr<redisReply, ReplyFree>;

struct ContextFree {
  void operator()(redisContext* c) const { redisFree(c); }
};

std::string Str(const redisReply* r) {
  return r && (r->type == REDIS_REPLY_STRING || r->type == REDIS_REPLY_STATUS)
             ? std::string(r->str, r->len)
             : std::string();
}

class RedisQueue final : public PageQueue {
 public:
  RedisQueue(std::string url, QueueAddress address, redisContext* context)
      : PageQueue(std::move(url)), address_(std::move(address)), context_(context) {}

  Result<std::string> Append(const RawPage& page) override {
    std::vector<std::string> args = {"XADD", address_.stream, "*"};
    for (auto& [name, value] : EncodePage(page)) {
      args.push_back(name);
      args.push_back(value);
    }
    auto reply = Command(args);
    if (!reply.ok()) return reply.status();
    return Str(reply->get());
  }

  Result<int64_t> Length() override { return Integer({"XLEN", address_.stream}); }

  Status EnsureGroup(const std::string& group) override {
    auto reply = Command({"XGROUP", "CREATE", address_.stream, group, "0", "MKSTREAM"}, true);
    if (!reply.ok()) return reply.status();
    const redisReply* r = reply->get();
    if (r->type == REDIS_REPLY_ERROR && std::string(r->str, r->len).rfind("BUSYGROUP", 0) != 0) {
      return Failed("XGROUP CREATE: " + std::string(r->str, r->len));
    }
    return Status::Ok();
  }

  Result<std::vector<QueuedPage>> Read(const std::string& group, const std::string& consumer,
                                       int count, int block_ms, bool own_pending) override {
    std::vector<std::string> args = {"XREADGROUP", "GROUP", group,
                                     consumer,     "COUNT", std::to_string(count)};
    if (block_ms > 0 && !own_pending) {
      args.emplace_back("BLOCK");
      args.push_back(std::to_string(block_ms));
    }
    args.emplace_back("STREAMS");
    args.push_back(address_.stream);
    args.emplace_back(own_pending ? "0" : ">");
    auto reply = Command(args);
    if (!reply.ok()) return reply.status();
    std::vector<QueuedPage> pages;
    std::vector<std::string> gone;
    const redisReply* r = reply->get();
    if (r->type == REDIS_REPLY_ARRAY) {
      for (size_t s = 0; s < r->elements; ++s) {
        const redisReply* stream = r->element[s];
        if (stream->type != REDIS_REPLY_ARRAY || stream->elements < 2) continue;
        Entries(stream->element[1], pages, gone);
      }
    }
    // A pending entry trimmed since (its page was fully handled) has no
    // fields left; acknowledge it so it is not read again.
    if (!gone.empty()) {
      if (Status s = Ack(group, gone); !s.ok()) return s;
    }
    return pages;
  }

  Result<std::vector<QueuedPage>> Claim(const std::string& group, const std::string& consumer,
                                        int64_t min_idle_ms, int count) override {
    auto reply = Command({"XAUTOCLAIM", address_.stream, group, consumer,
                          std::to_string(min_idle_ms), "0-0", "COUNT", std::to_string(count)});
    if (!reply.ok()) return reply.status();
    std::vector<QueuedPage> pages;
    std::vector<std::string> gone;
    const redisReply* r = reply->get();
    if (r->type == REDIS_REPLY_ARRAY && r->elements >= 2) {
      Entries(r->element[1], pages, gone);
    }
    if (!gone.empty()) {
      if (Status s = Ack(group, gone); !s.ok()) return s;
    }
    return pages;
  }

  Status Ack(const std::string& group, const std::vector<std::string>& entry_ids) override {
    if (entry_ids.empty()) return Status::Ok();
    std::vector<std::string> args = {"XACK", address_.stream, group};
    args.insert(args.end(), entry_ids.begin(), entry_ids.end());
    return Command(args).status();
  }

  Result<int64_t> Pending(const std::string& group) override {
    auto reply = Command({"XPENDING", address_.stream, group});
    if (!reply.ok()) return reply.status();
    const redisReply* r = reply->get();
    if (r->type != REDIS_REPLY_ARRAY || r->elements < 1 ||
        r->element[0]->type != REDIS_REPLY_INTEGER)
      return Failed("XPENDING: unexpected reply");
    return static_cast<int64_t>(r->element[0]->integer);
  }

  Status TrimBefore(const std::string& entry_id) override {
    return Command({"XTRIM", address_.stream, "MINID", entry_id}).status();
  }

  Status PutNote(const std::string& table, const std::string& key,
                 const std::string& value) override {
    return Command({"HSET", address_.stream + ":" + table, key, value}).status();
  }

  Result<std::optional<std::string>> GetNote(const std::string& table,
                                             const std::string& key) override {
    auto reply = Command({"HGET", address_.stream + ":" + table, key});
    if (!reply.ok()) return reply.status();
    if ((*reply)->type == REDIS_REPLY_NIL) return std::optional<std::string>();
    return std::optional<std::string>(Str(reply->get()));
  }

  Status DeleteNotes(const std::string& table, const std::vector<std::string>& keys) override {
    if (keys.empty()) return Status::Ok();
    std::vector<std::string> args = {"HDEL", address_.stream + ":" + table};
    args.insert(args.end(), keys.begin(), keys.end());
    return Command(args).status();
  }

  Result<std::vector<std::optional<std::string>>> GetNotes(
      const std::string& table, const std::vector<std::string>& keys) override {
    std::vector<std::optional<std::string>> notes;
    if (keys.empty()) return notes;
    std::vector<std::string> args = {"HMGET", address_.stream + ":" + table};
    args.insert(args.end(), keys.begin(), keys.end());
    auto reply = Command(args);
    if (!reply.ok()) return reply.status();
    const redisReply* r = reply->get();
    if (r->type != REDIS_REPLY_ARRAY || r->elements != keys.size())
      return Failed("HMGET: unexpected reply");
    for (size_t i = 0; i < r->elements; ++i) {
      if (r->element[i]->type == REDIS_REPLY_NIL) {
        notes.emplace_back();
      } else {
        notes.emplace_back(Str(r->element[i]));
      }
    }
    return notes;
  }

 private:
  Status Failed(const std::string& what) const { return Status::IoError(url(), what); }

  // Runs one command; an error reply is a failure unless `errors_ok`. A
  // lost connection (Redis restarted, a network blip) is re-made for up to
  // kReconnectSeconds and the command sent again: every command here may
  // run twice (an XADD twice is a page enqueued twice, stored once; an
  // XREADGROUP whose reply was lost leaves its entries pending, to be
  // claimed), which is the at-least-once contract anyway.
  Result<Reply> Command(const std::vector<std::string>& args, bool errors_ok = false) {
    std::vector<const char*> argv;
    std::vector<size_t> lengths;
    for (const auto& a : args) {
      argv.push_back(a.data());
      lengths.push_back(a.size());
    }
    Reply reply;
    for (;;) {
      reply.reset(static_cast<redisReply*>(redisCommandArgv(
          context_.get(), static_cast<int>(argv.size()), argv.data(), lengths.data())));
      // A restarted server answers LOADING while it replays its AOF.
      if (reply && reply->type == REDIS_REPLY_ERROR &&
          std::string(reply->str, reply->len).rfind("LOADING", 0) == 0) {
        usleep(200 * 1000);
        continue;
      }
      if (reply) break;
      const std::string why = context_->err ? std::string(context_->errstr) : "no reply";
      if (!Reconnect()) return Failed(args.front() + ": " + why + " (could not reconnect)");
    }
    if (reply->type == REDIS_REPLY_ERROR && !errors_ok) {
      return Failed(args.front() + ": " + std::string(reply->str, reply->len));
    }
    return reply;
  }

  Result<int64_t> Integer(const std::vector<std::string>& args) {
    auto reply = Command(args);
    if (!reply.ok()) return reply.status();
    if ((*reply)->type != REDIS_REPLY_INTEGER) return Failed(args.front() + ": not an integer");
    return static_cast<int64_t>((*reply)->integer);
  }

  // Appends the entries of an [[id, [field, value, ...]], ...] reply; the ids
  // of entries without fields (deleted) go to `gone`.
  // An entry that does not decode is returned with its problem, for the
  // consumer to report and set aside.
  static void Entries(const redisReply* list, std::vector<QueuedPage>& pages,
                      std::vector<std::string>& gone) {
    if (list->type != REDIS_REPLY_ARRAY) return;
    for (size_t i = 0; i < list->elements; ++i) {
      const redisReply* entry = list->element[i];
      if (entry->type != REDIS_REPLY_ARRAY || entry->elements < 2) continue;
      std::string id = Str(entry->element[0]);
      const redisReply* kv = entry->element[1];
      if (kv->type != REDIS_REPLY_ARRAY) {
        gone.push_back(std::move(id));
        continue;
      }
      std::vector<std::pair<std::string, std::string>> fields;
      for (size_t f = 0; f + 1 < kv->elements; f += 2) {
        fields.emplace_back(Str(kv->element[f]), Str(kv->element[f + 1]));
      }
      auto page = DecodePage(id, fields);
      QueuedPage queued{std::move(id), {}, Status::Ok()};
      if (page.ok()) {
        queued.page = std::move(page).value();
      } else {
        queued.problem = page.status();
      }
      pages.push_back(std::move(queued));
    }
  }

  static constexpr int kReconnectSeconds = 60;

  bool Reconnect() {
    std::fprintf(stderr, "newsfuse: lost the connection to %s; reconnecting\n", url().c_str());
    for (int i = 0; i < kReconnectSeconds * 5; ++i) {
      usleep(200 * 1000);
      timeval timeout{5, 0};
      redisContext* fresh = redisConnectWithTimeout(address_.host.c_str(), address_.port, timeout);
      if (fresh && !fresh->err) {
        timeval none{0, 0};
        redisSetTimeout(fresh, none);
        context_.reset(fresh);
        return true;
      }
      if (fresh) redisFree(fresh);
    }
    return false;
  }

  QueueAddress address_;
  std::unique_ptr<redisContext, ContextFree> context_;
};

}  // namespace

bool QueueSupported() { return true; }

Result<std::unique_ptr<PageQueue>> PageQueue::Open(const std::string& url) {
  auto address = ParseQueueUrl(url);
  if (!address.ok()) return address.status();
  timeval timeout{5, 0};
  redisContext* context = redisConnectWithTimeout(address->host.c_str(), address->port, timeout);
  if (context == nullptr) return Status::IoError(url, "cannot allocate a Redis connection");
  if (context->err) {
    std::string why = context->errstr;
    redisFree(context);
    return Status::IoError(url, "cannot connect to Redis: " + why);
  }
  // The connect timeout must not cap a blocking XREADGROUP: no read timeout.
  timeval none{0, 0};
  redisSetTimeout(context, none);
  return std::unique_ptr<PageQueue>(
      std::make_unique<RedisQueue>(url, std::move(address).value(), context));
}

}  // namespace newsfuse
