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

// What was obtained under the lock before such a call may be gone after
// it: the callee let other threads in. Looked up again after the call, it
// is fresh.
#include <map>
namespace handle_across_the_call {
class Cache {
public:
  int Stale(int k) {
    mu_.lock();
    auto it = m_.find(k);
    Delay();
    int v = it->second;
// CHECK: callee-drops-and-retakes-on-one-path.cpp:[[@LINE-1]]:13: warning: iterator 'it' into 'm_' (std::map<int, int>) is used after 'mu_' was released and taken again; a concurrent write ('operator[]' inserts missing keys) in 'Cache::Put' holding 'mu_' may invalidate it in between [maprace-unguarded-access]
// CHECK: callee-drops-and-retakes-on-one-path.cpp:[[@LINE-3]]:5: note: 'mu_' is released here
    mu_.unlock();
    return v;
  }
  int Fresh(int k) {
    mu_.lock();
    Delay();
    auto it = m_.find(k);
    int v = it->second;
    mu_.unlock();
    return v;
  }
  void Put(int k) {
    std::lock_guard<std::mutex> g(mu_);
    m_[k] = 1;
  }

private:
  void Delay() {
    if (slow_) {
      mu_.unlock();
      mu_.lock();
    }
  }
  std::mutex mu_;
  std::map<int, int> m_;
  bool slow_ = false;
};
} // namespace handle_across_the_call
