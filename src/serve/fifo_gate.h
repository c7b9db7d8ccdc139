// At most a few requests run their handler at once, the rest wait in the
// order they came.
//
// The HTTP library gives every connection its own thread, so at 64 busy
// connections 64 threads share the server's core. The scheduler then runs
// them in slices and a request preempted halfway (or waiting for a lock its
// preempted holder keeps) waits for all the others: p50 3.6 ms but p99
// 100 ms at 64 wrk connections on one core, and handlers that do 70 us of
// work took over 25 ms for 1.3 % of requests. Waiting threads here sleep
// until their turn instead of competing for the core.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>

namespace newsfuse::serve {

class FifoGate {
 public:
  explicit FifoGate(size_t slots) : free_(slots) {}
  FifoGate(const FifoGate&) = delete;
  FifoGate& operator=(const FifoGate&) = delete;

  // Holds a slot from Enter() until it is destroyed.
  class Pass {
   public:
    explicit Pass(FifoGate* gate) : gate_(gate) {}
    Pass(Pass&& other) noexcept : gate_(other.gate_) { other.gate_ = nullptr; }
    Pass(const Pass&) = delete;
    Pass& operator=(const Pass&) = delete;
    Pass& operator=(Pass&&) = delete;
    ~Pass() {
      if (gate_) gate_->Leave();
    }

   private:
    FifoGate* gate_;
  };

  // Waits, if every slot is taken, until all who came earlier have entered.
  Pass Enter();

  // Threads waiting to enter now.
  size_t waiting();

 private:
  struct Waiter {
    std::condition_variable wake;
    bool admitted = false;
  };
  void Leave();

  std::mutex mutex_;
  size_t free_;
  std::deque<Waiter*> waiting_;  // earliest first
};

}  // namespace newsfuse::serve
