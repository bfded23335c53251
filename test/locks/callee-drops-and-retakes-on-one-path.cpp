// RUN: %maprace %s -- -std=c++17 | %check %s
// A callee that, on one path, drops its caller's lock and takes it again
// (`if (slow) { mu_.unlock(); wait; mu_.lock(); }`) returns with the lock
// held on every path: the caller still holds it after the call. One that
// drops it on some path and does not take it back returns without it.
#include <deque>
#include <mutex>

namespace drops_and_retakes {
class Log {
public:
  int Write() {
    mu_.lock();
    Delay();
    int v = entries_.front();
    mu_.unlock();
    return v;
  }
  void Purge() {
    std::lock_guard<std::mutex> g(mu_);
    entries_.pop_front();
  }

private:
  void Delay() {
    if (slow_) {
      mu_.unlock();
      mu_.lock();
    }
  }
  std::mutex mu_;
  std::deque<int> entries_;
  bool slow_ = false;
};
} // namespace drops_and_retakes

namespace drops_on_one_path {
class Log {
public:
  int Write() {
    mu_.lock();
    MaybeYield();
    int v = entries_.front();
// CHECK: callee-drops-and-retakes-on-one-path.cpp:[[@LINE-1]]:13: warning: data race on 'entries_' (std::deque<int>): read ('front') without holding 'mu_'; the conflicting write in 'Log::Purge' holds it [maprace-unguarded-access]
    return v;
  }
  void Purge() {
    std::lock_guard<std::mutex> g(mu_);
    entries_.pop_front();
  }

private:
  void MaybeYield() {
    if (slow_)
      mu_.unlock();
  }
  std::mutex mu_;
  std::deque<int> entries_;
  bool slow_ = false;
};
} // namespace drops_on_one_path
