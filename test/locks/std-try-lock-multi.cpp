// RUN: %maprace %s -- -std=c++20 | %check %s
// std::try_lock(a, b) returns -1 when it has locked every mutex.
#include <map>
#include <mutex>

// The write runs where std::try_lock failed (returned the failing index).
namespace try_lock_all_bad {
class Cache {
  std::mutex a_, b_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    if (std::try_lock(a_, b_) == -1) {
      a_.unlock();
      b_.unlock();
    } else {
      m_[k] = v;
      // CHECK: std-try-lock-multi.cpp:[[@LINE-1]]:7: warning: data race on 'm_' (std::map<int, int>): write ('operator[]' inserts missing keys) without holding 'a_'; the conflicting read in 'Cache::Get' holds it [maprace-unguarded-access]
    }
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(a_);
    return m_.count(k);
  }
};
} // namespace try_lock_all_bad

// The write runs only where std::try_lock locked both mutexes. Must stay
// silent.
namespace try_lock_all_ok {
class Cache {
  std::mutex a_, b_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    if (std::try_lock(a_, b_) == -1) {
      m_[k] = v;
      a_.unlock();
      b_.unlock();
    }
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(a_);
    return m_.count(k);
  }
};
} // namespace try_lock_all_ok
