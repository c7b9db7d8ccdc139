#include "serve/fifo_gate.h"

namespace newsfuse::serve {

FifoGate::Pass FifoGate::Enter() {
  std::unique_lock<std::mutex> lock(mutex_);
  if (free_ > 0 && waiting_.empty()) {
    --free_;
    return Pass(this);
  }
  Waiter me;
  waiting_.push_back(&me);
  me.wake.wait(lock, [&] { return me.admitted; });
  return Pass(this);
}

size_t FifoGate::waiting() {
  std::lock_guard<std::mutex> lock(mutex_);
  return waiting_.size();
}

void FifoGate::Leave() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (waiting_.empty()) {
    ++free_;
    return;
  }
  // The slot passes straight to the earliest waiter: no later arrival can
  // take it in between. Only that one thread is woken.
  Waiter* next = waiting_.front();
  waiting_.pop_front();
  next->admitted = true;
  next->wake.notify_one();
}

}  // namespace newsfuse::serve
