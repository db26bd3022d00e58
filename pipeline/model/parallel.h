// Work spread over threads, for the stages that run per source. Results go into slots the
// caller indexes by i, so output never depends on the number of threads.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

namespace dossier::model {

// The threads to use for `threads` (0: one per core), never more than the items.
inline unsigned thread_count(unsigned threads, std::size_t items) {
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  return static_cast<unsigned>(std::max<std::size_t>(1, std::min<std::size_t>(threads, items)));
}

// Work begun now and finished later: its helper threads (threads − 1 of them) start
// on the items at once, while the calling thread does other work; join() then takes on the
// items that are left and waits for the helpers. If fn throws, the remaining items are
// skipped and join() rethrows the first exception once every thread has stopped.
// Destroyed without join(), it skips the remaining items and waits.
template <class Fn>
class StartedFor {
 public:
  StartedFor(std::size_t n, unsigned threads, Fn fn) : n_(n), fn_(std::move(fn)) {
    for (unsigned t = 1; t < thread_count(threads, n); ++t) pool_.emplace_back([this] { work(); });
  }
  StartedFor(const StartedFor&) = delete;
  StartedFor& operator=(const StartedFor&) = delete;
  ~StartedFor() {
    next_ = n_;
    for (auto& t : pool_) {
      if (t.joinable()) t.join();
    }
  }

  void join() {
    work();
    for (auto& t : pool_) t.join();
    if (failure_) std::rethrow_exception(failure_);
  }

 private:
  void work() {
    try {
      for (std::size_t i = next_++; i < n_; i = next_++) fn_(i);
    } catch (...) {
      next_ = n_;
      std::lock_guard lock(failure_mutex_);
      if (!failure_) failure_ = std::current_exception();
    }
  }

  std::size_t n_;
  Fn fn_;
  std::atomic<std::size_t> next_{0};
  std::exception_ptr failure_;
  std::mutex failure_mutex_;
  std::vector<std::thread> pool_;  // last: the threads start once everything else is made
};

// Calls fn(i) once for each i in [0, n), on up to `threads` threads (this one included),
// handing out the next i to whichever thread is free. If fn throws, the remaining items are
// skipped and the first exception is rethrown here once every thread has stopped.
template <class Fn>
void parallel_for(std::size_t n, unsigned threads, Fn&& fn) {
  StartedFor<std::decay_t<Fn>> work(n, threads, std::forward<Fn>(fn));
  work.join();
}

}  // namespace dossier::model
